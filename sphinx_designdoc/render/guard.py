"""Titles and option values are shown as text where they would be markup or a script.

They are parsed as inline markup, so that ``literal``, emphasis and roles work, but at
directive time docutils has not finished with them: a named (`` `x`_ ``) or anonymous
(`` `x`__ ``) reference gets its URL from a target elsewhere on the page, and a
substitution (``|x|``) its content from a definition, in read transforms that run after
every directive. So a value that holds any of these, a link or raw markup waits in a
:class:`guarded_value`, a docutils ``pending`` node, whose transform runs once they are
resolved: it turns every raw node into its text, and every link whose URL is not
``http(s)``, ``mailto`` or relative into the text it shows. Cross-references
(``pending_xref``) resolve later still, into links within the project.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from docutils import nodes
from docutils.transforms import Transform

if TYPE_CHECKING:
    from collections.abc import Sequence

#: What a value's markup can be, or become, a link or raw markup from.
_MAY_BE_ACTIVE = (nodes.raw, nodes.reference, nodes.substitution_reference)
#: Schemes a link from a title or option value may have ("" is a relative URL).
_LINKABLE_SCHEMES = frozenset({"", "http", "https", "mailto"})
#: What browsers strip from the start of a URL (``urlsplit`` strips it only since
#: Python 3.11.4; it removes tabs and line breaks anywhere itself).
_C0_CONTROL_OR_SPACE = "".join(map(chr, range(0x21)))


def is_linkable(uri: str) -> bool:
    """Whether a browser reads ``uri`` as ``http(s)``, ``mailto`` or relative."""
    try:
        return urlsplit(uri.lstrip(_C0_CONTROL_OR_SPACE)).scheme in _LINKABLE_SCHEMES
    except ValueError:  # such as an unclosed IPv6 address: not worth a link
        return False


def _is_active(node: nodes.Node) -> bool:
    """Raw markup (MyST passes inline HTML through), or a link that is not linkable
    (docutils links any standalone URI with a registered scheme, ``javascript:`` too)."""
    if isinstance(node, nodes.reference):
        return "refuri" in node and not is_linkable(node["refuri"])
    return isinstance(node, nodes.raw)


def _may_be_active(node: nodes.Node) -> bool:
    return isinstance(node, _MAY_BE_ACTIVE)


class ValueGuard(Transform):
    """Show what a :class:`guarded_value` holds as text where it is active, and put
    what it holds in its place."""

    # Once the references and substitutions are resolved (the last, InternalTargets, is
    # 660), and before smart quotes (750), so that the text it makes reads like the rest.
    default_priority = 670

    def apply(self, **kwargs: object) -> None:
        value = self.startnode
        assert value is not None  # applied to the pending node that asked for it
        for node in list(value.findall(_is_active, include_self=False)):
            # (replace_self would refuse to leave the node's classes behind)
            node.parent.replace(node, nodes.Text(node.astext()))
        parent = value.parent
        if parent is not None and value in parent.children:  # not dropped meanwhile
            parent.replace(value, value.children)


class guarded_value(nodes.pending):
    """A title or option value until :class:`ValueGuard` has checked it; never written."""

    child_text_separator = ""  # its text is its children's, as in the text around it


def guarded(document: nodes.document, parsed: Sequence[nodes.Node]) -> list[nodes.Node]:
    """``parsed`` (a title or option value) as it is, or, when its markup can be or
    become a link or raw markup, in a :class:`guarded_value` that ``document`` checks
    once references are resolved."""
    if not any(
        isinstance(node, nodes.Element) and next(node.findall(_may_be_active), None) is not None
        for node in parsed
    ):
        return list(parsed)
    value = guarded_value(ValueGuard, None, "", *parsed)
    document.note_pending(value)
    return [value]
