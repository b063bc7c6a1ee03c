project = "escaping"
extensions = ["sphinx_designdoc", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
