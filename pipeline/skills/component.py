"""spaCy components: the taxonomy matcher and the ambiguity rules, registered as factories."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from jobtrends.vocabulary import TOOL_CATEGORIES
from pipeline.skills.header_company import header_company
from pipeline.skills.rule_words import ORG_AFTER, ORG_CUE_PHRASES, ORG_LINKS, TECH_AREAS
from pipeline.skills.rules import decide, settle
from pipeline.skills.senses import without_other_senses
from pipeline.skills.taxonomy import TaxonomyEntry, alias_variants, load_entries
from pipeline.skills.view import Candidate, View

_new = tuple.__new__

CANDIDATES_KEY = "skill_candidates"
ORG_CUES_KEY = "skill_org_cues"
ORG_PEOPLE_KEY = "skill_org_people"
ORG_FIRST_LINK_KEY = "skill_org_first_link"
# the matcher's keys for phrases that introduce organisations, for words of their people, and for
# every head and link the organisation rule's backward walk accepts (where such a walk can start)
_ORG_CUE = "#org_cue"
_ORG_PEOPLE = "#org_people"
_ORG_LINK = "#org_link"
SPANS_KEY = "skills"
MATCHER_FACTORY = "jobtrends_skill_matcher"
RULES_FACTORY = "jobtrends_skill_rules"
# Rules that also judge lower-cased aliases (the others judge only the case-sensitive forms).
LOWER_RULES = frozenset({"profile", "workplace"})
# Rules whose capitalised names are also written in lower case in lists of tools ("node, express,
# postgres"); the lower-case word alone is English ("a node", "express"), so it counts only as a
# whole list item beside accepted tools. Names shorter than this stay capitalised only ("go").
LOWER_ITEM_RULES = frozenset({"ctx"})
LOWER_ITEM_MIN = 3
# A version written onto a tool's name ("Java8", "Symfony2", "Python3.6"), as one token: the name is
# an alias of letters only and at least this long (shorter ones are acronyms with digits: "S3",
# "EC2", "D3"); the version is one or two digits with at most one minor part (four digits are
# years: "python2017"). A token of an address ("java8.com") does not match as a whole.
GLUED_NAME_MIN = 3
GLUED_VERSION = re.compile(rf"([A-Za-z]{{{GLUED_NAME_MIN},}})\d{{1,2}}(?:\.\d{{1,2}})?")


def _full_stop_pattern(nlp: Language, form: str) -> Doc | None:
    """The pattern of a name ending in a letter with a sentence's full stop on its last token:
    the tokenizer keeps the stop on a capital that follows a non-capital ("in C.",
    "Objective-C.", "ObjectiveC.", "RISC-V."), as it does on initials."""
    if not form[-1].isalpha():
        return None
    words = [token.text for token in nlp.make_doc(form)]
    words[-1] += "."
    return Doc(nlp.vocab, words=words)


def _patterns(nlp: Language, form: str) -> list[Doc]:
    """The pattern docs of an alias: as tokenised, as one token when it has no space but
    tokenises into several, since a piece split off by an infix is not split again ("C#" of
    "C#/.NET" is one token, "C#" alone is two), and with a full stop on its last token."""
    doc = nlp.make_doc(form)
    docs = [doc]
    if len(doc) > 1 and not any(c.isspace() for c in form):
        docs.append(Doc(nlp.vocab, words=[form]))
    stop = _full_stop_pattern(nlp, form)
    if stop is not None:
        docs.append(stop)
    return docs


def _link_patterns(nlp: Language) -> list[Doc]:
    """The token sequences at which the organisation rule's backward walk finds the word that
    introduces a list ("customers including", "customers, including", "customers such as",
    "customers as"), each ending on that word."""
    forms = []
    for link, heads in ORG_LINKS.items():
        for head in sorted(heads):
            forms += [[head, link], [head, ",", link]]
            if link == "as":
                forms += [[head, "such", link], [head, "such", ",", link]]
    return [Doc(nlp.vocab, words=words) for words in forms]


class SkillMatcher:
    """Finds every taxonomy alias with one PhraseMatcher on LOWER; forms where case decides are
    matched lower-cased too and kept only when the text has exactly that case."""

    def __init__(self, nlp: Language, entries: Iterable[TaxonomyEntry]) -> None:
        entries = list(entries)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # match key -> (skill id, category, rule); and, for forms where case decides, the forms
        self.meta: dict[int, tuple[str, str, str | None]] = {}
        self.exact: dict[int, frozenset[int]] = {}  # hashes of the forms as written
        for entry in entries:
            skill = entry.skill
            lower_forms = {v for alias in skill.aliases for v in alias_variants(alias)}
            if lower_forms:
                key = nlp.vocab.strings.add(skill.id)
                rule = entry.rule if entry.rule in LOWER_RULES else None
                self.meta[key] = (skill.id, skill.category, rule)
                self.matcher.add(
                    skill.id, [doc for form in sorted(lower_forms) for doc in _patterns(nlp, form)]
                )
            if entry.cased:
                # The tokenizer keeps "R." and "Objective-C." whole at a sentence end.
                exact = set(entry.cased) | {
                    form + "." for form in entry.cased if form[-1].isalpha()
                }
                key = nlp.vocab.strings.add(skill.id + "#cased")
                self.meta[key] = (skill.id, skill.category, entry.rule)
                self.exact[key] = frozenset(get_string_id(form) for form in exact)
                forms = sorted({form.lower() for form in entry.cased} - lower_forms)
                if forms:
                    self.matcher.add(
                        skill.id + "#cased", [doc for form in forms for doc in _patterns(nlp, form)]
                    )
                self._add_lower_items(nlp, entry, lower_forms)
        # lower-cased tool names that a glued version may follow -> (skill id, category); the
        # areas that vouch as tools do are versioned as they are ("MVC5")
        self.glued: dict[str, tuple[str, str]] = {
            alias: (entry.skill.id, entry.skill.category)
            for entry in entries
            if entry.skill.category in TOOL_CATEGORIES or entry.skill.id in TECH_AREAS
            for alias in entry.skill.aliases
            if alias.isalpha() and len(alias) >= GLUED_NAME_MIN
        }
        self.lower_forms = frozenset(
            form.lower() for entry in entries for form in (*entry.skill.aliases, *entry.cased)
        )
        # Each word is tested once, when the vocabulary first sees it (a lexeme flag); the words
        # found wait there until the next document, before which they become patterns.
        self.vocab = nlp.vocab
        self.waiting: list[str] = []
        nlp.vocab.add_flag(self._wait_if_glued)
        self.org_cue = nlp.vocab.strings.add(_ORG_CUE)
        self.org_people = nlp.vocab.strings.add(_ORG_PEOPLE)
        self.org_link = nlp.vocab.strings.add(_ORG_LINK)
        self.matcher.add(
            _ORG_CUE,
            [nlp.make_doc(phrase) for phrase in ORG_CUE_PHRASES if phrase not in ORG_AFTER],
        )
        self.matcher.add(_ORG_PEOPLE, [nlp.make_doc(word) for word in sorted(ORG_AFTER)])
        self.matcher.add(_ORG_LINK, _link_patterns(nlp))
        # Tokenising thousands of patterns filled the tokenizer's cache, which slows every later
        # document down by half; assigning the rules again empties it.
        if isinstance(nlp.tokenizer, Tokenizer):
            nlp.tokenizer.rules = nlp.tokenizer.rules

    def _add_lower_items(self, nlp: Language, entry: TaxonomyEntry, lower_forms: set[str]) -> None:
        """The lower-case spellings of a name judged by context ("node", "express", "consul"),
        matched as candidates that only a list of accepted tools makes tools (the `item` rule):
        "node, express, knex, postgres", never "each node", "express your ideas"."""
        if entry.rule not in LOWER_ITEM_RULES:
            return
        skill = entry.skill
        forms = (
            {
                form.lower()
                for form in entry.cased
                if not form.islower() and len(form) >= LOWER_ITEM_MIN
            }
            - lower_forms
            - set(entry.cased)
        )
        if not forms:
            return
        key = nlp.vocab.strings.add(skill.id + "#lower")
        self.meta[key] = (skill.id, skill.category, "item")
        self.exact[key] = frozenset(get_string_id(form) for form in forms)
        self.matcher.add(
            skill.id + "#lower", [doc for form in sorted(forms) for doc in _patterns(nlp, form)]
        )

    def __call__(self, doc: Doc) -> Doc:
        """Store the candidate matches of `doc` in doc.user_data."""
        meta = self.meta
        exact = self.exact
        org_cue, org_people, org_link = self.org_cue, self.org_people, self.org_link
        if self.waiting:
            self._add_glued()
        candidates: list[Candidate] = []
        cued = people = False
        first_link = len(doc)  # the first token that is the link word of such a sequence
        for key, start, end in self.matcher(doc):
            if key == org_cue:
                cued = True
                continue
            if key == org_link:
                first_link = min(first_link, end - 1)
                continue
            if key == org_people:
                people = True
                continue
            forms = exact.get(key)
            if forms is not None:
                # the hash of the text as written: a token's orth needs no string
                written = (
                    doc[start].orth if end - start == 1 else get_string_id(doc[start:end].text)
                )
                if written not in forms:
                    continue
            candidates.append(_new(Candidate, (start, end, *meta[key])))
        doc.user_data[CANDIDATES_KEY] = candidates
        if cued or people:
            user_data = doc.user_data
            user_data[ORG_CUES_KEY] = True
            user_data[ORG_PEOPLE_KEY] = people
            user_data[ORG_FIRST_LINK_KEY] = first_link
        return doc

    def _wait_if_glued(self, text: str) -> bool:
        """The lexeme flag: whether a word is a tool's name with a version glued on ("Java8"),
        which then waits to become a pattern."""
        match = GLUED_VERSION.fullmatch(text)
        if match is None or match.group(1).lower() not in self.glued:
            return False
        if text.lower() not in self.lower_forms:
            self.waiting.append(text)
        return True

    def _add_glued(self) -> None:
        """Make the waiting glued words one-token patterns of their tools."""
        for text in self.waiting:
            match = GLUED_VERSION.fullmatch(text)
            if match is None:
                continue
            skill_id, category = self.glued[match.group(1).lower()]
            key = self.vocab.strings.add(skill_id + "#version")
            self.meta[key] = (skill_id, category, None)
            self.matcher.add(skill_id + "#version", [Doc(self.vocab, words=[text])])
        self.waiting.clear()


class SkillRules:
    """Keeps the candidates the ambiguity rules accept, resolves overlaps (longest first) and
    writes doc.user_data['skills']: (start_char, end_char, skill_id) in text order."""

    def __call__(self, doc: Doc) -> Doc:
        """Decide on the candidates of `doc`."""
        candidates: list[Candidate] = doc.user_data.pop(CANDIDATES_KEY, None) or []
        user_data = doc.user_data
        org_cues = user_data.pop(ORG_CUES_KEY, False)
        people = user_data.pop(ORG_PEOPLE_KEY, True)
        first_link = user_data.pop(ORG_FIRST_LINK_KEY, 0)
        found: list[tuple[int, int, str]] = []
        if candidates:
            view = View(doc, org_cues, people, first_link)
            company = header_company(view, candidates)
            settled = settle(view, decide(view, candidates), company)
            for start, end, skill_id in without_other_senses(view, settled):
                first = doc[start]
                begin = first.idx
                if end - start == 1:
                    found.append((begin, begin + len(first), skill_id))
                else:
                    last = doc[end - 1]
                    found.append((begin, last.idx + len(last), skill_id))
        doc.user_data[SPANS_KEY] = found
        return doc


@Language.factory(MATCHER_FACTORY, assigns=["doc.user_data"], default_config={})
def make_skill_matcher(nlp: Language, name: str) -> SkillMatcher:
    """The taxonomy matcher, built from the shipped taxonomy."""
    return SkillMatcher(nlp, load_entries())


@Language.factory(RULES_FACTORY, assigns=["doc.user_data"], default_config={})
def make_skill_rules(nlp: Language, name: str) -> SkillRules:
    """The ambiguity rules component; runs after the matcher."""
    return SkillRules()
