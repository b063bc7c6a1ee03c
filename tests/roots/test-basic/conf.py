project = "basic"
extensions = ["sphinx_designdoc"]
