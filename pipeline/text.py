"""HTML (or entity-escaped HTML) to clean text, keeping paragraph and list breaks as newlines."""

from __future__ import annotations

import html
import re

# Every pattern is linear on hostile input: tag bodies stop at the next "<" or ">", so a
# megabyte of unclosed "<" costs one pass, not one pass per "<".
_ESCAPED_TAG = re.compile(r"&lt;/?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s|&gt;|/)")
_DROP_BLOCK = re.compile(
    r"<(script|style|head|template|noscript)\b[^<>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_LIST_ITEM = re.compile(r"<li\b[^<>]*>", re.IGNORECASE)
_BREAK = re.compile(r"<br\b[^<>]*>|<hr\b[^<>]*>", re.IGNORECASE)
_CELL = re.compile(r"</?t[dh]\b[^<>]*>", re.IGNORECASE)
_BLOCK = re.compile(
    r"</?(?:p|div|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tfoot|tr|pre|blockquote|section"
    r"|article|header|footer|aside|nav|main|figure|figcaption|address|details|summary|form"
    r"|fieldset|center|body|html)\b[^<>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?[a-zA-Z!?][^<>]*>")
_INLINE_SPACE = re.compile(r"[ \t\f\v\r\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_SPACED_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_EMPTY_ITEM = re.compile(r"\n- *(?=\n|$)")
_ITEM_START = re.compile("\x03\\s*")
_ITEM_GAP = re.compile(r"^(- [^\n]*)\n\n(?=- )", re.MULTILINE)
# Control characters html.unescape never produces mark block and list-item boundaries.
_PARA = "\x02"
_ITEM = "\x03"
_MARKERS = str.maketrans("", "", "\x00\x02\x03")


def html_to_text(html_text: str | None) -> str:
    """Clean text of an HTML fragment: blocks become blank-line-separated, list items own lines."""
    if not html_text:
        return ""
    text = str(html_text).translate(_MARKERS)
    if "<" not in text and _ESCAPED_TAG.search(text):
        # Greenhouse and some feeds serve HTML escaped once more: undo that layer first.
        text = html.unescape(text)
    if "<" in text:
        text = _DROP_BLOCK.sub(" ", text)
        text = _LIST_ITEM.sub(_ITEM, text)
        text = _BREAK.sub("\n", text)
        text = _CELL.sub(" ", text)
        text = _BLOCK.sub(_PARA, text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = _ZERO_WIDTH.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INLINE_SPACE.sub(" ", text)
    text = text.replace(_ITEM, "\n" + _ITEM).replace(_PARA, "\n\n")
    text = _SPACED_NEWLINE.sub("\n", text)
    text = _ITEM_START.sub("- ", text)
    text = _EMPTY_ITEM.sub("\n", text)
    text = _ITEM_GAP.sub(r"\1\n", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()
