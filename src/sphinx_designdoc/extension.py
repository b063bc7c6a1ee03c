"""``setup()``: wires the config, domain, directives, renderers and outputs into Sphinx."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.fileutil import copy_asset_file

from sphinx_designdoc import config
from sphinx_designdoc.builder import DesignDocBuilder
from sphinx_designdoc.directives.alternative import AlternativeDirective
from sphinx_designdoc.directives.anchors import ItemAnchors
from sphinx_designdoc.directives.component import ComponentDirective
from sphinx_designdoc.directives.design_doc import DesignDocDirective
from sphinx_designdoc.directives.design_index import DesignIndexDirective
from sphinx_designdoc.directives.goals import DesignGoalsDirective, GoalDirective
from sphinx_designdoc.directives.logging_strategy import (
    LoggingStrategyDirective,
    LogUseCaseDirective,
)
from sphinx_designdoc.directives.non_goals import NonGoalsDirective
from sphinx_designdoc.directives.open_question import OpenQuestionDirective
from sphinx_designdoc.directives.sections import SecurityDirective, TestingDirective
from sphinx_designdoc.domain import DesignDomain, unresolved_design_ref
from sphinx_designdoc.i18n import MESSAGE_CATALOG
from sphinx_designdoc.json_output import write_json
from sphinx_designdoc.nodes import (
    design_checklist,
    design_doc_status,
    design_field,
    design_fields,
    design_index,
    design_index_rows,
)
from sphinx_designdoc.outdated import setup_outdated
from sphinx_designdoc.render.doc_status import DocStatusRenderer
from sphinx_designdoc.render.index_html import visit_design_index_rows
from sphinx_designdoc.render.index_table import DesignIndexRenderer, HTMLIndexRenderer
from sphinx_designdoc.render.plain_marks import PlainMarks
from sphinx_designdoc.render.short_forms import ShortFormsRenderer
from sphinx_designdoc.render.short_forms_html import (
    depart_design_field,
    depart_design_fields,
    visit_design_checklist,
    visit_design_field,
    visit_design_fields,
)
from sphinx_designdoc.structure import SwallowedHeadings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

VERSION = "0.1.0"
#: Bump when the stored model changes shape, so old environments are re-read.
ENV_VERSION = 2
STATIC_DIR = Path(__file__).parent / "static"
CSS_FILE = "designdoc.css"

DIRECTIVES = {
    "design-doc": DesignDocDirective,
    "design-goals": DesignGoalsDirective,
    "goal": GoalDirective,
    "non-goals": NonGoalsDirective,
    "component": ComponentDirective,
    "security-considerations": SecurityDirective,
    "testing-strategy": TestingDirective,
    "open-question": OpenQuestionDirective,
    "alternative": AlternativeDirective,
    "logging-strategy": LoggingStrategyDirective,
    "log-use-case": LogUseCaseDirective,
    "design-index": DesignIndexDirective,
}


def copy_stylesheet(app: Sphinx) -> None:
    """Ship the stylesheet (Sphinx before 9.1 has no ``add_static_dir``).

    Copied before any page is written, so Sphinx links it with a checksum that changes
    when the stylesheet does, and an outdated copy is replaced.
    """
    if app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        copy_asset_file(STATIC_DIR / CSS_FILE, static / CSS_FILE, force=True)


def setup(app: Sphinx) -> ExtensionMetadata:
    config.register(app)
    app.add_builder(DesignDocBuilder)
    app.add_domain(DesignDomain)
    app.add_node(design_index)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_transform(ItemAnchors)
    app.add_node(design_doc_status)
    app.add_node(design_fields, html=(visit_design_fields, depart_design_fields))
    app.add_node(design_checklist, html=(visit_design_checklist, None))
    app.add_node(design_field, html=(visit_design_field, depart_design_field))
    app.add_node(design_index_rows, html=(visit_design_index_rows, None))
    app.add_transform(SwallowedHeadings)
    app.add_post_transform(HTMLIndexRenderer)
    app.add_post_transform(DesignIndexRenderer)
    app.add_post_transform(DocStatusRenderer)
    app.add_post_transform(ShortFormsRenderer)
    app.add_post_transform(PlainMarks)
    app.add_message_catalog(MESSAGE_CATALOG, str(Path(__file__).parent / "locale"))
    app.add_css_file(CSS_FILE)
    if hasattr(app, "add_static_dir"):
        app.add_static_dir(STATIC_DIR)
    else:
        app.connect("builder-inited", copy_stylesheet)
    setup_outdated(app)
    app.connect("warn-missing-reference", unresolved_design_ref)
    app.connect("build-finished", write_json)
    return {
        "version": VERSION,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
