"""Output pieces every section shares: field lists, badges and links, guarded option
values, the nodes written straight to HTML, check marks in words."""
