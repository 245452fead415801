"""Openings named after a hiring verb in a sentence: "We're hiring frontend and ML engineers"."""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import OTHER
from pipeline.roles.hn_patterns import (
    HIRING,
    HIRING_LOWER,
    HIRING_PHRASE_WORDS,
    HIRING_WORDS,
    PROSE_STOP,
    folds_plainly,
    is_lead_filler,
)
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.vocabulary import GENERIC_HEADS, PLURALS, ROLE_PHRASES
from pipeline.roles.wording import strip_urls


@lru_cache(maxsize=16_384)
def prose_specs(sentence: str) -> tuple[Spec, ...]:
    """Openings named after a hiring verb ('We're hiring frontend and backend engineers')."""
    if folds_plainly(sentence) and not any(word in sentence.lower() for word in HIRING_WORDS):
        return ()  # HIRING needs one of these words
    found: list[Spec] = []
    text = strip_urls(sentence)
    hiring = HIRING_LOWER.finditer(text.lower()) if text.isascii() else HIRING.finditer(text)
    for m in hiring:
        words = text[m.start("rest") : m.end("rest")].replace("’", "'").split()
        while words and is_lead_filler(words[0], words[1] if len(words) > 1 else ""):
            words.pop(0)
        kept: list[str] = []
        team = ""
        for at, w in enumerate(words):
            if w.lower().strip(",") in PROSE_STOP:
                team = _team_after(words[at:])
                break
            kept.append(w)
        phrase = _LEVELS_AFTER.sub("", " ".join(kept)).strip(" ,")
        if team and kept and ROLE_PHRASES.get((PLURALS.get(kept[-1].lower(), kept[-1].lower()),)):
            # "full-stack engineers for our ML platform team": the team qualifies the role
            phrase = f"{phrase} ({team})"
        # a long phrase is prose unless it is a list of titles ("... a designer, two backend
        # engineers, an ML engineer, ..."): one sentence naming five roles names five openings
        if not kept or (len(kept) > HIRING_PHRASE_WORDS and phrase.count(",") < 2):
            continue
        generic = bool(kept) and kept[-1].lower().strip(",") in GENERIC_HEADS
        items = item_specs(phrase)
        if not any(parsed.kind == "role" for parsed, _, _ in items) and not generic:
            continue
        # "we're hiring engineers to ...": a bare plural names people, not an opening's title
        found.extend(item for item in items if not _bare_plural(item))
    return tuple(found)


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


def _team_after(words: list[str]) -> str:
    """The team named right after a role phrase ("for our ML platform team"), or ""."""
    m = _TEAM_AFTER.match(" ".join(words[: _TEAM_NAME_WORDS + 4]))
    return f"{m.group('name').strip()} team" if m else ""


def _bare_plural(spec: Spec) -> bool:
    """One plural role noun of no family ("engineers", "developers", "designers")."""
    parsed, title, _ = spec
    word = title.strip(" ,.").lower()
    return " " not in word and word.endswith("s") and parsed.family == OTHER
