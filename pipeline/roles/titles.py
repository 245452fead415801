"""Job titles to openings: clean and split a title, read its role family, seniority and normalised
form (docs/roles.md: "How a title is read", "ai_engineer", "data_scientist", "Seniority").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from jobtrends.vocabulary import (
    AI_ENGINEER,
    COMPARED_ROLES,
    DATA_SCIENTIST,
    DEFAULT_SENIORITY,
    OTHER,
)
from pipeline.roles.vocabulary import (
    ABBREVIATIONS,
    AI_BIGRAMS,
    AI_WORDS,
    AREA_WORDS,
    COORDINATORS,
    CUSTOMER_FACING,
    DATA_ENGINEERING,
    DESCRIPTIVE_AFTER_AI,
    DESCRIPTIVE_BEFORE_AI,
    ENG_MARKERS,
    FUNCTION_MANAGERS,
    FUNCTION_WORDS,
    GENERIC_HEADS,
    LEVEL_NOUNS,
    LEVELS,
    MARKET_WORDS,
    MGMT_OF,
    OTHER_AREAS,
    PHRASE_SIZES,
    PLURALS,
    ROLE_PHRASES,
    SENIORITY_ORDER,
    SENIORITY_WORDS,
    TECHNOLOGIES,
)

AI, DS = AI_ENGINEER, DATA_SCIENTIST

_MAX_TITLE = 300  # longer "titles" are prose; their head is in the first few words anyway


@dataclass(frozen=True, slots=True)
class Opening:
    """One advertised opening: its title as written, normalised title, role family, seniority."""

    title: str
    normalized_title: str
    role_family: str
    seniority: str
    section: tuple[int, int] | None = None


# ---------------------------------------------------------------------------------------------
# Title normalisation
# ---------------------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_A_I = re.compile(r"(?<![\w.])a\.i\.?(?![\w])", re.I)
_AI_BI = re.compile(r"\bai\s*/\s*bi\b", re.I)
# "Machine Leaning Engineer": a misspelling only after these words; "leaning" alone is a word.
_LEANING = re.compile(r"\b(machine|deep)[\s-]+leaning\b")
_AT_COMPANY = re.compile(r"\s(?:@|at)\s.*$", re.I)
_DASH_RUN = re.compile(r"[-–—]{2,}")
_INNER_HYPHEN = re.compile(r"(?<=[^\W_])[-‐‑](?=[^\W_])")
# a hyphen glued to a word and spaced after breaks the title like a spaced dash ("Engineer- Applied
# ML"), unless the word is the first half of a compound written with a stray space ("Full- Stack")
_GLUED_HYPHEN = r"(?<=[^\W\d_]{2})(?<!full|back|part)(?<!front|entry)(?<!mid)-+\s"
_PUNCT = re.compile(
    r"([,;:|()\[\]{}/&!?\"“”«»]|(?<![\w+])\+|(?<=[a-z])\+(?=[a-z])|\s[-–—]+\s|"
    + _GLUED_HYPHEN
    + r"|[–—]|^[-–—]+|[-–—]+$|\.\.\.)"
)
# Every alternative of _PUNCT takes one of these characters: a title without any has nothing for
# it to replace, and this one-class search is several times cheaper than _PUNCT's failing scan.
_PUNCT_CHARS = re.compile(r"[,;:|()\[\]{}/&!?\"“”«»+\-–—.]")
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
    if "leaning" in low:
        low = _LEANING.sub(r"\1 learning", low)
    if "@" in low or " at " in low:
        low = _AT_COMPANY.sub(" ", low)
    if "-" in low or "‐" in low or "‑" in low:
        low = _INNER_HYPHEN.sub(" ", low)
    if _PUNCT_CHARS.search(low):
        low = _PUNCT.sub(_spaced, low)
    if _MULTIWORD_QUICK.search(low):
        low = _MULTIWORD.sub(_join_multiword, low)
    return [token for raw in low.split() for token in _word_tokens(raw)]


@lru_cache(maxsize=65_536)
def _word_tokens(raw: str) -> tuple[str, ...]:
    """The tokens of one lower-case word (cached: the same words make up most titles)."""
    word = raw.rstrip(".'’*") if len(raw) > 1 else raw
    if word.startswith("#") or not word:
        return ()
    if word.endswith("+") and word not in ("c++", "+"):
        word = word.rstrip("+")
    expanded = ABBREVIATIONS.get(word)
    if expanded is not None:
        return tuple(PLURALS.get(w, w) for w in expanded.split())
    return (PLURALS.get(word, word),)


def _spaced(match: re.Match[str]) -> str:
    mark = match.group(1).strip()
    # a run of dashes ("Engineer -- AI") breaks the title like one dash
    return " - " if not mark or _DASH_RUN.fullmatch(mark) else f" {mark} "


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
            if prev not in FUNCTION_MANAGERS:
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
        elif tok in LEVELS and prev in LEVEL_NOUNS:
            found.add(LEVELS[tok])
        prev = tok
    for level in SENIORITY_ORDER:
        if level in found:
            return level
    return DEFAULT_SENIORITY


# ---------------------------------------------------------------------------------------------
# Role family
# ---------------------------------------------------------------------------------------------


# "PM" after a number or an amount is a time or a monthly rate ("5 PM", "$5000 pm"; not "1st PM"), after
# "AM/" a shift; followed by these it asks for a message ("PM me", "PM for more info").
_PM_AMOUNT = re.compile(r"[~$€£¥]*\d[\d,.]*k?[$€£¥]*|[~$€£¥]")
_PM_JOINERS = frozenset({"/", "-", "–"})
_PM_MESSAGE = frozenset({"me", "us", "for", "with"})


def _role_matches(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of role nouns in words, longest match first, left to right."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(words)
    while i < n:
        sizes = PHRASE_SIZES.get(words[i])
        if sizes is not None:
            for size in sizes:
                if size > n - i:
                    continue
                kind = (
                    ROLE_PHRASES.get(tuple(words[i : i + size]))
                    if size > 1
                    else ROLE_PHRASES.get((words[i],))
                )
                if kind is not None and not (size == 1 and _abbreviation_not_a_role(words, i)):
                    out.append((i, i + size, kind))
                    i += size
                    break
            else:
                i += 1
        else:
            i += 1
    return out


def _abbreviation_not_a_role(words: list[str], i: int) -> bool:
    """Whether words[i] is "pm" as a time, a rate or a message ("5 PM", "$5000 pm", "PM me"), or
    "dba" as "doing business as" between names ("Acme LLC DBA Widgetly", not "DBA MySQL")."""
    word = words[i]
    if word == "dba":
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        named_before = before == "(" or (
            before[:1].isalnum() and before not in SENIORITY_WORDS and before not in TECHNOLOGIES
        )
        return (
            named_before
            and after[:1].isalpha()
            and after not in FUNCTION_WORDS
            and after not in SENIORITY_WORDS
            and after not in PHRASE_SIZES
            and after not in GENERIC_HEADS
            and after not in TECHNOLOGIES
        )
    if word != "pm":
        return False
    # the word right before, as seen after levels are stripped ("4/ Senior PM" reads "4 / pm")
    before = words[i - 1] if i else ""
    if _PM_AMOUNT.fullmatch(before) or (before in _PM_JOINERS and i >= 2 and words[i - 2] == "am"):
        return True
    return i + 1 < len(words) and words[i + 1] in _PM_MESSAGE


def _complete(words: list[str]) -> bool:
    return bool(_role_matches(words))


def _strip_seniority(words: list[str]) -> list[str]:
    if "lead" not in words and SENIORITY_WORDS.isdisjoint(words):
        return list(words)  # nothing to strip: most segments
    out: list[str] = []
    for i, w in enumerate(words):
        if w == "lead" and _is_lead_premodifier(words, i):
            continue
        if w in SENIORITY_WORDS:
            if w == "staff" and i > 0 and words[i - 1] == "technical":
                out.append(w)
            elif w == "associate" and _is_associate_role(words, i):
                out.append(w)
            elif w in LEVELS and not (i > 0 and words[i - 1] in LEVEL_NOUNS):
                out.append(w)
            continue
        out.append(w)
    return out


def _is_associate_role(words: list[str], i: int) -> bool:
    """'Associate' ending a title after its field is the role ("AI Associate", "Research Associate").

    Before a role noun ("Associate ML Engineer") or after levels only it is a level.
    """
    return (
        i == len(words) - 1
        and i > 0
        and words[i - 1] not in SENIORITY_WORDS
        and not _role_matches(words[:i])
    )


def _is_lead_premodifier(words: list[str], i: int) -> bool:
    """'Lead' opening a segment before a qualifier and a later role noun is a level, not the role.

    In "Lead AI/ML Engineer" the coordination would otherwise make "Lead AI" a conjunct of its own
    (a lead without an engineering noun); "ML Lead" and "Data Science Lead / ML Engineer" keep it.
    """
    if i > 0 and not all(w in SENIORITY_WORDS for w in words[:i]):
        return False
    if i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    if nxt in COORDINATORS or nxt in FUNCTION_WORDS or (nxt,) in ROLE_PHRASES:
        return False
    return any(kind != "mgmt" for _, _, kind in _role_matches(words[i + 1 :]))


def _rotate_of(words: list[str]) -> list[str]:
    """'head of data science' -> 'data science head', so the complement reads as a modifier."""
    if "of" not in words:
        return words
    for i, w in enumerate(words):
        if w != "of" or i == 0:
            continue
        before = words[i - 1]
        before2 = " ".join(words[i - 2 : i]) if i >= 2 else ""
        if before2 in MGMT_OF:
            return words[: i - 2] + words[i + 1 :] + words[i - 2 : i]
        if before in MGMT_OF:
            return words[: i - 1] + words[i + 1 :] + [before]
    return words


def _conjuncts(words: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for w in words:
        if w in COORDINATORS:
            parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


# "AI Trainer", "AI Tutor": the work of teaching a model, a segment that makes no AI engineer
# of the role beside it ("Back End Developer - AI Trainer")
_AI_WORK_NOT_ENGINEERING = frozenset(
    {"trainer", "trainers", "tutor", "tutors", "annotator", "annotators", "rater", "raters"}
)


def _qualifier_positions(segments: list[_Segment], head_index: int) -> bool:
    """True when any segment names an AI qualifier that is not part of a product or brand name."""
    for index, seg in enumerate(segments):
        words = seg.words
        n = len(words)
        for i, w in enumerate(words):
            if w in AI_WORDS:
                if w == "prompt" and not (
                    i + 1 < n and words[i + 1] in ("engineer", "engineering")
                ):
                    continue
                if w == "ai" and _is_brand_ai(words, i, index == head_index):
                    continue
                if i + 1 < n and words[i + 1] in _AI_WORK_NOT_ENGINEERING:
                    continue
                return True
            if i + 1 < n and (w, words[i + 1]) in AI_BIGRAMS:
                return True
            if w == "cv" and _cv_qualifies(words, i):
                return True
    return False


def _cv_qualifies(words: list[str], i: int) -> bool:
    """'CV' (computer vision) right before a role noun or coordinated with an area before one:
    "CV Engineer", "CV & Robotics SWE"; alone it is as often a résumé ("send your CV")."""
    rest = words[i + 1 :]
    if not rest:
        return False
    if ROLE_PHRASES.get((rest[0],)) in ("eng", "arch"):
        return True
    return rest[0] in COORDINATORS and any(
        kind in ("eng", "arch") for _, _, kind in _role_matches(rest[1:])
    )


def _is_brand_ai(words: list[str], i: int, in_head: bool) -> bool:
    if i == 0:
        return False
    prev = words[i - 1]
    if (
        prev in DESCRIPTIVE_BEFORE_AI
        or prev in FUNCTION_WORDS
        or prev in COORDINATORS
        or prev in SENIORITY_WORDS
        or prev in AI_WORDS
        or (prev,) in ROLE_PHRASES
        or prev in ("lead", "tech", "technical", "senior", "staff", "principal")
    ):
        return False
    if in_head and i + 1 < len(words) and ROLE_PHRASES.get((words[i + 1],)) in ("eng", "arch"):
        return False
    return not (i + 1 < len(words) and words[i + 1] in DESCRIPTIVE_AFTER_AI)


def _is_ai_conjunct(words: list[str]) -> bool:
    """A conjunct made of an AI qualifier alone ('ML' in 'ML/Data Engineer')."""
    if not words:
        return False
    if len(words) == 1:
        return words[0] in AI_WORDS and words[0] != "prompt"
    return tuple(words[:2]) in AI_BIGRAMS and all(w in AREA_WORDS for w in words[2:])


def _is_data_engineering(mods: list[str]) -> bool:
    for size in (3, 2, 1):
        if len(mods) >= size and tuple(mods[-size:]) in DATA_ENGINEERING:
            return True
    return False


def _discipline(words: list[str]) -> str | None:
    """Family of a bare discipline ('ML', 'Data Science', 'Backend'), or None if it is not one."""
    words = [w for w in words if w not in SENIORITY_WORDS]
    while words and words[-1] in GENERIC_HEADS:
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
        any(w in AI_WORDS and w != "prompt" for w in words)
        or any((a, b) in AI_BIGRAMS for a, b in zip(words, words[1:], strict=False))
        or joined == "prompt engineering"
    )
    if has_ai:
        allowed = (
            AI_WORDS
            | AREA_WORDS
            | COORDINATORS
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
                "cv",
            }
        )
        # "Data/ML" coordinates data with an AI area; "ML Data" alone is no discipline
        if any(w in COORDINATORS for w in words):
            allowed = allowed | {"data"}
        if all(w in allowed for w in words):
            return AI
        return None
    if all(w in OTHER_AREAS for w in words):
        return OTHER
    return None


@dataclass(frozen=True, slots=True)
class TitleParse:
    """How the classifier reads one title; the HN reader builds its openings from these."""

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

    # a parenthesised role after a generic engineering head is the actual role; an activity
    # there is the team ("Software Engineer (Data Engineering, Machine Learning)")
    for j in range(head_index + 1, len(segments)):
        if segments[j].paren and _complete(stripped[j]):
            inner = _head_role(stripped[j])
            outer = _head_role(stripped[head_index])
            if (
                inner is not None
                and outer is not None
                and outer[1] in ("eng", "mgmt")
                and inner[1] in ("ds", "eng", "arch")
                and inner[4][inner[2] : inner[3]] != ["engineering"]
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
            or any(m in ENG_MARKERS for m in mods)
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
    if mods and (mods[-1] in CUSTOMER_FACING or " ".join(mods[-2:]) in CUSTOMER_FACING):
        # "AI/DevRel Engineers" coordinates an AI engineer with the customer-facing one
        if any(_is_ai_conjunct(c) for c in conj_before):
            return AI, "role", head_noun
        return OTHER, "role", head_noun
    if kind == "arch":
        for j, words_j in enumerate(stripped):
            if j != head_index and words_j and all(w in MARKET_WORDS for w in words_j):
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
            if tok == "associate" and (
                nxt in ("director", "manager", "principal", "vice", "head")
                or _ends_in_associate_role(tokens, i)
            ):
                out.append("Associate")
            continue
        if (tok == "staff" and prev != "technical") or (tok in LEVELS and prev in LEVEL_NOUNS):
            continue
        if tok == "level" and prev in SENIORITY_WORDS:
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


_BRACKETS = frozenset("()[]")


def _ends_in_associate_role(tokens: list[str], i: int) -> bool:
    """tokens[i] is an 'associate' that ends its segment as the role ("AI Associate")."""
    if i + 1 < len(tokens) and tokens[i + 1] not in _SEGMENT_BREAKS | _BRACKETS:
        return False
    start = i
    while start > 0 and tokens[start - 1] not in _SEGMENT_BREAKS | _BRACKETS:
        start -= 1
    return _is_associate_role(tokens[start : i + 1], i - start)


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
def parse_title(title: str) -> TitleParse:
    """Family, seniority, normalised form, kind and head noun of a title (cached: titles repeat)."""
    clean = _clean(title, _MAX_TITLE)
    tokens = _tokens(clean)
    segments = _segments(tokens)
    family, kind, head_noun = _family(segments)
    seniority = _seniority(tokens)
    normalized = _normalized(clean, tokens)
    if kind == "discipline" and seniority == "intern" and "Intern" not in normalized:
        normalized = f"{normalized} Intern".strip()
    return TitleParse(family, seniority, normalized, kind, head_noun)


@lru_cache(maxsize=65_536)
def title_kind(title: str) -> str:
    """The kind parse_title gives title, without its seniority and normalised form (cheaper;
    cached: the readers test the same list pieces of a post again)."""
    return _family(_segments(_tokens(_clean(title, _MAX_TITLE))))[1]


def classify_title(title: str) -> Opening:
    """Classify one job title into an Opening (role family, seniority, normalised title)."""
    if not isinstance(title, str):
        title = "" if title is None else str(title)
    parsed = parse_title(title[: _MAX_TITLE * 4])
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
