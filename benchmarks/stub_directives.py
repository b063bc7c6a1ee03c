"""A Sphinx extension for the benchmark's ``stubs`` form: this extension's markup, read
and thrown away.

It registers every directive of sphinx-designdoc under its name, with the same
arguments and option names, and the ``design`` domain's roles. docutils reads them
exactly as it reads the real ones: the options through a nested state machine, the
explicit markup that follows a directive through another. A stub's ``run()`` then only
parses its content into a container, and a role gives its text. What a build of the
``stubs`` form costs over plain Sphinx is what any extension pays for directives and
roles in reStructuredText before it does anything with them: the floor under the
``designdoc`` form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.domains import Domain
from sphinx.util.docutils import SphinxDirective

from sphinx_designdoc.domain import DesignDomain
from sphinx_designdoc.extension import SECTIONS

if TYPE_CHECKING:
    from collections.abc import Set

    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx


class _Stub(SphinxDirective):
    """Parse the content and nothing else."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, container)
        return [container]


def _text_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Inliner, *args: Any, **kwargs: Any
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    return [nodes.literal(rawtext, text)], []


class _StubDomain(Domain):
    name = "design"
    roles: ClassVar = dict.fromkeys(DesignDomain.roles, _text_role)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Nothing to merge after a parallel read: the stubs keep no data."""


class _DirectiveRecorder:
    """Stands in for the application in the sections' setups; keeps only their
    directives."""

    def __init__(self) -> None:
        self.directives: dict[str, type[SphinxDirective]] = {}

    def add_directive(self, name: str, directive: type[SphinxDirective]) -> None:
        self.directives[name] = directive

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


def designdoc_directives() -> dict[str, type[SphinxDirective]]:
    """Every directive of sphinx-designdoc, by name, as its sections register them."""
    recorder = _DirectiveRecorder()
    for setup_section in SECTIONS:
        setup_section(recorder)  # type: ignore[arg-type]
    return recorder.directives


def _stub(directive: type[SphinxDirective]) -> type[_Stub]:
    """A stub that docutils reads like ``directive``: same arguments, same options."""
    attributes = {
        "required_arguments": directive.required_arguments,
        "optional_arguments": directive.optional_arguments,
        "final_argument_whitespace": directive.final_argument_whitespace,
        "option_spec": dict.fromkeys(directive.option_spec or {}, directives.unchanged),
    }
    return type(f"Stub{directive.__name__}", (_Stub,), attributes)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_domain(_StubDomain)
    for name, directive in designdoc_directives().items():
        app.add_directive(name, _stub(directive))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
