"""Title cleanup of a post's openings: list markers and tags off a title, prose repeats dropped."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from crawlers.parsing.places import is_place
from pipeline.roles.hn_patterns import closed_sub
from pipeline.roles.stack_titles import without_stack_names
from pipeline.roles.title_merges import (
    merged_alternatives,
    merged_parentheses,
    without_less_specific,
    without_prose_mentions,
)
from pipeline.roles.title_overlaps import (
    without_fragments,
    without_generic,
    without_header_repeats,
    without_held,
    without_synonym_repeats,
)
from pipeline.roles.title_splits import joined_splits, run_splits
from pipeline.roles.titles import Opening, classify_title
from pipeline.roles.vocabulary import SENIORITY_WORDS, TECHNOLOGIES

# A list marker or arrow before a title ("> Senior Engineer", "# Backend Engineer", "- Designer").
# Titles and their parts repeat across a post's readers and across monthly reposts.
_CACHED_TITLES = 65_536
# Companies repost the same text month after month.
_CACHED_POSTS = 8_192
_LEADING_MARKER = re.compile(r"^(?:[>#*•·~|/\\]+|-+>?|=+>?|→|[-–—]+|\d{1,2}[.)](?=\s))\s*")
# A hiring phrase kept before a title ("We're hiring a Data Engineer", "Hiring for test engineer").
_LEADING_HIRING = re.compile(
    r"^(?:(?:we\s*['’]?\s*re|we\s+are|we)\s+)?(?:now\s+|currently\s+|also\s+)?"
    r"(?:hiring|looking\s+for|seeking)(?:\s+for\s+|\s*:\s*|\s+(?=an?\s|the\s)|\s+"
    # "Hiring Manager" and "Seeking Work" are no hiring phrase before a title
    r"(?!(?:manager|lead|coordinator|partner|specialist|team|work)s?\b))(?:an?\s+|the\s+)?",
    re.I,
)
# An invitation to join written before a title ("Join my team as a Senior DevOps Engineer").
# What follows "as" is the title only when it starts with a capital or a level before more words:
# "Join as early engineer" and "Join us as we grow" name no title.
_LEADING_JOIN = re.compile(
    r"^join\s+(?:[\w'’]+\s+){0,3}?as\s+(?:an?\s+)?"
    r"(?=(?!(?:we|you|our|they|i|us)\b)(?:(?-i:[A-Z])|(?:senior|junior|staff|principal|lead|"
    r"head|chief|founding|mid|entry)\s+\w))",
    re.I,
)
# A link arrow, footnote star or dangling punctuation after a title ("Project Lead ->"). Here and
# in the trailing patterns below, a match starts only after a non-space, so a run of spaces is
# not tried from each of its starts; likewise a run of marks ("------", "****") is tried from its
# first mark only (a match from inside the run would also match from the run's start).
_TRAILING_MARKER = re.compile(
    r"(?<!\s)\s*(?:(?<!-)-+>|→|=>|(?<!=)=+|(?<!~)~+|(?<=\s)[-–—]+|\(\*\)|(?<!\*)\*+"
    r"|(?<![:;,.|/\\])[:;,.|/\\]+)\s*$"
)
# The last mark of each of its forms: a title ending in none (most) is not searched.
_TRAILING_MARKER_ENDS = tuple(">→=~-–—)*:;,.|/\\")
# A title is a short name: a run of one mark at its end ("Data Scientist------", "Engineer((((",
# "Designer!!!", "Engineer >>>") is no part of it, however long. Three marks make a run: two are a
# name's own ("C++"); a closing bracket ends a bracket the title opened and stays. Marks of several
# kinds end a name in a few ("C++!", "(*)"); more than _MIXED_MARK_RUN of them ("-=-=-=-=-=") are
# a rule line written onto the title.
_MARK_RUN = 3
_MIXED_MARK_RUN = 8
_KEPT_END_MARKS = frozenset(")]}")


def _is_mark(char: str) -> bool:
    """Whether `char` is a mark that may end a run: no letter, digit, space or closing bracket."""
    return not char.isalnum() and not char.isspace() and char not in _KEPT_END_MARKS


def _without_mark_run(text: str) -> str:
    """`text` without the run of marks at its end, when the run is long enough (see above)."""
    end = text.rstrip()
    mark = end[-1:]
    if not mark or not _is_mark(mark):
        return text
    kept = end.rstrip(mark)
    if len(end) - len(kept) >= _MARK_RUN:
        return kept.rstrip()
    start = len(kept)
    while start and _is_mark(end[start - 1]):
        start -= 1
    return end[:start].rstrip() if len(end) - start > _MIXED_MARK_RUN else text


# A bracket left open at a title's end, the line cut inside it ("Infra Engineer ($140,000",
# "Ruby Developers [", "Data Engineer (Kafka - Berlin..."). Spaces are bounded so a run of them
# is not tried from every start.
_OPEN_BRACKET = re.compile(r"(?<=\S)\s{0,8}(?P<open>[(\[])(?P<inside>[^()\[\]]*)$")
# What opens a cut bracket holding no part of the title: a salary, a number, a link or its
# label, nothing.
_BRACKET_JUNK = re.compile(r"\s*(?:[$£€\d]|http|link\b|$)", re.I)
# Where the bracket's part of the title ends: the first dash or comma ("(Big Data - Kafka, ...").
_BRACKET_END = re.compile(r"\s[-–—]\s|,")


def _open_bracket_cut(found: re.Match[str]) -> str:
    """A cut bracket's replacement: the bracket closed before its first dash or comma when it
    opens with a capitalised area ("(Big Data - Kafka ..." is "(Big Data)"), else nothing."""
    inside = found.group("inside")
    if _BRACKET_JUNK.match(inside):
        return ""
    area = _BRACKET_END.split(inside, maxsplit=1)[0].strip().rstrip(".…").strip()
    if not area[:1].isupper() or "@" in area:
        # a remark in lower case ("(e.g. LLMs", "(self driven") or an address: no area
        return ""
    close = ")" if found.group("open") == "(" else "]"
    return found.group(0)[: found.start("inside") - found.start()] + area + close


# A conjunction or adverb a sentence leaves after a title ("Software Engineers and", "senior
# engineers, also", "developers, specifically"), trimmed only when a role noun stays: without
# one the piece is no title cut short ("Lead or Not" read as "Lead or") and stays as it is.
# Spaces are bounded so a run of them is not tried from every start.
_TRAILING_JOINER_WORDS = ("and", "or", "also", "specifically", "too")
_TRAILING_JOINER = re.compile(
    rf"(?<!\s)(?:\s{{0,8}},\s{{0,8}}|\s{{1,8}})(?:{'|'.join(_TRAILING_JOINER_WORDS)})\s{{0,8}}$",
    re.I,
)
_ROLE_NOUN = re.compile(
    r"\b(?:engineer|developer|scientist|manager|researcher|designer|analyst|architect|"
    r"programmer|specialist|generalist|tester)s?\b",
    re.I,
)


def _joiner_cut(found: re.Match[str]) -> str:
    """A trailing joiner's replacement: nothing when a role noun stands before it."""
    return "" if _ROLE_NOUN.search(found.string, 0, found.start()) else found.group(0)


# A sentence run on after a title: "Quality Manager. Background in ...", "Platform Engineer
# focused on ...", "Developer skilled in ...", "compiler engineers among other roles": the
# words of the sentence go, the title stays; so does a verb in "-ing" right after the role noun
# ("Penetration testers performing ...").
_TRAILING_SENTENCE = re.compile(
    r"(?:\b(?P<noun>(?i:engineer|developer|scientist|manager|researcher|designer|analyst|"
    r"architect|programmer|specialist|generalist|tester)s?)(?:\s*\.\s+(?P<next>[A-Z].*)"
    r"|\s+(?P<ing>[a-z]+ing))"
    r"|(?<!\s)\s+(?:focused|skilled|specializing|specialising|experienced|passionate|among\s+other\s+"
    r"roles))\s*$"
)
# A team after a comma or dash ends a title: "Engineering Manager, Developer tooling".
_TEAM_BEFORE = re.compile(r",|\s[-–—]\s")
# Nouns of the work in "-ing" that end a title as its team ("Developer tooling", "ML Engineer
# Onboarding"), not a run-on verb.
_ING_NOUNS = frozenset(
    """tooling engineering marketing testing onboarding billing pricing banking trading computing
    learning processing hosting networking streaming imaging modeling modelling accounting
    advertising publishing manufacturing shipping ticketing messaging routing""".split()
)
# Words after a full stop that go on a title rather than start a sentence ("Engineer. Senior",
# "Senior Engineer. Python"); a sentence has other words too ("Engineer. AWS, maybe Django").
_TITLE_WORDS_AFTER_STOP = SENIORITY_WORDS | TECHNOLOGIES | {"lead", "mid", "level"}


def _trailing_sentence_cut(found: re.Match[str]) -> str:
    """A trailing sentence's replacement: the role noun alone, or the text as it is when what
    follows the noun is part of the title."""
    after = found.group("next")
    if after and set(_WORD.findall(after.lower())) <= _TITLE_WORDS_AFTER_STOP:
        return found.group(0)
    ing = found.group("ing")
    if ing and (ing in _ING_NOUNS or _TEAM_BEFORE.search(found.string, 0, found.start())):
        return found.group(0)
    return found.group("noun") or ""


# Gender tags of European postings: "(m/f/d)", "(w/m/d)", "(f/m/x)", "(all genders)".
_GENDER_TAG = re.compile(
    r"(?<!\s)\s*\(\s*(?:[mfwdx]\s*/\s*[mfwdx](?:\s*/\s*[mfwdx])?|all\s+genders?)\s*\)", re.I
)
# A salary in brackets, e.g. "($90k-$135k)", "(£65-80k)", "(€70,000 - €90,000)".
_SALARY_TAG = re.compile(
    r"(?<!\s)\s*\(\s*[$£€]\s?\d[\d,.]*\s?k?\s*(?:[-–—to]+\s*[$£€]?\s?\d[\d,.]*\s?k?)?\s*\)", re.I
)
# A salary after a comma or dash at a title's end ("Staff Product Designer, $150~180k"), or a
# bracket opening with one ("(£80-120k + options)").
_TRAILING_SALARY = re.compile(
    r"(?<!\s)(?:\s*(?:,|\s[-–—|])\s*[$£€]\s?\d[\d,.]*\s?k?(?:\s*[-–—~]\s*[$£€]?\s?\d[\d,.]*\s?k?)?"
    r"|\s*\(\s*[$£€]\s?\d[^()]*\))\s*$",
    re.I,
)
# Invitations written after a title: "Product Managers apply here", "Senior Engineer role here".
_TRAILING_INVITATION = re.compile(r"(?<!\s)\s+(?:apply here|role here|roles here)\s*$", re.I)
_TRAILING_INVITATION_ENDS = ("here",)
# Words a heading leaves after a title ("Copywriter details", "Senior PM role description"): no
# title ends in them. "see more details" is a link's text and "position details" a group's label
# (`_GROUP_LABEL`), both left whole.
_TRAILING_LABEL = re.compile(
    r"(?<!more)(?<!position)(?<!\s)\s+(?:details|(?:role|job|position) description)\s*$", re.I
)
_TRAILING_LABEL_ENDS = ("details", "description")
# A label of the engineering openings as a group ("Engineering roles", "various engineering
# positions", "software engineering talent"): only the words of engineering in general, so "sales
# roles", "Backend Engineer roles" and "Speech Research Role" stay.
_GROUP_LABEL = re.compile(
    r"^(?:(?:all|open|multiple|various|several|many|other|junior|senior|mid|and|of|types|"
    r"wide|spread|a|lots|lot|engineering|eng|software|tech|technical|development)\W+)+"
    r"(?:positions|roles|opportunities|openings|talent|position details)\W*$",
    re.I,
)
# Where a title ends and a place or a work arrangement follows: "Data Engineer, Berlin", "SRE -
# Remote", "QA Engineer (San Francisco or Boulder)", "Data Scientist (Remote, United States)".
# Fields a title trails at most: a city, its state, its country and an arrangement.
_MOST_TRAILING_FIELDS = 4
_TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")
_TRAILING_FIELD = re.compile(r"(?:\s*,|\s+[-–—|@]|\s+in)\s+([^,()]+)$")
# A work arrangement or place written before a title: "Remote: Performance Engineer".
_LEADING_ARRANGEMENT = re.compile(r"^(?:remote|onsite|on-site|hybrid)\s*[:|]\s+", re.I)
_LETTERS = re.compile(r"[a-z]+")
_FIELD_PIECE = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:[,/;&+]|\bor\b|\band\b)\s*", re.I)
# Words of a work arrangement rather than of a role.
_ARRANGEMENT_WORDS = frozenset(
    """remote onsite on site hybrid fully full time part contract contractor freelance ok only
    friendly possible anywhere worldwide global office in person relocation visa sponsorship
    """.split()
)
_WORD = re.compile(r"[a-z0-9+#]+")
_BRACKETED = re.compile(r"\([^)]*\)")
_AFTER_HEAD = re.compile(r"\s+([A-Za-z][\w.+#]*)")
# Words of prose around a role noun ("experienced backend engineers", "a senior engineer"):
# articles, conjunctions and praise that no job title is made of.
_PROSE_WORDS = frozenset(
    """a an and both either the our one two few several some many multiple more various numerous
    experienced talented passionate driven skilled solid smart great strong excellent
    exceptional exceptionally amazing awesome brilliant hungry energetic versatile ambitious
    adaptable curious creative dedicated enthusiastic seasoned proven capable highly extremely
    really very self starting motivated well rounded rockstar ninja additional another other
    """.split()
)
# Words a prose mention adds to any role without naming one ("software engineers", "full-time
# developer"): a mention made of them and a role noun repeats any listed title with that noun.
_GENERIC_WORDS = frozenset("software full time fulltime remote".split())
# Nouns that head a job title; a prose mention is a repeat when it shares its head with a title.
_ROLE_HEADS = frozenset(
    """engineer developer dev scientist designer manager analyst researcher programmer architect
    hacker administrator admin tester consultant specialist lead""".split()
)


class Placed(NamedTuple):
    """An opening with its title cleaned, and the same title cleaned but with its place."""

    opening: Opening
    placed_title: str


def _is_place_or_arrangement(field: str) -> bool:
    """Whether every piece of a field names a place or a work arrangement (and one exists)."""
    pieces = [p for p in _FIELD_PIECE.split(field) if p.strip()]
    if not pieces:
        return False
    rest = [p for p in pieces if set(_LETTERS.findall(p.lower())) - _ARRANGEMENT_WORDS]
    return all(is_place(p) for p in rest) or is_place(", ".join(rest))


def _without_place(text: str) -> str:
    """A title without the places and work arrangements that trail it ("..., Austin, TX, Full Time")."""
    for _ in range(_MOST_TRAILING_FIELDS):
        found = _TRAILING_BRACKET.search(text) or _TRAILING_FIELD.search(text)
        if found and found.start() > 0 and _is_place_or_arrangement(found.group(1)):
            text = text[: found.start()].rstrip()
            continue
        # "Austin, TX" is a place only as a whole: the longest run of trailing comma fields
        fields = text.split(",")
        for k in range(min(len(fields) - 1, _MOST_TRAILING_FIELDS), 1, -1):
            head = ",".join(fields[:-k])
            if head.count("(") == head.count(")") and _is_place_or_arrangement(
                ",".join(fields[-k:])
            ):
                text = ",".join(fields[:-k]).rstrip()
                break
        else:
            return text
    return text


# Role nouns posts use for the same job in a title and in its prose ("Backend Software Engineer"
# and "a backend developer").
# "dev" is left out: "Biz Dev" is no engineer.
_SAME_ROLE_NOUN = {"developer": "engineer", "programmer": "engineer"}
_SAME_ROLE_NOUN |= {"admin": "administrator"}


def _at_end(
    pattern: re.Pattern[str],
    ends: tuple[str, ...],
    repl: str | Callable[[re.Match[str]], str],
    text: str,
) -> str:
    """`pattern.sub(repl, text)` for a pattern anchored at the text's end whose every match ends,
    before trailing spaces, in one of `ends` (lower-case): a text ending otherwise is not searched.
    A text that is not ASCII is always searched: a case-insensitive pattern folds letters that
    lower() leaves alone."""
    if text.isascii() and not text.rstrip().lower().endswith(ends):
        return text
    return pattern.sub(repl, text)


@lru_cache(maxsize=_CACHED_TITLES)
def clean_title(title: str, places: bool = True) -> str:
    """A title without list markers, hiring phrases, places, arrows, gender or salary tags."""
    text = title.strip()
    for _ in range(2):
        before = text
        text = _LEADING_MARKER.sub("", text)
        text = _LEADING_HIRING.sub("", text)
        text = _LEADING_JOIN.sub("", text)
        text = _LEADING_ARRANGEMENT.sub("", text)
        if places:
            text = _without_place(text)
        text = _at_end(_TRAILING_MARKER, _TRAILING_MARKER_ENDS, "", _without_mark_run(text))
        # the tags below need a bracket or a currency sign: most titles hold neither
        if "(" in text:
            text = _GENDER_TAG.sub("", text)
            text = _SALARY_TAG.sub("", text)
        if "$" in text or "£" in text or "€" in text:
            text = _TRAILING_SALARY.sub("", text)
        if "(" in text or "[" in text:
            text = _OPEN_BRACKET.sub(_open_bracket_cut, text)
        text = _at_end(_TRAILING_JOINER, _TRAILING_JOINER_WORDS, _joiner_cut, text)
        text = _at_end(_TRAILING_INVITATION, _TRAILING_INVITATION_ENDS, "", text)
        text = _at_end(_TRAILING_LABEL, _TRAILING_LABEL_ENDS, "", text)
        text = _TRAILING_SENTENCE.sub(_trailing_sentence_cut, text)
        text = text.strip()
        if text == before:
            break  # a second round of the same steps would change nothing either
    return text or title.strip()


def _singular(word: str) -> str:
    """A role noun's singular ("engineers" -> "engineer"); other words as they are."""
    return word[:-1] if word.endswith("s") and word[:-1] in _ROLE_HEADS else word


@lru_cache(maxsize=_CACHED_TITLES)
def _words(title: str, brackets: bool = False) -> tuple[str, ...]:
    """Lower-case words of a title, role nouns in the singular; brackets' contents on request."""
    text = title.lower() if brackets else closed_sub(_BRACKETED, " ", title.lower())
    return tuple(_singular(w) for w in _WORD.findall(text))


@lru_cache(maxsize=_CACHED_TITLES)
def _prose_core(title: str) -> tuple[str, ...] | None:
    """The title words of a prose mention up to its role noun, or None when it reads as a title.

    A mention is prose when it starts in lower case or with a prose word ("experienced backend
    engineers specialising in ..."); its core drops the prose words and whatever follows the noun.
    """
    words = _words(title)
    # "iOS engineer" and "eCommerce developer" start in lower case but are titles
    lower_start = title[:1].islower() and not title[1:2].isupper()
    if not words or not (lower_start or words[0] in _PROSE_WORDS):
        return None
    heads = [i for i, w in enumerate(words) if w in _ROLE_HEADS]
    if not heads:
        return None
    core = [w for w in words[: heads[0] + 1] if w not in _PROSE_WORDS and w not in _GENERIC_WORDS]
    # a capitalised word right after the noun names the stack ("dev Angular"): part of the role
    after = _AFTER_HEAD.match(title, _head_end(title, words[heads[0]]))
    if after and after.group(1)[:1].isupper():
        core.append(after.group(1).lower())
    return tuple(core)


def _head_end(title: str, head: str) -> int:
    """Where the first mention of a role noun ends in a title (0 when not found)."""
    found = re.search(rf"\b{re.escape(head)}s?\b", title, re.I)
    return found.end() if found else 0


def _in_order(words: Sequence[str], title: Sequence[str]) -> bool:
    """Whether the words stand in the title in the same order (others may come between)."""
    rest = iter(title)
    return all(any(w == t for t in rest) for w in words)


def _is_repeat(opening: Placed, kept: Sequence[Placed]) -> bool:
    """Whether an opening repeats a kept one of its family: same words, or in prose a title.

    Words are compared with the places kept, so openings in two places ("Data Engineer, Berlin"
    and "Data Engineer, Munich") are two.
    """
    same_family = [k for k in kept if k.opening.role_family == opening.opening.role_family]
    if not same_family:
        return False
    words = frozenset(_words(opening.placed_title, brackets=True))
    if any(frozenset(_words(k.placed_title, brackets=True)) == words for k in same_family):
        return True
    titles = [k.opening for k in same_family if _is_listed_title(k.opening)]
    if titles and _is_group_label(opening.opening.title):
        return True
    core = _prose_core(opening.opening.title)
    return core is not None and any(
        _in_order(_as_one(core), _as_one(_words(k.title))) for k in titles
    )


def _as_one(words: Sequence[str]) -> list[str]:
    """Words with the role nouns that name the same job as one ("backend developer" is "backend
    engineer", "systems admin" is "systems administrator"), for telling a prose repeat."""
    return [_SAME_ROLE_NOUN.get(w, w) for w in words]


@lru_cache(maxsize=_CACHED_TITLES)
def _is_group_label(title: str) -> bool:
    """Whether a title names a group of openings ("Multiple Engineering Roles"), brackets aside."""
    return bool(_GROUP_LABEL.search(closed_sub(_BRACKETED, " ", title).strip()))


def _is_listed_title(opening: Opening) -> bool:
    """Whether an opening reads as a title: neither a prose mention nor a group label."""
    return _prose_core(opening.title) is None and not _is_group_label(opening.title)


def _cleaned(opening: Opening) -> Opening:
    """The opening with its title cleaned, when the cleaned title reads as the same role."""
    title = clean_title(opening.title)
    if title == opening.title:
        return opening
    before, after = classify_title(opening.title), classify_title(title)
    if (before.role_family, before.seniority) != (after.role_family, after.seniority):
        return opening
    return replace(opening, title=title, normalized_title=after.normalized_title)


def cleaned_openings(openings: Sequence[Opening], text: str = "") -> list[Opening]:
    """Openings with cleaned titles, without prose repeats of a title of the same family.

    Titles written as titles come first, so a prose mention ("experienced backend engineers")
    is dropped for the listed title it repeats wherever the two stand in the post. With the
    post's text, openings split from one title's parenthesis become that title again, and a
    less specific repeat of a title is dropped (`title_merges`).
    """
    cleaned = [
        Placed(_cleaned(o), clean_title(o.title, places=False)) for o in run_splits(openings)
    ]
    listed = [_is_listed_title(p.opening) for p in cleaned]
    titled = [p for p, is_title in zip(cleaned, listed, strict=True) if is_title]
    kept: list[Placed] = []
    for placed in titled + [p for p, is_title in zip(cleaned, listed, strict=True) if not is_title]:
        if not _is_repeat(placed, kept):
            kept.append(placed)
    kept_ids = {id(k) for k in kept}
    result = [p.opening for p in cleaned if id(p) in kept_ids]
    if text:
        return list(_as_written(tuple(result), text))
    return result


@lru_cache(maxsize=_CACHED_POSTS)
def _as_written(openings: tuple[Opening, ...], text: str) -> tuple[Opening, ...]:
    """A post's openings read as the post writes them (`title_merges`; cached: posts repeat)."""
    merged = joined_splits(merged_alternatives(merged_parentheses(openings, text), text), text)
    kept = without_prose_mentions(without_less_specific(merged), text)
    kept = without_stack_names(without_fragments(kept), text)
    kept = without_generic(without_header_repeats(without_held(kept, text), text), text)
    return tuple(without_synonym_repeats(kept, text))
