"""Names of organisations among the mentions: a list of names after words that introduce
organisations ("customers such as", "backed by") or before a word of their people ("Heroku alums",
"Figma CEO") names companies, not the tools of the job."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.skills.passing_words import FROM_FIELD_NEXT, ORG_FROM_PEOPLE
from pipeline.skills.rule_words import (
    AT_LEVEL_NEXT,
    AT_WORK_HEADS,
    BEHIND_NOT_HEADS,
    HEADER_SEPARATORS,
    LIST_JOINERS,
    ORG_AFTER,
    ORG_AFTER_CO,
    ORG_HIRED_AFTER,
    ORG_HIRED_BEFORE,
    ORG_LINKS,
    ORG_NOUNS,
    SENTENCE_ENDS,
    TECH_HEADS_AFTER,
    USER_HEADS,
    USER_LIST_HEADS,
)


class View(Protocol):
    """The token reads the organisation rules make (the ambiguity rules' View has them)."""

    doc: Doc
    n: int
    at: Callable[[int], int]  # the lower-case hash of token i, 0 outside the doc
    org_people: bool  # whether the text has a word of ORG_AFTER
    org_first_link: int  # no token before this one is a word of ORG_LINKS after one of its heads

    def is_space(self, i: int) -> bool:
        """Whether token i is whitespace."""
        ...


# How far (tokens) a list of names may reach back for the word that introduces it, or on from its
# first name to the word of people after it ("Acme, Initech and Stripe alums").
ORG_WALK = 40
# At most this many capitalised words that are no names in a row inside such a list ("Acme
# founders", "Foo Bar Inc CEO"): a longer run is a Title Case sentence ("Our Gurus Work Alongside").
ORG_CAPS_RUN = 2
# Tokens a list's head may stand after the verb with "by" that makes it a product's users: "used by
# some of the best engineering teams in the world, including" (9 tokens).
USER_REACH = 12


def _ids(words: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


_ORG_LINKS = {get_string_id(word): _ids(heads) for word, heads in ORG_LINKS.items()}
_BY_VERBS = _ids(ORG_LINKS["by"])
_USER_HEADS = _ids(USER_HEADS | ORG_NOUNS)
_USER_LINKS = _ids({"including", "like", "as"})
_USER_LIST_HEADS = _ids(USER_LIST_HEADS)
_ORG_AFTER = _ids(ORG_AFTER)
_ORG_AFTER_CO = _ids(ORG_AFTER_CO)
_ORG_HIRED_BEFORE = _ids(ORG_HIRED_BEFORE)
_ORG_HIRED_AFTER = _ids(ORG_HIRED_AFTER)
# the forward walk of a list of names stops at a clause's or an aside's end
_ORG_WALK_STOPS = _ids({":", ";", "(", ")"})
# words of ORG_AFTER that are no job's title: a name before one is an organisation at a line's end
_ALUMS = _ids({"alum", "alums", "alumni"})
_JOINERS = _ids(LIST_JOINERS)
_AT_WORK_HEADS = _ids(AT_WORK_HEADS)
_AT_LEVEL_NEXT = _ids(AT_LEVEL_NEXT)
_AT = get_string_id("at")
_BEHIND = get_string_id("behind")
_HEADS_AFTER = _ids(TECH_HEADS_AFTER)
_BEHIND_NOT_HEADS = _ids(BEHIND_NOT_HEADS)
_SENTENCE_ENDS = _ids(SENTENCE_ENDS)
_HEADER_SEPARATORS = _ids(HEADER_SEPARATORS)
_AS, _SUCH, _THE, _NEWLINE = (get_string_id(w) for w in ("as", "such", "the", "\n"))
_BY, _FROM = get_string_id("by"), get_string_id("from")
_FROM_FIELD_NEXT = _ids(FROM_FIELD_NEXT)
_FROM_PEOPLE = _ids(ORG_FROM_PEOPLE)
_CO, _FOR, _LOOKING = (get_string_id(w) for w in ("co", "for", "looking"))
_COMMA, _COLON, _HYPHEN, _SLASH = (get_string_id(w) for w in (",", ":", "-", "/"))


def without_organisations(
    view: View, spans: list[tuple[int, int, str]], fields: frozenset[int] = frozenset()
) -> list[tuple[int, int, str]]:
    """Spans (in text order, not overlapping) minus those in a list of names after words that
    introduce organisations: "companies including Google, Box, Zendesk", "cofounder of Figma".
    `fields`: the first tokens of spans that name no tool (a field is no former employer)."""
    at = view.at
    doc = view.doc
    first_link = view.org_first_link
    verdicts: list[bool] = []
    last_token_of: dict[int, int] = {}  # the last token of a span -> its index
    for index, (start, end, _) in enumerate(spans):
        verdict = False
        # an organisation's name is capitalised: "businesses (online retail, ...)" names no one;
        # a walk from a name with no word that introduces organisations before it finds none
        i = start - 1 if start > first_link and doc[start].text[:1].isupper() else -1
        determined = False  # a "the" between the name and the word before it
        while i >= 0 and start - i <= ORG_WALK:
            earlier = last_token_of.get(i)
            if earlier is not None:
                verdict = verdicts[earlier]  # the list goes on: the walk of the name before it
                break
            word = at(i)
            heads = _ORG_LINKS.get(word)
            if heads is not None:
                back = i - 2 if at(i - 1) == _COMMA else i - 1  # "customers, including"
                head = at(back)
                if word == _AS and head == _SUCH:
                    head = at(back - 1)
                if head in heads:
                    verdict = not _no_organisation_after(view, word, head, determined, start, end)
                    verdict = verdict and not (word == _HYPHEN and start in fields)
                    break
                if word in _USER_LINKS and _users_before(view, back):
                    verdict = not _list_has_head(view, i + 1)
                    break
            if word == _NEWLINE or word in _SENTENCE_ENDS:
                break
            if word in _JOINERS or word == _THE:
                determined = determined or word == _THE
                i -= 1
                continue
            if doc[i].text[:1].isupper():
                i -= 1  # another name of the list ("Google", "World Bank", "HubSpot")
                continue
            break
        verdicts.append(verdict)
        last_token_of[end - 1] = index
    if view.org_people:  # without a word of people, no name's list runs on to one
        _people_lists(view, spans, verdicts)
    if not any(verdicts):
        return spans
    return [s for s, out in zip(spans, verdicts, strict=True) if not out]


def _users_before(view: View, head: int) -> bool:
    """Whether the words before a list's link, from token `head` back, are a product's users
    after a verb with "by": a plural noun of users (USER_HEADS, ORG_NOUNS) between "used by" and
    the link, in lower-case words, numbers, commas and hyphens ("used by over 3,000 teams
    including", "trusted by top-tier open-source project teams such as"; not "hiring for
    multiple teams including")."""
    doc = view.doc
    users = False
    for i in range(head, max(0, head - USER_REACH) - 1, -1):
        word = view.at(i)
        if word == _BY:
            return users and view.at(i - 1) in _BY_VERBS
        token = doc[i]
        if not (token.is_lower or token.text[:1].isdigit() or word in (_COMMA, _HYPHEN)):
            return False
        users = users or word in _USER_HEADS
    return False


def _list_has_head(view: View, first: int) -> bool:
    """Whether a list of names from token `first` runs on to a lower-case noun of USER_LIST_HEADS
    it modifies: "used by 200 teams including Python, Ruby and Java shops" names the languages,
    not the users."""
    doc = view.doc
    for i in range(first, min(view.n, first + ORG_WALK)):
        word = view.at(i)
        if word in _JOINERS or doc[i].text[:1].isupper():
            continue
        return word in _USER_LIST_HEADS and doc[i].is_lower
    return False


def _people_lists(view: View, spans: list[tuple[int, int, str]], verdicts: list[bool]) -> None:
    """Mark the spans in a list of names that runs on to a word of people after it ("Heroku
    alums"), unless that is a role the post hires for."""
    # from the last name back, so that a list is walked once
    ahead: dict[int, int] = {}  # the first token of a span -> the word of people its list leads to
    firsts: dict[int, int] = {}  # that word -> the first token of the list's first name
    for index in range(len(spans) - 1, -1, -1):
        start, end, _ = spans[index]
        role = ahead[start] = _people_word_after(view, end, ahead)
        if 0 <= role and role - end < ORG_WALK:
            firsts[role] = start
    hired = {role for role, start in firsts.items() if _hired_role(view, start, role)}
    for index, (start, end, _) in enumerate(spans):
        role = ahead[start]
        if 0 <= role and role - end < ORG_WALK and role not in hired:
            verdicts[index] = True


def _no_organisation_after(
    view: View, link: int, head: int, determined: bool, start: int, end: int
) -> bool:
    """Whether "at" before a name places work in a system, not at an organisation: "work at the
    Kubernetes level", "engineers at Google Cloud Platform level" (not "work at Acme"); or a noun
    after the name (or its list) behind "behind" makes it a technology: "the engineers behind
    Kafka pipelines" (not "the company behind Elasticsearch and Kibana"); or a word of
    FROM_FIELD_NEXT after the list after "from" and a word of ORG_FROM_PEOPLE makes it a field:
    "researchers from Python and Go backgrounds", "scientists from SQL-heavy teams" (not "engineers
    from the VLC and FFmpeg community", as before)."""
    if link == _BEHIND:
        return _noun_after_list(view, end)
    if link == _FROM and head in _FROM_PEOPLE:
        return _field_after_list(view, end)
    if link != _AT:
        return False
    return (determined and head in _AT_WORK_HEADS) or view.at(end) in _AT_LEVEL_NEXT


def _noun_after_list(view: View, end: int) -> bool:
    """Whether a lower-case noun or a technology head follows a name ending at token `end`, or
    the list of capitalised names it opens ("behind Kafka pipelines", "behind Terraform modules";
    not "behind Elasticsearch and Kibana.", "behind Docker and containers in general")."""
    doc = view.doc
    i = end
    while i < view.n and i - end < ORG_WALK:
        if doc[i].text[:1].isupper():
            i += 1  # the name goes on, or the list's next name ("Elasticsearch, Kibana")
            continue
        if view.at(i) in _JOINERS:
            j = i
            while j < view.n and view.at(j) in _JOINERS:
                j += 1
            if j < view.n and doc[j].text[:1].isupper():
                i = j
                continue
            return False  # the list ends: "Figma, Slack and others"
        word = view.at(i)
        token = doc[i]
        return word in _HEADS_AFTER or (
            token.is_alpha and token.is_lower and word not in _BEHIND_NOT_HEADS
        )
    return False


def _field_after_list(view: View, end: int) -> bool:
    """Whether a word of FROM_FIELD_NEXT follows a name ending at token `end`, or the list of
    capitalised names and joiners it opens ("from Python and Go backgrounds", "from SQL-heavy")."""
    doc = view.doc
    for i in range(end, min(view.n, end + ORG_WALK)):
        word = view.at(i)
        if doc[i].text[:1].isupper() or (word in _JOINERS and word != _COLON):
            continue
        return word in _FROM_FIELD_NEXT
    return False


def _people_word_after(view: View, end: int, ahead: dict[int, int]) -> int:
    """The token of a word of people an organisation had ("Figma CEO", "Acme and Initech
    alums") that a capitalised name ending at token `end` leads to, alone or in a list of names;
    -1 for none. `ahead` holds the answers of the names after it, by first token."""
    at = view.at
    doc = view.doc
    if not doc[end - 1].text[:1].isupper():
        return -1
    capitals = 0
    for i in range(end, min(view.n, end + ORG_WALK)):
        known = ahead.get(i)
        if known is not None:
            return known  # the next name of the list: its walk goes on from here
        word = at(i)
        role = i
        if word == _CO and at(i + 1) == _HYPHEN and at(i + 2) in _ORG_AFTER_CO:
            role = i + 2  # "co-founder"
        if role > i or word in _ORG_AFTER:
            # a name right before it, and no header field or line ending there: "Rails CTO |",
            # "PHP, Android, CTO" and "Django / React Native / CTO" are roles the post hires for;
            # alums are no role, at a line's end too
            after = at(role + 1)
            ends = role + 1 >= view.n or view.is_space(role + 1)
            named = (
                at(i - 1) not in _JOINERS
                and after not in _HEADER_SEPARATORS
                and after != _SLASH
                and (not ends or word in _ALUMS)
            )
            return role if named else -1
        if word in _ORG_WALK_STOPS:
            return -1
        if word in _JOINERS:
            capitals = 0  # "and", ",": the next name of the list follows
            continue
        if doc[i].text[:1].isupper():
            capitals += 1  # a capitalised word the taxonomy does not know ("Acme", "Inc")
            if capitals > ORG_CAPS_RUN:
                return -1
            continue
        return -1
    return -1


def _hired_role(view: View, start: int, role: int) -> bool:
    """Whether a list of names from token `start` to a word of people at token `role` is a role
    the post hires for: after an article or a hiring verb ("hiring a Rails CTO", "Hiring: Go
    CTO", "looking for Rails founders") or before "wanted" ("Node CTO wanted")."""
    at = view.at
    if at(role + 1) in _ORG_HIRED_AFTER:
        return True
    i = start - 2 if at(start - 1) == _COLON else start - 1
    return at(i) in _ORG_HIRED_BEFORE or (at(i) == _FOR and at(i - 1) == _LOOKING)
