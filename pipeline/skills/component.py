"""spaCy components: the taxonomy matcher and the ambiguity rules, registered as factories."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.skills.rules import Candidate, decide, extend_version
from pipeline.skills.taxonomy import TaxonomyEntry, alias_variants, load_entries

CANDIDATES_KEY = "skill_candidates"
SPANS_KEY = "skills"
MATCHER_FACTORY = "jobtrends_skill_matcher"
RULES_FACTORY = "jobtrends_skill_rules"


class SkillMatcher:
    """Finds every taxonomy alias: lower-cased aliases on LOWER, case-sensitive forms on ORTH."""

    def __init__(self, nlp: Language, entries: Iterable[TaxonomyEntry]) -> None:
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        maker = nlp
        self.meta: dict[int, tuple[str, str, str | None]] = {}
        for entry in entries:
            skill = entry.skill
            key = nlp.vocab.strings.add(skill.id)
            self.meta[key] = (skill.id, skill.category, entry.rule)
            lower_forms = {v for alias in skill.aliases for v in alias_variants(alias)}
            if lower_forms:
                self.lower.add(skill.id, [maker.make_doc(form) for form in sorted(lower_forms)])
            if entry.cased:
                cased_forms = set(entry.cased)
                # The tokenizer keeps "R." and "C." whole at a sentence end.
                cased_forms |= {form + "." for form in entry.cased if len(form) == 1}
                self.orth.add(skill.id + "#cased", [maker.make_doc(form) for form in sorted(cased_forms)])
                self.meta[nlp.vocab.strings.add(skill.id + "#cased")] = (skill.id, skill.category, entry.rule or "cased")
        # Tokenising thousands of patterns filled the tokenizer's cache, which slows every later
        # document down by half; assigning the rules again empties it.
        nlp.tokenizer.rules = nlp.tokenizer.rules

    def __call__(self, doc: Doc) -> Doc:
        """Store the candidate matches of `doc` in doc.user_data."""
        candidates: list[Candidate] = []
        for match_id, start, end in self.lower(doc):
            skill_id, category, _rule = self.meta[match_id]
            candidates.append(Candidate(start, end, skill_id, category, None))
        for match_id, start, end in self.orth(doc):
            skill_id, category, rule = self.meta[match_id]
            candidates.append(Candidate(start, end, skill_id, category, None if rule == "cased" else rule))
        doc.user_data[CANDIDATES_KEY] = candidates
        return doc


class SkillRules:
    """Keeps the candidates the ambiguity rules accept, resolves overlaps, writes doc.spans['skills']."""

    def __call__(self, doc: Doc) -> Doc:
        """Decide on the candidates of `doc`; each kept span is labelled with its skill id."""
        candidates: list[Candidate] = doc.user_data.pop(CANDIDATES_KEY, [])
        spans: list[Span] = []
        if candidates:
            for cand in decide(doc, candidates):
                # Longest match wins; a version number after a name belongs to the mention.
                spans.append(Span(doc, cand.start, extend_version(doc, cand.end), label=cand.skill_id))
            spans = filter_spans(spans)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory(MATCHER_FACTORY, assigns=["doc.user_data"], default_config={})
def make_skill_matcher(nlp: Language, name: str) -> SkillMatcher:
    """The taxonomy matcher, built from the shipped taxonomy."""
    return SkillMatcher(nlp, load_entries())


@Language.factory(RULES_FACTORY, assigns=["doc.spans"], default_config={})
def make_skill_rules(nlp: Language, name: str) -> SkillRules:
    """The ambiguity rules component; runs after the matcher."""
    return SkillRules()
