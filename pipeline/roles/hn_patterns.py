"""The named thresholds, patterns and word lists the HN post readers (hn_posts and the rest) use."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from pipeline.roles.vocabulary import ABBREVIATIONS, AI_WORDS, PLURALS, ROLE_PHRASES

MAX_POST_CHARS = 40_000  # openings are announced near the top; later text is descriptions
# A parenthesis with the space before it: an aside inside a list or a title ("Backend (Go)").
PAREN_ASIDE = re.compile(r"\s*\([^()]*\)")

# The thresholds of the line and opening heuristics, each with its reason. The reasons were
# checked on the recorded HN corpus by moving each value and reading the openings that changed;
# where a value trades one kind of error for another, the comment says which. Line distances
# count blank lines too, and the cleaned text separates paragraphs with one.

# The header is the first non-blank line, or the line right after a short lead-in line. Two
# lines would do on the recorded corpus; the third is slack for a blank line before a lead-in.
HEADER_WITHIN_LINES = 3
# A line shorter than this, without "|", right above a "|" line is a lead-in ("HN Who's Hiring
# Post", a bare company name, a date) and the "|" line is the header. Longer first lines are headers in
# their own right ("Chewy is hiring Senior Java Engineers in Boston, MA" is 51 characters).
LEAD_IN_CHARS = 30
# A title has at most this many words (docs/roles.md: "at most ten words"); a longer header
# field, list item or line is a sentence. Fewer loses real lists ("Director of engineering,
# Fullstack and front end devs"); more admits a few long real fields but also fragments of
# sentences ("Test Features for Cloud Manager").
TITLE_WORDS = 10
# One piece of a list, after the split at commas and "and", is a bit shorter than a whole title
# line: a ten-word piece is mostly several titles run together or a title with its place,
# salary or stack attached ("Full Stack Web Developer (San Francisco, CA; or Kampala,
# Uganda)"), which would become one garbled opening.
LIST_ITEM_WORDS = 9
# A parenthesis after a role with at most this many words may list its disciplines, one opening
# each: "Software Engineer (Backend, Frontend, Android, iOS, Reliability, Infrastructure)" has
# six. Longer parentheses are asides (12 changes nothing on the recorded corpus).
PAREN_LIST_WORDS = 8
# A labelled line ("Open positions: A, B, C") lists many titles, so it may be far longer than a
# title; past this many words it is read as prose. Conservative: 20 would lose a list of nine
# titles in 25 words, while a list of 18 titles in 58 words is still read as prose.
LABELED_LIST_WORDS = 40
# The role phrase of a hiring sentence runs from the verb to the first stop word. "We're hiring
# many positions including principal architects, software engineers, test engineers, solutions
# architects, and product managers" is 14 words; a longer phrase has run on past its list, and
# its fragments ("fifth engineer") would be openings.
HIRING_PHRASE_WORDS = 14
# A parenthesis of at most this many words is part of the title, where a speciality or platform
# goes ("Mobile Developer (iOS and Android)"); a longer one is an aside, usually a tech stack
# ("(CoffeeScript / React / CSS)"), and is dropped.
TITLE_PAREN_WORDS = 4
# A job seeker says so at the top of the comment: résumé hints ("my CV", "resume:") are looked
# for in this many characters. Job posts use the same words lower down ("send your resume:"),
# so a longer window drops more real posts; this one still drops a few short real posts.
RESUME_HEAD_CHARS = 1_000
# An employer's words ("we're hiring", "apply here", "salary") this early in the post make it a job
# post whatever résumé hints it has. A third of this drops real posts whose employer words come
# after a long description; searching the whole post changes nothing on the recorded corpus.
EMPLOYER_HEAD_CHARS = 3_000
# Lines longer than this are paragraphs: they are read only for hiring sentences, only in their
# first this many characters (bounding the work on pasted walls of text), and they end a list
# opened by a cue line.
LONG_LINE_CHARS = 600
# A body line with at least this many "|" has the three fields of a header ("Acme | Director,
# Data Scientist | REMOTE") and is read like one. A line with one "|" is "Title | detail", which
# the title-line reading handles.
HEADER_SHAPED_PIPES = 2
# Header-shaped lines are short. Longer "|" lines are a mix of long lists of titles and titles
# followed by a paragraph; the limit gives up some lists (at 500, 29 posts of the recorded corpus
# change, in both directions; at 120, real header-shaped lines are lost).
HEADER_SHAPED_CHARS = 250
# Without a bullet or a cue, only a line shorter than this can be "Title - description"; longer
# lines are sentences, read only for hiring sentences.
TITLE_LINE_CHARS = 160
# The title part of a line (up to " - " or ": ") is shorter than this; a title with its
# specialities ("Platform Engineer (Distributed Systems, Performance, Erlang)") is 60 already.
TITLE_PART_CHARS = 120
# A title line describes its opening when more than this many characters follow the title:
# shorter rests name a team, place or salary ("- Perception", "| $130k - $220k + Equity"),
# longer ones describe the work or the stack. Described openings get sections of their own.
DESCRIPTION_CHARS = 25
# When the header names no role, a title line this close below it is the post's opening
# (Cringle's header names its place, then a blank line, then "Senior Full Stack Software
# Developer").
TITLE_LINES_BELOW_HEADER = 3
# A bare discipline on a list-like line ("Data Science") joins the openings when a listed
# opening is at most this many lines away: the next item, even with a blank line between.
PENDING_REACH = 2


URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\[\d+\]", re.I)
# URL without its e-mail branch, for text without "@"; spelled without re.I and opening with one
# character class, so that re skips quickly to the places where it may match.
URL_NO_EMAIL = re.compile(
    r"[hHwW\[](?:(?<=[hH])[tT][tT][pP][sS\u017f]?://\S+|(?<=[wW])[wW][wW]\.\S+|(?<=\[)\d+\])"
)
# a line or field can only name an opening if it has a role noun or an AI / data-science word
_ROLEISH_WORDS = frozenset(
    {w for phrase in ROLE_PHRASES for w in phrase if w not in ("of", "technical")}
    | set(ABBREVIATIONS)
    | set(PLURALS)
    | AI_WORDS
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


@lru_cache(maxsize=65_536)
def roleish(text: str) -> bool:
    """A word of a role or area in text (cached: a line's title part is asked several times)."""
    return not _ROLEISH_WORDS.isdisjoint(_WORD.findall(text.lower()))


def hiring_quick(text: str) -> bool:
    low = text.lower()
    return (
        "hiring" in low
        or "looking" in low
        or "seek" in low
        or "searching" in low
        or "recruiting" in low
        or "need of" in low
    )


# No separator match starts inside a run of spaces (one from inside would also match from the
# run's first space, and a match ends past the spaces after it), so a long run is not tried from
# each of its spaces, in time quadratic in it. The separators in the other readers say so with an
# opening "(?:(?<!\s)|(?!\s))"; the three read most (HEADER_SEP, ITEM_SEP, SLASH) open instead
# with the class of characters a match starts with, then "(?<!\s\s)" after a space: the engine
# then skips to those characters, where a pattern opening with look-arounds is tried at every
# character (three to four times dearer on a list line). The other branch of each takes up after
# a first character that is no space (after "|", "," or "/"); the matches are the same.
HEADER_SEP = re.compile(
    r"[\s|•·–—](?:(?<=\s)(?<!\s\s)\s*(?:\|+|•|·|[–—]|(?<=\s)(?:[-–—~]{1,3}\s|/\s|(?<=\t)|::\s))"
    r"|(?<=\|)\|*|(?<=[•·–—]))\s*"
)
LABEL = re.compile(
    r"^\s*(?:(?:open|current|available|other|also|key|our|we'?re|we\s+are|now|currently)\s+)*"
    r"(?:roles?|positions?|openings?|opportunities|jobs?|vacancies|hiring(?:\s+for)?|looking\s+for|seeking)"
    r"(?:\s+\([^)]*\))?\s*:\s*(?P<rest>.*)$",
    re.I,
)
NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|\(\d{1,2}\))\s")
BULLET = re.compile(r"^\s*(?:[-*•·‣▪►>+~–—]+|\d{1,2}[.)]|\(\w\)|\w\))\s*(?P<body>.+)$")
# A heading line of a requirements block ("Bonus:", "Ideal candidate will also have experience
# in:"); the bullets below it list skills. A heading pointing to more information is no such block.
REQUIREMENT_HEADING = re.compile(
    r"\b(?:experience|skills?|bonus|plus|nice\s+to\s+have|requirements?|qualifications?|ideal|"
    r"familiar\w*|knowledge|you\s+have|need\s+to\s+have|must|should|background|"
    r"looking\s+for\s+in\s+(?:people|candidates|you))\b",
    re.I,
)
# A heading over bullets that are no openings: the requirements above, and what the person
# sought, the perks, the process, the stack, the work or the offices of the roles ("What we're
# looking for:", "Perks of the positions:", "Our hiring process:", "Tech we're looking at:",
# "to work on:", "Our open positions are in these offices:").
NOT_OPENINGS_HEADING = re.compile(
    REQUIREMENT_HEADING.pattern
    + r"|\b(?:(?:what|who)\s+(?:we|you)(?:['’]re|\s+are|\s+were)?\s+(?:looking|searching|seeking)\s+for|"
    r"nice|perks?|benefits?|offers?|process|stack|tech(?:nolog\w*)?\s+(?:we|you|used)|projects?|"
    r"you(?:['’]ll|['’]d|\s+will|\s+would)|to\s+work\s+on|offices?|locations?|looking\s+at)\b",
    re.I,
)
# Words of a requirement rather than an opening ("ML background", "3+ years").
REQUIREMENT_WORD = re.compile(
    r"\b(?:with|experience|experienced|plus|bonus|knowledge|familiar|familiarity|using|"
    r"background|preferred|nice|required|years?|yrs|skills?)\b",
    re.I,
)
RULE_LINE = re.compile(r"^[\s\-=_*~#.]+$")
CUE = re.compile(
    r"\b(?:roles?|positions?|openings?|openings|vacanc(?:y|ies)|jobs?|hiring|looking\s+for|"
    r"seeking|opportunities|we\s+need|searching\s+for|join\s+us\s+as)\b",
    re.I,
)
NOT_OPENINGS_CUE = re.compile(
    r"\b(?:stack|technolog\w*|tech|tools|requirements?|qualifications?|nice\s+to\s+have|bonus|"
    r"responsibilit\w*|skills?|experience|perks|benefits|offer|you(?:'ll|\s+will)|"
    r"ideal|must|should|what\s+you|about\s+(?:us|you))\b",
    re.I,
)
# "seeks" has the company or its team for subject whatever word comes before it ("The imaging
# group seeks a Data Scientist to ..."); the other verbs must follow the poster.
# Adverbs before the verb ("we are also currently hiring") run to a few words; an unbounded run
# overlaps the start words "also", "currently", "now" and makes a run of them quadratic.
_HIRING_ADVERBS_MAX = 3
# The verbs of hiring, each with the word that may follow it ("hiring for", "looking to hire").
HIRING_VERBS = (
    r"hiring(?:\s+(?:for|in))?|looking\s+(?:for|to\s+hire)|seeking|searching\s+for|"
    r"recruiting(?:\s+for)?|in\s+need\s+of"
)
HIRING = re.compile(
    r"(?:(?:^|[.!?:;]\s+|\b(?:we|i|is|are|am|we['’]re|i['’]m|also|currently|now)\s+)"
    r"(?:(?:currently|also|now|actively|still|always|urgently|mainly|primarily|especially)\s+)"
    rf"{{0,{_HIRING_ADVERBS_MAX}}}"
    rf"(?:{HIRING_VERBS})|\bseeks)\b[\s:]*(?P<rest>[^.!?;:\n()]*)",
    re.I,
)
# HIRING for a lower-case ASCII text, where it matches at the same places (its letters are all
# lower case); case-sensitive matching is several times faster. Past the text's start a match
# opens with a sentence mark or the first letter of a subject, an adverb or "seeks": the
# look-ahead for them spares trying every alternative at each other character.
HIRING_LOWER = re.compile(r"(?:^|(?=[.!?:;acinsw]))" + HIRING.pattern)
# The alternatives of RESUME, each with the literal it starts with ("" when it starts otherwise).
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
RESUME = re.compile(r"\b(?:" + "|".join(part for _, part in _RESUME_PARTS) + ")", re.I)
RESUME_AT = tuple((start, re.compile(r"\b(?:" + part + ")", re.I)) for start, part in _RESUME_PARTS)
EMPLOYER = re.compile(
    r"\b(?:we(?:'re|’re|\s+are)\s+(?:\w+\s+)?(?:hiring|looking|seeking|growing|building)|is\s+hiring|"
    r"are\s+hiring|join\s+(?:us|our)|our\s+(?:team|company|mission|product|customers)|"
    r"apply\s+(?:at|here|now|via|online)|to\s+apply|careers?\b|jobs\s+page|compensation|salary|equity)\b",
    re.I,
)
FOOTER = re.compile(
    r"^\s*(?:to\s+apply|apply|how\s+to\s+apply|email|e-mail|contact|send|reach|interested|"
    r"about\s+(?:us|the\s+company)|benefits|perks|we\s+offer|why\s+join|tech(?:nology)?\s+stack|"
    r"our\s+stack|stack|all\s+(?:open\s+)?(?:roles|positions|jobs)|more\s+(?:info|roles|jobs)|"
    r"see\s+(?:all|more)|learn\s+more)\b",
    re.I,
)
ITEM_SEP = re.compile(
    r"[\s,;](?:(?<=\s)(?<!\s\s)\s*(?:[,;]\s*(?:(?:and|or|&)\s+)?|(?<=\s)(?:and|or|&|\+|as\s+well\s+as)\s)"
    r"|(?<=[,;])\s*(?:(?:and|or|&)\s+)?)\s*",
    re.I,
)
SLASH = re.compile(r"[\s/](?:(?<=\s)(?<!\s\s)\s*/|(?<=/))\s*")
OF_COMPLEMENT = re.compile(
    r"\b(?:head|director|vp|vice\s+president|manager|lead|chief|officer)\s+of\b", re.I
)
# "Multiple positions (Senior backend, Data Scientist, Frontend)", "MANY ROLES! (...)": a header
# field that counts the openings and lists them in a parenthesis.
OPENINGS_PAREN = re.compile(
    r"^\s*(?:multiple|many|several|various|numerous|a\s+few|\d+)\s+(?:open\s+)?"
    r"(?:roles|positions|openings|jobs|vacancies)\s*[!:.]?\s*\((?P<rest>[^()]+)\)\s*$",
    re.I,
)
# "Multiple Data Science Roles", "Several ML Engineering positions": the area of the openings;
# one area only ("multiple engineering and data science positions" is read as a phrase).
COUNTED_AREA = re.compile(
    r"^\s*(?:multiple|many|several|various|numerous)\s+(?P<area>(?:(?!\band\b)[\w/+. -]){2,40}?)\s+"
    r"(?:roles|positions|openings|jobs|vacancies)\s*$",
    re.I,
)
PAREN_LIST = re.compile(r"^(.*?)\s*\(([^()]*[,/&][^()]*|[^()]*\band\b[^()]*)\)\s*$")
INNER_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:[,/&]|\band\b|\bor\b)\s*")
# Where a title ends: " - ", ": ", a final ":", a run of spaces, an unclosed " (". Spelled to
# open with one character class (re skips quickly to the candidates), each branch as before.
TITLE_END = re.compile(r"[\s:](?:(?<=\s)[-–—|]\s|(?<=:)\s|(?<=:)$|(?<=\s)\s+|(?<=\s)\((?=[^)]*$))")
PARENS = re.compile(r"\(([^)]*)\)")


def closed_sub(
    pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str], text: str
) -> str:
    """pattern.sub for a bracket pattern, whose every match ends at a ")", on text up to its last ")"."""
    # past the last ")" no match can end, and each open bracket there would be scanned to the
    # text's end: a run of them took time quadratic in its length
    end = text.rfind(")") + 1
    return pattern.sub(repl, text[:end]) + text[end:] if end else text


HIRING_WORDS = ("hiring", "looking", "seek", "searching", "recruiting", "need")
HIRING_FIELD = re.compile(r"^(?:now\s+|we'?re\s+|also\s+|actively\s+)?hiring\b", re.I)
PROSE_WORDS = frozenset(
    "we we're i i'm our you your you'll is are am us they their will have has be this it was "
    "who that which with experience years year work working build building help able must should "
    "strong knowledge understanding familiarity the to from by using like etc e.g. ie i.e. "
    "including plus bonus preferred required nice if can do our looking want need please into "
    "grasp proficiency proficient expertise familiar exposure comfortable comfort fluency fluent "
    "ability "
    "about on across within while where when how what why in interest subject application not".split()
)
SENTENCE_WORDS = PROSE_WORDS | frozenset("a an of for as".split())
# Prose words that, written in capitals, are areas: "Software, Machine Learning, IT"; "BE" is
# backend ("Mid-Senior Data, BE, Generative AI Engineers, Data Scientist").
CAPITAL_AREAS = frozenset({"IT", "BE"})
# A range of levels is no sentence: "Mid to Senior ML Engineer" is one title ("to" otherwise
# makes a field or list item prose).
LEVEL_RANGE = re.compile(
    # the look-ahead for the words' first letters spares trying every word at each word start
    r"\b(?=[jemis])(junior|jr\.?|entry|mid|intermediate|senior|sr\.?|staff)\s+to\s+"
    r"(?=(?:mid|senior|sr\b|staff|principal|lead)\b)",
    re.I,
)
_LEAD_FILLER = frozenset(
    "a an the some several multiple two three four five six seven eight nine ten few couple of "
    "number lots more additional new talented great strong passionate skilled motivated smart "
    "exceptional awesome driven curious pragmatic seasoned ambitious creative brilliant amazing "
    "excellent outstanding enthusiastic full time part contract freelance remote onsite permanent "
    "one first second another other world class rockstar ninja our".split()
)


def is_lead_filler(word: str, following: str) -> bool:
    """Whether a word opening a hiring phrase is filler before its role ("talented", "full
    time"); "full" before "stack" is the role's own ("full stack engineers")."""
    parts = word.lower().strip(",").split("-")
    if parts[-1] == "full" and following.lower().startswith("stack"):
        return False
    return all(p in _LEAD_FILLER for p in parts)


PROSE_STOP = frozenset(
    "to who that which with at on from for because so as based located like than if when where "
    "while whose by across within into in help join interested excited eager ready willing "
    "anywhere here there now today immediately asap please we you i our this these next soon "
    "familiar proficient fluent comfortable not".split()
)
GENERIC_TITLES = frozenset(
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


# A bracket, opening or closing: what mask_parens steps between.
_BRACKET = re.compile(r"[()\[\]]")


def mask_parens(text: str) -> str:
    """text with each character inside brackets, nested ones too, made "_" (the brackets stay;
    a closing bracket without its opener closes nothing)."""
    if "(" not in text and "[" not in text:
        return text
    # from bracket to bracket, a whole run of characters at a time: a loop over each character
    # was the dearest part of splitting a line outside its parentheses
    out: list[str] = []
    depth = pos = 0
    for bracket in _BRACKET.finditer(text):
        at = bracket.start()
        out.append("_" * (at - pos) if depth else text[pos:at])
        out.append(text[at])
        depth = depth + 1 if text[at] in "([" else max(0, depth - 1)
        pos = at + 1
    out.append("_" * (len(text) - pos) if depth else text[pos:])
    return "".join(out)


# The only letters that re.IGNORECASE matches to ASCII letters other than their own case pairs.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def folds_plainly(text: str) -> bool:
    """True when an ASCII word can occur case-insensitively in text only as itself, any case."""
    return text.isascii() or _FOLDS_TO_ASCII.search(text) is None


def without_asides(text: str, opener: str = "(", closer: str = ")") -> str:
    """`text` without its closed asides, nested ones too, in one pass (unclosed marks stay)."""
    if opener not in text:
        return text
    out: list[str] = []
    opens: list[int] = []
    for ch in text:
        if ch == opener:
            opens.append(len(out))
            out.append(ch)
        elif ch == closer and opens:
            # each character is appended once and cut at most once: linear however deep
            del out[opens.pop() :]
        else:
            out.append(ch)
    return "".join(out)


# Where a list of hires ends before prose does: "ML engineers too", "data scientists as well", and
# a possessive ("data scientists' input"), whose noun is no hire: the list ends before its word.
_LIST_TAIL = re.compile(r"\s+(?:too|as\s+well)\b|\s*\S+(?:['’]s|s['’])(?=\s|$)", re.I)


def before_list_tail(group: str) -> str:
    """`group` up to "too", "as well" or a possessive word, which end a list of hires."""
    tail = _LIST_TAIL.search(group)
    return group if tail is None else group[: tail.start()]


# A word of the two compared families, for a cheap test of a line before reading it: "data scien"
# is a prefix of "data science" and "data scientists"; the acronyms end at a word end ("aim").
AI_OR_DS_WORD = re.compile(
    # the look-ahead for the words' first letters spares trying each word at every word start
    r"\b(?=[acdlmn])(?:(?:ML|AI|NLP|LLM|MLOps)\b|machine learning|deep learning|computer vision|data scien)",
    re.I,
)
