"""Which line of a directive each of its options is written on, read from its own text.

docutils and MyST hand a directive its options as a dict, without their lines, but also
its whole text (``block_text``), which starts at the directive's first line: reST
``.. name::``, or (MyST 5.2 and later) the opening fence ``` ```{name} ```.  The options
are its ``:name: value`` lines, or in MyST a YAML block between ``---`` lines.  An older
MyST hands over only the content; then no option line is known.
"""

from __future__ import annotations

import re

_OPENING = re.compile(
    r"\s*(?:\.\.\s+(?P<rst>\S+?)\s*::(?=\s|$)|(?:`{3,}|~{3,}|:{3,})\s*\{(?P<myst>[^}\s]+)\})"
)
#: ``:name: value``, the form of both reST and MyST: name and indentation.
_FIELD = re.compile(r"(?P<indent>[ \t]*):(?P<name>[^:\s][^:]*?):(?:\s|$)")
#: ``name: value`` in a MyST YAML block, the key perhaps quoted.
_YAML_KEY = re.compile(
    r"(?P<indent>[ \t]*)(?P<q>[\"']?)(?P<name>[^\s\"'#:][^\"':]*?)(?P=q)\s*:(?:\s|$)"
)


def option_offsets(block_text: str, directive: str) -> dict[str, int]:
    """Each option's line, counted from the directive's first line (0).

    Empty when ``block_text`` does not start with the opening of ``directive``.  Lines
    are split at ``\\n`` only, as MyST counts them (docutils has split them already).
    """
    lines = block_text.split("\n")
    opening = _opening(lines, directive)
    if opening is None:
        return {}
    if opening["myst"] is None:  # reST: options may follow argument lines, even line 0's
        lines[0] = lines[0][opening.end() :]
        start = 0 if lines[0].strip() else 1
        return _keys(lines, start, _FIELD, leading_text=True)
    if len(lines) > 1 and lines[1].startswith("---"):
        return _keys(lines, 2, _YAML_KEY, leading_text=False, end="---")
    return _keys(lines, 1, _FIELD, leading_text=False)


def _opening(lines: list[str], directive: str) -> re.Match[str] | None:
    """The opening of ``directive`` on the first line, if the text starts with it."""
    opening = _OPENING.match(lines[0])
    if opening is None or directive not in (opening["rst"], opening["myst"]):
        return None
    return opening


def _keys(
    lines: list[str], start: int, key: re.Pattern[str], *, leading_text: bool, end: str = ""
) -> dict[str, int]:
    """The keys at the indentation of the first one below line 0, up to a blank line (or
    to ``end``, the YAML block's own end); deeper lines continue a value.
    ``leading_text``: other lines (reST's argument lines) may come first."""
    found: dict[str, int] = {}
    indent: str | None = None
    for offset in range(start, len(lines)):
        line = lines[offset]
        if end:
            if line.startswith(end):
                break
            if not line.strip() or line.lstrip().startswith("#"):
                continue  # YAML allows blank lines and comments between keys
        elif not line.strip():
            break
        match = key.match(line)
        if match and indent in (None, match["indent"]):
            indent = match["indent"] if offset else None
            found.setdefault(match["name"], offset)
        elif indent is None and not leading_text:
            break
    return found


def marker_offsets(block_text: str, directive: str, name: str) -> list[int]:
    """Every line that starts with ``:name:``, counted from the directive's first line;
    empty when ``block_text`` does not start with the opening of ``directive``."""
    lines = block_text.split("\n")
    if _opening(lines, directive) is None:
        return []
    return [
        offset
        for offset, line in enumerate(lines[1:], start=1)
        if (match := _FIELD.match(line)) and match["name"] == name
    ]
