project = "basic"
extensions = ["sphinx_designdoc"]
version = "1.0"
copyright = "2026, Acme"
