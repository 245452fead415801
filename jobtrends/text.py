"""HTML (or entity-escaped HTML) to clean text, keeping paragraph and list breaks as newlines.

The spiders clean every description with it and `jobtrends annotate` cleans its input the same
way, so it sits below both crawlers and pipeline.
"""

from __future__ import annotations

import html
import re

# Every pattern is linear on hostile input: a tag body stops at the next "<" or ">", so a
# megabyte of unclosed "<" costs one pass, not one pass per "<".
_ESCAPED_TAG = re.compile(r"&lt;/?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s|&gt;|/)")
_HIDDEN_OPEN = re.compile(r"<(script|style|head|template|noscript)\b|<!--", re.IGNORECASE)
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,30})\b[^<>]*>|<[!?/][^<>]*>")
# A tag that never closes at the very end: a description cut off mid-markup (feeds that trim
# their descriptions, such as Remotive's and Himalayas'), not text to show.
_CUT_TAG = re.compile(r"<[a-zA-Z/][^<>]*\Z")
_BLOCK_TAGS = frozenset(
    "p div ul ol dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr pre blockquote section"
    " article header footer aside nav main figure figcaption address details summary form"
    " fieldset center body html".split()
)
_ODD_SPACE = re.compile("[\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]+")
# One scan says whether either pass has anything to do (most non-ASCII posts only have accents).
_ODD_OR_ZERO_WIDTH = re.compile("[\t\f\v\u00a0\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff]")
_MANY_SPACES = re.compile(" {2,}")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_EMPTY_ITEM = re.compile(r"\n- *(?=\n|$)")
_ITEM_START = re.compile("\x03\\s*")
_ITEM_GAP = re.compile(r"^(- [^\n]*)\n\n(?=- )", re.MULTILINE)
# Control characters html.unescape never produces mark block and list-item boundaries.
_PARA = "\x02"
_ITEM = "\x03"
_COMMON_ENTITIES = (("&#x2F;", "/"), ("&#x27;", "'"), ("&#39;", "'"), ("&quot;", '"'))
_MARKERS = str.maketrans("", "", "\x00\x02\x03")


def html_to_text(html_text: str | None) -> str:
    """Clean text of an HTML fragment: blocks become blank-line-separated, list items own lines."""
    if not html_text:
        return ""
    text = str(html_text)
    if "\x00" in text or _PARA in text or _ITEM in text:
        text = text.translate(_MARKERS)
    if "<" not in text and "&lt;" in text and _ESCAPED_TAG.search(text):
        # Greenhouse and some feeds serve HTML escaped once more: undo that layer first.
        text = html.unescape(text)
    if "<" in text:
        text = _ANY_TAG.sub(_tag_replacement, _drop_hidden(_CUT_TAG.sub("", text, count=1)))
    if "&" in text:
        text = _unescape(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Cheap membership tests first: most postings need only a few of these passes.
    if not text.isascii() and _ODD_OR_ZERO_WIDTH.search(text):
        text = _ZERO_WIDTH.sub("", _ODD_SPACE.sub(" ", text))
    elif "\t" in text or "\f" in text or "\v" in text:
        text = _ODD_SPACE.sub(" ", text)
    if "  " in text:
        text = _MANY_SPACES.sub(" ", text)
    has_items = _ITEM in text
    if has_items:
        text = text.replace(_ITEM, "\n" + _ITEM)
    text = text.replace(_PARA, "\n\n")
    if " \n" in text or "\n " in text:
        text = _strip_spaces_at_newlines(text)
    if has_items:
        text = _EMPTY_ITEM.sub("\n", _ITEM_START.sub("- ", text))
    if "\n\n\n" in text:
        text = _MANY_NEWLINES.sub("\n\n", text)
    if has_items or "\n- " in text:
        text = _ITEM_GAP.sub(r"\1\n", text)
    return text.strip()


def _strip_spaces_at_newlines(text: str) -> str:
    """Drop the spaces on either side of every line break. Equal to re.sub(" +\\n *|\\n +", "\\n"),
    which tries its pattern at every character (about 45 us a post) where a split and strips take
    a few."""
    lines = text.split("\n")
    last = len(lines) - 1
    if not last:
        return text
    return "\n".join(
        [
            line.rstrip(" ") if i == 0 else line.lstrip(" ") if i == last else line.strip(" ")
            for i, line in enumerate(lines)
        ]
    )


def _unescape(text: str) -> str:
    # HN escapes "/" and "'" in every post; plain replaces are far cheaper than the general pass.
    for entity, char in _COMMON_ENTITIES:
        if entity in text:
            text = text.replace(entity, char)
    return html.unescape(text) if "&" in text else text


def _tag_replacement(match: re.Match[str]) -> str:
    name = match.group(2)
    if name is None:
        return ""
    name = name.lower()
    if name == "li":
        return "" if match.group(1) else _ITEM
    if name in ("br", "hr"):
        return "\n"
    if name in ("td", "th"):
        return " "
    return _PARA if name in _BLOCK_TAGS else ""


def _drop_hidden(text: str) -> str:
    """Remove scripts, styles and comments; an unclosed one hides the rest, as in a browser."""
    match = _HIDDEN_OPEN.search(text)
    if match is None:
        return text
    lower = text.lower()
    kept: list[str] = []
    pos = 0
    while match is not None:
        kept.append(text[pos : match.start()])
        if match.group(1):
            end = lower.find("</" + match.group(1).lower(), match.end())
            end = -1 if end < 0 else lower.find(">", end)
        else:
            end = lower.find("-->", match.end())
            end = -1 if end < 0 else end + 2
        if end < 0:
            return " ".join(kept)
        pos = end + 1
        kept.append(" ")
        match = _HIDDEN_OPEN.search(text, pos)
    kept.append(text[pos:])
    return "".join(kept)
