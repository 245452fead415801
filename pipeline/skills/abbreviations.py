"""Abbreviations a post defines for a name of its own: "Stevens Capital Management (SCM)" or "SCM
(Stevens Capital Management)" makes every "SCM" of that post the firm, no skill, unless the
phrase itself names the skill ("Source Code Management (SCM)", "Natural Language Processing
(NLP)")."""

from __future__ import annotations

import re
from functools import cache

from spacy.strings import get_string_id

from jobtrends.vocabulary import TOOL_CATEGORIES
from pipeline.skills.sense_words import ABBREVIATION_GLUE, ABBREVIATION_LEGAL
from pipeline.skills.taxonomy import alias_index, canonical_id, skills_by_id
from pipeline.skills.view import View, _ids

# Letters of an abbreviation a post defines: "ML" (2) to "NASDAQ" (6); longer are words.
ABBREVIATION_MIN, ABBREVIATION_MAX = 2, 6
# Characters of a phrase in brackets after the abbreviation ("SCM (Stevens Capital Management)"):
# more is a sentence, not a name.
PHRASE_MAX_CHARS = 80

# Letters a word shorter than the other must have to be read as its beginning ("eng" of
# "engineering"); shorter ones are other words.
SAME_WORD_MIN = 3
# A defined phrase names a skill when at least 1/this of its words are words of the skill's name
# or of one alias: "Site Reliability Engineer" (3 of 3), not "Stevens Capital Management" (1 of 3).
SHARED_WORDS_DENOMINATOR = 2

_ACRONYM = rf"[A-Z]{{{ABBREVIATION_MIN},{ABBREVIATION_MAX}}}"
# "... Capital Management (SCM)": the abbreviation alone in brackets
_QUOTE = "[\"'“”‘’]?"
_AFTER_PHRASE = re.compile(rf"\({_QUOTE}({_ACRONYM}){_QUOTE}\)")
# "SCM (Stevens Capital Management)": the phrase alone in brackets after the abbreviation
# (found by its bracket, a literal the regex engine looks for fast; the abbreviation is read
# from the characters before it)
_BEFORE_PHRASE = re.compile(rf" \(([^()\n]{{3,{PHRASE_MAX_CHARS}}})\)")
_ACRONYM_BEFORE = re.compile(rf"(?:^|\W)({_ACRONYM})$")
_OPEN, _CLOSE = get_string_id("("), get_string_id(")")
_QUOTES = _ids("\"'“”‘’")
_WORD = re.compile(r"[^\W\d_][\w'&.]*|&")


def _initial_words(words: list[str], letters: str) -> bool:
    """Whether capitalised `words` (glue words between them left out) spell `letters`."""
    named = [w for w in words if w.lower() not in ABBREVIATION_GLUE]
    return (
        len(named) == len(letters)
        and all(w[0].isupper() for w in named)
        and "".join(w[0] for w in named) == letters
    )


def _phrase_before(text: str, end: int, letters: str) -> str | None:
    """The capitalised phrase ending at `end` whose initials spell `letters` ("Stevens Capital
    Management" before "(SCM)"), or None."""
    # the words of the line before the bracket, hyphens splitting them ("Customer-Relationship")
    line = text[text.rfind("\n", 0, end) + 1 : end]
    words = _WORD.findall(line.replace("-", " "))
    taken: list[str] = []
    named = 0
    for word in reversed(words):
        if not taken and word.lower().rstrip(".") in ABBREVIATION_LEGAL:
            continue  # "Stevens Capital Management LP (SCM)": the legal form is left out
        if word.lower() in ABBREVIATION_GLUE:
            if not taken:
                return None  # "the (SCM)": a glue word does not end the name
            taken.append(word)
            continue
        if not word[0].isupper():
            return None
        taken.append(word)
        named += 1
        if named == len(letters):
            break
    taken.reverse()
    return " ".join(taken) if _initial_words(taken, letters) else None


def defined_abbreviations(text: str) -> dict[str, str]:
    """The abbreviations `text` defines with the phrase each stands for (the first definition)."""
    found: dict[str, str] = {}
    for match in _AFTER_PHRASE.finditer(text):
        letters = match.group(1)
        if letters not in found:
            phrase = _phrase_before(text, match.start(), letters)
            if phrase is not None:
                found[letters] = phrase
    for match in _BEFORE_PHRASE.finditer(text):
        start = match.start()
        # the text's start, or one character before the longest abbreviation
        acronym = _ACRONYM_BEFORE.search(text[max(0, start - ABBREVIATION_MAX - 1) : start])
        if acronym is None:
            continue
        letters, phrase = acronym.group(1), match.group(1).strip("\"'“”‘’ ")
        if letters not in found and _initial_words(
            _WORD.findall(phrase.replace("-", " ")), letters
        ):
            found[letters] = phrase
    return found


def _words(text: str) -> list[str]:
    """The lower-case words of a name, hyphens and slashes splitting them, "'s" left out."""
    return [w.removesuffix("'s") for w in _WORD.findall(re.sub(r"[-/]", " ", text.lower()))]


def _same_word(a: str, b: str) -> bool:
    """Whether two words are one, or one begins the other ("engineer", "engineering", "eng")."""
    short, long = sorted((a, b), key=len)
    return len(short) >= SAME_WORD_MIN and long.startswith(short)


@cache
def _skill_names(skill_id: str) -> tuple[tuple[str, ...], ...]:
    """The words of a skill's name and of each of its aliases."""
    skill = skills_by_id()[skill_id]
    return tuple(tuple(_words(form)) for form in (skill.name, *skill.aliases))


def _names_skill(phrase: str, skill_id: str) -> bool:
    """Whether a defined phrase names the skill: the taxonomy knows it as that skill, or at least
    half of its words are words of the skill's name or of one alias ("Site Reliability Engineer"
    for site reliability engineering; not "Stevens Capital Management" for source code
    management)."""
    if canonical_id(phrase) == skill_id:
        return True
    words = [w for w in _words(phrase) if w not in ABBREVIATION_GLUE]
    for name in _skill_names(skill_id):
        shared = sum(any(_same_word(w, n) for n in name) for w in words)
        if shared and shared * SHARED_WORDS_DENOMINATOR >= len(words):
            return True
    return False


def _spells_tools(phrase: str) -> bool:
    """Whether a phrase spells out tools by their names ("Linux Apache MySQL PHP" of LAMP,
    "MongoDB, Express, React, Node.js" of MERN): a stack, no name of the post's own."""
    index = alias_index()
    skills = skills_by_id()
    for word in phrase.replace(",", " ").split():
        skill_id = index.get(word.lower().strip(".+&"))
        if skill_id is not None and skills[skill_id].category in TOOL_CATEGORIES:
            return True
    return False


def _bracketed(view: View, start: int, end: int) -> bool:
    """Whether a one-token mention in capitals stands alone in brackets, quoted or not ("(SCM)",
    "(“SCM”)"), or before a bracket ("SCM (Stevens ...)"): where a post defines an abbreviation."""
    if end - start != 1:
        return False
    at = view.at
    before, after = at(start - 1), at(end)
    if before in _QUOTES and after in _QUOTES:
        before, after = at(start - 2), at(end + 1)
    if not ((before == _OPEN and after == _CLOSE) or after == _OPEN):
        return False
    text = view.doc[start].text
    return ABBREVIATION_MIN <= len(text) <= ABBREVIATION_MAX and text.isalpha() and text.isupper()


def defined_in(view: View, spans: list[tuple[int, int, str]]) -> dict[str, str]:
    """The abbreviations a doc defines, read only when one of its mentions could be defined
    there: the doc's text is built from its tokens, which costs more than the rules."""
    if any(_bracketed(view, start, end) for start, end, _ in spans):
        return defined_abbreviations(view.doc.text)
    return {}


def names_other_thing(defined: dict[str, str], written: str, skill_id: str) -> bool:
    """Whether a mention written `written` is an abbreviation the post defines for a phrase that
    does not name the skill itself ("SCM" after "Stevens Capital Management (SCM)")."""
    phrase = defined.get(written)
    return phrase is not None and not _names_skill(phrase, skill_id) and not _spells_tools(phrase)
