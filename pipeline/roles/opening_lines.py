"""Openings named by a body line that opens with a title and goes on as a phrase.

Posts of every era introduce each opening with a line that starts with the title and describes
it in the same sentence: "A Machine Learning Engineer to build tools ...", "- A machine learning
engineer who's an expert at image models", "Role: Computer Vision / ML engineer working on ...".
The line reader takes such lines for prose unless a cue line comes right before them. This module
reads them when the line is a list item, carries a role label, or opens with an article, and adds
the families the other readers missed. A listed title whose own line goes on with its team or
areas ("* Algorithms engineer (image processing, deep learning)", "- RESEARCH ENGINEERS |
Computer Vision, Robotics") is read with them. A title or area alone before a link on its line
("Machine Learning: https://...", "Manager, Engineering - Machine Learning https://...") names
the opening the link describes. A line of titles run together between bullets ("► Data
Engineer ► Data Scientist ► Machine Learning Engineer") is a list too. It also gives a bare role noun the AI qualifier that leads
the pair it closes ("ML Research scientists and engineers": ML research engineers).
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import AI_ENGINEER, COMPARED_ROLES, OTHER
from pipeline.roles.header_fields import title_before_prose
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import (
    BULLET,
    MAX_POST_CHARS,
    PROSE_STOP,
    PROSE_WORDS,
    TITLE_WORDS,
    folds_plainly,
)
from pipeline.roles.linked_titles import labels_teams, links_no_job_page
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.post_text import lowered, post_lines
from pipeline.roles.titles import Opening, classify_title, parse_title
from pipeline.roles.wording import is_prose, strip_urls

# "Role: ...", "Position 2: ...", "Opening - ...": a label that says the line names an opening.
_ROLE_LABEL = re.compile(
    r"^(?:open\s+)?(?:role|position|opening|job|vacancy|title)(?:\s*#?\d{1,2})?\s*[:\-–—]\s*",
    re.I,
)
# An article or a count before the title: "A ML engineer to ...", "Two data scientists who ...".
_ARTICLE = re.compile(r"^(?:an?|one|two|three|\d{1,2}x?)\s+(?=\S)", re.I)
# What may follow the title for the line to still be about the opening: the end of the line, a
# punctuation mark that closes the title, or a word that starts its description. Any other word
# ("Data scientists on our team use ...") makes the line a sentence about people already there.
_TITLE_FOLLOWER = re.compile(
    r"^(?:$|[:(,.;|!◦•·▪►$£€]|[-–—]\s|(?:to|who|who's|with|for|that|working|passionate|experienced|"
    r"focused|interested|excited|eager|skilled|wanting|looking|comfortable|based|located|"
    r"familiar)\b)",
    re.I,
)
# A bare list item (no article, no label) is as often a line of perks or team facts ("* Data
# Scientist that plays the ukulele"): there only a purpose ("to ...") or the end of the title
# may follow it, or the experience asked for ("with ...", "experienced in ...").
_BARE_ITEM_FOLLOWER = re.compile(
    r"^(?:$|[:(,.;|!◦•·▪►$£€]|[-–—]\s|(?:to|with|experienced)\b)", re.I
)
# "ML Research scientists and engineers", "AI researchers & developers": a leading qualifier of
# at most two more words, shared by the bare role noun that closes the pair.
_SHARED_QUALIFIER = re.compile(
    r"\b(?P<qualifier>(?:ML|AI|LLM|NLP|GenAI|machine\s+learning|deep\s+learning|"
    r"computer\s+vision)(?:\s+[A-Za-z]+){0,2}?)\s+(?:scientists|researchers|engineers|"
    r"developers)\s*(?:and|&|/|or)\s*(?P<bare>engineers|developers)\b",
    re.I,
)
_BARE_NOUNS = frozenset({"engineer", "developer"})
# What a list line may add after its title: a parenthesis, a pipe field or a dashed team.
_QUALIFIER_AFTER = re.compile(
    r"^\s*(?:\((?P<paren>[^()]{1,80})\)|\|\s*(?P<pipe>[^|]{1,60}?)\s*(?:\||$)"
    r"|[-–—]\s+(?P<dash>[^|()]{1,60}?)\s*$)"
)
_QUALIFIER_MARK = re.compile(r"[(|\-–—]")
_AREA_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:,|/|&|\band\b|\bor\b)\s*")
# A line that is only a title or an area and the link to its job description.
_LINKED = re.compile(
    r"^(?:[-*•·▪►]+\s*)?(?P<name>[^:|]{2,80}?)\s*(?:[:|\-–—]\s*)?"
    r"(?P<link>(?:https?://|www\.)\S+)\s*$",
    re.I,
)
_OPENINGS_WORD = re.compile(r"\s+(?:roles?|positions?|openings?|jobs?)$", re.I)
# Words that make the link a page about the work, not an opening ("Data Science at Acme: ...",
# "Machine Learning blog: ...").
_PAGE_WORDS = re.compile(
    r"\b(?:at|@|blog|team|careers|paper|papers|page|website|site|github|docs|more|info|details|"
    r"article|post|talk|video|demo|news|research|publications?)\b",
    re.I,
)
# Bullets between titles on one line, and how many items make the line a list of them.
_INLINE_BULLET = re.compile(r"(?:(?<!\s)|(?!\s))\s*[►◦‣•▪]\s*")
_BULLET_CHAR = re.compile(r"[►◦‣•▪]")
_MIN_INLINE_ITEMS = 3
# An item of such a list is a title of at most this many words (as in a header's comma list).
_MAX_INLINE_ITEM_WORDS = 6
# A line longer than this is a paragraph; only its start is read for the title.
_HEAD_CHARS = 200
_FAMILIES = COMPARED_ROLES


def line_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families named at the start of body lines that `found` lacks."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or not text.strip() or is_resume(text):
        return []
    seen = {(o.normalized_title.lower(), o.role_family) for o in found}
    extra = _shared_qualifier(text, found, have) or _qualified_on_its_line(text, found, have)
    have |= {o.role_family for o in extra}
    under_teams = False
    for line in post_lines(text)[1:]:
        specs = _line_titles(line.strip()[:_HEAD_CHARS])
        if labels_teams(line.strip()):
            under_teams = True
            continue
        if not line.strip():
            continue
        # the label stands over the lines right below it; a line of prose ends its list
        under_teams = under_teams and (bool(specs) or _is_linked(line))
        for parsed, title, normalized in specs:
            key = (normalized.lower(), parsed.family)
            if parsed.family not in _FAMILIES or parsed.family in have or key in seen:
                continue
            if under_teams and parsed.kind != "role":
                continue
            seen.add(key)
            extra.append(
                Opening(
                    title=title,
                    normalized_title=normalized,
                    role_family=parsed.family,
                    seniority=parsed.seniority,
                )
            )
    return extra


def _shared_qualifier(text: str, found: list[Opening], have: set[str]) -> list[Opening]:
    """An AI opening where a bare role noun that `found` holds shares the qualifier before it."""
    if AI_ENGINEER in have:
        return []
    bare = {o.title.lower() for o in found if o.normalized_title.lower() in _BARE_NOUNS}
    for m in _SHARED_QUALIFIER.finditer(text) if bare and _may_share(text) else ():
        if m.group("bare").lower() not in bare:
            continue
        opening = classify_title(f"{m.group('qualifier')} {m.group('bare')}")
        if opening.role_family == AI_ENGINEER:
            return [opening]
    return []


def _may_share(text: str) -> bool:
    """False when text holds no plural role noun, which _SHARED_QUALIFIER needs (a quick test)."""
    low = lowered(text)
    return not folds_plainly(text) or "engineers" in low or "developers" in low


def _qualified_on_its_line(text: str, found: list[Opening], have: set[str]) -> list[Opening]:
    """An AI opening where a title `found` holds goes on, on its own line, with an AI qualifier."""
    titles = sorted({o.title for o in found if o.role_family == OTHER and o.title}, key=len)
    if AI_ENGINEER in have or not titles:
        return []
    lowered = [(title, title.lower()) for title in reversed(titles)]
    for line in post_lines(text)[1:]:
        if _QUALIFIER_MARK.search(line) is None:
            continue  # no parenthesis, pipe or dash: nothing _QUALIFIER_AFTER can match
        bullet = BULLET.match(line.strip())
        content = strip_urls(bullet.group("body") if bullet else line).strip()
        low = content.lower()
        for title, title_low in lowered:
            if not low.startswith(title_low):
                continue
            after = _QUALIFIER_AFTER.match(content[len(title) :])
            if after is None:
                break
            qualifier = next(q for q in after.groups() if q is not None).strip()
            # "(ML experience a plus)" is a requirement and "| AI startup vibes" a remark; only a
            # list holding an AI area qualifies ("(image processing, deep learning)")
            areas = [parse_title(a) for a in _AREA_SEP.split(qualifier)]
            if not is_prose(qualifier) and any(
                a.kind == "discipline" and a.family == AI_ENGINEER for a in areas
            ):
                opening = classify_title(f"{title} ({qualifier})")
                if opening.role_family == AI_ENGINEER:
                    return [opening]
            break
    return []


@lru_cache(maxsize=65_536)
def _line_titles(line: str) -> tuple[Spec, ...]:
    """The roles a line names at its start, when it is shaped as an opening (see the module)."""
    inline = _inline_titles(line) or _linked_title(line)
    if inline:
        return inline
    bullet = BULLET.match(line)
    content = bullet.group("body") if bullet else line
    content = strip_urls(content).replace("’", "'").strip()
    label = _ROLE_LABEL.match(content)
    if label is not None:
        content = content[label.end() :]
    article = _ARTICLE.match(content)
    if article is not None:
        content = content[article.end() :]
    if bullet is None and label is None and article is None:
        return ()
    follower = _TITLE_FOLLOWER if label or article else _BARE_ITEM_FOLLOWER
    specs = title_before_prose(_title_span(content, follower), TITLE_WORDS)
    if not specs:
        return ()
    return tuple(spec for spec in specs if spec[0].family in _FAMILIES)


def _linked_title(line: str) -> tuple[Spec, ...]:
    """The title or area of a line that holds only it and a link ("Computer Vision: https://...")."""
    low = line.lower()
    # _LINKED needs a link ("http" or "www." in any case; no other letter folds to theirs)
    m = _LINKED.match(line) if "http" in low or "www." in low else None
    if m is None:
        return ()
    name = _OPENINGS_WORD.sub("", m.group("name").strip(" *-–—:")).strip()
    if not name or len(name.split()) > TITLE_WORDS or is_prose(name) or _PAGE_WORDS.search(name):
        return ()
    opening = classify_title(name)
    if opening.role_family not in _FAMILIES:
        return ()
    parsed = parse_title(name)
    # an area with its paper, post or demo is the work, not an opening: "ML: <site>/paper.pdf"
    if parsed.kind != "role" and links_no_job_page(m.group("link")):
        return ()
    return ((parsed, name, opening.normalized_title),)


def _is_linked(line: str) -> bool:
    """Whether a line holds only a name and a link (the shape of a linked title or area)."""
    low = line.lower()
    return ("http" in low or "www." in low) and _LINKED.match(line.strip()) is not None


def _inline_titles(line: str) -> tuple[Spec, ...]:
    """The titles of a line that runs them together between bullets, when each item is one."""
    if line.isascii() or _BULLET_CHAR.search(line) is None:
        return ()  # no bullet (none is ASCII): one item at most
    items = [i.strip(" ,;") for i in _INLINE_BULLET.split(strip_urls(line))]
    items = [i for i in items if i]
    if len(items) < _MIN_INLINE_ITEMS or any(
        len(i.split()) > _MAX_INLINE_ITEM_WORDS or is_prose(i) for i in items
    ):
        return ()
    specs = [item_specs(i) for i in items]
    if not all(s and all(spec[0].kind in ("role", "discipline") for spec in s) for s in specs):
        return ()
    if not any(spec[0].kind == "role" for s in specs for spec in s):
        return ()
    return tuple(spec for s in specs for spec in s if spec[0].family in _FAMILIES)


_STOP_OR_PROSE = PROSE_STOP | PROSE_WORDS


def _title_span(content: str, follower: re.Pattern[str]) -> str:
    """The shortest start of content that a description may follow (see _TITLE_FOLLOWER)."""
    words = content.split()
    for size in range(1, min(len(words), TITLE_WORDS) + 1):
        head = " ".join(words[:size])
        if words[size - 1].lower().strip(",.:;!") in _STOP_OR_PROSE:
            return ""
        if head[-1] in ",.:;!◦•·▪►":
            return head[:-1]
        if follower.match(" ".join(words[size:])):
            return head
    return ""
