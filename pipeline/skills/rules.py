"""Ambiguity rules: which candidate matches of words that are also English (or names) are skills.

Rules are decided by case and by context. Every rule set carries a version (RULES_VERSION) so that
stored extractions can be recomputed when the rules change.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

from spacy.strings import StringStore, get_string_id

from jobtrends.vocabulary import NON_TECH_CATEGORIES
from pipeline.skills.dotnet_stack import MVC, aspnet_mvc
from pipeline.skills.header_company import (
    HeaderCompany,
    company_field,
    company_mentions,
    glued_header_field,
    header_company_of,
)
from pipeline.skills.organisations import without_organisations
from pipeline.skills.rule_words import (
    ABBREVIATED_ROLE_NEXT,
    ABBREVIATED_ROLE_NOUNS,
    AREA_HEADS,
    ASKED_AFTER,
    ASKED_CUES,
    BASED_ORG_NEXT,
    BASED_PLACE_NEXT,
    BUILD_ON_ADD_ON,
    BUILD_ON_AFTER,
    BUILD_ON_BEFORE,
    BUILD_ON_FORM_ENDS,
    BUILD_ON_LINKS,
    CUED_LOWER_JOINERS,
    DETERMINERS,
    EXCEL_VERB_NEXT,
    ITEM_SEPARATORS,
    LANGUAGE_CUES_BEFORE,
    LIST_JOINERS,
    NON_EVIDENCE,
    NOT_AFTER_VERSION,
    PAIRED_CUES,
    PLACE_HEADS,
    PROFILE_BEFORE,
    PROFILE_COMPANIONS,
    PROFILE_NOUNS,
    REGION_CODES,
    ROLE_NOUNS,
    SEND_VERBS,
    SENT_PROFILE_COMPANIONS,
    SENTENCE_ENDS,
    SPOKEN_CUES,
    TECH_AREAS,
    TECH_HEADS_AFTER,
    TITLE_JOINERS,
    TITLE_WORDS,
    VERB_NAMES,
    VERB_NEXT,
    VERB_NOT_AFTER,
)
from pipeline.skills.senses import shown_place
from pipeline.skills.view import Candidate, View, is_space_hash, listed_with

RULES_VERSION = "rules-22"

# At most this many title words between a name and the role noun ("iOS Mobile Engineer"):
# titles rarely stack more, and a longer run is a sentence, not a title.
TITLE_WORDS_MAX = 3
# Numbers after a name that are its version: "Java 8", "Python 3.x", "Angular 2+".
VERSION = re.compile(r"^v?\d{1,2}(\.\d{1,3}){0,2}(\.x)?\+?$|^\d{4}$", re.IGNORECASE)
# Items of a list: at most this many tokens between two ("Python , R"; "java , q , R": one more
# item between separators).
LIST_GAP = 5
# Ambiguous names that list only each other are tools when there are this many: two may be
# English ("Swift and Rust" of a story), three in one list are a stack.
NAME_LIST_MIN = 3
# How far before (tokens) a cue of ASKED_CUES, or after one of ASKED_AFTER, may stand: about a
# sentence's clause before ("experience in ... and"), a short noun phrase after.
ASKED_WINDOW = 30
ASKED_AFTER_WINDOW = 10
# Tokens between an ambiguous name and an accepted technology for the one to support the other:
# about one list item or short clause.
CONTEXT_WINDOW = 8
# How far after a name a role noun still makes it part of a title ("UI / UX Designer").
TITLE_WINDOW = 8
# Tokens on either side of a code host's name that a profile companion may stand in: one list
# item and its joiners ("resume, LinkedIn, and/or GitHub").
PROFILE_WINDOW = 6
# Tokens either side of a code host's name searched for a verb of sending: a sentence's reach.
SEND_WINDOW = 20
# Tokens before a workplace app's name searched for a word of integrating: the preposition and a
# list of up to three names before it ("integrate tightly with Jira, Slack and Asana").
INTEGRATE_WINDOW = 8
# An amount of money written before a currency's code: "$140k", "145K", "120,000", "90-110k".
_MONEY = r"[$€£]?\d[\d,.]*[kKmM]?"
AMOUNT = re.compile(rf"^{_MONEY}([-–—]{_MONEY})?\+?$")
# An amount after a currency's code: thousands written out or abbreviated ("CAD 100,000", "CAD
# 120k"), not a small number ("CAD 2").
SUM = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?[kK]$|^\d{5,}$")
CURRENCY_SIGNS = frozenset({"$", "€", "£"})
# Periods of pay written after an amount ("$105,000/yr CAD").
PAY_PERIODS = frozenset({"yr", "year", "annum", "hr", "hour", "mo", "month"})


def _ids(words: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


# The rules compare lower-case token hashes, read lazily through View, instead of building
# Token objects: fast.
_JOINERS = _ids(LIST_JOINERS)
_CUED_LOWER_JOINERS = _ids(CUED_LOWER_JOINERS)
_CUES_BEFORE = _ids(LANGUAGE_CUES_BEFORE)
_HEADS_AFTER = _ids(TECH_HEADS_AFTER)
_ROLE_NOUNS = _ids(ROLE_NOUNS)
_SPOKEN_CUES = _ids(SPOKEN_CUES)
_TITLE_JOINERS = _ids(TITLE_JOINERS)
_TITLE_WORDS = _ids(TITLE_WORDS)
_PROFILE_NOUNS = _ids(PROFILE_NOUNS)
_PROFILE_BEFORE = _ids(PROFILE_BEFORE)
_PROFILE_COMPANIONS = _ids(PROFILE_COMPANIONS)
_SENT_PROFILE_COMPANIONS = _ids(SENT_PROFILE_COMPANIONS)
_SEND_VERBS = _ids(SEND_VERBS)
_CV = get_string_id("cv")
_DETERMINERS = _ids(DETERMINERS)
_EXCEL_VERB_NEXT = _ids(EXCEL_VERB_NEXT)
_SENTENCE_ENDS = _ids(SENTENCE_ENDS)
_AS, _SUCH = get_string_id("as"), get_string_id("such")
_NOT_AFTER_VERSION = _ids(NOT_AFTER_VERSION)
_DASH_AMP = _ids({"-", "&"})
_PAIRED_CUES = {get_string_id(word): _ids(firsts) for word, firsts in PAIRED_CUES.items()}
_BASED, _HYPHEN = get_string_id("based"), get_string_id("-")
_BASED_PLACE_NEXT = _ids(BASED_PLACE_NEXT)
# the lower-case hashes of PLACE_HEADS: a token whose lower case is none of them is none of them
_PLACE_HEAD_LOWERS = _ids(word.lower() for word in PLACE_HEADS)
_BASED_ORG_NEXT = _ids(BASED_ORG_NEXT)
# How many words after "based" an organisation noun is looked for ("a Phoenix-based AI startup").
_BASED_ORG_WINDOW = 3
# rules whose capitalised names a following "-based" vouches for (not languages, places, profiles)
_BASED_RULES = frozenset({"list", "ctx", "react", "item"})
_BUILD_ON_AFTER = _ids(BUILD_ON_AFTER)
_BUILD_ON_BEFORE = _ids(BUILD_ON_BEFORE)
_ADD, _ADD_HYPHEN = get_string_id(BUILD_ON_ADD_ON[0]), get_string_id(BUILD_ON_ADD_ON[1])
_ADD_ONS = _ids(BUILD_ON_ADD_ON[2])
_BUILD_ON_FORM_ENDS = _ids(BUILD_ON_FORM_ENDS)
_BUILD_ON_LINKS = _ids(BUILD_ON_LINKS)
_SEPARATORS = _ids(ITEM_SEPARATORS)
_ASKED_CUES = _ids(ASKED_CUES)
_ASKED_AFTER = _ids(ASKED_AFTER)
_COLON = get_string_id(":")
_AREA_HEADS = _ids(AREA_HEADS)
_COMMA = get_string_id(",")
# What may follow a state's code with no space: "(Dallas, TX)", "Phoenix, AZ." (not "AR/VR").
_CODE_ENDS = _ids({")", ",", ".", ";", ":", "|"})
_ABBREVIATED_ROLE_NOUNS = _ids(ABBREVIATED_ROLE_NOUNS)
_ABBREVIATED_ROLE_NEXT = _ids(ABBREVIATED_ROLE_NEXT)
_FULL_STOP = get_string_id(".")
# Rules that a list or nearby technologies cannot overrule.
_CONTEXT_ONLY_RULES = frozenset({"profile", "workplace", "currency"})
# Tokens that may stand on either side of a whole list item ("Hadoop, Apache, NGINX"): the
# "item" rule keeps a vendor or place name ("Apache Spark", "Hudson Square") out.
_ITEM_EDGES = _ids(
    {",", "/", "|", ";", "(", ")", ":", "and", "or", "&", "+", ".", "...", "…", "etc", "etc."}
)
# Rules whose names also count as technologies near other accepted ones, not only in a list.
_NEAR_RULES = frozenset({"ctx", "react"})
_VERB_NAMES = _ids(VERB_NAMES)
_VERB_NEXT = _ids(VERB_NEXT)
_VERB_NOT_AFTER = _ids(VERB_NOT_AFTER)
# Bits of what the word after a mention means (see _after_kind).
_JOINS, _ROLE, _TITLE, _VERSION = 1, 2, 4, 8
_AFTER_KIND: dict[int, int] = {}
for _bit, _words in ((_JOINS, _TITLE_JOINERS), (_ROLE, _ROLE_NOUNS), (_TITLE, _TITLE_WORDS)):
    for _word in _words:
        _AFTER_KIND[_word] = _AFTER_KIND.get(_word, 0) | _bit  # none is a version number


def _list_neighbours(view: View, candidates: Sequence[Candidate], index: int) -> list[int]:
    """Indexes of the candidates next to candidate `index` in text order that share a list with it
    (only joiners between them, or one more item of the list: "python, c, java, q, R")."""
    neighbours: list[int] = []
    me = candidates[index]
    for other in (_next_outer(candidates, index, -1), _next_outer(candidates, index, 1)):
        if not 0 <= other < len(candidates):
            continue
        left, right = (candidates[other], me) if other < index else (me, candidates[other])
        if right.start < left.end or right.start - left.end > LIST_GAP:
            continue
        if _joined(view, left.end, right.start):
            neighbours.append(other)
    return neighbours


def _next_outer(candidates: Sequence[Candidate], index: int, step: int) -> int:
    """The index of the next candidate in a direction that no longer candidate holds: "Apache"
    inside "Apache Kafka" stands between no two items of a list."""
    other = index + step
    while 0 <= other < len(candidates) and _held(candidates, other):
        other += step
    return other


def _held(candidates: Sequence[Candidate], index: int) -> bool:
    """Whether a neighbouring candidate covers candidate `index` and is longer."""
    me = candidates[index]
    for other in (index - 1, index + 1):
        if 0 <= other < len(candidates):
            them = candidates[other]
            wider = them.end - them.start > me.end - me.start
            if wider and them.start <= me.start and me.end <= them.end:
                return True
    return False


def _joined(view: View, lo: int, hi: int) -> bool:
    """Tokens lo..hi join two items of a list: joiners only, or one word between two separators
    (an item the taxonomy does not know)."""
    item = -1
    for i in range(lo, hi):
        if view.at(i) in _JOINERS or view.is_space(i):
            continue
        if item >= 0:
            return False
        item = i
    if item < 0:
        return hi - lo <= 3
    return (
        lo < item < hi - 1 and view.at(item - 1) in _SEPARATORS and view.at(item + 1) in _SEPARATORS
    )


def _same_sentence(view: View, start: int, end: int) -> bool:
    """No sentence end or line break among the tokens start..end."""
    return not any(view.at(i) in _SENTENCE_ENDS or view.is_space(i) for i in range(start, end))


def _near_supporters(
    view: View, candidates: Sequence[Candidate], index: int, first: int
) -> list[int]:
    """Indexes of the candidates that support candidate `index` as nearby evidence once accepted:
    technologies other than it within CONTEXT_WINDOW tokens in the same sentence; none comes
    before candidate `first`."""
    me = candidates[index]
    supporters: list[int] = []
    # Candidates come in text order: one that starts beyond the window and all after it are too far.
    reach = me.end + CONTEXT_WINDOW
    for j in range(first, len(candidates)):
        other = candidates[j]
        if other.start > reach:
            break
        if j == index:
            continue
        if other.category in NON_TECH_CATEGORIES and other.skill_id not in TECH_AREAS:
            continue
        if other.skill_id == me.skill_id:
            continue
        if other.end <= me.start:
            gap = (other.end, me.start)
        elif me.end <= other.start:
            gap = (me.end, other.start)
        else:
            continue
        if gap[1] - gap[0] <= CONTEXT_WINDOW and _same_sentence(view, *gap):
            supporters.append(j)
    return supporters


def _cue_before(view: View, cand: Candidate) -> bool:
    """A cue right before a name: "written in R", "with Go", "such as Bootstrap", "powered by Node".
    A paired cue also needs the name to end there: "built on Elm," but not "built on Elm Street"."""
    start = cand.start
    word = view.at(start - 1)
    if word in _CUES_BEFORE or (word == _AS and view.at(start - 2) == _SUCH):
        return True
    firsts = _PAIRED_CUES.get(word)
    return firsts is not None and view.at(start - 2) in firsts and _name_ends(view, cand)


def _name_ends(view: View, cand: Candidate) -> bool:
    """Whether a name ends where the candidate does: the text's end, a list joiner or punctuation."""
    return cand.end >= view.n or view.at(cand.end) in _JOINERS or not view.doc[cand.end].is_alpha


def _cue_list_rule(view: View, cand: Candidate) -> bool:
    """R, C, Go, D, Q: a cue right before ("in R") or a technology noun right after ("R packages")."""
    after = view.at(cand.end)
    if after in _DASH_AMP and cand.end + 1 < view.n:
        follower = view.doc[cand.end + 1]
        if follower.is_alpha and follower.is_lower:
            return False  # C-level, C-suite, Go-to-market
    if after in _HEADS_AFTER:
        return True
    # "in R", "in Go," but not "in C major" or "in Go Mode"
    return _cue_before(view, cand) and _name_ends(view, cand)


def _cued_name(view: View, cand: Candidate) -> bool:
    """A capitalised name after "in", "using", "with" inside a sentence: "dashboards in Tableau"."""
    if cand.start < 2 or not _cue_before(view, cand):
        return False
    token = view.doc[cand.start]
    return token.is_title or token.is_upper


def _spoken_rule(view: View, cand: Candidate) -> bool:
    lo, hi = max(0, cand.start - 3), min(view.n, cand.end + 3)
    return any(view.at(i) in _SPOKEN_CUES for i in range(lo, hi) if not cand.start <= i < cand.end)


def _profile_rule(view: View, cand: Candidate) -> bool:
    """A code host is a tool unless it names a profile: "your GitHub", "GitHub profile", a place
    on it shown ("check out our public GitHub repo", `shown_place`), or beside
    a resume or LinkedIn in what to send; a website, blog, portfolio or Twitter listed right beside
    it or with a word of sending, a CV only with one."""
    place = shown_place(view, cand.start, cand.end)
    if place is not None:
        return not place  # "check out our public GitHub repo"; not "contribute to our GitHub repo"
    after = any(view.at(i) in _PROFILE_NOUNS for i in range(cand.end, cand.end + 3))
    if after or view.at(cand.start - 1) in _PROFILE_BEFORE:
        return False
    for step, first, last in (
        (-1, cand.start - 1, cand.start - PROFILE_WINDOW),
        (1, cand.end, cand.end + PROFILE_WINDOW - 1),
    ):
        joined = True  # only list joiners so far between the name and token i
        for i in range(first, last + step, step):
            if i < 0 or i >= view.n:
                break
            word = view.at(i)
            if word in _PROFILE_COMPANIONS:
                return False
            if word in _SENT_PROFILE_COMPANIONS and (
                (joined and word != _CV) or _send_verb_near(view, cand)
            ):
                return False  # "portfolio/github", "Twitter, GitHub"; "CV, GitHub" needs a verb
            if word in _SENTENCE_ENDS or is_space_hash(word, view):
                break  # "Jenkins, Gitlab. Check out our website": another sentence
            joined = joined and word in _JOINERS
    return True


def _send_verb_near(view: View, cand: Candidate) -> bool:
    """Whether a verb of sending ("send", "attach") is in the name's sentence, within SEND_WINDOW."""
    for step, first, last in (
        (-1, cand.start - 1, cand.start - SEND_WINDOW),
        (1, cand.end, cand.end + SEND_WINDOW - 1),
    ):
        for i in range(first, last + step, step):
            if i < 0 or i >= view.n:
                break
            word = view.at(i)
            if word in _SEND_VERBS:
                return True
            if word in _SENTENCE_ENDS or is_space_hash(word, view):
                break
    return False


def _based_on(view: View, cand: Candidate) -> bool:
    """A capitalised name that something is built on: "Ruby-based", "a Go based API", "C-based
    languages"; not a place ("Shell based in Cambridge", "a Phoenix-based startup")."""
    after = cand.end + 1 if view.at(cand.end) == _HYPHEN else cand.end
    if view.at(after) != _BASED or view.at(after + 1) in _BASED_PLACE_NEXT:
        return False
    if view.doc[cand.start].is_lower:
        return False
    for i in range(after + 1, after + 1 + _BASED_ORG_WINDOW):
        if view.at(i) in _BASED_ORG_NEXT:
            return False
        if view.at(i) in _HEADS_AFTER:
            break
    return True


def _judge(view: View, cand: Candidate) -> bool | None:
    """The rule of one ambiguous candidate, on its own context: None when no evidence nearby
    may make it one."""
    rule = cand.rule
    if rule in _BASED_RULES and _based_on(view, cand):
        return True
    if rule == "list":
        return _cue_list_rule(view, cand)
    if rule == "ctx":
        return view.at(cand.end) in _HEADS_AFTER or _cued_name(view, cand)
    if rule == "react":
        if _verb(view, cand):
            return None  # "agile teams react to changing needs": the verb, whatever is near
        # "we run a rails backend": the lower-case word before a technology noun too
        return not view.doc[cand.start].is_lower or view.at(cand.end) in _HEADS_AFTER
    if rule == "excel":
        return view.at(cand.end) not in _EXCEL_VERB_NEXT
    if rule == "spoken":
        return _spoken_rule(view, cand)
    if rule == "profile":
        return _profile_rule(view, cand)
    if rule == "workplace":
        return _built_on(view, cand)
    if rule == "item":
        return False  # only a list of accepted tools makes it one (see _spread_evidence)
    if rule == "currency":
        return not _money_code(view, cand)
    return True


def _built_on(view: View, cand: Candidate) -> bool:
    """Whether a workplace app is a platform the job builds on: "Slack API", "G Suite add-ons",
    "the Google Apps Marketplace", "Google Apps Script", "integrations with Google Docs"."""
    at, end = view.at, cand.end
    if at(end) in _BUILD_ON_AFTER or at(end - 1) in _BUILD_ON_FORM_ENDS:
        return True
    if at(end) == _ADD and at(end + 1) == _ADD_HYPHEN and at(end + 2) in _ADD_ONS:
        return True
    return _integrated(view, cand)


def _integrated(view: View, cand: Candidate) -> bool:
    """Whether a word of integrating and its preposition stand shortly before a name in its
    sentence: "integrations with Google Docs", "We integrate into Slack, Jira", "We integrate
    (line wrapped) tightly with Gmail, G Suite" (a platform the product builds on; not
    "Integration tests run with Google Docs exports")."""
    words = [
        i
        for i in range(cand.start - 1, max(-1, cand.start - 1 - INTEGRATE_WINDOW), -1)
        if not _wrapped(view, i)
    ]
    for i in words:
        word = view.at(i)
        if word in _BUILD_ON_BEFORE:
            # "integrations with", "integrate tightly with": a link within the next two words
            after = [j for j in (i + 1, i + 2, i + 3) if not _wrapped(view, j)][:2]
            return any(view.at(j) in _BUILD_ON_LINKS for j in after)
        if word in _SENTENCE_ENDS or view.is_space(i):
            return False
    return False


def _wrapped(view: View, i: int) -> bool:
    """Whether token i is a single line break inside a sentence (hard-wrapped prose: a lower-case
    word goes on after it), not the end of a line of a list."""
    if not 0 <= i < view.n - 1 or not view.is_space(i):
        return False
    return view.doc[i].text == "\n" and view.doc[i + 1].is_lower


def _money_code(view: View, cand: Candidate) -> bool:
    """Whether a name that is also a currency's code stands by an amount: after one ("120k-140k
    CAD", "$105,000/yr CAD", "$70k-$90k (CAD)") or before one ("CAD $80-130k", "CAD 100,000");
    not "CAD/CAM software", "CAD drawings"."""
    doc = view.doc
    i = cand.start - 1
    if i >= 0 and doc[i].text == "(":
        i -= 1
    if i >= 1 and doc[i].lower_ in PAY_PERIODS and doc[i - 1].text == "/":
        i -= 2  # "/yr", "/year"
    if i >= 0 and doc[i].text in {"k", "K"}:
        i -= 1  # "145 K" where the tokenizer split the thousands off
    if i >= 0 and AMOUNT.match(doc[i].text) is not None:
        return True
    after = cand.end
    return after < view.n and (
        doc[after].text in CURRENCY_SIGNS or SUM.match(doc[after].text) is not None
    )


def _city(view: View, cand: Candidate) -> bool:
    """A name followed by a comma and a state's code is a city ("Phoenix, AZ"), however many
    technologies the header names beside it; a code glued to more ("AR/VR", "MS-SQL") is none.
    So is a name followed by a word that continues a place's name ("Salt Lake City")."""
    after = cand.end
    # at() reads 0 past the doc's end, which no place head hashes to: doc[after] is in range
    if view.at(after) in _PLACE_HEAD_LOWERS and view.doc[after].text in PLACE_HEADS:
        return True  # "Salt Lake City", "Phoenix Valley"
    if after + 1 >= view.n or view.at(after) != _COMMA:
        return False
    code = view.doc[after + 1]
    return code.text in REGION_CODES and (
        bool(code.whitespace_) or after + 2 >= view.n or view.at(after + 2) in _CODE_ENDS
    )


def _name_tail(view: View, cand: Candidate, ends: set[int]) -> bool:
    """A name right after a capitalised word that follows a lower-case one ends another name: "on
    Google Play", "in Hong Kong"; kept after a tool ("Scala Play"), a role noun ("Engineer Node"),
    a capitalised word before the capitalised one ("Senior Backend Ruby") or capitals ("MS
    Windows"); lost after a vendor or title-cased adjective ("Opscode Chef", "Modern Angular")."""
    before = cand.start - 1
    if before < 1 or cand.start in ends:
        return False
    doc = view.doc
    word, prose = doc[before], doc[before - 1]
    return (
        view.at(before) not in _ROLE_NOUNS  # "Full-stack Engineer Node/React": a job title
        and word.is_title
        and word.is_alpha
        and bool(word.whitespace_)
        and prose.is_lower
        and prose.is_alpha
        and not doc[cand.start].is_lower
    )


def _whole_item(view: View, cand: Candidate) -> bool:
    """Whether a name is a list item on its own: separators, line breaks, a cue or the text's ends
    on both sides ("Perl, Apache, NGINX"; not "Apache Flink", "New Jersey", "Hudson River")."""
    before, after = cand.start - 1, cand.end
    opens = before < 0 or view.at(before) in _ITEM_EDGES or view.is_space(before)
    # "experience with Apache or Nginx": a cue opens a list as a separator does; a lower-case
    # name only when a list joiner follows it ("such as node, angular"; "in play: AWS" is English)
    cued = _cue_before(view, cand) and (
        not view.doc[cand.start].is_lower or view.at(after) in _CUED_LOWER_JOINERS
    )
    return (opens or cued) and (
        after >= view.n or view.at(after) in _ITEM_EDGES or view.is_space(after)
    )


def decide(view: View, candidates: list[Candidate]) -> list[Candidate]:
    """Apply the ambiguity rules to candidates in text order (as the matcher gives them); return
    the accepted ones (overlaps still unresolved)."""
    # Most candidates are unambiguous: only the others cost any context lookups.
    ambiguous = [i for i, c in enumerate(candidates) if c.rule is not None]
    if not ambiguous:
        return candidates
    accepted = [True] * len(candidates)
    pending: list[int] = []
    judged = any(candidates[i].rule == "ctx" for i in ambiguous)
    ends: set[int] = {c.end for c in candidates} if judged else set()
    for i in ambiguous:
        cand = candidates[i]
        if _city(view, cand) or (cand.rule == "ctx" and _name_tail(view, cand, ends)):
            accepted[i] = False
        else:
            verdict = _judge(view, cand)
            if not verdict:
                accepted[i] = False
                if verdict is False and cand.rule not in _CONTEXT_ONLY_RULES:
                    pending.append(i)
    if pending:
        _spread_evidence(view, candidates, accepted, pending)
    return [c for c, ok in zip(candidates, accepted, strict=True) if ok]


def _spread_evidence(
    view: View, candidates: list[Candidate], accepted: list[bool], pending: list[int]
) -> None:
    """An ambiguous name beside accepted technologies, or in a list with one, is one too; evidence
    spreads along a list ("Go, Rust, Swift and Python"). The accepted set only grows and every test
    is monotone in it, so a worklist reaches the same result as repeated passes, in linear time."""
    # Tuples of ints and flat lists of ints only: a list per candidate would survive to the
    # collector's oldest generation and make its full passes grow faster than the text.
    waiting: dict[int, tuple[int, ...]] = {}  # index -> its list neighbours of the same kind
    for i in pending:
        cand = candidates[i]
        if view.at(cand.start - 1) in _DETERMINERS and view.doc[cand.start].is_lower:
            continue  # "the backbone of", "a spark": a lower-case word with an article is English
        if cand.rule == "item" and not _whole_item(view, cand):
            continue
        non_tech = cand.category in NON_EVIDENCE
        waiting[i] = tuple(
            j
            for j in _list_neighbours(view, candidates, i)
            if (candidates[j].category in NON_EVIDENCE) == non_tech
        )
    # the candidates whose acceptance vouches for a waiting one: its list neighbours of the same
    # kind (technology or not), and nearby technologies for the rules that they vouch for
    supporters: list[int] = []
    dependants: list[int] = []
    ready: list[int] = []
    starts: list[int] = []
    longest = 0
    for i, neighbours in waiting.items():
        cand = candidates[i]
        support: Sequence[int] = neighbours
        if cand.rule in _NEAR_RULES and not any(accepted[j] for j in neighbours):
            if not starts:
                starts = [c.start for c in candidates]
                longest = max(c.end - c.start for c in candidates)
            # a supporter ends at most CONTEXT_WINDOW tokens before this one starts
            first = bisect_left(starts, cand.start - CONTEXT_WINDOW - longest)
            support = [*neighbours, *_near_supporters(view, candidates, i, first)]
        for j in support:
            supporters.append(j)
            dependants.append(i)
        if any(accepted[j] for j in support):
            ready.append(i)
    if not supporters:
        return  # nothing vouches for a waiting name, and no list of them is long enough
    offsets, vouched = _grouped(supporters, dependants, len(candidates))
    while True:
        while ready:
            i = ready.pop()
            if i in waiting:
                del waiting[i]
                accepted[i] = True
                ready.extend(vouched[offsets[i] : offsets[i + 1]])
        grown = _accept_name_lists(candidates, accepted, waiting)
        if not grown:
            return
        for i in grown:
            ready.extend(vouched[offsets[i] : offsets[i + 1]])


def _verb(view: View, cand: Candidate) -> bool:
    """Whether a lower-case name that is also a verb is the verb ("react quickly to change")."""
    return (
        cand.end - cand.start == 1
        and view.at(cand.start) in _VERB_NAMES
        and view.at(cand.end) in _VERB_NEXT
        and view.at(cand.start - 1) not in _VERB_NOT_AFTER
        and view.doc[cand.start].is_lower
    )


def _grouped(keys: list[int], values: list[int], size: int) -> tuple[list[int], list[int]]:
    """The values grouped by their keys (each below `size`), in order within a key: the values of
    key k are grouped[offsets[k]:offsets[k + 1]] (a counting sort, linear time)."""
    offsets = [0] * (size + 1)
    for key in keys:
        offsets[key + 1] += 1
    for k in range(size):
        offsets[k + 1] += offsets[k]
    grouped = [0] * len(values)
    fill = offsets[:-1]
    for key, value in zip(keys, values, strict=True):
        grouped[fill[key]] = value
        fill[key] += 1
    return offsets, grouped


def _accept_name_lists(
    candidates: Sequence[Candidate], accepted: list[bool], waiting: dict[int, tuple[int, ...]]
) -> list[int]:
    """Ambiguous tool names that only list each other, at least NAME_LIST_MIN of them, are
    tools ("Engineers (Backbone, Bootstrap, LESS)"); returns the ones accepted."""
    tech = {
        i: neighbours
        for i, neighbours in waiting.items()
        if candidates[i].category not in NON_EVIDENCE
    }
    seen: set[int] = set()
    grown: list[int] = []
    for start in tech:
        if start in seen:
            continue
        group, stack = [], [start]
        seen.add(start)
        while stack:
            i = stack.pop()
            group.append(i)
            for j in tech[i]:
                if j in tech and j not in seen:
                    seen.add(j)
                    stack.append(j)
        if len(group) >= NAME_LIST_MIN:
            for i in group:
                accepted[i] = True
                del waiting[i]
            grown.extend(group)
    return grown


def _after_kind(word: int, strings: StringStore) -> int:
    """What a token (by lower-case hash) means right after a mention: the _JOINS, _ROLE, _TITLE
    and _VERSION bits; cached, since the same few words follow mentions."""
    kind = _AFTER_KIND.get(word)
    if kind is None:
        kind = _AFTER_KIND[word] = _VERSION if word and VERSION.match(strings[word]) else 0
    return kind


# lower-case hash -> whether the word ends with a full stop
_ENDS_WITH_STOP: dict[int, bool] = {}


def _ends_with_stop(word: int, strings: StringStore) -> bool:
    """Whether the token with this lower-case hash ends with a full stop; cached by hash."""
    value = _ENDS_WITH_STOP.get(word)
    if value is None:
        value = _ENDS_WITH_STOP[word] = strings[word].endswith(".")
    return value


def settle(
    view: View, accepted: list[Candidate], company: HeaderCompany | None = None
) -> list[tuple[int, int, str]]:
    """The mentions of the accepted candidates as token spans (start, end, skill id) in text order:
    title modifiers and a header's company left out, versions joined, overlaps resolved.
    `company`: the header's company (`header_company`), left out where it recurs as written."""
    if not accepted:
        return []
    covered: set[int] = set()
    for c in accepted:
        if c[1] - c[0] == 1:
            covered.add(c[0])
        else:
            covered.update(range(c[0], c[1]))
    # Only a mention with nothing but whitespace before it can open the text (candidates come in
    # text order: the first starts first).
    first = accepted[0][0]
    for i in range(first):
        if not view.is_space(i):
            first = -1
            break
    # This loop runs for every mention of every posting: it reads each token once at most.
    at = view.at
    n = view.n
    strings = view.doc.vocab.strings
    after_kinds = _AFTER_KIND
    # start of a mention -> the token its walk over joiners and mentions stopped at
    stops: dict[int, int] = {}
    closed: set[int] = set()  # starts of mentions whose last token carries a full stop
    spans: list[tuple[int, int, str]] = []
    # token ranges of the names left out as titles or the company ("Amazon Web Services | ...")
    dropped: list[tuple[int, int]] = []
    tech_tokens: set[int] | None = None  # tokens of accepted technologies, when a domain needs them
    # From the last mention back, so that a list reuses the walk of the mention after it.
    for cand in reversed(accepted):
        start, end, skill_id, category, _ = cand
        if category == "domain" and not _asked_for(view, start, end):
            if tech_tokens is None:
                tech_tokens = {
                    t
                    for c in accepted
                    if c[3] not in NON_TECH_CATEGORIES or c[2] in TECH_AREAS
                    for t in range(c[0], c[1])
                }
            if not listed_with(view, tech_tokens, start, end):
                continue  # "a global leader in financial services", "private healthcare"
        after = at(end)
        kind = after_kinds.get(after)
        if kind is None:
            kind = _after_kind(after, strings)
        if not kind and end not in covered and start != first:
            # the common mention: nothing after it to walk over or join (as below, in short)
            stops.setdefault(start, end)
            if after in _AREA_HEADS and category in NON_TECH_CATEGORIES:
                end += 1
            spans.append((start, end, skill_id))
            continue
        i = end
        if kind & (_JOINS | _ROLE | _TITLE) or end in covered:
            if _ends_with_stop(at(end - 1), strings):
                # "Swift & Objective-C. Android team": the full stop on the name ends the title walk
                kind = 0
                closed.add(start)
        if start not in closed and (end in covered or kind & _JOINS):
            limit = min(n, end + TITLE_WINDOW)
            while i < limit:
                stop = stops.get(i)
                if stop is not None:
                    i = min(stop, limit)
                    break
                if i in covered or at(i) in _TITLE_JOINERS:
                    i += 1
                else:
                    break
            stop_kind = kind if i == end else _after_kind(at(i), strings)
            if closed and (i in closed or any(s in closed for s in range(end, i))):
                stop_kind = 0
        else:
            stop_kind = kind
        stops.setdefault(start, i)
        if stop_kind & _ROLE and not _abbreviation_starts_noun(view, i):
            dropped.append((start, end))
            continue  # "Android Engineer", "UI / UX Designers": part of a job title
        if stop_kind & _TITLE and _title_tail(at, i + 1):
            dropped.append((start, end))
            continue  # "iOS Mobile Engineer", "PHP Web Application Developer"
        if start == first:
            if company_field(view, cand):
                if company is None:
                    company = header_company_of(view, cand)  # a `list` name the rules accepted
                dropped.append((start, end))
                continue
            field_end = glued_header_field(view, cand)
            if field_end > 0:
                dropped.append((start, field_end))  # with "ethereum" of "Go-ethereum |"
                continue
        # A version number after a name belongs to the mention ("Java 8").
        if kind & _VERSION and at(end + 1) not in _NOT_AFTER_VERSION:
            end += 1
        elif after in _AREA_HEADS and category in NON_TECH_CATEGORIES and end not in covered:
            end += 1  # "test automation tools", "networking protocols": the head names the area
        spans.append((start, end, skill_id))
    spans.reverse()
    if dropped:
        # a name inside a left-out one is part of it: "Web Services" of "Amazon Web Services |"
        inside = {i for a, b in dropped if b - a > 1 for i in range(a, b)}
        if inside:
            spans = [
                s
                for s in spans
                if s[0] not in inside or not any(a <= s[0] and s[1] <= b for a, b in dropped)
            ]
    if company is not None:
        # "CloudFlare | SF ... CloudFlare is building": the company's name, wherever it recurs
        non_tools = {
            t
            for c in accepted
            if c[3] in NON_TECH_CATEGORIES and c[2] not in TECH_AREAS
            for t in range(c[0], c[1])
        }
        spans = company_mentions(view, spans, company, non_tools)
    if _overlapping(spans):
        spans = _resolve_overlaps(spans)
    if any(s[2] == MVC for s in spans):
        strings = view.doc.vocab.strings
        spans = aspnet_mvc(view, spans, lambda word: bool(_after_kind(word, strings) & _VERSION))
    if not spans or not view.org_cues:
        return spans
    fields = frozenset(c[0] for c in accepted if c[3] in NON_TECH_CATEGORIES)
    return without_organisations(view, spans, fields)


def _asked_for(view: View, start: int, end: int) -> bool:
    """Whether the sentence of a mention asks for knowledge ("experience in fintech", "a degree
    in physics", "Industry: Fintech", "B2B sales experience") rather than describing the company
    or its benefits."""
    at = view.at
    lo = max(0, start - ASKED_WINDOW)
    for i in range(start - 1, lo - 1, -1):
        word = at(i)
        if word in _ASKED_CUES:
            return True
        if word in _SENTENCE_ENDS:
            return False
        if is_space_hash(word, view) and (i == 0 or at(i - 1) != _COLON):
            return False  # a line ends the sentence, unless it is a field's label ("Industry:")
    for i in range(end, min(view.n, end + ASKED_AFTER_WINDOW)):
        word = at(i)
        if word in _ASKED_AFTER:
            return True
        if word in _SENTENCE_ENDS or is_space_hash(word, view):
            return False
    return False


def _overlapping(spans: list[tuple[int, int, str]]) -> bool:
    """Whether any two token spans overlap, or the spans are out of text order."""
    reach = -1
    for start, end, _ in spans:
        if start < reach:
            return True
        reach = end
    return False


def _abbreviation_starts_noun(view: View, i: int) -> bool:
    """Whether an abbreviated role noun at token i opens a noun phrase instead of ending a title:
    "Eng practices", "Eng. degree", "Eng team" (not "Android Eng at Acme", "Data Eng role")."""
    if view.at(i) not in _ABBREVIATED_ROLE_NOUNS:
        return False
    j = i + 2 if view.at(i + 1) == _FULL_STOP else i + 1
    if j >= view.n:
        return False
    text = view.doc[j].text
    return text.isalpha() and text.islower() and view.at(j) not in _ABBREVIATED_ROLE_NEXT


def _title_tail(at: Callable[[int], int], i: int) -> bool:
    """Whether a role noun follows within the next title words ("Full-Stack Web Engineers")."""
    # a hyphen inside a title word's compound is no word of its own
    j = i
    for _ in range(TITLE_WORDS_MAX):
        if at(j) == _HYPHEN and at(j - 1) in _TITLE_WORDS:
            j += 1
        word = at(j)
        if word in _ROLE_NOUNS:
            return True
        if word not in _TITLE_WORDS:
            return False
        j += 1
    return False


def _by_length_then_start(span: tuple[int, int, str]) -> tuple[int, int]:
    return (span[0] - span[1], span[0])


def _resolve_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Resolve overlaps: the longest span wins ("Ruby on Rails" over "Ruby"), then the earliest
    (spaCy's filter_spans policy, on plain tuples: no Span objects); the result in text order."""
    kept: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for span in sorted(spans, key=_by_length_then_start):
        tokens = range(span[0], span[1])
        if taken.isdisjoint(tokens):
            taken.update(tokens)
            kept.append(span)
    kept.sort()
    return kept
