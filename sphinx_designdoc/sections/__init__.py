"""One module per section of the template: its directives, nodes, renderings and
``setup_<section>(app)``; what they share is in :mod:`.base`, :mod:`.anchors`,
:mod:`.option_lines` and :mod:`.structure`."""
