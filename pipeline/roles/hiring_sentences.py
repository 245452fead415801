"""Openings named after a hiring verb in a sentence: "We're hiring frontend and ML engineers"."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from jobtrends.vocabulary import OTHER
from pipeline.roles.hn_patterns import (
    GENERIC_TITLES,
    HIRING,
    HIRING_LOWER,
    HIRING_PHRASE_WORDS,
    HIRING_WORDS,
    PROSE_STOP,
    folds_plainly,
    hiring_quick,
    is_lead_filler,
)
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.titles import parse_title
from pipeline.roles.vocabulary import (
    AREA_WORDS,
    FUNCTION_WORDS,
    GENERIC_HEADS,
    OTHER_AREAS,
    PLURALS,
    ROLE_PHRASES,
    TECHNOLOGIES,
)
from pipeline.roles.wording import inside_name, strip_urls

# "We need platform and mobile engineers", "we also need a Director of Technology": the poster
# needing people hires them. Only "we"/"I" need: "the product needs", "you need" hire nobody.
_WE_NEED = re.compile(
    r"\b(?:we|i)\s+(?:(?:also|currently|now|really|still|mainly|primarily|especially|urgently|"
    r"desperately|definitely)\s+)*need\b[\s:]*(?P<rest>[^.!?;:\n()]*)",
    re.I,
)


def names_hire(text: str) -> bool:
    """Whether a line may hold a hiring verb `prose_specs` reads (a quick test of words)."""
    return hiring_quick(text) or "need" in text.lower()


@lru_cache(maxsize=16_384)
def prose_specs(sentence: str) -> tuple[Spec, ...]:
    """Openings named after a hiring verb ('We're hiring frontend and backend engineers')."""
    if folds_plainly(sentence) and not any(word in sentence.lower() for word in HIRING_WORDS):
        return ()  # HIRING needs one of these words
    found: list[Spec] = []
    text = strip_urls(sentence)
    for m in _hiring_matches(text):
        words = text[m.start("rest") : m.end("rest")].replace("’", "'").split()
        if words and words[0].lower() == "both":
            words = _both_shared(words)
        lead: list[str] = []  # the filler words before the role ("a couple of", "three")
        while (
            words
            and is_lead_filler(words[0], words[1] if len(words) > 1 else "")
            and not _levels_joined(words[0], words[1:3])
        ):
            lead.append(words.pop(0))
            if len(words) > 2 and words[0].lower() == "or" and is_lead_filler(words[1], words[2]):
                lead.append(words.pop(0))  # "a full-time or freelance Rails developer"
        kept: list[str] = []
        team = ""
        joined: list[Spec] = []
        range_words = 0  # the words of a level range left out of the title ("mid to")
        for at, w in enumerate(words):
            low = w.lower().strip(",")
            if kept and _levels_joined(_level_before(kept), words[at : at + 2]):
                # "mid to senior developers": a range of levels, not a purpose; the opening
                # is read at its top level ("senior developers")
                dropped = 2 if kept[-1].lower() == "level" else 1
                del kept[-dropped:]
                range_words += dropped + 1
                continue
            if low == "along" and words[at + 1 : at + 2] == ["with"]:
                joined = _joined_roles(words[at + 2 :])
                break
            if kept and kept[-1].endswith(",") and _after_role(low, kept):
                break  # "a Rails developer, ideally with ...": the title ended at the comma
            if (low in PROSE_STOP or low.split("'")[0] in PROSE_STOP) and not inside_name(
                words, at
            ):  # "who's", "we'd"; "on" of "Ruby on Rails" is the name's
                team = _team_after(words[at:])
                break
            kept.append(w)
        while kept and kept[-1].lower() in ("and", "or", "&", "but"):
            kept.pop()  # "we need Go engineers and we need ...": the list ended at "we"
        phrase = _LEVELS_AFTER.sub("", " ".join(kept)).strip(" ,")
        if team and kept and ROLE_PHRASES.get((PLURALS.get(kept[-1].lower(), kept[-1].lower()),)):
            # "full-stack engineers for our ML platform team": the team qualifies the role
            phrase = f"{phrase} ({team})"
        if m.re is _WE_NEED:
            phrase = _roles_before_prose(phrase)
        # a long phrase is prose unless it is a list of titles ("... a designer, two backend
        # engineers, an ML engineer, ..."): one sentence naming five roles names five openings
        if not kept or (len(kept) + range_words > HIRING_PHRASE_WORDS and phrase.count(",") < 2):
            continue
        generic = bool(kept) and kept[-1].lower().strip(",") in GENERIC_HEADS
        items = item_specs(phrase)
        if not any(parsed.kind == "role" for parsed, _, _ in items) and not generic:
            continue
        # "we're hiring engineers to ...": a bare plural names people, not an opening's title
        kept_items = [item for item in items if not _bare_plural(item)]
        if m.re is _WE_NEED:
            # "we need experienced engineers who ...": a need names people by what they are;
            # only a named role is an opening
            if _counts_people(lead + kept):
                continue
            kept_items = [
                item
                for item in kept_items
                if item[0].kind == "role"
                and not _names_people(item[1])
                and _bare(item[2]) not in GENERIC_TITLES
                # a list of three or more roles is a list of openings whatever their heads
                and (len(items) >= _LIST_OF_OPENINGS or _names_discipline(item[1]))
            ]
        found.extend(kept_items)
        found.extend(joined)
    return tuple(found)


# Adverbs that open an afterthought on a title just read ("a Go developer, ideally with Kafka");
# other words after a comma go on the title ("Backend Engineer, Supply Chain") or qualify a
# role still to come ("a senior, highly motivated Python developer").
_AFTERTHOUGHT_ADVERBS = frozenset(
    "ideally preferably especially particularly possibly optionally".split()
)


def _after_role(word: str, kept: list[str]) -> bool:
    """Whether a word after a comma opens an afterthought: one of the named adverbs after a role
    ("a Rails developer, ideally ..."), not after a qualifier ("a senior, ideally remote ...")."""
    return word in _AFTERTHOUGHT_ADVERBS and parse_title(" ".join(kept).strip(" ,")).kind == "role"


# Words an area before "and" in "both X and Y engineers" runs to ("both embedded and GUI").
_BOTH_AREA_WORDS = 2


def _both_shared(words: list[str]) -> list[str]:
    """A phrase opening "both A and B <role>" without its "both", when A is an area sharing
    B's role ("both frontend and backend engineers"; "both front- and back-end engineers" with
    the suspended hyphen filled); otherwise the words as written."""
    joined = [w.lower() for w in words[1 : _BOTH_AREA_WORDS + 2]]
    if "and" not in joined:
        return words
    at = joined.index("and") + 1
    area, rest = words[1:at], words[at + 1 :]
    role: list[str] = []
    for w in rest:
        if w.lower().strip(",.") in PROSE_STOP:
            break
        role.append(w)
        if w.endswith((",", ".")):
            break
    head = role[-1].lower().strip(",.") if role else ""
    if (
        not area
        or not role
        or area[0].lower() in ("a", "an", "the")
        or all(is_lead_filler(w, "") for w in area)  # "both remote and onsite": no areas
        or any(w.lower().strip(",.") in GENERIC_HEADS for w in area)  # "both AI roles and ..."
        or head in GENERIC_HEADS
        or parse_title(" ".join(role).strip(",.")).kind != "role"
    ):
        return words
    if area[-1].endswith("-") and "-" in role[0]:
        area = [*area[:-1], area[-1] + role[0].split("-", 1)[1]]  # "front-" of "back-end"
    return [*area, "and", *rest]


# "engineers for our ML and web platform teams": the team's name is a few words long; a longer
# stretch before "team" is a clause ("for our customers, who run their own security team").
_TEAM_NAME_WORDS = 5
_TEAM_AFTER = re.compile(
    r"^(?:for|on|in|within|to\s+join)\s+(?:(?:our|the|its|their)\s+)?"
    rf"(?P<name>(?:[\w/&+.-]+\s+){{1,{_TEAM_NAME_WORDS}}}?)"
    r"(?:team|teams|group|groups|org|organization)\b",
    re.I,
)


# "data scientists of varying experience levels": the levels hired, not part of the title.
_LEVELS_AFTER = re.compile(
    r"\s+of\s+(?:all|any|varying|various|different|every)\s+"
    r"(?:(?:experience|seniority|skill|career)\s+)?levels?\b.*$",
    re.I,
)


# The levels a range of seniority is made of ("mid to senior", "Jr to Mid Level"). "lead" and
# "staff" are left out: they are as often a verb and a noun ("senior to lead data scientists",
# "staff to lead engineers").
_LEVELS = frozenset("junior jr mid intermediate entry senior sr principal".split())


def _is_level(word: str) -> bool:
    """Whether a word names a level of seniority ("mid", "mid-level", "Senior")."""
    return word.lower().strip(",").split("-")[0] in _LEVELS


def _level_before(kept: list[str]) -> str:
    """The level the words kept so far end with ("mid" of "Mid level"), or the last word."""
    if len(kept) > 1 and kept[-1].lower() == "level":
        return kept[-2]
    return kept[-1]


def _levels_joined(level: str, following: list[str]) -> bool:
    """Whether a level and the words after it make a range ("mid", ["to", "senior"])."""
    return (
        len(following) == 2
        and following[0].lower() == "to"
        and _is_level(level)
        and _is_level(following[1])
    )


def _joined_roles(words: list[str]) -> list[Spec]:
    """The roles after "along with" ("iOS developers along with QA engineers"), read up to the
    first word of prose; only complete roles count ("along with great benefits" names none)."""
    kept: list[str] = []
    for w in words:
        if w.lower().strip(",") in PROSE_STOP:
            break
        kept.append(w)
    if not kept or len(kept) > HIRING_PHRASE_WORDS:
        return []
    phrase = " ".join(kept).strip(" ,")
    return [s for s in item_specs(phrase) if s[0].kind == "role" and not _bare_plural(s)]


# "we need experienced, generalist engineers": words that say what the people needed are like.
_PEOPLE_WORDS = frozenset(
    "experienced generalist talented strong smart great good more some additional passionate "
    "motivated skilled capable versatile".split()
)
_PLURAL_HEADS = frozenset("engineers developers programmers hackers people folks devs".split())


def _names_people(title: str) -> bool:
    """Whether a title is a plural generic head with only words of the people's kind
    ("experienced engineers", "generalist engineers"), not a role's name."""
    words = title.lower().replace(",", " ").split()
    return (
        bool(words) and words[-1] in _PLURAL_HEADS and all(w in _PEOPLE_WORDS for w in words[:-1])
    )


# Heads that say only that someone is skilled: a need names a role with them only beside the
# area or technology the role works in ("JavaScript engineers", not "mission-driven engineers").
_PLAIN_HEADS = frozenset(
    "engineer developer dev programmer hacker expert leader specialist professional power".split()
)
_DISCIPLINES = AREA_WORDS | OTHER_AREAS | TECHNOLOGIES
_LIST_OF_OPENINGS = 3


def _names_discipline(title: str) -> bool:
    """Whether a needed title names what the role does: a head other than a plain one, or a
    plain head with an area or technology before it ("Golang back-end engineers")."""
    words = title.lower().split()
    head = words[-1].rstrip("s") if words else ""
    if head not in _PLAIN_HEADS:
        return True
    for word in words[:-1]:
        if word in FUNCTION_WORDS:
            continue  # "or" is also an area (operations research)
        parts = word.replace("/", "-").split("-")
        if "".join(parts) in _DISCIPLINES or any(p in _DISCIPLINES for p in parts):
            return True
    return False


# A need stated as a supposition names no opening ("If you think we need a data engineer, ...").
_CONDITION = re.compile(r"\b(?:if|unless|whether)\b", re.I)
# A sentence ends at its mark or the line's end.
SENTENCE_END = re.compile(r"[.!?;\n]")


def _roles_before_prose(phrase: str) -> str:
    """A needed phrase up to the first comma piece that names no role or discipline ("data
    engineer, apply" -> "data engineer"; "Go engineers, SREs and a designer" stays whole)."""
    pieces = phrase.split(",")
    for at, piece in enumerate(pieces[1:], start=1):
        if not piece.strip() or (
            parse_title(piece.strip()).kind != "discipline"
            and not any(s[0].kind == "role" for s in item_specs(piece.strip()))
        ):
            return ",".join(pieces[:at]).strip(" ,")
    return phrase


_COUNT_WORDS = frozenset(
    "more one two three four five six seven eight nine ten few couple several multiple".split()
)


def _counts_people(words: list[str]) -> bool:
    """Whether a need counts heads or help ("1-2 more engineers", "more engineering help"): a
    statement of growth more often than an opening's title."""
    return any(w.lower() in _COUNT_WORDS or any(c.isdigit() for c in w) for w in words)


def _bare(normalized: str) -> str:
    """A normalised title without its article ("A Software Engineer" -> "software engineer")."""
    low = normalized.lower()
    for article in ("a ", "an "):
        if low.startswith(article):
            return low[len(article) :]
    return low


def _team_after(words: list[str]) -> str:
    """The team named right after a role phrase ("for our ML platform team"), or ""."""
    m = _TEAM_AFTER.match(" ".join(words[: _TEAM_NAME_WORDS + 4]))
    return f"{m.group('name').strip()} team" if m else ""


def _bare_plural(spec: Spec) -> bool:
    """One plural role noun of no family ("engineers", "developers", "designers"); a name that
    ends in "s" and took the list's head ("iOS" in "iOS and Android engineers") is none, a plain
    word ("operations", "sales") still is."""
    parsed, title, normalized = spec
    written = title.strip(" ,.")
    word = written.lower()
    return (
        " " not in word
        and word.endswith("s")
        and parsed.family == OTHER
        and not (
            " " in normalized
            and any(c.isupper() for c in written[1:])  # "iOS", "macOS", "DevOps", "AWS"
            and parse_title(word).kind == "discipline"
        )
    )


def hiring_starts(text: str) -> list[int]:
    """Where the words after each hiring verb of a text start ("We're hiring |Go engineers")."""
    return [m.start("rest") for m in _hiring_matches(text)]


def _hiring_matches(text: str) -> list[re.Match[str]]:
    """The hiring verbs of a text with the words after them; a need stated as a supposition ("if
    you feel we need a data engineer, apply") is none."""
    hiring = HIRING_LOWER.finditer(text.lower()) if text.isascii() else HIRING.finditer(text)
    needs = _WE_NEED.finditer(text) if "need" in text.lower() else iter(())
    return [
        m
        for m in chain(hiring, needs)
        if m.re is not _WE_NEED or not _CONDITION.search(SENTENCE_END.split(text[: m.start()])[-1])
    ]
