"""A role noun shared by a run of areas: "iOS, Android and Backend engineers" names one opening
per area ("iOS engineers", "Android engineers", "Backend engineers").

The readers take the last area with the noun ("Backend engineers") and the areas before it bare
("Android") or not at all; every area gets the noun, as readers write the openings. The run
counts only when one of the post's openings is its last area with the noun, so a run the
readers did not take for hiring adds nothing. A bare area is renamed only when it keeps its
family, and a new opening is added only when its family is `other` or one the post already
has: no post's families change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.roles.titles import Opening, classify_title
from pipeline.roles.vocabulary import SENIORITY_WORDS

# One area of the run: a single word ("iOS", "C++", "front-end", "support/solution").
_AREA = r"[A-Za-z][\w.+#/-]*"
# "platform, game, systems, and mobile engineers", "embedded and GUI developers": areas joined
# by commas and a last "and", "or" or "&", then the last area (one or two words) and the noun.
# A run starts at a word that follows no comma, and its comma list is never given back: each
# comma run is read once, so a long one costs linear time.
_RUN = re.compile(
    rf"(?<![\w.+#/-])(?<!,)(?<!,[ \t])"
    rf"(?P<areas>(?>(?:{_AREA}[ \t]*,[ \t]*)*)(?:{_AREA}[ \t]+)?(?:and|or|&)[ \t]+)"
    rf"(?P<last>{_AREA}(?:[ \t]+{_AREA})?)[ \t]+(?P<noun>engineers|developers|devs)\b",
    re.I,
)
_SPLIT = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:and|or|&)[ \t]+", re.I)
_JOINERS = frozenset({"and", "or", "&"})
# Words of the sentence before a run, not areas: the run starts after the last of them
# ("We need both embedded and GUI developers", "hiring experienced web and mobile devs").
_NOT_AREAS = frozenset(
    """a an the our your their both either all any some many several more other new top also
    and or for of in to at with from by as is are be we us hiring need needs needed seeking
    looking hire want including include includes especially particularly like such
    experienced senior junior lead staff principal talented great good strong skilled smart
    passionate excellent amazing awesome brilliant motivated world-class top-notch""".split()
) | frozenset(
    # the traits a post wants in the people it hires: "empathetic and mission focused
    # engineers", "humble, hungry and sharp developers" describe people, not areas
    """empathetic hungry humble sharp fun creative curious friendly kind driven ambitious
    hardworking hard-working pragmatic thoughtful entrepreneurial scrappy enthusiastic dedicated
    versatile seasoned solid capable productive exceptional outstanding stellar innovative
    independent happy nice focused self-motivated self-starting self-directed collaborative
    humble-but-hungry resourceful diverse remote local""".split()
)
# "front and back end developers": the first half of a compound takes its second word.
_COMPOUND_ENDS = frozenset({"end", "stack"})
_HALVES = frozenset({"front", "back", "full"})


# An area that is itself a role noun or a level is no area ("engineers and data engineers",
# "mid-level and senior engineers").
_NOT_AREA_WORDS = SENIORITY_WORDS | frozenset(
    """engineer engineers developer developers dev devs scientist scientists manager managers
    researcher researchers designer designers analyst analysts architect architects hacker
    hackers specialist specialists programmer programmers tester testers consultant
    consultants lead leads engineering development mid level intermediate sr jr""".split()
)
_WORD = re.compile(r"[a-z0-9+#.]+")
_ROLE_PLURALS = frozenset("engineers developers devs".split())
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w+#-]*)[ \t]+$")


def _is_area(part: str) -> bool:
    words = _WORD.findall(part.lower())
    return bool(words) and not part.endswith("-") and not set(words) <= _NOT_AREA_WORDS


def _areas(found: re.Match[str], text: str) -> list[str]:
    """The areas of a run before its last one, without the sentence words leading it; a run
    that starts inside a longer name ("Embedded Linux, Platform and Network Engineers") loses
    its first, partial area."""
    parts = [p.strip() for p in _SPLIT.split(found.group("areas"))]
    parts = [p for p in parts if p and p.lower() not in _JOINERS]
    start = 0
    for i, part in enumerate(parts):
        if part.lower() in _NOT_AREAS:
            start = i + 1
    if start == 0:
        previous = _PREVIOUS_WORD.search(text, 0, found.start())
        if previous and previous.group(1).lower() not in _NOT_AREAS:
            start = 1
    areas = parts[start:]
    return areas if all(_is_area(a) for a in areas) else []


def _word_set(title: str) -> frozenset[str]:
    return frozenset(w[:-1] if w in _ROLE_PLURALS else w for w in _WORD.findall(title.lower()))


def _low(title: str) -> str:
    return " ".join(title.lower().split())


def with_shared_nouns(openings: Sequence[Opening], text: str) -> list[Opening]:
    """The post's openings with each area of a run sharing a role noun named as its own opening."""
    if not text or not _RUN.search(text):
        return list(openings)
    out = list(openings)
    families = {o.role_family for o in out} - {"other"}
    for found in _RUN.finditer(text):
        last = _low(f"{found.group('last')} {found.group('noun')}")
        if not any(_low(o.title) == last for o in out):
            continue
        noun = found.group("noun")
        ending = found.group("last").split()[1:]
        for area in _areas(found, text):
            whole = area
            if ending and ending[0].lower() in _COMPOUND_ENDS and area.lower() in _HALVES:
                whole = f"{area} {ending[0]}"
            title = f"{whole} {noun}"
            named = classify_title(title)
            bare = next((i for i, o in enumerate(out) if _low(o.title) == area.lower()), None)
            if bare is not None:
                if out[bare].role_family == named.role_family:
                    out[bare] = replace(
                        out[bare],
                        title=title,
                        normalized_title=named.normalized_title,
                        seniority=named.seniority,
                    )
                continue
            if any(_word_set(title) <= _word_set(o.title) for o in out):
                continue  # a title already names it ("Product Engineer (4+ YOE)")
            if named.role_family == "other" or named.role_family in families:
                out.append(named)
    return out
