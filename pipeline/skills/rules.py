"""Ambiguity rules: which candidate matches of words that are also English (or names) are skills.

Rules are decided by case and by context. Every rule set carries a version (RULES_VERSION) so that
stored extractions can be recomputed when the rules change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

RULES_VERSION = "rules-1"

# Tokens that join items of a list ("Python, R and SQL", "C/C++", "Go | Rust").
LIST_JOINERS = frozenset({",", "/", "&", "and", "or", "+", ";", "|", "(", ")", ":", "-", "•", "*", "·", "nor", "as", "well", "plus", "e.g.", "eg", "including", "like", "such", "\n"})
# "written in R", "experience with Go": a preposition right before a language names it.
LANGUAGE_CUES_BEFORE = frozenset({"in", "using", "with", "use", "via", "write", "writing", "know", "knowing", "learn", "learning", "including", "like", "e.g.", "esp", "especially", "particularly", "preferably", "ideally"})
# Nouns right after a name that make it a technology: "Spark cluster", "R packages", "Go services".
TECH_HEADS_AFTER = frozenset({
    "programming", "language", "languages", "lang", "code", "codebase", "codebases", "scripts", "scripting",
    "packages", "package", "libraries", "library", "framework", "frameworks", "ecosystem", "stack", "sdk",
    "api", "apis", "cluster", "clusters", "jobs", "job", "streaming", "sql", "queries", "apps", "app",
    "applications", "application", "dashboards", "dashboard", "workbooks", "reports", "pipelines", "pipeline",
    "dags", "services", "service", "microservices", "modules", "module", "runtime", "backend", "backends",
    "server", "servers", "studio", "shiny", "markdown", "development", "experience", "knowledge",
    "skills", "proficiency", "expertise", "certification", "environment", "environments", "platform",
    "components", "projects", "project", "topics", "brokers", "consumers", "producers", "streams",
    "notebooks", "models", "tables", "ui", "native", "plugins", "templates", "cookbooks", "manifests",
    "modules", "charts", "workflows", "operators", "deployments", "tooling", "tools", "binaries",
})
# A name directly before a role noun is part of a job title, not a requirement ("Android Engineer").
ROLE_NOUNS = frozenset({
    "engineer", "engineers", "developer", "developers", "dev", "devs", "architect", "architects",
    "programmer", "programmers", "scientist", "scientists", "administrator", "administrators",
    "admin", "admins", "intern", "interns", "internship", "specialist", "specialists", "consultant",
    "consultants", "analyst", "analysts", "lead", "leads", "manager", "managers",
    "designer", "designers", "tester",
    "testers", "researcher", "researchers", "evangelist", "advocate", "position", "positions",
    "role", "roles", "opening", "openings", "team", "teams", "contractor",
    "contractors", "freelancer", "freelancers", "practitioner", "practitioners", "technician",
    "technicians", "owner", "director", "head", "officer", "associate", "associates", "instructor",
    "trainer", "recruiter", "mentor", "student", "students", "fellow", "fellowship",
})
SPOKEN_CUES = frozenset({
    "fluent", "fluency", "fluently", "proficient", "proficiency", "native", "natively", "written",
    "spoken", "speak", "speaks", "speaking", "speaker", "speakers", "verbal", "oral", "language",
    "languages", "bilingual", "multilingual", "command", "level", "c1", "c2", "b1", "b2",
    "mother", "tongue", "conversational", "business", "excellent", "good", "strong", "communication",
    "skills", "knowledge", "read", "write", "writing", "reading", "in",
})
TITLE_JOINERS = frozenset({"/", "-", "&", "+", ",", "and", "or"})
EXCEL_VERB_NEXT = frozenset({"in", "at", "as", "when", "where", "within", "under", "on"})
# Categories whose mentions do not vouch for a neighbouring ambiguous technology.
NON_EVIDENCE = frozenset({"spoken_language", "domain"})
# Numbers after a name that are its version: "Java 8", "Python 3.x", "Angular 2+".
VERSION = re.compile(r"^v?\d{1,2}(\.\d{1,3}){0,2}(\.x)?\+?$|^\d{4}$", re.IGNORECASE)
NOT_AFTER_VERSION = frozenset({"years", "year", "yrs", "yr", "+", "months", "-", "to", "%", "days", "weeks", "hours", "k", "m"})
CONTEXT_WINDOW = 8
SENTENCE_ENDS = frozenset({".", "!", "?"})


@dataclass
class Candidate:
    """One match of the taxonomy in a doc, before the rules decide on it (token offsets)."""

    start: int
    end: int
    skill_id: str
    category: str
    rule: str | None  # None: unambiguous
    accepted: bool = False


def _is_joiner(text: str) -> bool:
    return text.lower() in LIST_JOINERS or text.isspace()


def _list_neighbours(doc: Doc, candidates: Sequence[Candidate]) -> list[list[int]]:
    """Indexes of the candidates each candidate shares a list with (only joiners between them)."""
    ordered = sorted(range(len(candidates)), key=lambda i: candidates[i].start)
    neighbours: list[list[int]] = [[] for _ in candidates]
    for a, b in zip(ordered, ordered[1:], strict=False):
        left, right = candidates[a], candidates[b]
        if right.start < left.end:
            continue
        gap = doc[left.end : right.start]
        if len(gap) <= 3 and all(_is_joiner(t.text) for t in gap):
            neighbours[a].append(b)
            neighbours[b].append(a)
    return neighbours


def _prev_text(doc: Doc, i: int) -> str:
    return doc[i - 1].lower_ if i > 0 else ""


def _next_text(doc: Doc, i: int) -> str:
    return doc[i].lower_ if i < len(doc) else ""


def _same_sentence(doc: Doc, start: int, end: int) -> bool:
    """No sentence end or line break among the tokens doc[start:end]."""
    return not any(t.text in SENTENCE_ENDS or "\n" in t.text for t in doc[start:end])


def _near_evidence(doc: Doc, candidates: Sequence[Candidate], index: int) -> bool:
    me = candidates[index]
    for j, other in enumerate(candidates):
        if j == index or not other.accepted or other.category in NON_EVIDENCE:
            continue
        if other.skill_id == me.skill_id:
            continue
        if other.end <= me.start:
            gap = (other.end, me.start)
        elif me.end <= other.start:
            gap = (me.end, other.start)
        else:
            continue
        if gap[1] - gap[0] <= CONTEXT_WINDOW and _same_sentence(doc, *gap):
            return True
    return False


def _cue_list_rule(doc: Doc, cand: Candidate) -> bool:
    """R, C, Go, D, Q: a cue right before ("in R") or a technology noun right after ("R packages")."""
    before = _prev_text(doc, cand.start)
    after = _next_text(doc, cand.end)
    if after in {"-", "&"} and cand.end + 1 < len(doc) and doc[cand.end + 1].is_alpha and doc[cand.end + 1].is_lower:
        return False  # C-level, C-suite, Go-to-market
    if after in TECH_HEADS_AFTER:
        return True
    if before in LANGUAGE_CUES_BEFORE:
        # "in R", "in Go," but not "in C major" or "in Go Mode"
        return after == "" or not doc[cand.end].is_alpha or after in LIST_JOINERS
    return False


def _spoken_rule(doc: Doc, cand: Candidate) -> bool:
    lo, hi = max(0, cand.start - 3), min(len(doc), cand.end + 3)
    for token in doc[lo:hi]:
        if token.i in range(cand.start, cand.end):
            continue
        if token.lower_ in SPOKEN_CUES:
            return True
    return False


def _title_modifier(doc: Doc, cand: Candidate, covered: set[int]) -> bool:
    """True when the mention only qualifies a role noun: "Android Engineer", "UI / UX Designer"."""
    i = cand.end
    limit = min(len(doc), cand.end + 8)
    while i < limit and (i in covered or doc[i].text in TITLE_JOINERS):
        i += 1
    return i < len(doc) and doc[i].lower_ in ROLE_NOUNS


def decide(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Apply the ambiguity rules; return the accepted candidates (overlaps still unresolved)."""
    for cand in candidates:
        cand.accepted = cand.rule is None
    if not any(c.rule for c in candidates):
        return _drop_title_modifiers(doc, candidates)
    neighbours = _list_neighbours(doc, candidates)
    for cand in candidates:
        if cand.rule == "list":
            cand.accepted = _cue_list_rule(doc, cand)
        elif cand.rule == "ctx":
            cand.accepted = _next_text(doc, cand.end) in TECH_HEADS_AFTER
        elif cand.rule == "react":
            cand.accepted = not doc[cand.start].is_lower
        elif cand.rule == "excel":
            cand.accepted = _next_text(doc, cand.end) not in EXCEL_VERB_NEXT
        elif cand.rule == "spoken":
            cand.accepted = _spoken_rule(doc, cand)
    # Context: an ambiguous name beside accepted technologies, or in a list with one, is one too.
    # Repeat so that evidence spreads along a list ("Go, Rust, Swift and Python").
    changed = True
    while changed:
        changed = False
        for i, cand in enumerate(candidates):
            if cand.accepted or cand.rule is None:
                continue
            in_list = any(
                candidates[j].accepted and (candidates[j].category in NON_EVIDENCE) == (cand.category in NON_EVIDENCE)
                for j in neighbours[i]
            )
            near = cand.rule in {"ctx", "react"} and _near_evidence(doc, candidates, i)
            if in_list or near:
                cand.accepted = True
                changed = True
    return _drop_title_modifiers(doc, [c for c in candidates if c.accepted])


def _drop_title_modifiers(doc: Doc, accepted: list[Candidate]) -> list[Candidate]:
    covered = {i for c in accepted for i in range(c.start, c.end)}
    return [c for c in accepted if not _title_modifier(doc, c, covered)]


def extend_version(doc: Doc, end: int) -> int:
    """The end of a mention extended over a version number right after it ("Java 8")."""
    if end < len(doc) and VERSION.match(doc[end].text):
        follower = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        if follower not in NOT_AFTER_VERSION:
            return end + 1
    return end
