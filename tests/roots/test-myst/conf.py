project = "myst"
extensions = ["sphinx_designdoc", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
version = "1.0"
copyright = "2026, Acme"
