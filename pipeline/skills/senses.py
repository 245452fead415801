"""Mentions whose words name something other than a tool the job uses: a product analogy ("think
GitHub for construction"), a code host written as a link to its own address ("GitHub:
https://github.com/acme") and a name read in the sense of its field ("EMR" beside clinical words
is a medical record, and so is every "EMR" of that posting with nothing that makes it the tool),
and a method heading a line of the stack ("AI/ML: PyTorch, LLMs")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.strings import get_string_id

from jobtrends.vocabulary import TOOL_CATEGORIES
from pipeline.skills.abbreviations import defined_in, names_other_thing
from pipeline.skills.passing_words import (
    BUT_FOR_NOT_NEXT,
    BUT_FOR_REACH,
    BUT_FOR_RUNS_ON,
    LIKE_BUT_COMPARISONS,
    LIKE_BUT_DEGREES,
    LIKE_BUT_NOT_COMPARED,
    LIKE_BUT_NOT_NEXT,
    LIKE_LIKENING_BEFORE,
    LIKE_VERB_BEFORE,
    LIKENING_CUES,
    LIKENING_GAP,
    LIKENING_IT_IS,
    LIKENING_REACH,
)
from pipeline.skills.rule_words import (
    DETERMINERS,
    HOST_PLACE_NOUNS,
    HOST_SHOW_CUES,
    HOST_WORK_VERBS,
    SEND_VERBS,
    SENTENCE_ENDS,
)
from pipeline.skills.sense_words import (
    ALTERNATIVE,
    ALTERNATIVE_NOUNS,
    ALTERNATIVE_OPENERS,
    ANALOGY_AS,
    ANALOGY_AS_REACH,
    ANALOGY_AS_VERBS,
    ANALOGY_BE,
    ANALOGY_BECOME,
    ANALOGY_BEFORE,
    ANALOGY_BUT,
    ANALOGY_CLAUSE_STARTS,
    ANALOGY_FOR,
    ANALOGY_JOINERS,
    ANALOGY_LIKE,
    ANALOGY_MAKE,
    ANALOGY_MAKE_NOT_FOR,
    ANALOGY_OF,
    ANALOGY_THE,
    ANALOGY_TITLE_OPENERS,
    ANALOGY_WHAT,
    ANALOGY_WHAT_DONE,
    ANALOGY_WHAT_NOT_NEXT,
    ANALOGY_WHAT_TO,
    ANALOGY_WHAT_VERBS,
    ARE,
    COMPANY_BATCH,
    COMPANY_BATCH_CODE,
    COMPANY_BATCH_OPENER,
    COMPANY_BATCH_YEAR,
    COMPARATIVES,
    COMPARE_AS,
    COMPARE_JOINERS,
    COMPARE_MORE,
    COMPARE_THAN,
    COMPARE_TO,
    EMAIL_AT,
    EMAIL_AT_SIGNS,
    EMAIL_BRACKETS,
    EMAIL_DOT,
    EMAIL_TOP_DOMAINS,
    EMPLOYER_NOUN_OWNERS,
    EMPLOYER_NOUNS,
    EQUATIVE_GAP,
    EQUATIVE_NOT,
    EQUATIVE_SUBJECT_WORDS,
    FIELD_QUALIFIER_OPENERS,
    FIELD_QUALIFIERS,
    FIELD_SENSES,
    FIELD_TOOL_BEFORE,
    FIELD_TOOL_COMPANIONS,
    HOST_DOMAINS,
    LINE_BULLETS,
    LINK_OPENERS,
    METHOD_CHAIN_JOINERS,
    METHOD_ORG_GAP_STOPS,
    METHOD_ORG_NOT_NEXT,
    METHOD_ORG_NOUNS,
    METHOD_PRODUCT_BE,
    METHOD_PRODUCT_NOUNS,
    NO_COMPANY_SUBJECTS,
    ORG_NAME_ENDS,
    ORG_NAME_FRAMEWORKS,
    ORG_NAME_NOT_NEXT,
    PHRASE_STOPS,
    PRODUCT_NAMES,
    STACK_NOUNS,
    START_UP,
    SUBJECT_NOT_AFTER,
    URL_STARTS,
    WE,
    WE_ARE,
)
from pipeline.skills.taxonomy import load_entries, skills_by_id
from pipeline.skills.view import View, listed_with, word_ids

# Tokens on either side of such a name that the field's words are looked for in, within its
# sentence (the window stops at a sentence's end and at a line break): a data stack and a clinic
# named in one sentence are read together, in two sentences apart.
FIELD_WINDOW = 20
# Words, hyphens and joiners a method's name may follow after its determiner: "a fast-growing AI
# company" (3 tokens), "a profitable, stable, and growing artificial intelligence startup" (6).
METHOD_CHAIN_MAX = 8
# Lower-case words that may stand between a method and the organisation noun it qualifies: "a
# machine learning consulting company", "a machine-learning product company"; a third word makes
# a longer phrase than a kind of company.
METHOD_ORG_GAP = 2
# Tokens a parenthesis after a company's name may hold before "is": "Sematic (YC S22) is",
# "Coupa Software (NASDAQ: COUP) is" (up to 4 tokens inside).
SUBJECT_PAREN_MAX = 6
# Tokens on either side of a code host's place ("GitHub repo"), within its sentence, read for
# words of showing (either side) and of working on it (before the name only).
HOST_PLACE_WINDOW = 12
# Tokens (punctuation, line breaks) that may stand between such a place and its address: "GitHub
# Repos:" and the address on the next line.
HOST_ADDRESS_GAP = 3

_ANALOGY_BEFORE = word_ids(ANALOGY_BEFORE)
_CLAUSE_STARTS = word_ids(ANALOGY_CLAUSE_STARTS)
_LIKE = get_string_id(ANALOGY_LIKE)
_FOR = get_string_id(ANALOGY_FOR)
_BUT = get_string_id(ANALOGY_BUT)
_ANALOGY_JOINERS = word_ids(ANALOGY_JOINERS)
_ANALOGY_BE = word_ids(ANALOGY_BE)
_ANALOGY_BECOME = word_ids(ANALOGY_BECOME)
_ANALOGY_MAKE = word_ids(ANALOGY_MAKE)
_ANALOGY_MAKE_NOT_FOR = word_ids(ANALOGY_MAKE_NOT_FOR)
_ANALOGY_AS = get_string_id(ANALOGY_AS)
_ANALOGY_AS_VERBS = word_ids(ANALOGY_AS_VERBS)
_ANALOGY_AFTER = frozenset({_FOR, get_string_id(ANALOGY_OF)})
_WHAT = get_string_id(ANALOGY_WHAT)
_WHAT_VERBS = word_ids(ANALOGY_WHAT_VERBS)
_WHAT_HAVE, _WHAT_DONE = word_ids(ANALOGY_WHAT_DONE[0]), get_string_id(ANALOGY_WHAT_DONE[1])
_WHAT_TO = word_ids(ANALOGY_WHAT_TO)
_WHAT_NOT_NEXT = word_ids(ANALOGY_WHAT_NOT_NEXT)
_THE = get_string_id(ANALOGY_THE)
_TITLE_OPENERS = word_ids(ANALOGY_TITLE_OPENERS)
_COMMA = get_string_id(",")
_THAN = get_string_id(COMPARE_THAN)
_COMPARATIVES = word_ids(COMPARATIVES)
_MORE = word_ids(COMPARE_MORE)
_ALTERNATIVES = word_ids(ALTERNATIVE_NOUNS)
_ALTERNATIVE_OPENERS = word_ids(ALTERNATIVE_OPENERS)
_ALTERNATIVE = get_string_id(ALTERNATIVE)
_EMPLOYER_NOUNS = word_ids(EMPLOYER_NOUNS)
_EMPLOYER_NOUN_OWNERS = word_ids(EMPLOYER_NOUN_OWNERS)
_COMPARE_TO = word_ids(COMPARE_TO)
_COMPARE_JOINERS = word_ids(COMPARE_JOINERS)
_AS = get_string_id(COMPARE_AS)
_EQUATIVE_NOT = word_ids(EQUATIVE_NOT)
_STACK_NOUNS = word_ids(STACK_NOUNS)
_SLASH = get_string_id("/")
_BATCH_OPENER, _BATCH = get_string_id(COMPANY_BATCH_OPENER), get_string_id(COMPANY_BATCH)
_BATCH_CODE = re.compile(COMPANY_BATCH_CODE)
_BATCH_APOSTROPHE, _BATCH_YEAR = (
    get_string_id(COMPANY_BATCH_YEAR[0]),
    re.compile(COMPANY_BATCH_YEAR[1]),
)
_LINK_OPENERS = word_ids(LINK_OPENERS)
_METHOD_ORG_NOUNS = word_ids(METHOD_ORG_NOUNS)
_PRODUCT_NOUNS = word_ids(METHOD_PRODUCT_NOUNS)
_PRODUCT_BE = word_ids(METHOD_PRODUCT_BE)
_HEADS = _METHOD_ORG_NOUNS | _PRODUCT_NOUNS
_NO_COMPANY_SUBJECTS = word_ids(NO_COMPANY_SUBJECTS)
_WE_ARE = word_ids(WE_ARE)
_WE, _ARE, _IT = get_string_id(WE), get_string_id(ARE), get_string_id("it")
_SUBJECT_NOT_AFTER = word_ids(SUBJECT_NOT_AFTER)
_PHRASE_STOPS = word_ids(PHRASE_STOPS)
_START, _HYPHEN, _UP = (get_string_id(w) for w in START_UP)
_METHOD_CHAIN_JOINERS = word_ids(METHOD_CHAIN_JOINERS)
_METHOD_ORG_NOT_NEXT = word_ids(METHOD_ORG_NOT_NEXT)
_DETERMINERS = word_ids(DETERMINERS)
_BUT_FOR_NOT_NEXT = word_ids(BUT_FOR_NOT_NEXT)
_LIKE_BUT_NOT_NEXT = word_ids(LIKE_BUT_NOT_NEXT)
_BUT_FOR_RUNS_ON = word_ids(BUT_FOR_RUNS_ON)
_LIKE_BUT_COMPARISONS = word_ids(LIKE_BUT_COMPARISONS)
_LIKE_BUT_DEGREES = word_ids(LIKE_BUT_DEGREES)
_LIKE_BUT_NOT_COMPARED = word_ids(LIKE_BUT_NOT_COMPARED)
_LIKE_LIKENING_BEFORE = word_ids(LIKE_LIKENING_BEFORE)
_LIKE_VERB_BEFORE = word_ids(LIKE_VERB_BEFORE)
_LIKENING_CUES = word_ids(LIKENING_CUES)
_LIKENING_IT_IS = word_ids(LIKENING_IT_IS)
_LIKENING_GAP = word_ids(LIKENING_GAP)
_CLAUSE_ENDS = word_ids(SENTENCE_ENDS | {",", ";", ":", "(", ")"})
# the words before and after a mention that any sense below starts from
_BEFORE_CUES = _ANALOGY_BEFORE | _DETERMINERS | _COMPARE_TO | {_LIKE, _THAN, _AS, _WHAT}
_AFTER_CUES = _ALTERNATIVES | {_SLASH, _BATCH_OPENER}
_GAP_STOPS = _DETERMINERS | word_ids(METHOD_ORG_GAP_STOPS)
_ORG_OR_STOPS = _METHOD_ORG_NOUNS | _GAP_STOPS
_SENTENCE_ENDS = word_ids(SENTENCE_ENDS)
_OPEN, _CLOSE = get_string_id("("), get_string_id(")")
_COLON = get_string_id(":")
_FULL_STOP = get_string_id(".")
_LINE_BULLETS = word_ids(LINE_BULLETS)
_FIELD_WORDS = {skill_id: word_ids(words) for skill_id, (_, words) in FIELD_SENSES.items()}
_FIELD_NAMES = {skill_id: get_string_id(name) for skill_id, (name, _) in FIELD_SENSES.items()}
_FIELD_QUALIFIERS = word_ids(FIELD_QUALIFIERS)
_FIELD_TOOL_BEFORE = {skill_id: word_ids(words) for skill_id, words in FIELD_TOOL_BEFORE.items()}
_FIELD_QUALIFIER_OPENERS = word_ids(FIELD_QUALIFIER_OPENERS)
_HOST_PLACE_NOUNS = word_ids(HOST_PLACE_NOUNS)
_HOST_SHOW_CUES = word_ids(HOST_SHOW_CUES | SEND_VERBS)
_HOST_WORK_VERBS = word_ids(HOST_WORK_VERBS)
_OPEN_WORD = get_string_id("open")
_APPLICANTS = word_ids({"your", "my"})
_OPEN_NEXT = word_ids({"source", "-"})
_ORG_NAME_ENDS = word_ids(ORG_NAME_ENDS)
_ORG_NAME_NOT_NEXT = word_ids(ORG_NAME_NOT_NEXT)
_ORG_NAME_FRAMEWORKS = {(skill, get_string_id(end)) for skill, end in ORG_NAME_FRAMEWORKS}
_EMAIL_DOT, _EMAIL_AT = get_string_id(EMAIL_DOT), get_string_id(EMAIL_AT)
_EMAIL_TOP_DOMAINS = word_ids(EMAIL_TOP_DOMAINS)
_EMAIL_BRACKETS = word_ids(EMAIL_BRACKETS)
_EMAIL_AT_SIGNS = word_ids(EMAIL_AT_SIGNS)
_EMAIL_DOMAIN_ENDS = tuple(f".{domain}" for domain in sorted(EMAIL_TOP_DOMAINS))
# the words next to a mention that the mail-domain reading starts from
_EMAIL_AFTER_CUES = _EMAIL_BRACKETS | {_EMAIL_DOT}
_EMAIL_BEFORE_CUES = _EMAIL_BRACKETS | _EMAIL_AT_SIGNS | {get_string_id(".")}


@lru_cache(maxsize=1)
def code_hosts() -> frozenset[str]:
    """The ids of the code hosts: the taxonomy's entries under the `profile` rule."""
    return frozenset(entry.skill.id for entry in load_entries() if entry.rule == "profile")


def _run_end(
    view: View,
    spans: list[tuple[int, int, str]],
    k: int,
    joiners: frozenset[int],
    touching: bool,
    gap: int = 1,
) -> int:
    """The index after the last span of the run that span k opens, one of `joiners` between two
    ("GitHub/Bitbucket", "iOS and Android"; up to `gap` of them: ", or"), or none when
    `touching`."""
    j = k + 1
    while j < len(spans):
        prev_end, start = spans[j - 1][1], spans[j][0]
        if not (touching and start == prev_end) and not (
            prev_end < start <= prev_end + gap
            and all(view.at(i) in joiners for i in range(prev_end, start))
        ):
            break
        j += 1
    return j


def _but_for(view: View, end: int) -> bool:
    """Whether "but for" (or ", but for") follows the token before `end`."""
    if view.at(end) == _COMMA:
        end += 1
    return view.at(end) == _BUT and view.at(end + 1) == _FOR


def _likened_but_for(view: View, start: int, end: int) -> bool:
    """Whether the name from token `start` to `end` is likened to: a likening before it and "but
    for" (or ", but for") and a short phrase that ends its clause after it: "it's New Relic, but
    for security.", "Think of GitHub but for hardware design." (not "We use React, but for this
    role ...": BUT_FOR_NOT_NEXT; nor "Need Swift, but for macOS.": no likening)."""
    at = view.at
    i = end + 1 if at(end) == _COMMA else end
    first = i + 2
    if not (at(i) == _BUT and at(i + 1) == _FOR) or first >= view.n:
        return False
    token = view.doc[first]
    if not token.is_alpha or at(first) in _BUT_FOR_NOT_NEXT or token.lower_.endswith("ing"):
        return False
    for j in range(first + 1, first + BUT_FOR_REACH + 1):
        if j >= view.n or view.is_space(j) or at(j) in _CLAUSE_ENDS:
            if at(start - 1) in _LIKENING_IT_IS and at(start - 2) == _IT:
                # "it's Acme, but for security.": a lower-case phrase that ends the sentence (not
                # "It's Java, but for Android.", "It's Python, but for infra, Go.")
                ends = j >= view.n or view.is_space(j) or at(j) in _SENTENCE_ENDS
                return ends and token.is_lower
            return _likening_before(view, start)
        if at(j) in _BUT_FOR_RUNS_ON:
            return False  # "but for ML we use R": a clause of its own
    return False


def _likening_before(view: View, start: int) -> bool:
    """Whether a word that likens (LIKENING_CUES) stands before token `start`, only
    words of LIKENING_GAP or capitalised ones between: "Imagine Acme", "Think of it as Acme",
    "model to Acme", "Think Acme Graph API"."""
    at = view.at
    for j in range(start - 1, max(-1, start - 1 - LIKENING_REACH), -1):
        if at(j) in _LIKENING_CUES:
            return True
        if view.is_space(j) or not (at(j) in _LIKENING_GAP or view.doc[j].text[:1].isupper()):
            return False  # the gap holds only LIKENING_GAP and the name's run ("Think Acme Graph")
    return False


def _like_but(view: View, start: int, end: int) -> bool:
    """Whether one name after "like" (token `start` - 1) is likened to with "but" after it: "a
    solution like NetSuite, but much easier to use", "Like Google Sheets but faster" (not
    "utilities, like SNMP, but generally hiring": "like" after a comma; nor "tools like Jenkins,
    but we are moving": LIKE_BUT_NOT_NEXT; nor "We like Rust, but": a verb; nor a list,
    "technologies like Python, Go, React, but are happy to": examples of the stack)."""
    at = view.at
    i = end + 1 if at(end) == _COMMA else end
    if at(i) != _BUT or at(start - 2) == _COMMA or i + 1 >= view.n:
        return False
    if any(at(j) in _ANALOGY_JOINERS for j in range(start, end)):
        return False
    word = at(start - 2)  # not LIKE_VERB_BEFORE: `_analogy` reads "We like Rust" as a verb
    token = view.doc[i + 1]
    if not token.is_lower or at(i + 1) in _LIKE_BUT_NOT_NEXT or token.lower_.endswith("ly"):
        return False  # "a framework like React, but Vue is fine too"
    if _clause_start(view, start - 1) or word in _LIKE_LIKENING_BEFORE:
        return True
    return _comparison(view, i + 1)  # "a message queue like Acme, but ..." gives a kind


def _comparison(view: View, i: int) -> bool:
    """Whether token i opens a comparison: "easier", "much easier", "more flexible" (not "more
    importantly", "much of the work")."""
    word = view.at(i)
    if word in _LIKE_BUT_COMPARISONS:
        return True
    if word not in _LIKE_BUT_DEGREES or i + 1 >= view.n:
        return False
    token = view.doc[i + 1]
    return (
        token.is_alpha
        and token.is_lower
        and view.at(i + 1) not in _LIKE_BUT_NOT_COMPARED
        and not token.lower_.endswith("ly")
    )


def _clause_start(view: View, i: int) -> bool:
    """Whether token i opens a clause: the doc's start, a line break or a clause's punctuation
    before it."""
    return i <= 0 or view.is_space(i - 1) or view.at(i - 1) in _CLAUSE_STARTS


def _analogy(view: View, before: int, start: int, end: int, skill_id: str) -> bool:
    """Whether names from token `start` to token `end` are a product the employer likens itself
    to: "think X for Y" with "think" opening a clause (not "I think Python for data work"), "like
    X but for Y", "we're the X for Y", "Acme - The X for Y" (not "The API for partners is in Go",
    a sentence's start; nor "Our stack is a Python/Django for backend": not the employer); also
    "the X of Y" and the openers of ANALOGY_BECOME, ANALOGY_AS and ANALOGY_MAKE, for names other
    than the employer's own API ("building the API for payroll")."""
    if before in _ANALOGY_BEFORE:
        return _clause_start(view, start - 1) and (view.at(end) == _FOR or _but_for(view, end))
    if before in _DETERMINERS:
        if view.at(end) not in _ANALOGY_AFTER:
            return False
        opener = start - 2
        word = view.at(opener)
        if word in _ANALOGY_BE:  # "it is" as "it's": "Magic ... it is an API for everything"
            return (
                word not in _PRODUCT_BE
                or view.at(opener - 1) == _IT
                or _employer_subject(view, opener)
            )
        if skill_id in PRODUCT_NAMES:
            return False  # "building the API for partners": the employer's own API
        if word in _ANALOGY_BECOME:
            return True
        if word == _ANALOGY_AS:
            reach = range(max(0, opener - ANALOGY_AS_REACH), opener)
            return any(view.at(i) in _ANALOGY_AS_VERBS for i in reach)
        if word in _ANALOGY_MAKE:
            return (
                end - start == 1
                and view.doc[start].text[:1].isupper()
                and view.at(end + 1) not in _ANALOGY_MAKE_NOT_FOR
            )
        return before == _THE and word in _TITLE_OPENERS
    if view.at(start - 2) in _LIKE_VERB_BEFORE:
        return False  # "We like Rust, but for ML ...": "like" as a verb
    return _but_for(view, end) or _like_but(view, start, end)


def _mail_domain(view: View, start: int, end: int) -> bool:
    """Whether a name is the domain of a mail address written out: "dot" and a top-level domain
    after it ("david at acme dot com", "jobs [at] acme [dot] com"), or a domain after an "at" in
    brackets, "⒜" or ".at." ("alan ⒜ acme.com", "marta (at) acme.io")."""
    at = view.at
    i = end
    while i < view.n and i - end < 2 and at(i) in _EMAIL_BRACKETS:
        i += 1
    if at(i) == _EMAIL_DOT:
        i += 1
        while i < view.n and at(i) in _EMAIL_BRACKETS:
            i += 1
        return at(i) in _EMAIL_TOP_DOMAINS and (at(start - 1) == _EMAIL_AT or _at_sign(view, start))
    return view.doc[end - 1].lower_.endswith(_EMAIL_DOMAIN_ENDS) and _at_sign(view, start)


def _at_sign(view: View, start: int) -> bool:
    """Whether "⒜", ".at." or an "at" in brackets stands right before token `start`."""
    at = view.at
    i = start - 1
    if at(i) in _EMAIL_AT_SIGNS:
        return True
    if at(i) == _FULL_STOP and at(i - 1) in _EMAIL_AT_SIGNS:
        return True  # ".at." is read as ".at" and "."
    return at(i) in _EMAIL_BRACKETS and at(i - 1) == _EMAIL_AT and at(i - 2) in _EMAIL_BRACKETS


def _organisation_name(view: View, skill_id: str, end: int) -> bool:
    """Whether the word of ORG_NAME_ENDS at token `end` closes an organisation's name with the
    name before it: capitalised, not part of a noun ("Foundation Models") nor a framework's name
    ("Swift Foundation")."""
    return (
        view.doc[end].text[:1].isupper()
        and view.at(end + 1) not in _ORG_NAME_NOT_NEXT
        and (skill_id, view.at(end)) not in _ORG_NAME_FRAMEWORKS
    )


def _what_did_for(view: View, end: int) -> bool:
    """Whether a name after "what" is the other side of a likening: a form of "be" or "did" (or
    "has done") after it, then "for" or "to" and a word that is no person ("what VMware did for
    servers", "what GitHub has done for software", "what Cisco IOS is to networking"; not "that's
    what VPNs are for, but ...", "what Python is to you")."""
    at = view.at
    i = end
    if at(i) in _WHAT_HAVE and at(i + 1) == _WHAT_DONE:
        i += 1
    elif at(i) not in _WHAT_VERBS:
        return False
    return (
        at(i + 1) in _WHAT_TO
        and i + 2 < view.n
        and view.doc[i + 2].is_alpha
        and at(i + 2) not in _WHAT_NOT_NEXT
    )


def _link(view: View, skill_id: str, end: int) -> bool:
    """Whether a code host's name introduces an address of its own, a repo or a profile: "GitHub:
    https://github.com/acme" (not "GitHub (https://docs.github.com/en/actions)")."""
    domain = HOST_DOMAINS.get(skill_id)
    i = end
    while i < view.n and i - end < 2 and view.at(i) in _LINK_OPENERS:
        i += 1
    if domain is None or i >= view.n:
        return False
    address = view.doc[i].lower_
    if not address.startswith(URL_STARTS):
        return False
    for prefix in ("https://", "http://", "www."):
        address = address.removeprefix(prefix)
    return address.startswith(domain) and len(address) > len(domain)


def _sentence(view: View, start: int, end: int, width: int) -> range:
    """The tokens within `width` of a mention from token `start` to `end`, not past a sentence's
    end or a line break."""
    lo = start
    while lo > 0 and start - lo < width:
        word = view.at(lo - 1)
        if word in _SENTENCE_ENDS or view.is_space(lo - 1):
            break
        lo -= 1
    hi = end
    while hi < view.n and hi - end < width:
        word = view.at(hi)
        if word in _SENTENCE_ENDS or view.is_space(hi):
            break
        hi += 1
    return range(lo, hi)


def shown_place(view: View, start: int, end: int) -> bool | None:
    """For a code host's name right before a place on it ("GitHub repo", "GitLab repositories"):
    True after "your" or "my"; False after a word of working on it in its sentence ("contribute
    to our GitHub repo", "managing GitHub, GitLab or Bitbucket repos"), else True with a word of
    showing or sending in its sentence or an address after it ("check out our public GitHub
    repo", "GitHub Repos: https://github.com/acme"); None otherwise, and when no such place
    follows the name."""
    if view.at(end) not in _HOST_PLACE_NOUNS:
        return None
    if view.at(start - 1) in _APPLICANTS:
        return True  # "one of your GitHub repos"
    sentence = _sentence(view, start, end + 1, HOST_PLACE_WINDOW)
    if any(view.at(i) in _HOST_WORK_VERBS for i in range(sentence.start, start)):
        return False
    for i in sentence:
        word = view.at(i)
        if word in _HOST_SHOW_CUES or (word == _OPEN_WORD and view.at(i + 1) in _OPEN_NEXT):
            return True
    i = end + 1
    while (
        i < view.n
        and i - end <= HOST_ADDRESS_GAP
        and (view.at(i) in _LINK_OPENERS or view.is_space(i))
    ):
        i += 1
    if i < view.n and view.doc[i].lower_.startswith(URL_STARTS):
        return True
    return None


def _tool_evidence(view: View, skill_id: str, start: int, end: int, companions: set[int]) -> bool:
    """Whether a field-sense name is the tool by its own words: a qualifier before it ("Amazon
    EMR", "Android Jetpack", "Spark on EMR", "AWS: EMR", "AWS (EMR") or a list with a tool of its
    kind ("Stack: EMR, S3, Spark", "Kotlin, Jetpack, Room")."""
    if end - start > 1:
        return True  # the name with its qualifier: "Amazon EMR", "AWS EMR", "Android Jetpack"
    before = view.at(start - 1)
    if before in _FIELD_QUALIFIERS or before in _FIELD_TOOL_BEFORE.get(skill_id, ()):
        return True
    if before in _FIELD_QUALIFIER_OPENERS and view.at(start - 2) in _FIELD_QUALIFIERS:
        return True
    return listed_with(view, companions, start, end)


def _in_field(view: View, skill_id: str, start: int, end: int) -> bool:
    """Whether the field's words stand in the sentence of a name, within FIELD_WINDOW."""
    words = _FIELD_WORDS[skill_id]
    return any(view.at(i) in words for i in _sentence(view, start, end, FIELD_WINDOW))


def _companion_tokens(spans: list[tuple[int, int, str]], skill_id: str) -> set[int]:
    """The tokens of the mentions that make a field-sense name the tool when listed with it."""
    kinds = FIELD_TOOL_COMPANIONS.get(skill_id, frozenset())
    skills = skills_by_id()
    tokens: set[int] = set()
    for start, end, other in spans:
        if other != skill_id and (other in kinds or skills[other].category in kinds):
            tokens.update(range(start, end))
    return tokens


def _field_sense(view: View, skill_id: str, companions: set[int]) -> bool:
    """Whether the name is written anywhere in the posting, without anything that makes it the
    tool, among the words of the field its other sense belongs to."""
    name = _FIELD_NAMES[skill_id]
    for i in range(view.n):
        if (
            view.at(i) == name
            and not _tool_evidence(view, skill_id, i, i + 1, companions)
            and _in_field(view, skill_id, i, i + 1)
        ):
            return True
    return False


@lru_cache(maxsize=1)
def _tools() -> frozenset[str]:
    """The ids of the named tools and technologies (`TOOL_CATEGORIES`)."""
    return frozenset(i for i, skill in skills_by_id().items() if skill.category in TOOL_CATEGORIES)


@lru_cache(maxsize=1)
def _methods() -> frozenset[str]:
    """The ids of the machine-learning methods (category `ml_method`)."""
    return frozenset(i for i, skill in skills_by_id().items() if skill.category == "ml_method")


def _describes_employer(view: View, start: int, end: int) -> bool:
    """Whether a method's name qualifies an organisation noun after a determiner: "an AI
    startup", "a machine learning company", "a fast-growing Artificial Intelligence (AI) company",
    "an ML-first company", or a product noun after "is" and a determiner ("V7 is a machine
    learning platform") (not "Machine learning startup experience", "machine learning
    company-wide", "build a machine learning platform")."""
    at = view.at
    if at(end) == _OPEN and at(end + 2) == _CLOSE:
        end += 3  # the acronym in parentheses: "Artificial Intelligence (AI) company"
    elif at(end) == _CLOSE:
        end += 1  # the acronym itself
    product = -1  # the first product noun met: "a machine learning infrastructure company"
    head = 0
    for i in range(end, min(end + METHOD_ORG_GAP + 1, view.n)):
        word = at(i)
        if word in _METHOD_ORG_NOUNS:
            head, end = word, i
        elif word == _START and at(i + 1) == _HYPHEN and at(i + 2) == _UP:
            head, end = word, i + 2  # "an AI and computer vision start-up"
        elif word in _PRODUCT_NOUNS:
            product = i if product < 0 else product
            continue
        elif word not in _GAP_STOPS and (word == _HYPHEN or view.doc[i].is_lower):
            continue  # "a machine learning consulting company", "an ML-first company"
        break
    if not head:
        if product < 0:
            return False
        end = product
    if at(end + 1) in _METHOD_ORG_NOT_NEXT:
        return False
    i = _determiner_before(view, start, clause_stops=not head)
    if i < 0:
        return False
    return bool(head) or (_said_of_employer(view, i, start) and _employer_subject(view, i - 1))


def _heads_list(view: View, start: int, end: int, next_start: int) -> bool:
    """Whether a method's name opens a line as the heading of the tools after its colon: "AI/ML:
    PyTorch, LLMs", "- ML: scikit-learn" (not "Experience in ML: a plus", "ML: 3+ years")."""
    if view.at(end) != _COLON or next_start != end + 1:
        return False
    i = start - 1
    if view.at(i) in _LINE_BULLETS:
        i -= 1
    return i < 0 or view.is_space(i)


def _compared_from(view: View, start: int) -> bool:
    """Whether a name opens a product the employer measures itself against: "faster than X",
    "more accurate than X", "an alternative to X"."""
    before = view.at(start - 1)
    if before == _THAN:
        word = view.at(start - 2)
        return word in _COMPARATIVES or view.at(start - 3) in _MORE
    if before not in _COMPARE_TO:
        return False
    noun = view.at(start - 2)
    return noun in _ALTERNATIVES and (noun != _ALTERNATIVE or _made_phrase(view, start - 2))


def _equative(view: View, spans: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the "as" before span k's name closes an equal comparison of the employer's work
    with another product: "as powerful as X", "as simple and fast as X" (not "as well as X",
    "such as X"; not two names compared, "Go as heavily as Python", nor the stack the job uses,
    "our stack is as boring as Postgres", "tools as diverse as Terraform")."""
    doc = view.doc
    start = spans[k][0]
    for i in range(start - 2, max(-1, start - 3 - EQUATIVE_GAP), -1):
        word = view.at(i)
        if word == _AS:
            return i < start - 2 and not _compares_own_stack(view, spans, k, i)
        if word in _EQUATIVE_NOT or not (doc[i].is_lower or word in _COMPARE_JOINERS):
            return False
    return False


def _compares_own_stack(
    view: View, spans: list[tuple[int, int, str]], k: int, first_as: int
) -> bool:
    """Whether a tool's name or a word for the tools a job uses stands just before an equal
    comparison's first "as": then both sides are tools asked for ("TypeScript is as important
    as React", "tools as diverse as Terraform"); not the employer's own work written with a
    determiner or in lower case ("Build an API as durable as Stripe", "monitoring as powerful as")."""
    opens = max(0, first_as - EQUATIVE_SUBJECT_WORDS)
    if any(view.at(i) in _STACK_NOUNS for i in range(opens, first_as)):
        return True
    tools, doc = _tools(), view.doc
    return any(
        opens < end <= first_as
        and skill_id in tools
        and not doc[start].is_lower
        and view.at(start - 1) not in _DETERMINERS
        for start, end, skill_id in spans[:k]
    )


def _made_phrase(view: View, start: int) -> bool:
    """Whether the noun phrase of the word at `start` says what the employer is or makes: a
    determiner after a word of ALTERNATIVE_OPENERS or at a line's start ("we're building an
    open-source alternative", "One such framework is a drop-in Electron alternative")."""
    i = _determiner_before(view, start)
    return i == 0 or (i > 0 and (view.at(i - 1) in _ALTERNATIVE_OPENERS or view.is_space(i - 1)))


def _compared_at(view: View, start: int, end: int) -> bool:
    """Whether a name ends a product the employer is or makes: "Blimp is the open-source Firebase
    alternative", "we sell an Excel/Sheets competitor" (not "Experience with an Airflow
    alternative")."""
    if view.at(end) == _SLASH:
        end += 2  # one more name that is no mention: "Excel/Sheets"
    noun = view.at(end)
    return noun in _ALTERNATIVES and (noun != _ALTERNATIVE or _made_phrase(view, start))


def _batch(view: View, i: int) -> bool:
    """Whether an accelerator's batch starts at token i: "YC S11", "YC W22", "YC '12"."""
    if view.at(i) != _BATCH or i + 1 >= view.n:
        return False
    if view.at(i + 1) == _BATCH_APOSTROPHE:
        return i + 2 < view.n and _BATCH_YEAR.fullmatch(view.doc[i + 2].text) is not None
    return _BATCH_CODE.fullmatch(view.doc[i + 1].lower_) is not None


def _determiner_before(view: View, start: int, clause_stops: bool = True) -> int:
    """The index of the determiner that opens a mention's noun phrase ("the leading real-time
    API"), or -1 when other tokens, a clause of its own or a person stand between ("an engineer
    who has shipped APIs"; unless not `clause_stops`: an organisation noun after the name makes
    the phrase a kind of company wherever the determiner stands)."""
    i = start - 1
    while i >= 0 and start - 1 - i < METHOD_CHAIN_MAX and view.at(i) not in _DETERMINERS:
        word = view.at(i)
        if (
            clause_stops
            and word in _PHRASE_STOPS
            and view.at(i - 1) != _HYPHEN
            and view.at(i + 1) != _HYPHEN
        ) or (not view.doc[i].is_alpha and word not in _METHOD_CHAIN_JOINERS):
            return -1
        i -= 1
    return i if i >= 0 and view.at(i) in _DETERMINERS else -1


def _said_of_employer(view: View, i: int, start: int) -> bool:
    """Whether the noun phrase that determiner i opens says what the employer is, by "is" or
    "we're" before it, and no organisation noun stands in it before the name (not "a startup
    building computer vision tools": what it builds; nor a preposition)."""
    at = view.at
    if any(
        at(j) in _ORG_OR_STOPS or (at(j) == _START and at(j + 1) == _HYPHEN and at(j + 2) == _UP)
        for j in range(i + 1, start)
    ):
        return False  # "a platform for connecting APIs": what it serves, not what it is
    be = at(i - 1)
    return be in _PRODUCT_BE or be in _WE_ARE


def _employer_subject(view: View, be: int) -> bool:
    """Whether "is" or "are" at token `be` (or "we're") is said of the company: "we're", "we are",
    or a capitalised name before it ("SerpApi is", "V7 is"; not "It is", "You are", "Our API is",
    "Your first project is")."""
    at = view.at
    if at(be) in _WE_ARE:
        return True
    subject = be - 1
    if at(subject) == _CLOSE:  # "Sematic (YC S22) is", "Coupa Software (NASDAQ: COUP) is"
        opener = subject - 1
        while opener > subject - SUBJECT_PAREN_MAX and at(opener) not in (_OPEN, _CLOSE):
            opener -= 1
        if at(opener) != _OPEN:
            return False
        subject = opener - 1
    if subject < 0:
        return False
    if at(subject) == _WE:
        return at(be) == _ARE
    if at(subject) in _EMPLOYER_NOUNS:  # "Our product is", not "Core to our products are"
        return at(subject - 1) in _EMPLOYER_NOUN_OWNERS and _clause_start(view, subject - 1)
    return (
        at(subject) not in _NO_COMPANY_SUBJECTS
        and view.doc[subject].text[:1].isupper()
        and at(subject - 1) not in _SUBJECT_NOT_AFTER
    )


def _employer_product(view: View, start: int) -> bool:
    """Whether a name is what the employer sells, said of the company by its name or "we're":
    "SerpApi is the leading API", "Stream is an API platform" (not "Our main app is a Rails
    API", "It is an API")."""
    i = _determiner_before(view, start)
    # a company's name is written with a capital: "SerpApi", "Stream", "Pave.dev"
    return i >= 1 and _said_of_employer(view, i, start) and _employer_subject(view, i - 1)


def without_other_senses(
    view: View, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The settled mentions (token spans in text order) less those that name something else."""
    # one pass; each span costs a set lookup or two unless its id or the word before it is one
    # these senses are about
    at = view.at
    methods = _methods()
    hosts = code_hosts()
    dropped: set[int] = set()
    field_names: dict[str, tuple[bool, set[int]]] = {}
    after_group = 0  # spans before this index belong to a run already read for an analogy
    after_compared = 0  # spans before this index belong to a run already dropped as compared
    n_spans = len(spans)
    doc = view.doc
    defined = defined_in(view, spans)
    for k, (start, end, skill_id) in enumerate(spans):
        if defined and end - start == 1 and names_other_thing(defined, doc[start].text, skill_id):
            dropped.add(k)  # "SCM" after "Stevens Capital Management (SCM)"
            continue
        before = at(start - 1)
        after = at(end)
        if (after in _EMAIL_AFTER_CUES or before in _EMAIL_BEFORE_CUES) and _mail_domain(
            view, start, end
        ):
            dropped.add(k)  # "jobs [at] acme [dot] com"
            continue
        if after in _ORG_NAME_ENDS and _organisation_name(view, skill_id, end):
            dropped.add(k)  # "Salesforce Ventures", "the Linux Foundation": an organisation
            continue
        if before in _BEFORE_CUES:  # one lookup for the common span; the cases below are rare
            if k >= after_group and (
                before in _ANALOGY_BEFORE
                or before == _LIKE
                or (
                    before in _DETERMINERS
                    and (
                        after in _ANALOGY_AFTER
                        or after in _ANALOGY_JOINERS
                        or (k + 1 < n_spans and spans[k + 1][0] == end)
                    )
                )
            ):
                after_group = _run_end(view, spans, k, _ANALOGY_JOINERS, True)
                if _analogy(view, before, start, spans[after_group - 1][1], skill_id):
                    dropped.update(range(k, after_group))
                    continue
            if before == _WHAT and _what_did_for(view, end):
                dropped.add(k)  # "doing for databases what VMware did for servers"
                continue
            if (
                k >= after_compared
                and (before == _THAN or before in _COMPARE_TO)
                and _compared_from(view, start)
            ):
                # the run of names after "than": "more accurate than iOS and Android"
                after_compared = _run_end(view, spans, k, _COMPARE_JOINERS, False)
                dropped.update(range(k, after_compared))
                continue
            if k >= after_compared and before == _AS and _equative(view, spans, k):
                # "as beautiful and durable as Twilio, Stripe, or Facebook Connect."
                run_end = _run_end(view, spans, k, _COMPARE_JOINERS, False, gap=2)
                after_run = spans[run_end - 1][1]
                if after_run >= view.n or not view.doc[after_run].is_lower:
                    after_compared = run_end
                    dropped.update(range(k, run_end))
                    continue
        if (after == _BUT or after == _COMMA) and _likened_but_for(view, start, end):
            dropped.add(k)  # "it's New Relic, but for security": a likened product
            continue
        if after in _AFTER_CUES and (
            _compared_at(view, start, end) or (after == _BATCH_OPENER and _batch(view, end + 1))
        ):
            dropped.add(k)  # "the open-source Firebase alternative"; a company: "Parse (YC S11)"
        elif skill_id in hosts:
            if _link(view, skill_id, end):
                dropped.add(k)
        elif skill_id in PRODUCT_NAMES:
            if _employer_product(view, start):
                dropped.add(k)
        elif skill_id in methods:
            next_start = spans[k + 1][0] if k + 1 < n_spans else -1
            if _describes_employer(view, start, end) or _heads_list(view, start, end, next_start):
                dropped.add(k)
        elif skill_id in _FIELD_WORDS:
            # one sense a posting: a name among its field's words is read so everywhere in it
            # ("Staff SWE - EMR Platform | ..." above "Our EMR team ... patients"), except where
            # its own words make it the tool ("Amazon EMR", "Stack: EMR, S3, Spark")
            known = field_names.get(skill_id)
            if known is None:
                companions = _companion_tokens(spans, skill_id)
                known = (_field_sense(view, skill_id, companions), companions)
                field_names[skill_id] = known
            sense, companions = known
            if sense and not _tool_evidence(view, skill_id, start, end, companions):
                dropped.add(k)
    if not dropped:
        return spans
    return [span for k, span in enumerate(spans) if k not in dropped]
