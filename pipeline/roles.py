"""Role classifier: job titles and Hacker News posts to openings with role family and seniority.

The rules are described in docs/roles.md; their vocabulary lives in role_rules.toml.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jobtrends.vocabulary import (
    AI_ENGINEER,
    COMPARED_ROLES,
    DATA_SCIENTIST,
    DEFAULT_SENIORITY,
    OTHER,
)

_RULES = tomllib.loads(Path(__file__).with_name("role_rules.toml").read_text(encoding="utf-8"))

RULES_VERSION: str = _RULES["version"]
AI, DS = AI_ENGINEER, DATA_SCIENTIST

_MAX_TITLE = 300  # longer "titles" are prose; their head is in the first few words anyway
_MAX_POST = 40_000  # openings are announced near the top; later text is descriptions


@dataclass(frozen=True, slots=True)
class Opening:
    """One advertised opening: its title as written, normalised title, role family, seniority."""

    title: str
    normalized_title: str
    role_family: str
    seniority: str
    section: tuple[int, int] | None = None


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

_ABBREVIATIONS: dict[str, str] = dict(_RULES["abbreviations"])
_PLURALS = {
    "engineers": "engineer",
    "developers": "developer",
    "programmers": "programmer",
    "architects": "architect",
    "scientists": "scientist",
    "managers": "manager",
    "directors": "director",
    "researchers": "researcher",
    "analysts": "analyst",
    "designers": "designer",
    "specialists": "specialist",
    "leads": "lead",
    "hackers": "hacker",
    "interns": "intern",
    "consultants": "consultant",
    "coders": "coder",
    "heads": "head",
    "modelers": "modeler",
    "statisticians": "statistician",
    "trainers": "trainer",
    "annotators": "annotator",
    "experts": "expert",
    "recruiters": "recruiter",
    "networks": "network",
    "llms": "llm",
    "internships": "internship",
    "testers": "tester",
    "administrators": "administrator",
    "advocates": "advocate",
    "writers": "writer",
    "strategists": "strategist",
    "technicians": "technician",
    "executives": "executive",
    "representatives": "representative",
    "associates": "associate",
    "officers": "officer",
    "apprentices": "apprentice",
    "trainees": "trainee",
    "economists": "economist",
}
_SENIORITY_WORDS = frozenset(
    {
        "senior",
        "junior",
        "staff",
        "principal",
        "intern",
        "internship",
        "coop",
        "apprentice",
        "apprenticeship",
        "trainee",
        "associate",
        "graduate",
        "newgrad",
        "entrylevel",
        "midlevel",
        "mid",
        "experienced",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "1",
        "2",
        "3",
        "4",
        "5",
    }
)
_ROLE_PHRASES: dict[tuple[str, ...], str] = {}
for _phrase, _kind in [
    ("engineer", "eng"),
    ("developer", "eng"),
    ("programmer", "eng"),
    ("architect", "arch"),
    ("hacker", "eng"),
    ("coder", "eng"),
    ("engineering", "eng"),
    ("member of technical staff", "eng"),
    ("technical staff", "eng"),
    ("tech lead", "eng"),
    ("technical lead", "eng"),
    ("data scientist", "ds"),
    ("decision scientist", "ds"),
    ("manager", "mgmt"),
    ("lead", "mgmt"),
    ("director", "mgmt"),
    ("head", "mgmt"),
    ("vice president", "mgmt"),
    ("president", "mgmt"),
    ("chief", "mgmt"),
    ("officer", "mgmt"),
    ("leader", "mgmt"),
    ("supervisor", "mgmt"),
    ("cto", "mgmt"),
]:
    _ROLE_PHRASES[tuple(_phrase.split())] = _kind
for _noun in (
    "scientist researcher specialist expert modeler modeller analyst statistician trainer "
    "annotator labeler labeller tutor designer consultant advisor adviser recruiter executive "
    "representative strategist writer administrator admin owner operator technician evangelist "
    "advocate instructor teacher editor translator coordinator producer marketer accountant "
    "attorney counsel lawyer nurse physician assistant fellow resident generalist tester "
    "auditor economist mathematician physicist quant actuary rep sourcer agent clerk"
).split():
    _ROLE_PHRASES[(_noun,)] = "other"
_MAX_PHRASE = max(len(p) for p in _ROLE_PHRASES)
# The lengths of the role phrases each word begins, longest first: most words begin none.
_PHRASE_SIZES: dict[str, tuple[int, ...]] = {
    first: tuple(sorted({len(p) for p in _ROLE_PHRASES if p[0] == first}, reverse=True))
    for first in {p[0] for p in _ROLE_PHRASES}
}
_MGMT_OF = frozenset(
    {"head", "director", "vice president", "president", "manager", "lead", "chief", "officer"}
)
_COORDINATORS = frozenset({"/", "&", "and", "or", "+"})
_ENG_MARKERS = frozenset({"engineering", "engineer", "developer", "development", "software"})

_AI_WORDS = frozenset(
    {"ai", "ml", "llm", "genai", "nlp", "mlops", "aiops", "llmops", "aiml", "prompt"}
)
_AI_BIGRAMS = frozenset(
    {
        ("machine", "learning"),
        ("deep", "learning"),
        ("neural", "network"),
        ("machine", "intelligence"),
        ("generative", "ai"),
        ("artificial", "intelligence"),
        ("natural", "language"),
        ("computer", "vision"),
    }
)
_DESCRIPTIVE_BEFORE_AI = frozenset(_RULES["qualifiers"]["descriptive_before_ai"])
_MARKET_WORDS = frozenset(_RULES["qualifiers"]["market_segment"])
_CUSTOMER_FACING = frozenset(_RULES["heads"]["customer_facing"])
_DATA_ENGINEERING = frozenset(tuple(p.split()) for p in _RULES["heads"]["data_engineering"])
_FUNCTION_MANAGERS = frozenset(_RULES["heads"]["function_managers"])
_AREA_WORDS = frozenset(_RULES["disciplines"]["engineering_area"])
_OTHER_AREAS = frozenset(_RULES["disciplines"]["other"])
_FUNCTION_WORDS = frozenset(
    "of for in the a an to with on and or & / + at by from as team teams group".split()
)
_GENERIC_HEADS = frozenset(
    "roles role positions position openings opening jobs job people folks hires hire talent "
    "candidates opportunities opportunity vacancies vacancy members colleagues teammates "
    "individuals persons person someone staff".split()
)
_GENERIC_WORDS = frozenset(
    "multiple various several many all open other more additional new few couple of a an the "
    "and & / number lots including include".split()
)

# ---------------------------------------------------------------------------------------------
# Title normalisation
# ---------------------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_A_I = re.compile(r"(?<![\w.])a\.i\.?(?![\w])", re.I)
_AI_BI = re.compile(r"\bai\s*/\s*bi\b", re.I)
_AT_COMPANY = re.compile(r"\s(?:@|at)\s.*$", re.I)
_INNER_HYPHEN = re.compile(r"(?<=[^\W_])[-‐‑](?=[^\W_])")
_PUNCT = re.compile(
    r"([,;:|()\[\]{}/&!?\"“”«»]|(?<![\w+])\+|\s[-–—]+\s|[–—]|^[-–—]+|[-–—]+$|\.\.\.)"
)
_MULTIWORD = re.compile(
    r"\b(?:(front) end|(back) end|(full) stack|(ml) ops|(ai) ops|(gen) ai|(llm) ops|"
    r"(co) op|(new) grads?|(entry) level|(mid) level|(member of) the (technical staff)|"
    r"(working) student)\b"
)
_MULTIWORD_QUICK = re.compile(
    r"\b(?:front|back|full|ml|ai|gen|llm|co|new|entry|mid|member|working) "
)
_MULTIWORD_JOIN = {
    "front": "frontend",
    "back": "backend",
    "full": "fullstack",
    "ml": "mlops",
    "ai": "aiops",
    "gen": "genai",
    "llm": "llmops",
    "co": "coop",
    "new": "newgrad",
    "entry": "entrylevel",
    "mid": "midlevel",
    "working": "intern",
}
_SMALL_WORDS = frozenset("of and the for in on at to with or a an vs via".split())
_CASED = {
    "ai": "AI",
    "ml": "ML",
    "nlp": "NLP",
    "llm": "LLM",
    "sre": "SRE",
    "qa": "QA",
    "ui": "UI",
    "ux": "UX",
    "ios": "iOS",
    "aws": "AWS",
    "gcp": "GCP",
    "api": "API",
    "apis": "APIs",
    "sdk": "SDK",
    "bi": "BI",
    "it": "IT",
    "hr": "HR",
    "gtm": "GTM",
    "etl": "ETL",
    "sql": "SQL",
    "gpu": "GPU",
    "ar": "AR",
    "vr": "VR",
    "xr": "XR",
    "3d": "3D",
    "saas": "SaaS",
    "devops": "DevOps",
    "mlops": "MLOps",
    "aiops": "AIOps",
    "genai": "GenAI",
    "llmops": "LLMOps",
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    ".net": ".NET",
    "c++": "C++",
    "c#": "C#",
    "macos": "macOS",
    "php": "PHP",
    "r&d": "R&D",
    "dba": "DBA",
    "cto": "CTO",
    "rag": "RAG",
    "gis": "GIS",
    "seo": "SEO",
    "crm": "CRM",
    "erp": "ERP",
    "fpga": "FPGA",
    "asic": "ASIC",
    "rtl": "RTL",
    "iot": "IoT",
    "sdet": "SDET",
    "ii": "II",
    "iii": "III",
    "mts": "MTS",
    "cv": "CV",
    "k8s": "K8s",
    "fullstack": "Full Stack",
    "frontend": "Frontend",
    "backend": "Backend",
    "coop": "Co-op",
    "newgrad": "New Grad",
    "entrylevel": "Entry Level",
    "midlevel": "Mid Level",
    "ai_bi": "AI/BI",
}


def _clean(text: str, limit: int) -> str:
    text = unicodedata.normalize("NFKC", text[: limit * 2])[:limit]
    return " ".join(_INVISIBLE.sub(" ", text).split())


def _tokens(title: str) -> list[str]:
    """Lower-case word and separator tokens, abbreviations expanded, plurals of role nouns singular."""
    low = title.lower()
    if "." in low:
        low = _A_I.sub(" ai ", low)
    if "/" in low:
        low = _AI_BI.sub(" ai_bi ", low)
    if "@" in low or " at " in low:
        low = _AT_COMPANY.sub(" ", low)
    if "-" in low or "‐" in low or "‑" in low:
        low = _INNER_HYPHEN.sub(" ", low)
    low = _PUNCT.sub(_spaced, low)
    if _MULTIWORD_QUICK.search(low):
        low = _MULTIWORD.sub(_join_multiword, low)
    out: list[str] = []
    for raw in low.split():
        word = raw.rstrip(".'’*") if len(raw) > 1 else raw
        if word.startswith("#") or not word:
            continue
        if word.endswith("+") and word not in ("c++", "+"):
            word = word.rstrip("+")
        expanded = _ABBREVIATIONS.get(word)
        if expanded is not None:
            out.extend(_PLURALS.get(w, w) for w in expanded.split())
            continue
        out.append(_PLURALS.get(word, word))
    return out


def _spaced(match: re.Match[str]) -> str:
    return f" {match.group(1).strip() or '-'} "


def _join_multiword(match: re.Match[str]) -> str:
    groups = [g for g in match.groups() if g]
    if groups[0] == "member of":
        return "member of technical staff"
    return _MULTIWORD_JOIN[groups[0]]


_SEGMENT_BREAKS = frozenset(
    {",", ";", ":", "|", "-", "–", "—", "!", "?", "...", '"', "“", "”", "«", "»", "{", "}"}
)


@dataclass(slots=True)
class _Segment:
    words: list[str]
    paren: bool


def _segments(tokens: list[str]) -> list[_Segment]:
    segments: list[_Segment] = []
    current: list[str] = []
    depth = 0
    for tok in tokens:
        if tok in ("(", "["):
            if current:
                segments.append(_Segment(current, depth > 0))
            current, depth = [], depth + 1
        elif tok in (")", "]"):
            if current:
                segments.append(_Segment(current, depth > 0))
            current, depth = [], max(0, depth - 1)
        elif tok in _SEGMENT_BREAKS:
            if current:
                segments.append(_Segment(current, depth > 0))
            current = []
        else:
            current.append(tok)
    if current:
        segments.append(_Segment(current, depth > 0))
    return segments


# ---------------------------------------------------------------------------------------------
# Seniority
# ---------------------------------------------------------------------------------------------

_LEVEL_NOUNS = frozenset(
    {
        "engineer",
        "developer",
        "scientist",
        "analyst",
        "programmer",
        "architect",
        "researcher",
        "designer",
        "staff",
    }
)
_LEVELS = {
    "i": "junior",
    "1": "junior",
    "ii": "mid",
    "2": "mid",
    "iii": "senior",
    "3": "senior",
    "iv": "staff",
    "4": "staff",
    "v": "principal",
    "5": "principal",
}
_SENIORITY_ORDER = (
    "intern",
    "director",
    "manager",
    "lead",
    "principal",
    "staff",
    "senior",
    "junior",
)


def _seniority(tokens: list[str]) -> str:
    found: set[str] = set()
    prev = ""
    for i, tok in enumerate(tokens):
        if tok in (
            "intern",
            "internship",
            "coop",
            "apprentice",
            "apprenticeship",
            "trainee",
            "student",
        ):
            found.add("intern")
        elif tok in ("director", "head", "chief", "cto", "president"):
            found.add("director")
        elif tok == "manager":
            if prev not in _FUNCTION_MANAGERS:
                found.add("manager")
        elif tok in ("lead", "leader"):
            found.add("lead")
        elif tok == "principal":
            found.add("principal")
        elif tok == "staff":
            if prev != "technical":
                found.add("staff")
        elif tok in ("senior", "experienced"):
            found.add("senior")
        elif tok in ("junior", "newgrad", "entrylevel", "graduate"):
            found.add("junior")
        elif tok == "associate":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt not in ("director", "manager", "principal", "vice", "head"):
                found.add("junior")
        elif tok in _LEVELS and prev in _LEVEL_NOUNS:
            found.add(_LEVELS[tok])
        prev = tok
    for level in _SENIORITY_ORDER:
        if level in found:
            return level
    return DEFAULT_SENIORITY


# ---------------------------------------------------------------------------------------------
# Role family
# ---------------------------------------------------------------------------------------------


def _role_matches(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of role nouns in words, longest match first, left to right."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(words)
    while i < n:
        sizes = _PHRASE_SIZES.get(words[i])
        if sizes is not None:
            for size in sizes:
                if size > n - i:
                    continue
                kind = (
                    _ROLE_PHRASES.get(tuple(words[i : i + size]))
                    if size > 1
                    else _ROLE_PHRASES.get((words[i],))
                )
                if kind is not None:
                    out.append((i, i + size, kind))
                    i += size
                    break
            else:
                i += 1
        else:
            i += 1
    return out


def _complete(words: list[str]) -> bool:
    return bool(_role_matches(words))


def _strip_seniority(words: list[str]) -> list[str]:
    out: list[str] = []
    for i, w in enumerate(words):
        if w == "lead" and _is_lead_premodifier(words, i):
            continue
        if w in _SENIORITY_WORDS:
            if w == "staff" and i > 0 and words[i - 1] == "technical":
                out.append(w)
            elif w in _LEVELS and not (i > 0 and words[i - 1] in _LEVEL_NOUNS):
                out.append(w)
            continue
        out.append(w)
    return out


def _is_lead_premodifier(words: list[str], i: int) -> bool:
    """'Lead' opening a segment before a qualifier and a later role noun is a level, not the role.

    In "Lead AI/ML Engineer" the coordination would otherwise make "Lead AI" a conjunct of its own
    (a lead without an engineering noun); "ML Lead" and "Data Science Lead / ML Engineer" keep it.
    """
    if i > 0 and not all(w in _SENIORITY_WORDS for w in words[:i]):
        return False
    if i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    if nxt in _COORDINATORS or nxt in _FUNCTION_WORDS or (nxt,) in _ROLE_PHRASES:
        return False
    return any(kind != "mgmt" for _, _, kind in _role_matches(words[i + 1 :]))


def _rotate_of(words: list[str]) -> list[str]:
    """'head of data science' -> 'data science head', so the complement reads as a modifier."""
    for i, w in enumerate(words):
        if w != "of" or i == 0:
            continue
        before = words[i - 1]
        before2 = " ".join(words[i - 2 : i]) if i >= 2 else ""
        if before2 in _MGMT_OF:
            return words[: i - 2] + words[i + 1 :] + words[i - 2 : i]
        if before in _MGMT_OF:
            return words[: i - 1] + words[i + 1 :] + [before]
    return words


def _conjuncts(words: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for w in words:
        if w in _COORDINATORS:
            parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


def _qualifier_positions(segments: list[_Segment], head_index: int) -> bool:
    """True when any segment names an AI qualifier that is not part of a product or brand name."""
    for index, seg in enumerate(segments):
        words = seg.words
        n = len(words)
        for i, w in enumerate(words):
            if w in _AI_WORDS:
                if w == "prompt" and not (
                    i + 1 < n and words[i + 1] in ("engineer", "engineering")
                ):
                    continue
                if w == "ai" and _is_brand_ai(words, i, index == head_index):
                    continue
                return True
            if i + 1 < n and (w, words[i + 1]) in _AI_BIGRAMS:
                return True
    return False


def _is_brand_ai(words: list[str], i: int, in_head: bool) -> bool:
    if i == 0:
        return False
    prev = words[i - 1]
    if (
        prev in _DESCRIPTIVE_BEFORE_AI
        or prev in _FUNCTION_WORDS
        or prev in _COORDINATORS
        or prev in _SENIORITY_WORDS
        or prev in _AI_WORDS
        or (prev,) in _ROLE_PHRASES
        or prev in ("lead", "tech", "technical", "senior", "staff", "principal")
    ):
        return False
    if in_head and i + 1 < len(words) and _ROLE_PHRASES.get((words[i + 1],)) in ("eng", "arch"):
        return False
    return True


def _is_ai_conjunct(words: list[str]) -> bool:
    """A conjunct made of an AI qualifier alone ('ML' in 'ML/Data Engineer')."""
    if not words:
        return False
    if len(words) == 1:
        return words[0] in _AI_WORDS and words[0] != "prompt"
    return tuple(words[:2]) in _AI_BIGRAMS and all(w in _AREA_WORDS for w in words[2:])


def _is_data_engineering(mods: list[str]) -> bool:
    for size in (3, 2, 1):
        if len(mods) >= size and tuple(mods[-size:]) in _DATA_ENGINEERING:
            return True
    return False


def _discipline(words: list[str]) -> str | None:
    """Family of a bare discipline ('ML', 'Data Science', 'Backend'), or None if it is not one."""
    words = [w for w in words if w not in _SENIORITY_WORDS]
    while words and words[-1] in _GENERIC_HEADS:
        words = words[:-1]
    if not words or len(words) > 5:
        return None
    joined = " ".join(words)
    if "data science" in joined or joined in ("data sciences",):
        rest = [
            w
            for w in words
            if w
            not in (
                "data",
                "science",
                "sciences",
                "analytics",
                "&",
                "and",
                "/",
                "or",
                "+",
                "insights",
                "ai",
                "ml",
                "machine",
                "learning",
                "decision",
            )
        ]
        return DS if not rest else None
    has_ai = (
        any(w in _AI_WORDS and w != "prompt" for w in words)
        or any((a, b) in _AI_BIGRAMS for a, b in zip(words, words[1:], strict=False))
        or joined == "prompt engineering"
    )
    if has_ai:
        allowed = (
            _AI_WORDS
            | _AREA_WORDS
            | _COORDINATORS
            | {
                "machine",
                "learning",
                "deep",
                "neural",
                "network",
                "intelligence",
                "generative",
                "artificial",
                "natural",
                "language",
                "processing",
                "computer",
                "vision",
                "applied",
                "engineering",
                "llm",
            }
        )
        if all(w in allowed for w in words):
            return AI
        return None
    if all(w in _OTHER_AREAS for w in words):
        return OTHER
    return None


@dataclass(frozen=True, slots=True)
class _Parse:
    family: str
    seniority: str
    normalized: str
    kind: str  # "role" (has a role noun), "discipline" (bare area), "none"
    head_noun: str  # the role noun of the head, for distributing over bare list items


def _family(segments: list[_Segment]) -> tuple[str, str, str]:
    """(family, kind, head noun) of a title's segments."""
    stripped = [_rotate_of(_strip_seniority(s.words)) for s in segments]
    head_index = next(
        (i for i, w in enumerate(stripped) if not segments[i].paren and _complete(w)), None
    )
    if head_index is None:
        head_index = next((i for i, w in enumerate(stripped) if _complete(w)), None)
    if head_index is not None and stripped[head_index] == ["lead"]:
        # "Lead, AI/ML Engineer": a lone "Lead" before a full role is its level
        later = next(
            (i for i in range(head_index + 1, len(stripped)) if _complete(stripped[i])), None
        )
        if later is not None and any(k != "mgmt" for _, _, k in _role_matches(stripped[later])):
            head_index = later
    if head_index is None:
        for words in stripped:
            if words:
                fam = _discipline(words)
                return (fam, "discipline", "") if fam is not None else (OTHER, "none", "")
        return OTHER, "none", ""

    # a parenthesised role after a generic engineering head is the actual role
    for j in range(head_index + 1, len(segments)):
        if segments[j].paren and _complete(stripped[j]):
            inner = _head_role(stripped[j])
            outer = _head_role(stripped[head_index])
            if (
                inner is not None
                and outer is not None
                and outer[1] in ("eng", "mgmt")
                and inner[1] in ("ds", "eng", "arch")
            ):
                head_index = j
            break

    head = _head_role(stripped[head_index])
    assert head is not None
    conj_before, kind, noun_start, noun_end, words = head
    mods = words[:noun_start]
    head_noun = " ".join(words[noun_start:noun_end])

    if kind == "ds":
        return DS, "role", head_noun
    if kind == "mgmt":
        eng_at = next((s for s, _, k in _role_matches(mods) if k in ("eng", "arch")), None)
        if (
            eng_at is not None
            or (mods and mods[-1] in ("tech", "technical"))
            or any(m in _ENG_MARKERS for m in mods)
        ):
            kind = "eng"
            if eng_at is not None:
                mods = mods[:eng_at]
        elif _mentions_data_science(mods) or any(_mentions_data_science(c) for c in conj_before):
            return DS, "role", head_noun
        elif not mods and not conj_before:
            following = [w for s in stripped[head_index + 1 :] for w in s]
            if "engineering" in following:
                kind = "eng"
            elif following and (
                _discipline(stripped[head_index + 1]) == DS
                or (_head_role(stripped[head_index + 1]) or ([], ""))[1] == "ds"
            ):
                return DS, "role", head_noun
            else:
                return OTHER, "role", head_noun
        else:
            return OTHER, "role", head_noun
    if kind == "other":
        return OTHER, "role", head_noun

    # engineering head (engineer, developer, architect, MTS, tech lead, engineering manager)
    if _is_data_engineering(mods):
        if any(_is_ai_conjunct(c) for c in conj_before):
            return AI, "role", head_noun
        return OTHER, "role", head_noun
    if mods and (mods[-1] in _CUSTOMER_FACING or " ".join(mods[-2:]) in _CUSTOMER_FACING):
        return OTHER, "role", head_noun
    if kind == "arch":
        for j, words_j in enumerate(stripped):
            if j != head_index and words_j and all(w in _MARKET_WORDS for w in words_j):
                return OTHER, "role", head_noun
    if _qualifier_positions(
        [_Segment(w, s.paren) for w, s in zip(stripped, segments, strict=True)], head_index
    ):
        return AI, "role", head_noun
    return OTHER, "role", head_noun


def _mentions_data_science(words: list[str]) -> bool:
    return any(
        a == "data" and b in ("science", "sciences") for a, b in zip(words, words[1:], strict=False)
    )


def _head_role(words: list[str]) -> tuple[list[list[str]], str, int, int, list[str]] | None:
    """The head role of a segment: (modifier conjuncts before it, kind, noun span, conjunct)."""
    conj = _conjuncts(words)
    for k, part in enumerate(conj):
        matches = _role_matches(part)
        if matches:
            start, end, kind = matches[-1]
            return conj[:k], kind, start, end, part
    return None


# ---------------------------------------------------------------------------------------------
# Normalised title
# ---------------------------------------------------------------------------------------------

_DROP_FOR_NORMALIZED = frozenset(
    {
        "senior",
        "junior",
        "principal",
        "intern",
        "internship",
        "coop",
        "apprentice",
        "trainee",
        "newgrad",
        "entrylevel",
        "midlevel",
        "experienced",
        "associate",
        "graduate",
    }
)
_ORIGINAL_WORD = re.compile(r"[^\W_][\w.+#]*", re.U)


def _normalized(title: str, tokens: list[str]) -> str:
    cased = {}
    for word in _ORIGINAL_WORD.findall(title):
        low = word.lower()
        if word != low and word != word.upper() and word[1:] != low[1:]:
            cased[low] = word  # internal capitals the author chose (JavaScript, PyTorch)
    out: list[str] = []  # words, "(", ")" and ","
    n = len(tokens)
    depth = 0
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < n else ""
        prev = tokens[i - 1] if i > 0 else ""
        if tok in _DROP_FOR_NORMALIZED:
            if tok == "associate" and nxt in ("director", "manager", "principal", "vice", "head"):
                out.append("Associate")
            continue
        if (tok == "staff" and prev != "technical") or (tok in _LEVELS and prev in _LEVEL_NOUNS):
            continue
        if tok == "level" and prev in _SENIORITY_WORDS:
            continue
        if (
            tok == "lead"
            and nxt
            and (not out or out[-1] in ("(", ","))
            and _complete(_segment_after(tokens, i + 1))
        ):
            continue
        if tok in ("(", "["):
            while out and out[-1] == ",":
                out.pop()
            out.append("(")
            depth += 1
        elif tok in (")", "]"):
            while out and out[-1] == ",":
                out.pop()
            if out and out[-1] == "(":
                out.pop()
            elif depth > 0:
                out.append(")")
            depth = max(0, depth - 1)
        elif tok in _SEGMENT_BREAKS:
            if out and out[-1] not in ("(", ","):
                out.append(",")
        elif tok == "ml":
            out.extend(("Machine", "Learning"))
        else:
            first = not out or out[-1] in ("(", ",")
            out.append(_case(tok, cased, first=not out) if not first else _case(tok, cased, True))
    while out and out[-1] in (",", "("):
        out.pop()
    if out.count("(") != out.count(")"):
        out = [w for w in out if w not in ("(", ")")]
    parts: list[str] = []
    for w in out:
        if w in (",", ")") and parts:
            parts[-1] += w
        elif parts and parts[-1].endswith("("):
            parts[-1] += w
        else:
            parts.append(w)
    return " ".join(parts).strip(" ,/&-+")


def _segment_after(tokens: list[str], start: int) -> list[str]:
    out: list[str] = []
    for tok in tokens[start:]:
        if tok in _SEGMENT_BREAKS or tok in ("(", ")", "[", "]"):
            break
        out.append(tok)
    return out


def _case(tok: str, cased: dict[str, str], first: bool) -> str:
    if tok in _CASED:
        return _CASED[tok]
    if tok in cased:
        return cased[tok]
    if tok in _SMALL_WORDS and not first:
        return tok
    return tok[:1].upper() + tok[1:]


# ---------------------------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=65_536)
def _parse(title: str) -> _Parse:
    clean = _clean(title, _MAX_TITLE)
    tokens = _tokens(clean)
    segments = _segments(tokens)
    family, kind, head_noun = _family(segments)
    seniority = _seniority(tokens)
    normalized = _normalized(clean, tokens)
    if kind == "discipline" and seniority == "intern" and "Intern" not in normalized:
        normalized = f"{normalized} Intern".strip()
    return _Parse(family, seniority, normalized, kind, head_noun)


def classify_title(title: str) -> Opening:
    """Classify one job title into an Opening (role family, seniority, normalised title)."""
    if not isinstance(title, str):
        title = "" if title is None else str(title)
    parsed = _parse(title[: _MAX_TITLE * 4])
    return Opening(
        title=title,
        normalized_title=parsed.normalized,
        role_family=parsed.family,
        seniority=parsed.seniority,
    )


def role_families(openings: Iterable[Opening]) -> list[str]:
    """Distinct families of the openings in ('ai_engineer', 'data_scientist') order, no 'other'."""
    seen = {o.role_family for o in openings}
    return [f for f in COMPARED_ROLES if f in seen]


def openings_of_posting(source: str, title: str | None, text_plain: str) -> list[Opening]:
    """Openings of a landed posting: HN posts from their text, ATS postings from their title."""
    if source.startswith("hn"):
        return openings_of_post(text_plain or "")
    if not title or not title.strip():
        return []
    return [classify_title(title)]


# ---------------------------------------------------------------------------------------------
# Hacker News posts
# ---------------------------------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\[\d+\]", re.I)
# _URL without its e-mail branch, for text without "@"; spelled without re.I and opening with one
# character class, so that re skips quickly to the places where it may match.
_URL_NO_EMAIL = re.compile(
    r"[hHwW\[](?:(?<=[hH])[tT][tT][pP][sS\u017f]?://\S+|(?<=[wW])[wW][wW]\.\S+|(?<=\[)\d+\])"
)
# a line or field can only name an opening if it has a role noun or an AI / data-science word
_ROLEISH_WORDS = frozenset(
    {w for phrase in _ROLE_PHRASES for w in phrase if w not in ("of", "technical")}
    | set(_ABBREVIATIONS)
    | set(_PLURALS)
    | _AI_WORDS
    | {
        "machine",
        "deep",
        "neural",
        "computer",
        "natural",
        "artificial",
        "data",
        "science",
        "intern",
        "internship",
        "a.i",
        "a.i.",
    }
)
_WORD = re.compile(r"[a-z][a-z.]*")


def _roleish(text: str) -> bool:
    return not _ROLEISH_WORDS.isdisjoint(_WORD.findall(text.lower()))


def _hiring_quick(text: str) -> bool:
    low = text.lower()
    return (
        "hiring" in low
        or "looking" in low
        or "seeking" in low
        or "searching" in low
        or "recruiting" in low
        or "need of" in low
    )


_HEADER_SEP = re.compile(r"\s*(?:\|+|•|·|\s[-–—~]{1,3}\s|[–—]|\s/\s|\t|\s::\s)\s*")
_LABEL = re.compile(
    r"^\s*(?:(?:open|current|available|other|also|key|our|we'?re|we\s+are|now|currently)\s+)*"
    r"(?:roles?|positions?|openings?|jobs?|vacancies|hiring(?:\s+for)?|looking\s+for|seeking)"
    r"(?:\s+\([^)]*\))?\s*:\s*(?P<rest>.*)$",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-*•·‣▪►>+~–—]+|\d{1,2}[.)]|\(\w\)|\w\))\s*(?P<body>.+)$")
_RULE_LINE = re.compile(r"^[\s\-=_*~#.]+$")
_CUE = re.compile(
    r"\b(?:roles?|positions?|openings?|openings|vacanc(?:y|ies)|jobs?|hiring|looking\s+for|"
    r"seeking|opportunities|we\s+need|searching\s+for|join\s+us\s+as)\b",
    re.I,
)
_NOT_OPENINGS_CUE = re.compile(
    r"\b(?:stack|technolog\w*|tech|tools|requirements?|qualifications?|nice\s+to\s+have|bonus|"
    r"responsibilit\w*|skills?|experience|perks|benefits|offer|you(?:'ll|\s+will)|"
    r"ideal|must|should|what\s+you|about\s+(?:us|you))\b",
    re.I,
)
_HIRING = re.compile(
    r"(?:^|[.!?:;]\s+|\b(?:we|i|is|are|am|we're|i'm|also|currently|now)\s+)"
    r"(?:(?:currently|also|now|actively|still|always|urgently|mainly|primarily|especially)\s+)*"
    r"(?:hiring(?:\s+(?:for|in))?|looking\s+(?:for|to\s+hire)|seeking|searching\s+for|"
    r"recruiting(?:\s+for)?|in\s+need\s+of)\b[\s:]*(?P<rest>[^.!?;:\n()]*)",
    re.I,
)
# The alternatives of _RESUME, each with the literal it starts with ("" when it starts otherwise).
_RESUME_PARTS: tuple[tuple[str, str], ...] = (
    ("seeking", r"seeking\s+work"),
    (
        "seeking",
        r"seeking\s+(?:a\s+|new\s+|my\s+next\s+)?(?:job|position|role|employment|opportunit)",
    ),
    (
        "looking",
        r"looking\s+for\s+(?:work|a\s+job|(?:a\s+|my\s+next\s+)?(?:new\s+)?(?:full[- ]?time\s+|part[- ]?time\s+|contract\s+|remote\s+|freelance\s+)?(?:job|gig|role|position)s?\b(?:\s+as\b|\s*[.,]|$))",
    ),
    ("open", r"open\s+to\s+(?:work|new\s+(?:roles|opportunities))"),
    ("available", r"available\s+for\s+(?:hire|work|contract)"),
    ("hire", r"hire\s+me"),
    ("my", r"my\s+(?:resume|résumé|cv|portfolio|linkedin)\b"),
    ("willing", r"willing\s+to\s+relocate\s*:"),
    ("résumé", r"résumé\s*(?:/\s*cv)?\s*:"),
    ("resume", r"resume\s*(?:/\s*cv)?\s*:"),
    ("", r"i['’]?m\s+reaching\s+out"),
    ("your", r"your\s+(?:recent\s+)?(?:post|listing|job\s+post)"),
    ("happy", r"happy\s+to\s+share\s+my"),
    ("my", r"my\s+github"),
)
_RESUME = re.compile(r"\b(?:" + "|".join(part for _, part in _RESUME_PARTS) + ")", re.I)
_RESUME_AT = tuple(
    (start, re.compile(r"\b(?:" + part + ")", re.I)) for start, part in _RESUME_PARTS
)
_EMPLOYER = re.compile(
    r"\b(?:we(?:'re|’re|\s+are)\s+(?:\w+\s+)?(?:hiring|looking|seeking|growing|building)|is\s+hiring|"
    r"are\s+hiring|join\s+(?:us|our)|our\s+(?:team|company|mission|product|customers)|"
    r"apply\s+(?:at|here|now|via|online)|to\s+apply|careers?\b|jobs\s+page|compensation|salary|equity)\b",
    re.I,
)
_FOOTER = re.compile(
    r"^\s*(?:to\s+apply|apply|how\s+to\s+apply|email|e-mail|contact|send|reach|interested|"
    r"about\s+(?:us|the\s+company)|benefits|perks|we\s+offer|why\s+join|tech(?:nology)?\s+stack|"
    r"our\s+stack|stack|all\s+(?:open\s+)?(?:roles|positions|jobs)|more\s+(?:info|roles|jobs)|"
    r"see\s+(?:all|more)|learn\s+more)\b",
    re.I,
)
_ITEM_SEP = re.compile(
    r"\s*(?:[,;]\s*(?:(?:and|or|&)\s+)?|\s(?:and|or|&|\+|as\s+well\s+as)\s)\s*", re.I
)
_SLASH = re.compile(r"\s*/\s*")
_OF_COMPLEMENT = re.compile(
    r"\b(?:head|director|vp|vice\s+president|manager|lead|chief|officer)\s+of\b", re.I
)
_PAREN_LIST = re.compile(r"^(.*?)\s*\(([^()]*[,/&][^()]*|[^()]*\band\b[^()]*)\)\s*$")
_INNER_SEP = re.compile(r"\s*(?:[,/&]|\band\b|\bor\b)\s*")
# Where a title ends: " - ", ": ", a final ":", a run of spaces, an unclosed " (". Spelled to
# open with one character class (re skips quickly to the candidates), each branch as before.
_TITLE_END = re.compile(r"[\s:](?:(?<=\s)[-–—|]\s|(?<=:)\s|(?<=:)$|(?<=\s)\s+|(?<=\s)\((?=[^)]*$))")
_PARENS = re.compile(r"\(([^)]*)\)")
_HIRING_WORDS = ("hiring", "looking", "seeking", "searching", "recruiting", "need")
_HIRING_FIELD = re.compile(r"^(?:now\s+|we'?re\s+|also\s+|actively\s+)?hiring\b", re.I)
_PROSE_WORDS = frozenset(
    "we we're i i'm our you your you'll is are am us they their will have has be this it was "
    "who that which with experience years year work working build building help able must should "
    "strong knowledge understanding familiarity the to from by using like etc e.g. ie i.e. "
    "including plus bonus preferred required nice if can do our looking want need please into "
    "grasp proficiency proficient expertise familiar exposure comfortable comfort fluency fluent "
    "ability "
    "about on across within while where when how what why in interest subject application".split()
)
_SENTENCE_WORDS = _PROSE_WORDS | frozenset("a an of for as".split())
_LEAD_FILLER = frozenset(
    "a an the some several multiple two three four five six seven eight nine ten few couple of "
    "number lots more additional new talented great strong passionate skilled motivated smart "
    "exceptional awesome driven curious pragmatic seasoned ambitious creative brilliant amazing "
    "excellent outstanding enthusiastic full time part contract freelance remote onsite permanent "
    "one first second another other world class rockstar ninja our".split()
)
_PROSE_STOP = frozenset(
    "to who that which with at on from for because so as based located like than if when where "
    "while whose by across within into in help join interested excited eager ready willing "
    "anywhere here there now today immediately asap please we you i our this these next soon "
    "familiar proficient fluent comfortable".split()
)
_GENERIC_TITLES = frozenset(
    {
        "engineer",
        "engineering",
        "software engineer",
        "developer",
        "software developer",
        "programmer",
        "member of technical staff",
        "software engineering",
        "hacker",
    }
)


@dataclass(slots=True)
class _Found:
    parse: _Parse
    title: str
    normalized: str
    line: int = -1  # body line index, -1 for the header and prose
    category: bool = False


# An opening as parsed, before it is placed in a post: (parse, title as written, normalised title).
_Spec = tuple[_Parse, str, str]


def _placed(specs: Iterable[_Spec], line: int = -1) -> list[_Found]:
    return [_Found(parsed, title, normalized, line) for parsed, title, normalized in specs]


def _mask_parens(text: str) -> str:
    if "(" not in text and "[" not in text:
        return text
    out, depth = [], 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
            out.append(ch)
            continue
        out.append("_" if depth and ch not in "([" else ch)
    return "".join(out)


# The only letters that re.IGNORECASE matches to ASCII letters other than their own case pairs.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _folds_plainly(text: str) -> bool:
    """True when an ASCII word can occur case-insensitively in text only as itself, any case."""
    return text.isascii() or _FOLDS_TO_ASCII.search(text) is None


def _strip_urls(text: str, replacement: str = " ") -> str:
    if "@" in text:
        return _URL.sub(replacement, text)
    if "http" in text or "www." in text or "[" in text:
        return _URL_NO_EMAIL.sub(replacement, text)
    return text


def _split_top(text: str, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """Split text on pattern outside parentheses: [(piece, separator before it)]."""
    masked = _mask_parens(text)
    out: list[tuple[str, str]] = []
    pos, sep = 0, ""
    for m in pattern.finditer(masked):
        if m.start() == m.end():
            continue
        out.append((text[pos : m.start()], sep))
        sep, pos = m.group(0).strip().lower(), m.end()
    out.append((text[pos:], sep))
    return [(p.strip(), s) for p, s in out if p.strip()]


def _words(text: str) -> list[str]:
    return text.lower().replace("’", "'").split()


def _is_prose(text: str, limit: int = 10) -> bool:
    words = _words(text)
    return len(words) > limit or any(w.strip(",.!?:;()") in _PROSE_WORDS for w in words)


@lru_cache(maxsize=65_536)
def _item_specs(text: str) -> tuple[_Spec, ...]:
    """Openings named in a list of titles ('ML Engineer, Data Scientist, Backend')."""
    # Header fields and list lines repeat across posts (reposts, "Remote", "Full-time"): cached.
    pieces: list[tuple[str, str]] = []
    merged: list[tuple[str, str]] = []
    for piece, sep in _split_top(text, _ITEM_SEP):
        if merged and sep in ("and", "&", "or") and _OF_COMPLEMENT.search(merged[-1][0]):
            merged[-1] = (f"{merged[-1][0]} {sep} {piece}", merged[-1][1])
        else:
            merged.append((piece, sep))
    for piece, sep in merged:
        parts = _split_top(piece, _SLASH)
        if len(parts) > 1 and all(_parse(p).kind == "role" for p, _ in parts):
            pieces.append((parts[0][0], sep))
            pieces.extend((p, "/") for p, _ in parts[1:])
        else:
            pieces.append((piece, sep))
    expanded: list[tuple[str, str]] = []
    for piece, sep in pieces:
        m = _PAREN_LIST.match(piece) if "(" in piece else None
        if m and _parse(m.group(1)).kind == "role" and not _is_prose(m.group(2), 8):
            inner = [p for p, _ in _split_top(m.group(2), _INNER_SEP)]
            if inner and all(_parse(p).kind == "discipline" for p in inner):
                expanded.extend(
                    (f"{m.group(1)} ({p})", sep if k == 0 else ",") for k, p in enumerate(inner)
                )
                continue
        expanded.append((piece, sep))
    parses = [_parse(p) for p, _ in expanded]
    if sum(1 for q in parses if q.kind == "role") == 1:
        # one title followed by its team ("Research Scientist, Machine Learning"), not a list
        at = next(k for k, q in enumerate(parses) if q.kind == "role")
        end = at + 1
        while end < len(expanded) and parses[end].kind != "role" and expanded[end][1] in (",", ";"):
            end += 1
        if end > at + 1 and all(q.kind == "discipline" for q in parses[at + 1 : end]):
            title = ", ".join(p for p, _ in expanded[at:end])
            expanded[at:end] = [(title, expanded[at][1])]
            parses[at:end] = [_parse(title)]
    found: list[_Spec] = []
    for k, ((piece, _sep), parsed) in enumerate(zip(expanded, parses, strict=True)):
        if parsed.kind == "none" or _is_prose(piece, 9):
            continue
        normalized = parsed.normalized
        if parsed.kind == "discipline":
            nxt = next((q for q in parses[k + 1 :] if q.kind == "role"), None)
            joined_by = expanded[k + 1][1] if k + 1 < len(expanded) else ""
            if nxt is not None and nxt.head_noun in ("engineer", "developer", "programmer"):
                combined = _parse(f"{piece} {nxt.head_noun}")
                if joined_by in ("and", "&", "/", "or", "+") and parses[k + 1].kind == "role":
                    parsed = combined
                normalized = combined.normalized
            elif parsed.family == AI:
                normalized = _parse(f"{piece} engineer").normalized
        found.append((parsed, piece, normalized))
    return tuple(found)


def _header_line(lines: list[tuple[int, str]]) -> int:
    for k, (_, line) in enumerate(lines[:3]):
        if line.strip():
            if "|" not in line and len(line) < 30 and k + 1 < len(lines) and "|" in lines[k + 1][1]:
                continue
            return k
    return 0


def _header_openings(header: str) -> list[_Found]:
    found: list[_Found] = []
    for parsed, title, normalized, category in _header_specs(header):
        found.append(_Found(parsed, title, normalized, category=category))
    return found


@lru_cache(maxsize=16_384)
def _header_specs(header: str) -> tuple[tuple[_Parse, str, str, bool], ...]:
    text = _strip_urls(header, " | ")
    fields = [f.strip(" ,;:") for f in _HEADER_SEP.split(text)]
    fields = [f for f in fields if f]
    field_items: list[tuple[int, tuple[_Spec, ...], bool]] = []
    prose: list[_Spec] = []
    for index, field in enumerate(fields):
        kind, items = _header_field(field)
        if kind == _FIELD_LABELED:
            field_items.append((index, items, True))
            continue
        if kind == _FIELD_PROSE:
            prose.extend(items)
            continue
        if kind == _FIELD_NONE:
            continue
        if (
            index == 0
            and len(fields) > 1
            and not all(parsed.kind == "role" for parsed, _, _ in items)
        ):
            continue
        if items:
            field_items.append((index, items, False))
    has_role_field = any(
        any(parsed.kind == "role" for parsed, _, _ in items) for _, items, _ in field_items
    )
    found: list[tuple[_Parse, str, str, bool]] = []
    for _index, items, labeled in field_items:
        has_roles = any(parsed.kind == "role" for parsed, _, _ in items)
        if has_roles or labeled or len(items) >= 2 or not has_role_field:
            category = all(
                parsed.kind == "discipline" or normalized.lower() in _GENERIC_TITLES
                for parsed, _, normalized in items
            )
            found.extend(
                (parsed, title, normalized, category) for parsed, title, normalized in items
            )
    found.extend((parsed, title, normalized, False) for parsed, title, normalized in prose)
    return tuple(found)


_FIELD_NONE, _FIELD_LABELED, _FIELD_PROSE, _FIELD_ITEMS = range(4)


@lru_cache(maxsize=65_536)
def _header_field(field: str) -> tuple[int, tuple[_Spec, ...]]:
    # Header fields repeat across posts far more than whole headers do ("Remote", "Full-time").
    label = _LABEL.match(field) if ":" in field else None
    if label is not None:
        return _FIELD_LABELED, _item_specs(label.group("rest"))
    if _is_prose(field) or _HIRING_FIELD.match(field):
        return _FIELD_PROSE, _prose_specs(field)
    if not _roleish(field):
        return _FIELD_NONE, ()
    return _FIELD_ITEMS, _item_specs(field)


@lru_cache(maxsize=16_384)
def _prose_specs(sentence: str) -> tuple[_Spec, ...]:
    """Openings named after a hiring verb ('We're hiring frontend and backend engineers')."""
    if _folds_plainly(sentence) and not any(word in sentence.lower() for word in _HIRING_WORDS):
        return ()  # _HIRING needs one of these words
    found: list[_Spec] = []
    for m in _HIRING.finditer(_strip_urls(sentence)):
        words = m.group("rest").replace("’", "'").split()
        while words and all(p in _LEAD_FILLER for p in words[0].lower().strip(",").split("-")):
            words.pop(0)
        kept: list[str] = []
        for w in words:
            if w.lower().strip(",") in _PROSE_STOP:
                break
            kept.append(w)
        if not kept or len(kept) > 14:
            continue
        phrase = " ".join(kept).strip(" ,")
        generic = bool(kept) and kept[-1].lower().strip(",") in _GENERIC_HEADS
        items = _item_specs(phrase)
        if not any(parsed.kind == "role" for parsed, _, _ in items) and not generic:
            continue
        found.extend(items)
    return tuple(found)


_RESUME_HINTS = (
    "seeking",
    "looking for",
    "open to",
    "available for",
    "hire me",
    "my ",
    "relocate",
    "resume",
    "résumé",
    "reaching out",
    "your ",
)


def _looks_like_resume(head: str) -> bool:
    """A job seeker's comment rather than a job post."""
    low = head.lower()
    if not any(h in low for h in _RESUME_HINTS):
        return False
    if not _folds_plainly(low):
        return _RESUME.search(low) is not None
    # Lower-case text can only match where an alternative's first word occurs: try just there
    # (str.find is many times faster than scanning every position with the pattern).
    for start, pattern in _RESUME_AT:
        if not start:
            if "reaching" in low and pattern.search(low) is not None:
                return True
            continue
        at = low.find(start)
        while at >= 0:
            if pattern.match(low, at) is not None:
                return True
            at = low.find(start, at + 1)
    return False


def _title_part(body: str) -> str:
    part = _strip_urls(body)
    end = _TITLE_END.search(part)
    if end is not None:
        part = part[: end.start()]
    if "(" in part:
        part = _PARENS.sub(lambda m: m.group(0) if len(m.group(1).split()) <= 4 else " ", part)
    return part.strip(" .,:;-–—*")


def openings_of_post(text_plain: str) -> list[Opening]:
    """Openings a Hacker News post advertises, from its header line and any list in its body."""
    if not isinstance(text_plain, str) or not text_plain.strip():
        return []
    return list(_post_openings(text_plain))


# What a body line contributes (see _line_step).
_SKIP, _LONG, _LISTED, _CUE_ON, _PENDING, _LISTED_ROLES, _TITLE_ROLES, _TEXT = range(8)


@lru_cache(maxsize=8_192)
def _post_openings(text_plain: str) -> tuple[Opening, ...]:
    # Companies repost the same text month after month: whole posts are cached too.
    text = text_plain[:_MAX_POST]
    offsets: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        offsets.append((pos, line))
        pos += len(line) + 1
    head_at = _header_line(offsets)
    header = offsets[head_at][1]
    if _looks_like_resume(text[:1000]) and not _EMPLOYER.search(text, 0, 3000):
        return ()
    header_found = _header_openings(header)
    header_has_roles = any(f.parse.kind == "role" for f in header_found)

    listed: list[_Found] = []
    prose: list[_Found] = []
    title_lines: list[_Found] = []
    pending: list[_Found] = []  # bare disciplines on list-like lines, kept beside other openings
    described: set[int] = set()
    cue_active = False
    last_opening_line = -10
    pending_description = -1
    for k in range(head_at + 1, len(offsets)):
        line = offsets[k][1].strip()
        if not line:
            continue
        action, specs, flag = _line_step(line, cue_active)
        if action == _SKIP:
            continue
        if action == _LONG:
            prose.extend(_placed(specs))
            cue_active = False
        elif action == _LISTED:
            listed.extend(_placed(specs, k))
        elif action == _CUE_ON:
            cue_active = True
        elif action == _PENDING:
            pending.extend(_placed(specs, k))
        elif action == _LISTED_ROLES or action == _TITLE_ROLES:
            (listed if action == _LISTED_ROLES else title_lines).extend(_placed(specs, k))
            if flag:
                described.add(k)
            if pending_description >= 0:
                described.add(pending_description)
                pending_description = -1
            last_opening_line = k
        else:
            if last_opening_line >= 0 and k > last_opening_line:
                pending_description = last_opening_line
            if flag:
                cue_active = False
            prose.extend(_placed(specs))

    title_line_set = {f.line for f in title_lines}
    accept_title_lines = (
        len(title_line_set) >= 2
        or any(offsets[f.line][1].rstrip().endswith(":") for f in title_lines)
        or (not header_has_roles and any(f.line <= head_at + 3 for f in title_lines))
    )
    body = listed + (title_lines if accept_title_lines else [])
    near = {f.line for f in body}
    body.extend(f for f in pending if {f.line - 1, f.line + 1, f.line - 2, f.line + 2} & near)
    body.sort(key=lambda f: f.line)
    header_kept = [f for f in header_found if not (body and f.category)]
    openings: list[Opening] = []
    seen: set[tuple[str, str]] = set()
    sections = _sections(body, described, offsets, text_plain)
    for found, section in (
        [(f, None) for f in header_kept]
        + list(zip(body, sections, strict=True))
        + [(f, None) for f in prose]
    ):
        key = (found.normalized.lower(), found.parse.family)
        if key in seen or not found.normalized:
            continue
        seen.add(key)
        openings.append(
            Opening(
                title=found.title,
                normalized_title=found.normalized,
                role_family=found.parse.family,
                seniority=found.parse.seniority,
                section=section,
            )
        )
    return tuple(openings)


@lru_cache(maxsize=65_536)
def _line_step(line: str, cue_active: bool) -> tuple[int, tuple[_Spec, ...], bool]:
    """(action, openings, flag) of one stripped body line; the flag is "described" for role
    lines and "ends the cue" for plain text. Lines repeat across posts, so this is cached."""
    if _RULE_LINE.match(line):
        return _SKIP, (), False
    if len(line) > 600:
        return _LONG, _prose_specs(line[:600]) if _hiring_quick(line[:600]) else (), False
    label = _LABEL.match(line) if ":" in line else None
    if label is not None and label.group("rest").strip():
        rest = _HEADER_SEP.sub(", ", _strip_urls(label.group("rest")))
        items = () if _is_prose(rest, 40) else _item_specs(rest)
        if items:
            return _LISTED, items, False
    if line.count("|") >= 2 and len(line) < 250:
        items = tuple(spec[:3] for spec in _header_specs(line) if spec[0].kind == "role")
        if items:
            return _LISTED, items, False
    bullet = _BULLET.match(line)
    content = bullet.group("body") if bullet else line
    if (
        bullet is None
        and line.endswith(":")
        and _CUE.search(line)
        and not _NOT_OPENINGS_CUE.search(line)
    ):
        return _CUE_ON, (), False
    part = _title_part(content) if bullet is not None or cue_active or len(line) < 160 else ""
    items = ()
    if part and len(part) < 120 and _roleish(part) and not _is_prose(part, 10):
        items = _item_specs(part)
        if not cue_active and items:
            pieces = _split_top(part, _ITEM_SEP)
            if bullet is None:
                first = _item_specs(part.split(",")[0])
                if not first or first[0][0].kind == "none":
                    items = ()
            elif pieces and _is_sentence_start(pieces[0][0]):
                # a requirement sentence listing skills, not titles
                # ("A solid grasp of LangChain, pgvector, and prompt engineering")
                items = ()
            if items and len(pieces) > len(items):
                # beside words that are no titles ("Prompt engineering and evals") an activity
                # ("prompt engineering", "ML engineering") is a skill, not an opening
                items = tuple(spec for spec in items if spec[0].head_noun != "engineering")
    roles = tuple(spec for spec in items if spec[0].kind == "role" or cue_active)
    if items and not roles:
        return _PENDING, items, False
    if roles:
        described = len(_strip_urls(content).strip()) > len(part) + 25
        return (
            (_LISTED_ROLES if bullet is not None or cue_active else _TITLE_ROLES),
            roles,
            described,
        )
    if not _strip_urls(line).strip():
        return _SKIP, (), False
    ends_cue = bullet is None and cue_active and not line.endswith(":")
    return _TEXT, _prose_specs(line) if _hiring_quick(line) else (), ends_cue


def _is_sentence_start(piece: str) -> bool:
    """A first list piece that opens a sentence ("A solid grasp of X") rather than naming a title."""
    if _parse(piece).kind != "none":
        return False
    return any(w.strip(",.!?:;()") in _SENTENCE_WORDS for w in _words(piece))


def _sections(
    body: list[_Found], described: set[int], offsets: list[tuple[int, str]], text: str
) -> list[tuple[int, int] | None]:
    """Each body opening's own stretch of text, when the openings have descriptions of their own."""
    lines = sorted({f.line for f in body})
    if len(lines) < 2 or not described.intersection(lines):
        return [None] * len(body)
    span: dict[int, tuple[int, int]] = {}
    for n, line in enumerate(lines):
        start = offsets[line][0]
        if n + 1 < len(lines):
            stop = offsets[lines[n + 1]][0]
        else:
            stop = len(text)
            for k in range(line + 1, len(offsets)):
                if _FOOTER.match(offsets[k][1]):
                    stop = offsets[k][0]
                    break
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        span[line] = (start, stop)
    return [span[f.line] for f in body]


__all__ = [
    "RULES_VERSION",
    "Opening",
    "classify_title",
    "openings_of_post",
    "openings_of_posting",
    "role_families",
]
