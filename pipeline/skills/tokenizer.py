"""The extractor's tokenizer: spaCy's English one without special cases, abbreviations kept whole.

spaCy stops caching a document's tokens for the rest of that document once any special case
("we're", "don't", "e.g.", "C++") appears in it, so a posting that opens with "We're hiring" is
tokenised several times slower, string by string. Skill matching needs none of the special cases'
splits (contractions, emoticons), only that abbreviations such as "e.g." stay one token, which a
token_match does without turning the cache off. The cache also stops growing at 10,000 strings by
default, far fewer than the distinct words of a few thousand postings; a larger one costs tens of
megabytes and halves the tokenisation of real text.

A string the cache has not seen is split by spaCy's prefix, suffix, infix and URL expressions,
called from Python. Four of them cost most of that time and are replaced by exact equivalents:
the suffix expression (every alternative ends in `$`, so `re.search` tries all of them at every
position of the string: 5-20 us a call) tries only the suffixes that can end with the string's
last character, on its last few characters; the prefix expression (1 us) is tried only on strings
whose first character can open a prefix (punctuation marks and symbols, and the "A", "C", "U" of
"A$", "C$", "US$"); the infix search (4 us) is skipped for strings of letters and digits only and
for runs of whitespace, in which no infix can match (on a run of 200,000 spaces it took 0.15 s);
and the URL expression (2 us) is skipped for strings without a dot, which no URL lacks.

A word the vocabulary has not seen becomes a lexeme whose twenty-odd attributes are computed in
Python (about 20 us a word; shape, prefix and suffix also add three strings each to the string
store). The extractor's vocabulary computes only the ones the matcher and the rules read, which
takes about half as long.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse  # getwidth(), parse trees: what a pattern can match
from collections.abc import Callable, Iterable, Iterator

from spacy.attrs import IS_ALPHA, IS_LOWER, IS_SPACE, IS_TITLE, IS_UPPER, LOWER
from spacy.lang.tokenizer_exceptions import URL_MATCH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# "e.g.", "i.e.", "U.S.", "a.m.", "Ph.D.", and the few short abbreviations postings use in lists.
ABBREVIATION = re.compile(
    r"(?:[A-Za-z]{1,2}\.){2,}|(?:etc|esp|incl|approx|vs|eg|ie|Inc|Ltd|Co|Corp|Jr|Sr|Dr|Mr|Ms)\.",
)


def abbreviation(text: str) -> bool:
    """The tokenizer's token_match: whether `text` is an abbreviation (each ends with a dot, so
    the expression is tried only on strings with one)."""
    return "." in text and ABBREVIATION.fullmatch(text) is not None


# Whitespace-separated strings whose tokens are cached (about 60 bytes each).
CACHE_SIZE = 500_000

# The lexeme attributes the matcher (LOWER) and the rules read on every candidate; the others are
# left unset (the rules test the rare rest, like_url, on the token's text).
LEXEME_ATTRS = frozenset({LOWER, IS_ALPHA, IS_LOWER, IS_SPACE, IS_TITLE, IS_UPPER})

# Two splits spaCy does not make, for tool lists written with slashes: "/" after "#" or "+"
# ("C#/.NET", "C++/Java") and "/" before a dotted name ("Java/.NET"). spaCy splits "/" only
# between letters or digits, so these stayed one token and neither tool was found (about 230 of
# the recorded HN posts write "C#/.NET" or "C#/ASP.NET").
TOOL_SLASH_INFIXES = (r"(?<=[#+])/(?=[\w.])", r"(?<=[\w#+])/(?=\.\w)")

# Lists written without spaces around brackets, pluses or a second version: "Javascript(React,
# Angular)", "Clojure(,Erlang,Go)/React", "Go(golang)", "Python+Django", "ES6/7". spaCy splits
# none of these, so the glued string named no tool. "(" splits after a letter and before a letter
# or a comma, ")" after a letter before "/" or ",", "/" after ")"; "+" only between words of two
# letters or more ("C++", "Google+", "A+B" stay whole); "/" between a name's digit and a digit.
GLUED_LIST_INFIXES = (
    r"(?<=[A-Za-z])\((?=[A-Za-z,])",
    r"(?<=[A-Za-z])\)(?=[/,])",
    r"(?<=\))/(?=\w)",
    r"(?<=[A-Za-z]{2})\+(?=[A-Za-z]{2})",
    r"(?<=[A-Za-z]\d)/(?=\d)",
)

# A list whose items are bulleted with a hyphen written onto them: "-Ruby -Rails 4 -NodeJS
# -AngularJS -Git". spaCy takes no hyphen off a string's start, so "-Git" named no tool. A hyphen
# before a capital letter comes off; "-based", "-5", "--" stay as they were.
BULLET_DASH_PREFIX = r"-(?=[A-Z])"

# A host name ending in ".js" names a JavaScript library, not a web address (no top-level domain
# is "js"): "Node.js/React", "React.js/Redux" are lists of tools, not URLs, unless written with a
# scheme or "www.".
_JS_HOST = re.compile(r"[^/:@?#\s]+\.js(?=/|$)", re.IGNORECASE)

# A compiled pattern's search, (text) or (text, pos): what spaCy's tokenizer calls for affixes.
Search = Callable[..., "re.Match[str] | None"]
# Character classes larger than this are not spelled out: the pattern gets no first-character test.
_MAX_CLASS = 100_000


def _edge_chars(pattern: sre_parse.SubPattern, last: bool = False) -> set[str] | None:
    """A superset of the first (or, with `last`, the last) characters of the non-empty matches of
    a parsed pattern, or None when that is not simple to tell (then every character is
    possible)."""
    items = list(pattern)
    for op, av in reversed(items) if last else items:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue  # zero-width: the next item consumes the edge character
        if op is sre_constants.LITERAL:
            return {chr(av)}
        if op is sre_constants.IN:
            chars: set[str] = set()
            for item, value in av:
                if item is sre_constants.LITERAL:
                    chars.add(chr(value))
                elif item is sre_constants.RANGE and value[1] - value[0] < _MAX_CLASS:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None  # a negated class or a category (\w, \d)
            return chars
        if op is sre_constants.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                found = _edge_chars(alternative, last) if alternative.getwidth()[0] else None
                if found is None:
                    return None
                union |= found
            return union
        if op is sre_constants.SUBPATTERN:
            return _edge_chars(av[3], last) if av[3].getwidth()[0] else None
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            return _edge_chars(av[2], last) if av[0] else None
        return None
    return None


def _pieces(patterns: Iterable[str | re.Pattern[str]]) -> list[str]:
    """Affix patterns as the strings spaCy joins (it leaves blank pieces out)."""
    texts = [p.pattern if isinstance(p, re.Pattern) else p for p in patterns]
    return [text for text in texts if text.strip()]


def prefix_first_chars(prefixes: Iterable[str | re.Pattern[str]]) -> frozenset[str] | None:
    """Every character a prefix can start with, or None when some pattern is too complex to
    tell."""
    chars: set[str] = set()
    for text in _pieces(prefixes):
        found = _edge_chars(sre_parse.parse(text))
        if found is None:
            return None
        chars |= found
    return frozenset(chars)


def lead_prefix_search(prefixes: Iterable[str | re.Pattern[str]]) -> Search:
    """A prefix search equal to compile_prefix_regex(prefixes).search for spaCy's tokenizer
    (which reads only a match's length), tried only on strings whose first character can open a
    prefix."""
    patterns = _pieces(prefixes)
    search = compile_prefix_regex(patterns).search
    first = prefix_first_chars(patterns)
    if first is None:
        return search

    def prefix_search(text: str) -> re.Match[str] | None:
        return search(text) if text and text[0] in first else None

    return prefix_search


def tail_suffix_search(suffixes: Iterable[str | re.Pattern[str]]) -> Search:
    """A suffix search equal to compile_suffix_regex(suffixes).search that tries only the
    suffixes that can end with the string's last character, on its last few characters.

    Every match ends at the end of the string, so it consumes the last character: a suffix that
    cannot end with it cannot match, and an expression of the others finds the same leftmost
    match. A match longer than the longest bounded suffix can only come from an unbounded one;
    spaCy's are runs ("\\.\\.+"), and a run that starts before the window also matches at the
    window's first character, so a match found there is checked against the whole string.
    """
    pieces = _pieces(suffixes)
    parsed = [sre_parse.parse(p) for p in pieces]
    widths = [p.getwidth()[1] for p in parsed]
    window = max([w for w in widths if w < sre_parse.MAXREPEAT] + [1]) + 1
    anywhere: list[int] = []  # suffixes whose last characters are not simple to tell
    by_last: dict[str, list[int]] = {}
    for index, pattern in enumerate(parsed):
        chars = _edge_chars(pattern, last=True)
        if chars is None:
            anywhere.append(index)
        else:
            for char in chars:
                by_last.setdefault(char, []).append(index)
    compiled: dict[tuple[int, ...], Search | None] = {}

    def expression(indexes: Iterable[int]) -> Search | None:
        key = tuple(sorted(set(indexes) | set(anywhere)))  # in the suffixes' own order
        if key not in compiled:
            compiled[key] = compile_suffix_regex([pieces[i] for i in key]).search if key else None
        return compiled[key]

    searches = {char: expression(indexes) for char, indexes in by_last.items()}
    otherwise = expression(())

    def suffix_search(text: str) -> re.Match[str] | None:
        if not text:
            return None
        search = searches.get(text[-1], otherwise)
        if search is None:
            return None
        start = len(text) - window
        if start <= 0:
            return search(text)
        found = search(text, start)
        if found is not None and found.start() == start:
            return search(text)
        return found

    return suffix_search


# A dotted name whose last part is capitals, "Node.JS", "Socket.IO", "Vue.JS": spaCy splits a dot
# between a lower-case and a capital letter (two sentences glued: "end.The"), which cut these
# names in three and lost the tool. Two or three capitals at the string's end are no sentence, nor
# are the capitalised endings of tool names ("Node.Js", "Vue.Js", "Socket.Io", "Asp.Net").
_CAPS_EXTENSION = re.compile(r"[a-z]\.(?:[A-Z]{2,3}|Js|Io|Net)$")


def _caps_extension_dot(text: str, match: re.Match[str]) -> bool:
    """Whether an infix match is the dot before a final capitalised extension ("Node.JS",
    "Node.Js")."""
    return match.group() == "." and _CAPS_EXTENSION.match(text, match.start() - 1) is not None


def alnum_skipping_infixes(
    infix_finditer: Callable[[str], Iterator[re.Match[str]]],
) -> Callable[[str], Iterator[re.Match[str]]]:
    """spaCy's infix search, skipped for strings of letters and digits only and for whitespace
    (a run of spaces): every English infix consumes a punctuation mark or a symbol (tests check
    every code point)."""

    def finditer(text: str) -> Iterator[re.Match[str]]:
        if text.isalnum() or text.isspace():
            return iter(())
        if _CAPS_EXTENSION.search(text):
            return (m for m in infix_finditer(text) if not _caps_extension_dot(text, m))
        return infix_finditer(text)

    return finditer


def dotted_url_match(url_match: Callable[[str], object]) -> Callable[[str], object]:
    """spaCy's URL match, skipped for strings without a dot: both of its host forms (a dotted
    IPv4 address, a name with a top-level domain) contain one; and refused for a scheme-less
    "host" ending in ".js" ("Node.js/React"), a list of JavaScript libraries."""

    def match(text: str) -> object:
        if "." not in text:
            return None
        if "://" not in text and text[:4].lower() != "www." and _JS_HOST.match(text):
            return None
        return url_match(text)

    return match


def use_cacheable_tokenizer(nlp: Language) -> None:
    """Drop the tokenizer's special cases, keep abbreviations whole with a token_match, let the
    cache grow to CACHE_SIZE strings, split unseen strings with the faster exact searches and
    make new lexemes with only the attributes skill matching reads."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"expected spaCy's rule-based Tokenizer, got {type(tokenizer).__name__}")
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # not in the stubs
    for attr in set(getters) - LEXEME_ATTRS:
        del getters[attr]
    tokenizer.rules = {}
    tokenizer.token_match = abbreviation
    tokenizer.max_cache_size = CACHE_SIZE
    prefixes = nlp.Defaults.prefixes
    if prefixes:
        tokenizer.prefix_search = lead_prefix_search([*prefixes, BULLET_DASH_PREFIX])
    suffixes = nlp.Defaults.suffixes
    if suffixes:
        tokenizer.suffix_search = tail_suffix_search(suffixes)
    infixes = nlp.Defaults.infixes
    if infixes:
        finditer = compile_infix_regex(
            [*infixes, *TOOL_SLASH_INFIXES, *GLUED_LIST_INFIXES]
        ).finditer
        tokenizer.infix_finditer = alnum_skipping_infixes(finditer)
    if tokenizer.url_match is URL_MATCH:  # the dot argument holds for spaCy's own URL pattern
        tokenizer.url_match = dotted_url_match(URL_MATCH)
