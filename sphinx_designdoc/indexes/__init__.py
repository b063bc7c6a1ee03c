"""Index tables (``design-index``) and the ``design`` domain's index pages."""
