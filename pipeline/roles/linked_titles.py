"""Body lines that are a title and the link to its job page: "DevOps Engineer: <link>" names an
opening on its own, where a bare title line may be a heading or a product (docs/roles.md,
"Opening titles: errors by pattern", seventh round)."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.hn_patterns import BULLET, LONG_LINE_CHARS
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.titles import parse_title

# A title alone before its link runs to about six words ("Staff Software Developer in Test"),
# not counting a bracket of its stack or place.
MAX_LINKED_TITLE_WORDS = 6
# ... and some 80 characters with its team and place; the cap also bounds the regex's work on a
# line of many separators.
MAX_LINKED_TITLE_CHARS = 80
# A title of a few words, a separator (":", "-", "->", "›", "|", ","), then only a link, bare or
# in brackets: "Staff Engineer - <link>", "* QA: <link>", "Kotlin backend (<link>)". The title
# holds no colon and no link, so the lazy title part ends at the first separator it can.
_LINKED = re.compile(
    rf"^(?P<title>[^:\s][^:<>]{{0,{MAX_LINKED_TITLE_CHARS}}}?)\s*(?::|[-–—=]+>?|›|→|»|\||,)?\s*"
    r"\(?(?P<link>(?:https?://|www\.)[^\s()]+)\)?$"
)


def _linked(text: str) -> re.Match[str] | None:
    """_LINKED's match of text. Its link runs to the end without a space, so it lies in the last
    run of non-space characters: a text whose last run holds no "http" or "www." is not tried
    (the lazy title part otherwise tries every length up to its limit)."""
    last = text.rsplit(None, 1)
    if not last or ("http" not in last[-1] and "www." not in last[-1]):
        return None
    return _LINKED.match(text)


# Links to code, talks, news, people and apps rather than a job page: "Python: <github link>",
# "Jane Doe, CTO: <profile link>", "iOS: <app store link>".
_NOT_JOB_LINK = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:github\.com|gitlab\.com|twitter\.com|x\.com|youtube\.com|"
    r"youtu\.be|medium\.com|news\.ycombinator\.com|[a-z.]*wikipedia\.org|arxiv\.org|"
    r"calendly\.com|dribbble\.com|behance\.net|scholar\.google\.[a-z.]+|kaggle\.com|"
    r"huggingface\.co|vimeo\.com)\b|/blog\b|\.github\.io\b|\.substack\.com\b"
    r"|linkedin\.com/in/|apps\.apple\.com|itunes\.apple\.com|play\.google\.com"
    # a homepage or a page of people: "CTO - <site>", "Head of AI - <site>/people/sam"
    r"|^(?:https?://)?[^/\s]+/?$|/(?:people|team|about)\b",
    re.I,
)
# ... and, after an area's name, a paper, a news post, a demo or a team's page ("ML:
# <site>/paper.pdf", "Vision: <site>/demo"); a role's own page is often a PDF of the job.
_AREA_WORK_LINK = re.compile(r"\.pdf\b|/(?:papers?|news|demos?|teams)\b", re.I)
# A label over a list of teams or products, not of openings: "Teams:", "What we build:".
_TEAMS_LABEL = re.compile(
    r"^(?:our\s+)?(?:teams?|products?|what\s+we\s+(?:build|make|do))\s*:\s*$", re.I
)
# An opening marked as taken: "ML Engineer - FILLED - <link>".
_FILLED = re.compile(r"\b(?:filled|closed|hired)\b", re.I)
# Words of a sentence or of contact details before a link, not of a title ("Apply here", "More
# at", "Our blog", "Email me").
_NOT_TITLE = re.compile(
    r"\b(?:apply|applying|more|details|info|information|here|at|see|read|our|my|we|us|you|"
    r"your|blog|email|contact|website|site|page|link|links|careers?|jobs?|roles?|positions?|"
    r"openings?|list|listings?|all|other|others|about|company|team|docs?|github|twitter|"
    r"linkedin|demo|video|paper|podcast|post|article|press|"
    # a headline, a credit or a filled opening: "Data Scientists vs Engineers", "Written by Sam,
    # ML Engineer", "ML Engineer - FILLED"
    r"vs|versus|written|built|thanks|thank|referral|bonus|candidates?)\b|" + _FILLED.pattern,
    re.I,
)
# Words before the role phrase that make it a sentence's object or a person's signature: "Built
# by ML Engineers", "Referral bonus for ML Engineers", "Sam, CTO", "Austin, TX - Backend Engineer".
_BEFORE_ROLE = re.compile(r"[,|/–—]|\s-\s|\b(?:by|for|from|with|to|meet|ask|me)\b", re.I)
# Links to a job page or a job board: what a list of linked areas must point to, or stand under
# a hiring cue, to be openings rather than products, downloads or teams.
_JOB_PAGE = re.compile(
    r"jobs?\b|careers?|apply|hiring|positions?|openings?|vacanc|recruit|lever\.co|"
    r"greenhouse\.io|workable\.com|ashbyhq\.com|smartrecruiters|bamboohr|breezy\.hr|jobvite|"
    r"teamtailor|personio|wellfound|angel\.co|workatastartup",
    re.I,
)


_BRACKETED = re.compile(r"\([^()]*\)")
_GLUED_BRACKET = re.compile(r"(?<=\w)\([^()]{1,30}\)$")


def _not_title_word(word: str) -> bool:
    parsed = parse_title(word)
    return parsed.kind != "role" and parsed.seniority == "mid"


# What may follow a role noun in a linked title: a bracket, a dash, a slash or a small word.
_AFTER_ROLE = re.compile(r"^(?:[(\-–—/&|+,:]|in$|of$|for$|and$|or$|to$)")


@lru_cache(maxsize=65_536)
def linked_title_specs(line: str) -> tuple[Spec, ...]:
    """The opening a stripped body line names when it is only a title and its link: a role or a
    discipline ("Product Management: <link>"); nothing for other lines."""
    if len(line) > LONG_LINE_CHARS or "http" not in line and "www." not in line:
        return ()
    bullet = BULLET.match(line)
    m = _linked(bullet.group("body") if bullet else line)
    if m is None:
        return ()
    title = m.group("title").strip(" .,;-–—*")
    if title.startswith("(") and title.endswith(")") and title.count("(") == 1:
        title = title[1:-1].strip()  # "(Back End): <link>"
    title = _GLUED_BRACKET.sub("", title)  # "Front End(Lyon)": a place written onto the title
    if (
        not title
        or "@" in title  # a signature: "Jane - CTO @ Acme <link>"
        or _NOT_TITLE.search(title)
        or _NOT_JOB_LINK.search(m.group("link"))
    ):
        return ()
    specs = item_specs(title)
    if len(_BRACKETED.sub(" ", title).split()) > MAX_LINKED_TITLE_WORDS:
        return ()
    if not specs:
        # one title that the list reader takes for prose: "Staff Developer in Test", "Sr. Designer"
        parsed = parse_title(title)
        specs = ((parsed, title, parsed.normalized),)
    if len(specs) != 1 or specs[0][0].kind not in ("role", "discipline"):
        return ()
    if specs[0][0].kind == "role" and _runs_on(title, specs[0][0].head_noun):
        return ()
    at = title.find(specs[0][1])
    if at > 0 and _BEFORE_ROLE.search(title[:at]):
        return ()
    return specs


def names_a_filled_opening(line: str) -> bool:
    """Whether a stripped body line is a title marked filled or closed and its link."""
    if len(line) > LONG_LINE_CHARS or "http" not in line and "www." not in line:
        return False
    m = _linked(line if (bullet := BULLET.match(line)) is None else bullet.group("body"))
    return m is not None and _FILLED.search(m.group("title")) is not None


def marked_filled(title: str) -> bool:
    """Whether an opening's title carries a mark that it is taken: "ML Engineer - FILLED"."""
    return _FILLED.search(title) is not None


def links_a_job_page(line: str) -> bool:
    """Whether a linked line's link looks like a job page or a job board's."""
    m = _linked(line if (bullet := BULLET.match(line)) is None else bullet.group("body"))
    return m is not None and _JOB_PAGE.search(m.group("link")) is not None


def links_no_job_page(link: str) -> bool:
    """Whether an area's link leads to code, a paper, a post, a person or a homepage rather than
    to a job page or a job board."""
    return (
        _NOT_JOB_LINK.search(link) is not None or _AREA_WORK_LINK.search(link) is not None
    ) and _JOB_PAGE.search(link) is None


def labels_teams(line: str) -> bool:
    """Whether a stripped line is a label over teams or products ("Teams:", "What we build:")."""
    # most lines hold no colon: the test skips the match
    return ":" in line and _TEAMS_LABEL.match(line) is not None


def links_elsewhere(line: str) -> bool:
    """Whether a stripped body line is a name and a link that is not a job page's."""
    if "http" not in line and "www." not in line:
        return False
    m = _linked(line if (bullet := BULLET.match(line)) is None else bullet.group("body"))
    return m is not None and links_no_job_page(m.group("link"))


def _runs_on(title: str, head_noun: str) -> bool:
    """Whether words other than a team, a stack or a place follow the role noun, as in a headline
    ("Baker Visits the Lighthouse"); "Developer in Test" and "Engineer, Data" are titles."""
    noun = head_noun.split()[-1] if head_noun else ""
    words = title.lower().split()
    for n, word in enumerate(words):
        if word.strip(",:;()") in (noun, noun + "s") and n + 1 < len(words):
            following = words[n + 1]
            # a level or a second role noun after it is the title's own: "Engineering Intern"
            return (
                word[-1] not in ",:;("
                and _AFTER_ROLE.match(following) is None
                and _not_title_word(following)
            )
    return False


def names_a_role(spec: Spec) -> bool:
    """Whether a linked title names a person's job, not an area ("DevOps", "Engineering")."""
    return spec[0].kind == "role" and spec[0].head_noun != "engineering"
