"""Openings an HN post names as the teams whose roles it fills, or after "on the lookout for".

"We are hiring for a number of roles in our engineering and data science teams", "looking to
hire for multiple roles on our Engineering and Data Science teams", "We're looking for new
teammates on the product and data science teams", "always looking for strong candidates for our
development, analytics, data science, and data innovation teams": after the poster's hiring
verb, the roles (positions, openings, teammates, candidates) of the named teams are openings of
those teams' areas, as a bare discipline in a list of openings stands for its opening
(docs/roles.md). People named by their own role ("engineers for our data science team",
"senior engineers for roles on the ML team") are that role, not the team's. The poster hires:
"we" or a sentence's start before the verb, no negation ("not", "no longer"), no past ("were
hiring"), no "is closed" after the teams, and no "teams of" someone else; bare "teammates" are
the poster's colleagues, "new teammates" its openings. A post whose other readers found a list of
openings is read by its list. "We are always on the lookout for talented software engineers and
data scientists" names the roles after it, as the other hiring verbs do, when "we" or "I" is on
the lookout and the list holds no possessive (docs/roles.md, "tenth round").
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import is_resume, roles_listed
from pipeline.roles.hn_patterns import AI_OR_DS_WORD, MAX_POST_CHARS
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lowered, post_lines
from pipeline.roles.titles import Opening

# A hiring verb of the poster, then at most eight words ("for a number of", "to hire for
# multiple", "for new"), then a generic noun of openings, a preposition, "our" or "the", the
# teams' areas and "team(s)". The areas hold no sentence mark or parenthesis and at most 120
# characters, so a match stays inside one sentence.
_TEAM_ROLES = re.compile(
    r"\b(?:hiring|recruiting|looking|seeking|searching|hire)\b"
    r"(?P<who>(?:\s+[\w'’-]+){0,8}?)\s+"
    r"(?P<noun>roles|positions|openings|jobs|vacancies|teammates|candidates)\s+"
    r"(?:in|on|for|across|within)\s+(?:our|the)\s+"
    r"(?P<list>[^.!?;:()\n]{1,120}?)\s+teams?\b",
    re.I,
)
# Words of "who" that make the noun someone else's or the sentence another one: "hiring managers
# with roles on the ...", "looking at how the roles in our teams ...".
_WHO_BLOCK = frozenset("with who that which at how our your their not no".split())
# The poster is the subject of the hiring verb: "we" or "I" with at most a few adverbs ("We are
# also currently hiring"), "and are" after the poster's own clause, or the verb starts a sentence
# ("Hiring for roles on ..."). A negation or the past before the verb is none of these ("we are
# not hiring", "we are no longer hiring", "we were hiring"), nor is someone else ("Our customers
# are looking for").
_POSTER = re.compile(
    r"(?:^|[.!?:;|]\s*|(?:\b(?:we|i)(?:['’]re|['’]m|\s+are|\s+am)?|\band\s+(?:are|am))"
    r"(?:\s+(?:[a-z]+ly|always|also|now|still)){0,3}\s+)$",
    re.I,
)
# How far before the verb its subject is looked for.
_SUBJECT_REACH = 40
# A closed search after the teams, or teams of someone else: no opening of the poster ("... on
# our ML team is closed", "the data science teams of Fortune 500 firms").
_CLOSED_OR_OF = re.compile(r"\s+(?:of\b|(?:is|are)\s+(?:now\s+)?(?:closed|filled)\b)", re.I)
# Other readers found this many openings or more: the post has a list of its own, read by it.
_LISTED_OPENINGS = 3
# Words before a team's areas that describe the team, not its work ("our expanding Data Science
# team", "the growing ML and data teams").
_TEAM_ADJECTIVES = frozenset(
    "expanding growing new small core fast-growing world-class talented amazing great "
    "existing internal".split()
)
# A team's name the vocabulary lacks is short ("data innovation", "Growth Pod"); more words than
# this are prose ("the way we build our teams").
_MAX_UNREAD_WORDS = 3
_ITEM_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:,|&|\band\b|\bor\b)\s*", re.I)
# "on the lookout for" names the roles after it, read like a hiring verb's list.
_LOOKOUT = re.compile(
    r"\b(?:we|i)(?:['’]re|['’]m|\s+are|\s+am)?\s+(?:(?:[a-z]+ly|always|also|now|still)\s+){0,3}"
    r"on\s+the\s+look-?out\s+for\s+(?P<list>[^.!?;\n]+)",
    re.I,
)
# A possessive in the list names something of the roles, not the roles ("ML engineers'
# favourite tools").
_POSSESSIVE = re.compile(r"\w(?:['’]s|s['’])(?!\w)")
# The list ends before a clause joined to it ("data scientists, and we match them") and loses a
# conjunction left at its end.
_CLAUSE = re.compile(r"\s*,?\s*\b(?:and|but|so)\s+(?:we|i|they|you|it|our|us)\b.*$", re.I)
_TRAILING_JOIN = re.compile(r"[\s,]*\b(?:and|or)?\s*$", re.I)
# Substrings of every form, tested on the lowered post before the patterns run.
_TEAM_WORD = "team"
_LOOKOUT_WORDS = ("lookout", "look-out")
_FAMILIES = COMPARED_ROLES


def team_role_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families named as the areas of the teams whose roles a post fills, or
    after "on the lookout for", that `found` lacks, with the other items of their list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    low = lowered(text)
    teams = _TEAM_WORD in low
    lookout = any(w in low for w in _LOOKOUT_WORDS)
    if not (teams or lookout) or not AI_OR_DS_WORD.search(text):
        return []
    listed = len(found) >= _LISTED_OPENINGS
    lists = [
        _line_specs(line, listed)
        for line in post_lines(text)
        # the words first: they are cheaper to find than a family word
        if (
            (teams and _TEAM_WORD in line.lower())
            or (lookout and any(w in line.lower() for w in _LOOKOUT_WORDS))
        )
        and AI_OR_DS_WORD.search(line)
    ]
    lists = [specs for specs in lists if specs]
    if not lists or is_resume(text):
        return []
    return list_openings(lists, found)


@lru_cache(maxsize=16_384)
def _line_specs(line: str, listed: bool) -> tuple[Spec, ...]:
    """The areas of the teams whose roles one line fills (unless the post is `listed`), and the
    roles after "on the lookout for"."""
    found: list[Spec] = []
    for m in () if listed else _TEAM_ROLES.finditer(line):
        if _poster_hires(line, m):
            found.extend(_team_areas(m.group("list")))
    for m in _LOOKOUT.finditer(line):
        items = _CLAUSE.sub("", m.group("list"))
        if not _POSSESSIVE.search(items):
            found.extend(roles_listed(_TRAILING_JOIN.sub("", items)))
    return tuple(found)


def _poster_hires(line: str, m: re.Match[str]) -> bool:
    """The match says the poster fills the teams' roles now, and names no role of its own."""
    who = m.group("who").split()
    before = line[max(0, m.start() - _SUBJECT_REACH) : m.start()]
    return not (
        _WHO_BLOCK.intersection(w.lower() for w in who)
        or (m.group("noun").lower() == "teammates" and "new" not in (w.lower() for w in who))
        or any(s[0].kind == "role" for s in item_specs(" ".join(who)) if who)
        or not _POSTER.search(before)
        or _CLOSED_OR_OF.match(line, m.end())
    )


def _team_areas(listed: str) -> list[Spec]:
    """The areas of a list of teams ("engineering and data science"), each an opening; a short
    item the vocabulary lacks ("data innovation") is skipped, a longer one makes the words prose
    and the list gives none."""
    specs: list[Spec] = []
    for item in _ITEM_SEP.split(listed):
        words = item.split()
        while words and words[0].lower() in _TEAM_ADJECTIVES:
            words = words[1:]
        if not words:
            continue
        read = [s for s in item_specs(" ".join(words)) if s[0].kind != "none"]
        if not read and len(words) > _MAX_UNREAD_WORDS:
            return []
        specs.extend(read)
    return specs
