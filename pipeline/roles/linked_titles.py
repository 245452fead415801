"""Body lines that are a title and the link to its job page: "DevOps Engineer: <link>" names an
opening on its own, where a bare title line may be a heading or a product (docs/roles.md,
"Opening titles: errors by pattern", seventh round)."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.hn_patterns import BULLET, LONG_LINE_CHARS
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.titles import parse_title

# A title of a few words, a separator (":", "-", "->", "›", "|", ","), then only a link, bare or
# in brackets: "Staff Engineer - <link>", "* QA: <link>", "Kotlin backend (<link>)". The title
# holds no colon and no link, so the lazy title part ends at the first separator it can.
_LINKED = re.compile(
    r"^(?P<title>[^:\s][^:<>]{0,80}?)\s*(?::|[-–—=]+>?|›|→|»|\||,)?\s*"
    r"\(?(?P<link>(?:https?://|www\.)[^\s()]+)\)?$"
)
# Links to code, talks, news, people and apps rather than a job page: "Python: <github link>",
# "Jane Doe, CTO: <profile link>", "iOS: <app store link>".
_NOT_JOB_LINK = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:github\.com|gitlab\.com|twitter\.com|x\.com|youtube\.com|"
    r"youtu\.be|medium\.com|news\.ycombinator\.com|[a-z.]*wikipedia\.org|arxiv\.org)\b|/blog\b"
    r"|linkedin\.com/in/|apps\.apple\.com|itunes\.apple\.com|play\.google\.com",
    re.I,
)
# A title alone before its link runs to about six words ("Staff Software Developer in Test").
MAX_LINKED_TITLE_WORDS = 6
# Words of a sentence or of contact details before a link, not of a title ("Apply here", "More
# at", "Our blog", "Email me").
_NOT_TITLE = re.compile(
    r"\b(?:apply|applying|more|details|info|information|here|at|see|read|our|my|we|us|you|"
    r"your|blog|email|contact|website|site|page|link|links|careers?|jobs?|roles?|positions?|"
    r"openings?|list|listings?|all|other|others|about|company|team|docs?|github|twitter|"
    r"linkedin|demo|video|paper|podcast|post|article|press)\b",
    re.I,
)


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
    m = _LINKED.match(bullet.group("body") if bullet else line)
    if m is None:
        return ()
    title = m.group("title").strip(" .,;-–—*")
    if title.startswith("(") and title.endswith(")") and title.count("(") == 1:
        title = title[1:-1].strip()  # "(Back End): <link>"
    if (
        not title
        or "@" in title  # a signature: "Jane - CTO @ Acme <link>"
        or _NOT_TITLE.search(title)
        or _NOT_JOB_LINK.search(m.group("link"))
    ):
        return ()
    specs = item_specs(title)
    if not specs and len(title.split()) <= MAX_LINKED_TITLE_WORDS:
        # one title that the list reader takes for prose: "Staff Developer in Test", "Sr. Designer"
        parsed = parse_title(title)
        specs = ((parsed, title, parsed.normalized),)
    if len(specs) != 1 or specs[0][0].kind not in ("role", "discipline"):
        return ()
    if specs[0][0].kind == "role" and _runs_on(title, specs[0][0].head_noun):
        return ()
    return specs


def _runs_on(title: str, head_noun: str) -> bool:
    """Whether words other than a team, a stack or a place follow the role noun, as in a headline
    ("Hacker Visits the Fortress"); "Developer in Test" and "Engineer, Data" are titles."""
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
