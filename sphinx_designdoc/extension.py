"""``setup()``: the configuration, the domain, then each section of the template, the
index tables, the shared rendering and the outputs, each registering itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_designdoc import __version__, config
from sphinx_designdoc.builder import DesignDocBuilder
from sphinx_designdoc.domain import setup_domain
from sphinx_designdoc.i18n import MESSAGE_CATALOG
from sphinx_designdoc.indexes.design_graph import setup_design_graph
from sphinx_designdoc.indexes.design_index import setup_design_index
from sphinx_designdoc.indexes.domain_indices import setup_domain_indices
from sphinx_designdoc.json_output import setup_json_output
from sphinx_designdoc.outdated import setup_outdated
from sphinx_designdoc.render.check_marks import setup_check_marks
from sphinx_designdoc.render.expand import setup_expand
from sphinx_designdoc.render.fields import setup_fields
from sphinx_designdoc.review import setup_review
from sphinx_designdoc.sections.alternatives import setup_alternatives
from sphinx_designdoc.sections.anchors import setup_anchors
from sphinx_designdoc.sections.components import setup_components
from sphinx_designdoc.sections.design_doc import setup_design_doc
from sphinx_designdoc.sections.goals import setup_goals
from sphinx_designdoc.sections.logging_strategy import setup_logging_strategy
from sphinx_designdoc.sections.non_goals import setup_non_goals
from sphinx_designdoc.sections.open_questions import setup_open_questions
from sphinx_designdoc.sections.security import setup_security
from sphinx_designdoc.sections.structure import setup_structure
from sphinx_designdoc.sections.testing import setup_testing
from sphinx_designdoc.static_files import STATIC_DIR, ship

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Bump when the stored model changes shape, so old environments are re-read.
ENV_VERSION = 5  # 5: what a page shows includes its graphs
CSS_FILE = "designdoc.css"

#: One per section of the template, in its order, then the index tables and the graph.
SECTIONS = (
    setup_design_doc,
    setup_goals,
    setup_non_goals,
    setup_components,
    setup_logging_strategy,
    setup_security,
    setup_testing,
    setup_alternatives,
    setup_open_questions,
    setup_design_index,
    setup_design_graph,
    setup_domain_indices,
)
#: What every section shares: item anchors, the MyST structure check, field lists, the
#: expansion for builders other than HTML, check marks in words for LaTeX and Texinfo.
SHARED = (setup_anchors, setup_structure, setup_fields, setup_expand, setup_check_marks)


def setup(app: Sphinx) -> ExtensionMetadata:
    config.register(app)
    setup_domain(app)
    for setup_part in (*SECTIONS, *SHARED):
        setup_part(app)
    app.add_builder(DesignDocBuilder)
    setup_outdated(app)
    setup_json_output(app)
    setup_review(app)
    setup_static(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def setup_static(app: Sphinx) -> None:
    """The stylesheet and the translations of the extension's own words."""
    app.add_message_catalog(MESSAGE_CATALOG, str(Path(__file__).parent / "locale"))
    app.add_css_file(CSS_FILE)
    if hasattr(app, "add_static_dir"):
        app.add_static_dir(STATIC_DIR)
    else:
        app.connect("builder-inited", copy_stylesheet)


def copy_stylesheet(app: Sphinx) -> None:
    """Ship the stylesheet (Sphinx before 9.1 has no ``add_static_dir``)."""
    if app.builder.format == "html":
        ship(app, CSS_FILE)
