project = "template"
extensions = ["sphinx_designdoc", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
designdoc_section_aliases = {"migration-plan": ["Rollout plan"]}
