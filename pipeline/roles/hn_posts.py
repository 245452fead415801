"""Hacker News "Who is hiring?" posts to openings: the header line's (header_fields), the body
lines' (body_lines), and each listed opening's own section (docs/roles.md, "Hacker News posts").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pipeline.roles.body_lines import (
    CUE_ON,
    DEPARTMENT,
    LISTED,
    LISTED_ROLES,
    LONG,
    PENDING,
    SKIP,
    TEXT,
    TITLE_ROLES,
    line_step,
)
from pipeline.roles.header_fields import header_at, header_specs
from pipeline.roles.hn_patterns import (
    BULLET,
    CUE,
    EMPLOYER,
    EMPLOYER_HEAD_CHARS,
    FOOTER,
    MAX_POST_CHARS,
    PENDING_REACH,
    RESUME_HEAD_CHARS,
    TITLE_LINES_BELOW_HEADER,
)
from pipeline.roles.linked_titles import (
    labels_teams,
    linked_title_specs,
    links_a_job_page,
    links_elsewhere,
    names_a_filled_opening,
    names_a_role,
)
from pipeline.roles.list_items import Spec
from pipeline.roles.resume_posts import looks_like_resume
from pipeline.roles.title_cleanup import clean_title
from pipeline.roles.titles import Opening, TitleParse, parse_title
from pipeline.roles.vocabulary import SENIORITY_WORDS
from pipeline.roles.wording import is_prose_item, split_top, strip_urls


@dataclass(slots=True)
class _Found:
    parse: TitleParse
    title: str
    normalized: str
    line: int = -1  # body line index, -1 for the header and prose
    category: bool = False
    area: bool = False  # a header field of engineering areas (header_areas)


def _placed(specs: Iterable[Spec], line: int = -1) -> list[_Found]:
    return [_Found(parsed, title, normalized, line) for parsed, title, normalized in specs]


def _header_openings(header: str) -> list[_Found]:
    found: list[_Found] = []
    for parsed, title, normalized, category, area in header_specs(header):
        found.append(_Found(parsed, title, normalized, category=category, area=area))
    return found


def openings_of_post(text_plain: str) -> list[Opening]:
    """Openings a Hacker News post advertises, from its header line and any list in its body."""
    if not isinstance(text_plain, str) or not text_plain.strip():
        return []
    return list(_post_openings(text_plain))


@lru_cache(maxsize=8_192)
def _post_openings(text_plain: str) -> tuple[Opening, ...]:
    # Companies repost the same text month after month: whole posts are cached too.
    text = text_plain[:MAX_POST_CHARS]
    offsets: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        offsets.append((pos, line))
        pos += len(line) + 1
    head_at = header_at(offsets)
    header = offsets[head_at][1]
    seeker = looks_like_resume(text[:RESUME_HEAD_CHARS])
    if seeker and not EMPLOYER.search(text, 0, EMPLOYER_HEAD_CHARS):
        return ()
    header_found = _header_openings(header)
    header_has_roles = any(f.parse.kind == "role" for f in header_found)

    listed: list[_Found] = []
    prose: list[_Found] = []
    title_lines: list[_Found] = []
    pending: list[_Found] = []  # bare disciplines on list-like lines, kept beside other openings
    linked: list[_Found] = []  # "Title: <link>" lines the other readers do not take
    linked_lines: set[int] = set()
    linked_job_lines: set[int] = set()  # ... under a hiring cue or linking a job page
    described: set[int] = set()
    described_pending: set[int] = set()  # "Data Science: pandas, numpy, ..." names a stack
    cue_active = False
    linked_cue = False
    under_teams = False  # below a "Teams:" or "Products:" label, in its run of areas
    last_opening_line = -1
    pending_description = -1
    cue_mark: str | None = None  # the list mark of the items right under a cue, "" before one
    for k in range(head_at + 1, len(offsets)):
        line = offsets[k][1].strip()
        if not line:
            continue
        action, specs, flag = line_step(line, cue_active)
        if action == CUE_ON:
            cue_mark = ""
        elif cue_mark == "":
            # the first line under the cue sets the mark
            cue_mark = _list_mark(offsets[k][1]) or None
        elif cue_mark is not None and _list_mark(offsets[k][1]) != cue_mark:
            cue_mark = None
        if action == DEPARTMENT:
            # a department stands for an opening only among the cue's own items: under a
            # title's bullets or below a requirements heading it is a skill ("- Cloud development")
            if cue_mark:
                pending.extend(_placed(specs, k))
            continue
        # what the link readers below test first, once a line: most lines hold no link, and
        # a label over teams holds a colon
        linked_line = "http" in line or "www." in line
        under_teams = ":" in line and labels_teams(line) or under_teams and action == PENDING
        if (
            action == SKIP
            or linked_line
            and action in (TITLE_ROLES, PENDING, TEXT)
            and names_a_filled_opening(line)
        ):
            continue
        if (
            linked_line
            and action in (LISTED, TITLE_ROLES, PENDING, TEXT)
            and (link := linked_title_specs(line))
        ):
            linked_lines.add(k)
            if cue_active or linked_cue or links_a_job_page(line):
                linked_job_lines.add(k)
            # a cue stands over the run of linked lines below it, whatever the readers make of
            # the first one
            linked_cue = linked_cue or cue_active
            if action == TEXT:
                linked.extend(_placed(link, k))
        else:
            linked_cue = action == CUE_ON
        if action == LONG:
            prose.extend(_placed(specs))
            cue_active = False
        elif action == LISTED:
            listed.extend(_placed(specs, k))
        elif action == CUE_ON:
            cue_active = True
        elif action == PENDING:
            # an area and its paper, post or demo ("ML: <site>/paper.pdf") or one of the teams a
            # "Teams:" label lists
            if linked_line and links_elsewhere(line) or under_teams:
                continue
            pending.extend(_placed(specs, k))
            if flag:
                described_pending.add(k)
        elif action == LISTED_ROLES or action == TITLE_ROLES:
            (listed if action == LISTED_ROLES else title_lines).extend(_placed(specs, k))
            if flag:
                described.add(k)
            if pending_description >= 0:
                described.add(pending_description)
                pending_description = -1
            last_opening_line = k
        else:
            if last_opening_line >= 0 and k > last_opening_line:
                pending_description = last_opening_line
            if flag:
                cue_active = False
            if specs:
                prose.extend(_placed(specs))

    title_line_set = {f.line for f in title_lines}
    header_cores = frozenset(_title_core(f.title) for f in header_found)
    list_lines = {k for k in title_line_set if _lists_roles(k, title_lines, offsets, header_cores)}
    _clean_list_titles(title_lines, list_lines)
    accept_title_lines = (
        len(title_line_set) >= 2
        or any(offsets[f.line][1].rstrip().endswith(":") for f in title_lines)
        or bool(list_lines)
        or (
            not header_has_roles
            and any(
                f.line <= head_at + TITLE_LINES_BELOW_HEADER
                # a lone title line with its bullets under it: "Machine learning engineer" /
                # "* This role is part research, ..."; beside other openings such a line is
                # as often a product's ("Kelp Studio for ML Engineers" / "* One-click training")
                or (
                    not listed
                    and not prose
                    and f.line not in described
                    and _heads_its_bullets(f, offsets)
                )
                for f in title_lines
            )
        )
    )
    if not accept_title_lines and title_lines and pending:
        # a title line beside bare disciplines on lines of their own is a list without a cue
        # ("Software Engineer: link" / "Machine Learning: link"; "Data Science (Python)" / "SRE")
        pending_lines = {f.line for f in pending} - described_pending
        accept_title_lines = any(_near_lines(line) & pending_lines for line in title_line_set)
    body = listed + (
        title_lines
        if accept_title_lines
        else [f for f in title_lines if f.line in linked_lines and names_a_role(_spec(f))]
    )
    body.extend(f for f in linked if names_a_role(_spec(f)))
    has_roles = bool(body)
    # a list of linked titles takes its areas too ("QA: <link>" / "DevOps: <link>"); one linked
    # area alone is as often a team's page, and an area a header field holds is that opening's
    # page ("iOS Engineer" or "Backend/Full Stack" in the header, "iOS: <link>" below); an area
    # counts only under a hiring cue or linking a job page, as "Download:" above "Android: <link>"
    # lists apps and "Teams:" above "Infrastructure: <link>" lists teams
    if len(linked_lines) >= _LINKED_LIST_LINES:
        held = [_words(f.title) for f in header_found]
        body.extend(
            f
            for f in linked + [f for f in pending if f.line in linked_lines]
            if f.line in linked_job_lines and not names_a_role(_spec(f)) and not _held_area(f, held)
        )
    near = {f.line for f in body}
    taken = {id(f) for f in body}
    body.extend(f for f in pending if _near_lines(f.line) & near and id(f) not in taken)
    body.sort(key=lambda f: f.line)
    # linked areas alone leave the header's categories standing: "Acme | Backend and ML" above
    # "Backend: <link>" still hires in ML
    header_kept = [f for f in header_found if not (has_roles and f.category)]
    if prose or has_roles:
        # a header area gives way to the role the body names: "Acme | Full-stack" above "We're
        # looking for an experienced Full-stack engineer"
        header_kept = [f for f in header_kept if not f.area]
    openings: list[Opening] = []
    seen: set[_Key] = set()
    seen_clean: set[_Key] = set()  # the titles cleaned of place, type, level and salary
    seen_cores: set[_Key] = set()  # the titles without their brackets
    sections = _sections(body, described, offsets, text_plain)
    paragraphs = {
        k for k in described if len(strip_urls(offsets[k][1]).strip()) >= _PARAGRAPH_CHARS
    }
    for found, section in (
        [(f, None) for f in header_kept]
        + list(zip(body, sections, strict=True))
        + [(f, None) for f in prose]
    ):
        # the normalised title drops the level: "Senior Software Engineer" and "Staff Software
        # Engineer" are two openings, a title the header and the list both name one
        key = (found.normalized.lower(), found.parse.family, found.parse.seniority)
        clean, core = _repeat_key(found)
        if (
            key in seen
            or found.line in paragraphs
            # a paragraph's title repeats a title named before it, however its place, type,
            # level or salary are written ("Data Engineer (REMOTE): <a paragraph>" below the
            # header's "Data Engineer"); two list items of two places are two openings
            # ("Engineer (SF): <link>", "Engineer (Toronto): <link>")
            and (clean in seen_clean or clean == core and core in seen_cores)
            or not found.normalized
        ):
            continue
        seen.add(key)
        seen_clean.add(clean)
        seen_cores.add(core)
        openings.append(
            Opening(
                title=found.title,
                normalized_title=found.normalized,
                role_family=found.parse.family,
                seniority=found.parse.seniority,
                section=section,
            )
        )
    return tuple(openings)


# A bracket of a level or a salary alone: "(Senior)", "(Junior and Senior Engineers)", "(130-145k)".
_LEVEL_OR_SALARY = re.compile(
    r"\(\s*(?:(?:"
    + "|".join(sorted(SENIORITY_WORDS | {"mid", "level", "engineers?", "and", "or"}, key=len)[::-1])
    + r")\b[\s,/&+-]*)+\)|\([$£€\d][\d\s$£€,.kK+~-]*\)",
    re.I,
)
# A title's line this long holds a paragraph about it, no list item with its place, type and team
# ("QA Analyst - Contractor, Lisbon, PT - <link>" is one of two openings in two places).
_PARAGRAPH_CHARS = 100
_JOINED_LEVELS = re.compile(r"[,/&]|\b(?:and|or)\b", re.I)


def _level_or_salary_cut(found: re.Match[str]) -> str:
    """A level or salary bracket's replacement: a single trailing level stays."""
    inside = found.group()
    if found.start() == 0 or inside[1:2].isdigit() or inside[1:2] in "$£€":
        return " "
    return " " if _JOINED_LEVELS.search(inside) else inside


_ANY_BRACKET = re.compile(r"\([^()]*\)")
_Key = tuple[str, str, str | None]  # a normalised title, its family and its level


def _repeat_key(found: _Found) -> tuple[_Key, _Key]:
    """A title's key for repeats, cleaned of its place, type, level and salary, and its core
    without any bracket: a title with no other bracket repeats one of the same core ("Data
    Engineer (130-145k)" below "Data Engineer (Python)")."""
    text = clean_title(found.title)
    if "(" in text:
        # a level bracket goes where it opens the title or joins levels ("(Senior) Engineer",
        # "Engineer (Junior and Senior)"); "Developer (Senior)" and "Developer (Staff)" are two
        text = _LEVEL_OR_SALARY.sub(_level_or_salary_cut, text)
    parsed = parse_title(text)
    normalized = " ".join((parsed.normalized or found.normalized).lower().split())
    core = " ".join(_ANY_BRACKET.sub(" ", normalized).split())
    return (normalized, parsed.family, parsed.seniority), (core, parsed.family, parsed.seniority)


# A list mark's shape: "1." and "2." are one mark, "a)" and "b)" another, "-" and "*" two, and
# "- " and "  - " two (an indented mark is a sub-item's: "- Backend Engineer" / "  - Security").
_MARK_WORD = re.compile(r"\w+")


def _list_mark(line: str) -> str:
    """The shape of a line's list mark with its indentation ("-", "  -", "0."), "" for none."""
    bullet = BULLET.match(line)
    if bullet is None:
        return ""
    mark = line[: bullet.start("body")].rstrip().expandtabs()
    indent = len(mark) - len(mark.lstrip())
    return " " * indent + _MARK_WORD.sub("0", mark.lstrip())


# Lines of "Title: <link>" that make a list of openings, areas included.
_LINKED_LIST_LINES = 2


def _spec(found: _Found) -> Spec:
    return (found.parse, found.title, found.normalized)


def _words(title: str) -> frozenset[str]:
    """A title's words without its bracketed place or stack: "Backend (Berlin)" is "backend"."""
    return frozenset(re.findall(r"\w+", re.sub(r"\([^()]*\)", " ", title.lower())))


def _held_area(found: _Found, held: list[frozenset[str]]) -> bool:
    """Whether a linked area's words all stand in one of the header's titles."""
    words = _words(found.title)
    return bool(words) and any(words <= title for title in held)


# A line of titles alone is a list of openings when it names this many roles among at least
# one more item: "AI eng, frontend, API eng, eng ops". Each item is as short as a bare title,
# and no "and"/"or" joins them: a sentence that lists people is read by the prose readers, and
# lists its items with a conjunction ("No recruiters, agencies, or dev shops.", "Devs,
# designers, strategy, and more.", "Lead, recruit, train and retain a team of developers").
_LINE_LIST_ROLES = 2
_LINE_LIST_ITEMS = 3
_LINE_ITEM_WORDS = 3
_CONJUNCTION = re.compile(r"\b(?:and|or)\b", re.I)
_COMMA = re.compile(",")
# The end of a line's first sentence: "AI eng, API eng, Data Science. Email us ..."
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# Quote marks and zero-width characters around a list item: '"ML engineer', 'designer"'.
_ITEM_EDGE = "\"'\u201c\u201d\u2018\u2019\u200b\u200c\u200d\u2060\ufeff "
# Kinds of a title that read as an opening or its area ("ML eng", "frontend"), besides a level
# that stands for its openings ("Ruby Engineers, Mobile Engineer, interns"); a tool ("PyTorch",
# "Kafka") makes the line a stack.
_LIST_ITEM_KINDS = ("role", "discipline")
_LEVEL_ITEM = re.compile(
    r"^(?:interns?|internships?|co-?ops?|apprentices?|apprenticeships?|trainees?)$", re.I
)
# People the company has or serves, not openings: "ex-Google engineers", "For data scientists".
_PEOPLE_ITEM = re.compile(r"^(?:ex|former|for)\b", re.I)
# A line above that speaks of a product's users: "Built for the people who ship models".
_AUDIENCE = re.compile(
    r"\b(?:built|made|designed|crafted|trusted|loved|used)\s+(?:by|for)\b|\bfor\s+(?:the\s+)?"
    r"(?:people|teams|anyone|those)\b",
    re.I,
)


def _lists_roles(
    line: int, title_lines: list[_Found], offsets: list[tuple[int, str]], held: frozenset[str]
) -> bool:
    """Whether a title line is a bare comma list of roles: its first sentence, not a question,
    holds at least three items of at most three words (commas in brackets split none), each a
    role, an area or a level alone, none worded as prose, none naming people the company has or
    serves, none joined by "and"/"or" and none the header's own title, and two of them are
    roles, under no line about a product's users."""
    text = offsets[line][1].strip()
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    if _CONJUNCTION.search(first) or text[len(first) : len(first) + 1] == "?":
        return False
    items = [piece.strip(_ITEM_EDGE) for piece, _ in split_top(first, _COMMA)]
    if len(items) < _LINE_LIST_ITEMS or any(
        not i
        or len(i.split()) > _LINE_ITEM_WORDS
        or is_prose_item(i)
        or _PEOPLE_ITEM.match(i)
        or parse_title(i).kind not in _LIST_ITEM_KINDS
        and not _LEVEL_ITEM.match(i)
        for i in items
    ):
        return False
    # "PubNub | Developer Relations" over "Developer Relations, Developer Advocate, ...": the
    # line names the header's one opening in other words
    if any(_title_core(i) in held for i in items):
        return False
    roles = [f for f in title_lines if f.line == line and f.parse.kind == "role"]
    # a title that runs past the first sentence reads on as prose: "analyst? No openings there"
    if any(f.title.strip(_ITEM_EDGE) not in first for f in roles):
        return False
    return len(roles) >= _LINE_LIST_ROLES and not _speaks_of_users(line, offsets)


def _speaks_of_users(line: int, offsets: list[tuple[int, str]]) -> bool:
    """Whether the line above heads a product's users, not openings: "Built for the people who
    ship models", "Who uses it?", "Our customers"."""
    for _, above in reversed(offsets[:line]):
        if above.strip():
            if CUE.search(above):
                return False
            return bool(
                above.rstrip().endswith("?")
                or _PEOPLE_HEADING.match(above)
                or _AUDIENCE.search(above)
            )
    return False


def _title_core(title: str) -> str:
    """A title cleaned of its place, type, brackets and plural: "Developer Advocates (Remote)"
    and "Developer Advocate" are one."""
    normalized = parse_title(clean_title(title)).normalized or title
    return " ".join(_ANY_BRACKET.sub(" ", normalized).lower().split())


def _clean_list_titles(found: list[_Found], lines: set[int]) -> None:
    """Quote marks and zero-width characters dropped from the titles of list lines."""
    for f in found:
        if f.line in lines:
            f.title = f.title.strip(_ITEM_EDGE)


def _heads_its_bullets(found: _Found, offsets: list[tuple[int, str]]) -> bool:
    """Whether a title line names a person's job and the next non-blank line is a list item; a
    sentence ("An award winning app dev agency.") or an area ("Engineering") heads no opening,
    and a "-- Who We Are --" line is a heading, not an item."""
    line = offsets[found.line][1]
    if found.parse.head_noun == "engineering" or line.rstrip().endswith("."):
        return False
    if not _ends_in_role_noun(found, line):
        return False  # "Data Scientist Toolkit", "AI Assistant for Data Scientists"
    for _, above in reversed(offsets[: found.line]):
        if above.strip():
            # "Who uses Kelpworks?" / "Data scientists"; "Founders:" / "Chief Data Scientist"
            if above.rstrip().endswith("?") or _PEOPLE_HEADING.match(above):
                return False
            break
    for _, below in offsets[found.line + 1 :]:
        if below.strip():
            return BULLET.match(below) is not None and not _DASHED_HEADING.match(below)
    return False


_DASHED_HEADING = re.compile(r"^\s*[-=*]{2,}.*[-=*]{2,}\s*$")
# A heading over people the company has, not openings: "Founders:", "Our team", "Who uses it?".
_PEOPLE_HEADING = re.compile(
    r"^\W*(?:(?:our|the|meet\s+the)\s+)?(?:co-?)?(?:founders?|founding\s+team|team|leadership"
    r"|people|advisors|investors|customers|users|clients|who\s+\w+)\b",
    re.I,
)
_LINE_TAIL = re.compile(r"\([^()]*\)|[^\w()]+$")


def _ends_in_role_noun(found: _Found, line: str) -> bool:
    """Whether a title line ends in its role noun and names no people it serves: a product for
    them ("Data Scientist Toolkit", "For data scientists") heads no opening."""
    # what follows the title on its line is its link or pay: "Lead BE: <link>", "... | $120k"
    title = strip_urls(line).split(" | ")[0]
    words = _LINE_TAIL.sub(" ", title).lower().split()
    if "for" in words:
        return False
    head = found.parse.head_noun.lower().split()
    tail = words[-len(head) :] if head else []
    return bool(tail) and tail[:-1] == head[:-1] and tail[-1] in (head[-1], head[-1] + "s")


def _near_lines(line: int) -> set[int]:
    """The body lines close enough to line for a bare discipline there to join a listed opening."""
    return {line + d for d in range(-PENDING_REACH, PENDING_REACH + 1) if d}


def _sections(
    body: list[_Found], described: set[int], offsets: list[tuple[int, str]], text: str
) -> list[tuple[int, int] | None]:
    """Each body opening's own stretch of text, when the openings have descriptions of their own."""
    lines = sorted({f.line for f in body})
    if len(lines) < 2 or not described.intersection(lines):
        return [None] * len(body)
    span: dict[int, tuple[int, int]] = {}
    for n, line in enumerate(lines):
        start = offsets[line][0]
        if n + 1 < len(lines):
            stop = offsets[lines[n + 1]][0]
        else:
            stop = len(text)
            for k in range(line + 1, len(offsets)):
                if FOOTER.match(offsets[k][1]):
                    stop = offsets[k][0]
                    break
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        span[line] = (start, stop)
    return [span[f.line] for f in body]
