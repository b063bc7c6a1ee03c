"""Making untrusted text inert for the places the commands write it to: a terminal,
Markdown (a pull-request comment, a job summary) and GitHub workflow commands."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\n\r\t\x0b\x0c\x85\u2028\u2029]+")
#: CommonMark lets any ASCII punctuation be escaped with a backslash; these are the ones
#: that can start markup in GitHub Markdown (emphasis, code, links, images, headings,
#: lists, tables, strike-through, HTML, entities, footnotes, math).
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~=:$^\"'])")


def plain(text: str) -> str:
    """One line of text without control characters or invisible direction changes."""
    text = _LINE_BREAKS.sub(" ", text)
    text = _CONTROL.sub("", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf" or c == "\u200d")


def escape_markdown(text: str) -> str:
    """``text`` as inert Markdown: shown as written, on one line, starting no markup.

    Line breaks become spaces; HTML is written as entities (``<img>`` shows as text);
    punctuation that starts markup is backslash-escaped (links, images, code, emphasis,
    headings, lists, ``|`` in table cells); ``@name`` mentions and ``#123`` references
    are broken with a zero-width space so they notify and link nobody.
    """
    text = plain(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return text.replace("@", "@\u200b").replace("\\#", "\\#\u200b")


def github_data(text: str) -> str:
    """The message of a GitHub Actions workflow command: ``%``, CR and LF encoded as the
    runner decodes them, so a message cannot end the command and start another; other
    control characters dropped."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROL.sub("", text)


def github_property(text: str) -> str:
    """A property value of a workflow command (``file=``, ``title=``): as the message,
    and ``:`` and ``,`` too, which end a value."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def code_span(text: str) -> str:
    """``text`` as a Markdown code span, shown literally: fenced with more backticks
    than any run of them in it, padded with spaces when it starts or ends with one."""
    text = plain(text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"
