"""Abbreviations a post defines for the name of an organisation: "Stevens Capital Management (SCM)"
or "SCM (Stevens Capital Management)" makes every "SCM" of that post the firm, no skill. Other
defined phrases ("Application Programming Interfaces (API)", "Natural Language Processing (NLP)")
leave the abbreviation as it was."""

from __future__ import annotations

import re
from functools import cache

from spacy.strings import get_string_id

from jobtrends.vocabulary import TOOL_CATEGORIES
from pipeline.skills.rule_words import HEADER_SEPARATORS
from pipeline.skills.sense_words import (
    ABBREVIATION_GLUE,
    ABBREVIATION_LEGAL,
    ORGANISATION_WORDS,
)
from pipeline.skills.taxonomy import alias_index, canonical_id, skills_by_id
from pipeline.skills.view import View, word_ids

# Letters of an abbreviation a post defines: "ML" (2) to "NASDAQ" (6); longer are words.
ABBREVIATION_MIN, ABBREVIATION_MAX = 2, 6
# Characters of a phrase in brackets after the abbreviation ("SCM (Stevens Capital Management)"):
# more is a sentence, not a name.
PHRASE_MAX_CHARS = 80
# Characters before "(SCM)" read for the name it abbreviates: its words (one per letter), the glue
# words between them and a legal form, at about 30 characters a word. A fixed window keeps the
# cost of a line of many brackets linear.
PHRASE_LOOKBACK_CHARS = 2 * (ABBREVIATION_MAX + 1) * 30

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
_QUOTES = word_ids("\"'“”‘’")
_WORD = re.compile(r"[^\W\d_][\w'&.]*|&")


def _initial_words(words: list[str], letters: str) -> bool:
    """Whether capitalised `words` (glue words between them left out) spell `letters`."""
    named = [w for w in words if w.lower() not in ABBREVIATION_GLUE]
    return (
        len(named) == len(letters)
        and all(w[0].isupper() for w in named)
        and "".join(w[0] for w in named) == letters
    )


def _phrase_before(text: str, end: int, letters: str) -> tuple[str, bool] | None:
    """The capitalised phrase ending at `end` whose initials spell `letters` ("Stevens Capital
    Management" before "(SCM)") and whether a legal form follows it ("... LP (SCM)"), or None."""
    # the words of the line before the bracket, within the window, hyphens splitting them
    # ("Customer-Relationship"); a word the window cuts is left out
    window = max(0, end - PHRASE_LOOKBACK_CHARS)
    line = text[max(text.rfind("\n", window, end) + 1, window) : end]
    words = _WORD.findall(line.replace("-", " "))
    if window and words and text[window - 1] not in "\n " and line.startswith(words[0]):
        words = words[1:]
    taken: list[str] = []
    named = 0
    legal = False
    for word in reversed(words):
        if not taken and word.lower().rstrip(".") in ABBREVIATION_LEGAL:
            legal = True
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
    return (" ".join(taken), legal) if _initial_words(taken, letters) else None


def _header_name(text: str) -> str:
    """The lower-case first field of the post's header ("acme web services" of "Acme Web Services
    | Remote"): the employer's name where a post opens with one."""
    line = text[: text.find("\n")] if "\n" in text else text
    cut = min((at for sep in HEADER_SEPARATORS if (at := line.find(f" {sep} ")) >= 0), default=-1)
    return line[:cut].strip().lower() if cut >= 0 else ""


def _organisation(phrase: str, legal: bool, header: str) -> bool:
    """Whether a defined phrase names an organisation: a legal form follows it, one of its words
    is an organisation's ("Capital", "Partners", "Bank"), or it opens the post's header."""
    if legal or any(w in ORGANISATION_WORDS for w in _words(phrase)):
        return True
    name = phrase.lower()
    return header.startswith(name) and not header[len(name) : len(name) + 1].isalnum()


def defined_abbreviations(text: str) -> dict[str, str]:
    """The abbreviations `text` defines for an organisation's name, with the name (the first
    definition of each; an abbreviation is read at its first bracket only)."""
    found: dict[str, str] = {}
    tried: set[str] = set()  # read once: a failed definition is not read again further on
    header = _header_name(text)
    for match in _AFTER_PHRASE.finditer(text):
        letters = match.group(1)
        if letters not in tried:
            tried.add(letters)
            read = _phrase_before(text, match.start(), letters)
            if read is not None and _organisation(read[0], read[1], header):
                found[letters] = read[0]
    for match in _BEFORE_PHRASE.finditer(text):
        start = match.start()
        # the text's start, or one character before the longest abbreviation
        acronym = _ACRONYM_BEFORE.search(text[max(0, start - ABBREVIATION_MAX - 1) : start])
        if acronym is None or acronym.group(1) in tried:
            continue
        letters, phrase = acronym.group(1), match.group(1).strip("\"'“”‘’ ")
        tried.add(letters)
        words = _WORD.findall(phrase.replace("-", " "))
        legal = bool(words) and words[-1].lower().rstrip(".") in ABBREVIATION_LEGAL
        if legal:
            words = words[:-1]  # "SCM (Stevens Capital Management LP)"
            phrase = " ".join(words)
        if _initial_words(words, letters) and _organisation(phrase, legal, header):
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
    """Whether a mention written `written` is an abbreviation the post defines for an
    organisation's name that does not name the skill itself ("SCM" after "Stevens Capital
    Management (SCM)"; not after "Source Code Management (SCM)")."""
    phrase = defined.get(written)
    return phrase is not None and not _names_skill(phrase, skill_id) and not _spells_tools(phrase)
