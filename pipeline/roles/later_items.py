"""AI and data-science roles later in a hiring sentence's list, past what ends the first reading.

"We're looking for web engineers (Rails, ...), ops engineers (...), and data scientists (R, SQL)".

Read last, for a family no other reader found: the first readers stop a sentence's list at an
aside, a purpose or a description, and a reader after them would not see the items they gave.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import AI_ENGINEER, DATA_SCIENTIST
from pipeline.roles.family_cues import families_in, families_named
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hiring_sentences import SENTENCE_END, hiring_starts
from pipeline.roles.hn_patterns import (
    HIRING_WORDS,
    MAX_POST_CHARS,
    PARENS,
    PROSE_STOP,
    closed_sub,
    is_lead_filler,
)
from pipeline.roles.list_items import Spec
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lines_holding
from pipeline.roles.titles import Opening, TitleParse, parse_title
from pipeline.roles.wording import strip_urls

_FAMILIES = frozenset({AI_ENGINEER, DATA_SCIENTIST})

# A colon, "including" or a list word starts the next item ("hiring for several roles, including
# backend engineers, data scientists").
_ITEM_SEP = re.compile(r"\s*(?:[,:&]|\b(?:and|or|plus|including|as\s+well\s+as)\b)\s*", re.I)

# Words that turn the rest of the sentence to other people: colleagues ("to join our team of
# engineers and data scientists", "to work with", "reporting to"), users ("tools for data
# scientists"), the people the hire helps, leads, recruits or sources, or the hire's own past ("a
# former engineer or data scientist"), or a new clause. A family noun after one of them is no
# opening. "help us" helps the poster.
_GUARD = re.compile(
    r"\b(?:with|w/|alongside|among|amongst|between|besides?|like|by|from|than|not|instead|"
    r"such|as|ex|former|formerly|previously|been|was|were|worked|background|experience|"
    r"include|includes|included|"
    r"ideally|preferably|use|used|uses|using|serve|serves|serving|enable|enables|enabling|"
    r"empower|empowers|empowering|assist|assisting|mentor|mentoring|manage|manages|managing|"
    r"lead|leads|leading|recruit|hire|train|training|coach|coaching|join|joins|joining|"
    r"collaborat\w*|reporting|reports?\s+to|to\s+source|"
    r"(?:help|helps|helping|support|supports|supporting)(?!\s+(?:us|me)\b)|"
    # a new clause: "..., so if you're an engineer or data scientist, get in touch"
    r"if|unless|so|because|since|but|which|where|when|you|you're|you’re|they)\b"
    # "for" names whom a thing is for, save after the positions it opens ("candidates for")
    r"|(?<!candidates\s)(?<!positions\s)(?<!roles\s)(?<!openings\s)\bfor\b"
    # a group's members ("a team of", "a mix of"), not the holder of a title ("director of")
    r"|\b(?:teams?|groups?|mix|blend|community|family|network|crew|staff|department|"
    r"organi[sz]ation|consist\w*|made\s+up|compos\w*|compris\w*|full|one|lots|dozens|"
    r"hundreds|thousands|millions|number|variety|range|array|world)\s+of\b",
    re.I,
)
_POSSESSIVE = ("'", "'s", "’", "’s")
_NOUN_STEM = 3  # "dev" of "devs" is the shortest role noun written
_WORD_REACH = 12  # characters before "we" that hold the word before it ("whenever ")
# An item is a title of a few words; a longer run before a stop word is prose.
_ITEM_WORDS = 5
# A finite verb after an item's noun makes it the subject of a clause of its own ("..., and data
# scientists will review your work"): the list ended before it.
_FINITE_VERBS = frozenset(
    "will can are is should must would could may might have has do does love build built "
    "make".split()
)
# An item's title ends where its description starts ("ML Engineers working on ranking").
_ITEM_END = (
    PROSE_STOP
    | _FINITE_VERBS
    | frozenset("working building developing focused focusing responsible who'll".split())
)
# A possessive before a later item names people already there ("..., and our ML engineers"),
# save before the first of a kind ("and our first data scientist"); right after the hiring verb
# it names the hire ("hiring our new ML lead").
_POSSESSORS = frozenset("our your their my his her its".split())
_FIRST = frozenset("first second third next founding very".split())
# "hire" as the poster's own verb, which the shared hiring verbs leave out ("We're actively trying
# to hire ... and Data Scientists", "we hire data scientists and interns as well", "we are also
# looking to" wrapped before "hire smart Data Scientists"): the subject "we", at most a few
# adverbs, an optional "trying/looking/... to". A negation or any other word between fails it
# ("we don't hire", "we rarely hire"), as does another subject ("we help teams hire", "I hire ...
# for a living"), a clause of time or condition ("when we hire data scientists we ...") and
# "hire out" (lending staff to others).
_OWN_HIRE = re.compile(
    r"\bwe(?:['’]re|\s+are)?\s+"
    r"(?:(?:also|currently|now|actively|still|always|urgently)\s+)*"
    r"(?:(?:trying|looking|wanting|planning|hoping|want)\s+to\s+)?"
    r"hire\s+(?!out\b)(?=\S)",
    re.I,
)
# A word before "we" that makes the hire a condition, a time or a question ("when we hire data
# scientists we ...", "should we hire data scientists?", "that's what we hire data scientists
# for"), not an opening.
_NOT_OWN_HIRE = frozenset(
    "when whenever if once before after how why what whether until unless should do did can "
    "could would will shall must".split()
)
# Brackets and quotes that open a clause hide its first word ("(When we hire ...").
_OPENERS = "(\"'“‘["
# A quote mark or a reply's ">" just before "we": someone else's words ("\"We hire data
# scientists,\" said no bakery ever").
_QUOTED = ('"', "'", "“", "”", "‘", "’", ">")
# The first sentence after "hire" ending in "?" asks, it does not open ("we hire data scientists?
# no, ...").
_ASKED = re.compile(r"[^.!?\n]*\?")


def later_item_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families `found` lacks, named later in a hiring sentence's list."""
    text = text_plain[:MAX_POST_CHARS]
    # most posts hold no word of a missing family, and most hiring lines none: a quick test
    missing = families_named(text_plain) - {o.role_family for o in found}
    if not missing or not text.strip() or is_resume(text):
        return []
    lines = (line for line in lines_holding(text, HIRING_WORDS) if missing & families_in(line))
    hires = _own_hire_specs(text) if "hire" in text.lower() else []
    return list_openings([*map(_line_specs, lines), *hires], found)


def _own_hire_specs(text: str) -> list[tuple[Spec, ...]]:
    """The family titles of each list after the poster's own "hire", read to its line's end (the
    verb may wrap onto that line)."""
    lists: list[tuple[Spec, ...]] = []
    for m in _OWN_HIRE.finditer(text):
        ahead = text[max(0, m.start() - _WORD_REACH) : m.start()]
        before = ahead.split()
        if before and before[-1].lower().strip(_OPENERS) in _NOT_OWN_HIRE:
            continue
        if ahead.rstrip(" \t").endswith(_QUOTED):
            continue
        end = text.find("\n", m.end())
        rest = strip_urls(text[m.end() : end if end >= 0 else len(text)])
        if _ASKED.match(rest):
            continue
        lists.append(tuple(later_family_specs(rest, 0)))
    return lists


@lru_cache(maxsize=65_536)
def _line_specs(line: str) -> tuple[Spec, ...]:
    """The family titles later in the lists of a line's hiring sentences."""
    text = strip_urls(line)
    return tuple(spec for start in hiring_starts(text) for spec in later_family_specs(text, start))


def later_family_specs(text: str, start: int) -> list[Spec]:
    """The AI-engineer and data-scientist titles among the list items of the sentence starting at
    `start` (right after its hiring verb), read item by item past asides, purposes and links."""
    rest = text[start:]
    if "(" in rest:
        rest = closed_sub(PARENS, " ", rest)  # "(Python, SQL - problems include ...)"
    rest = SENTENCE_END.split(rest, 1)[0]
    found: list[Spec] = []
    for at, piece in enumerate(_ITEM_SEP.split(rest)):
        words = piece.split()
        if at and _names_others(words):
            break
        while words and is_lead_filler(words[0], words[1] if len(words) > 1 else ""):
            words.pop(0)  # "our first full-time data scientist"
        head: list[str] = []
        stop = ""
        for w in words:
            if w.lower() in _ITEM_END:
                stop = w.lower()
                break
            head.append(w)
        if head and stop in _FINITE_VERBS:
            break  # "..., and data scientists will review your work": a clause of its own
        # "alongside data scientists": a guard word in the piece turns it to others
        if (
            head
            and len(head) <= _ITEM_WORDS
            and not any(_turns_away(w) for w in head)
            # "projects including data scientists' notebooks": a possessor, not an opening
            and not any(w.endswith(_POSSESSIVE) for w in head)
        ):
            title = " ".join(head)
            parsed = parse_title(title)
            if parsed.kind == "role" and parsed.family in _FAMILIES and _ends_in_role(head, parsed):
                found.append((parsed, title, parsed.normalized))
        if _GUARD.search(piece):
            break  # the item is read first: "Lead Data Scientist" is still one
    return found


def _names_others(words: list[str]) -> bool:
    """Whether an item's words start with a possessive of people already there ("our ML
    engineers"), not of a first hire ("our first data scientist")."""
    return (
        len(words) > 1
        and words[0].lower() in _POSSESSORS
        and words[1].lower().strip(",") not in _FIRST
    )


def _ends_in_role(head: list[str], parsed: TitleParse) -> bool:
    """Whether the item ends in its role noun ("ML devs"), not in a verb after it ("data
    scientists love our notebooks" is a sentence of its own)."""
    last = re.split(r"[-/]", head[-1].lower().strip(",.!?"))[-1].rstrip("s")
    noun = parsed.head_noun.split()[-1] if parsed.head_noun else ""
    return len(last) >= _NOUN_STEM and noun.startswith(last)


def _turns_away(word: str) -> bool:
    """Whether a word of an item is a guard word; "Lead" there is the title's level."""
    low = word.lower()
    return low != "lead" and _GUARD.fullmatch(low) is not None
