"""Each rules module tested as pure functions: model objects in, exact findings out.

A package, so that these modules are ``rules.test_<module>`` and never clash with a
test module of the same name elsewhere in tests/.
"""
