"""What each line of an HN post's body contributes: a listed title, a cue, a title line, prose."""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import OTHER
from pipeline.roles.header_fields import DASH, header_specs, is_dash_team, title_before_prose
from pipeline.roles.hiring_sentences import names_hire, prose_specs
from pipeline.roles.hn_patterns import (
    BULLET,
    CUE,
    DESCRIPTION_CHARS,
    HEADER_SEP,
    HEADER_SHAPED_CHARS,
    HEADER_SHAPED_PIPES,
    ITEM_SEP,
    LABEL,
    LABELED_LIST_WORDS,
    LONG_LINE_CHARS,
    NOT_OPENINGS_CUE,
    NUMBERED,
    PARENS,
    RULE_LINE,
    SENTENCE_WORDS,
    TITLE_END,
    TITLE_LINE_CHARS,
    TITLE_PAREN_WORDS,
    TITLE_PART_CHARS,
    TITLE_WORDS,
    closed_sub,
    roleish,
)
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.person_nouns import names_a_person
from pipeline.roles.run_on_labels import before_next_label
from pipeline.roles.titles import parse_title, title_kind
from pipeline.roles.wording import (
    SHORT_PARENS,
    drop_prose_parens,
    first_top_piece,
    is_prose,
    is_prose_item,
    lower_words,
    split_top,
    strip_urls,
)

# What a body line contributes (see line_step).
SKIP, LONG, LISTED, CUE_ON, PENDING, LISTED_ROLES, TITLE_ROLES, TEXT, DEPARTMENT = range(9)


# A label's list written inside square brackets: the brackets enclose the whole list.
_BRACKETED = re.compile(r"^\s*\[([^\[\]]*)\]\s*$")
# A numbered item between runs of "=" marks, as a heading is dressed ("== 1. Data Engineer =="):
# the item is read as the numbered line it is. Headings without a number ("== About us ==") are
# left to the readers as they are. The marks are stripped before the number is matched, so a
# long run of marks is read in one pass.
_NUMBERED = re.compile(r"(?:\d{1,2}[.)]|\(\d{1,2}\))\s")
_TEAM_AFTER_DASH = re.compile(r"\s[-–—]\s(?P<team>[^:|()\-–—]+?)\s*(?=$|[:|(]|\s[-–—]\s)")


def _title_part(body: str) -> str:
    part = strip_urls(body)
    end = TITLE_END.search(part)
    if end is not None:
        team = _TEAM_AFTER_DASH.match(part, end.start())
        head = part[: end.start()]
        part = head
        if team is not None and is_dash_team(head, team.group("team")):
            # "Staff Software Engineer - Infrastructure, Machine Learning ($250k): link"
            part = f"{head}, {team.group('team').strip()}"
    if "(" in part:
        part = closed_sub(
            PARENS,
            lambda m: m.group(0) if len(m.group(1).split()) <= TITLE_PAREN_WORDS else " ",
            part,
        )
    return part.strip(" .,:;-–—*")


@lru_cache(maxsize=65_536)
def line_step(line: str, cue_active: bool) -> tuple[int, tuple[Spec, ...], bool]:
    """(action, openings, flag) of one stripped body line; the flag is "described" for role
    lines and "ends the cue" for plain text. Lines repeat across posts, so this is cached."""
    if RULE_LINE.match(line):
        return SKIP, (), False
    if line.startswith("==") and line.endswith("=="):
        item = line.strip("=").strip()
        if _NUMBERED.match(item):
            # "== 1. Senior R&D Engineer in Computer Vision ==": the marks dress a numbered item
            return line_step(item, cue_active)
    if len(line) > LONG_LINE_CHARS:
        head = line[:LONG_LINE_CHARS]
        titled = _long_item_title(head)
        if titled:
            # "1) Senior ML Engineer | £80k+ (link). You'd be turning ...": an item whose
            # description runs on in the same paragraph
            return LISTED_ROLES if BULLET.match(head) else TITLE_ROLES, titled, True
        return LONG, prose_specs(head) if names_hire(head) else (), False
    label = LABEL.match(line) if ":" in line else None
    if label is not None and label.group("rest").strip():
        rest = HEADER_SEP.sub(", ", strip_urls(before_next_label(label.group("rest"))))
        rest = _BRACKETED.sub(r"\1", rest)  # "Roles: [Backend Developer, Android Developer]"
        items = () if is_prose(rest, LABELED_LIST_WORDS) else item_specs(rest)
        if items:
            return LISTED, items, False
    if line.count("|") >= HEADER_SHAPED_PIPES and len(line) < HEADER_SHAPED_CHARS:
        items = tuple(spec[:3] for spec in header_specs(line) if spec[0].kind == "role")
        if items:
            return LISTED, items, False
    bullet = BULLET.match(line)
    content = bullet.group("body") if bullet else line
    if (
        bullet is None
        and line.endswith(":")
        and CUE.search(line)
        and not NOT_OPENINGS_CUE.search(line)
    ):
        return CUE_ON, (), False
    if bullet is not None and (" -" in content or " –" in content or " —" in content):
        run = _dash_run(content)
        if run:
            # "- Backend Engineer - Product Manager - Data Analyst": list items run into one line
            return LISTED_ROLES, run, False
    if bullet is None and not cue_active and len(line) >= TITLE_LINE_CHARS:
        # a heading that names no person is the paragraph's topic ("Engineering Values: ...")
        titled = tuple(spec for spec in _long_item_title(line) if names_a_person(spec[1]))
        if titled:
            # "Web Engineer: You've got years of React ...": a title opening its paragraph
            return TITLE_ROLES, titled, True
    part = (
        _title_part(content)
        if bullet is not None or cue_active or len(line) < TITLE_LINE_CHARS
        else ""
    )
    if part and "(" in part and is_prose(part):
        # "Machine Learning Engineer ($100-140k plus stock options)": the aside goes
        part = " ".join(drop_prose_parens(part).split())
    numbered = bullet is not None and NUMBERED.match(line) is not None
    if part and (cue_active or numbered) and is_prose(part):
        # "1. Applied AI engineers with ML or data science backgrounds" under a cue
        # an activity there is what the hire will do ("Learn ML engineering from ..."), no title
        before = tuple(
            spec
            for spec in title_before_prose(part, TITLE_WORDS)
            if spec[0].head_noun != "engineering"
        )
        # the sentence test last: most such items name no title, and it is the dearer test
        if before and not _is_sentence_start(part):
            return LISTED_ROLES, before, True
    if part and " -- " in part and is_prose(part):
        # "Machine Learning Engineers -- You understand the math": a description after a double
        # dash; a short team there stays ("Senior SW Engineer -- robotics and computer vision")
        part = part.split(" -- ")[0].strip()
    # the three tests below ask it of the same part: read its words once
    role_words = bool(part) and roleish(part)
    if (
        part
        and (bullet is not None or cue_active)
        and (not role_words or is_prose(part) or _is_bare_role(part))
    ):
        labeled = _labeled_items(content)
        if labeled:
            # "* The Rainman: Data Scientist", "In engineering: software engineer, ML engineer":
            # a nickname, team or area, then the titles
            return LISTED_ROLES, labeled, False
    if (
        part
        and cue_active
        and bullet is not None
        and not role_words
        and not is_prose(part)
        and not _LINKED_OR_DASHED.search(content)
    ):
        # "We're hiring:" / "- Sales" / "- Customer Success": a department under a hiring cue
        # is an opening beside the titles listed with it (the post reader keeps it only in the
        # cue's own list); a department with a link or a dash after it is the link readers'
        # ("Frontend JavaScript - Angular Developer - <link>")
        areas = item_specs(part)
        # every piece a department: "- Additional research, administrative, and" is a sentence
        if (
            areas
            and all(spec[0].kind == "discipline" for spec in areas)
            and len(areas) == len(split_top(part, ITEM_SEP))
            and not any(spec[1].lower() in _JOINING_WORDS for spec in areas)
        ):
            return DEPARTMENT, areas, False
    if part and not role_words:
        if (
            bullet is None
            and ("-" in line or "–" in line or "—" in line)  # what DASH needs, tested first
            and len(DASH.findall(line)) >= HEADER_SHAPED_PIPES
        ):
            # "Acme - Founding Engineer (AI x Search) - Remote - $80k": a header in the body
            shaped = tuple(spec[:3] for spec in header_specs(line) if spec[0].kind == "role")
            if shaped and len(line) < HEADER_SHAPED_CHARS:
                return TITLE_ROLES, shaped, False
    items = ()
    if part and len(part) < TITLE_PART_CHARS and role_words and not is_prose(part):
        items = item_specs(part)
        if not cue_active and items:
            pieces = split_top(part, ITEM_SEP)
            if bullet is None:
                first = item_specs(part.split(",")[0])
                if not first or first[0][0].kind == "none":
                    items = ()
            elif pieces and _is_sentence_start(pieces[0][0]):
                # a requirement sentence listing skills, not titles
                # ("A solid grasp of LangChain, pgvector, and prompt engineering")
                items = ()
            if items and len(pieces) > len(items):
                # beside words that are no titles ("Prompt engineering and evals") an activity
                # ("prompt engineering", "ML engineering") is a skill, not an opening
                items = tuple(spec for spec in items if spec[0].head_noun != "engineering")
    if not items and bullet is None and (not part or len(part) >= TITLE_PART_CHARS):
        listed = _title_list(content)
        if listed:
            # "Site Reliability Engineer (Systems), Database Administrator, Project Manager,
            # Javascript Developer, ...": a line of titles longer than one title
            return LISTED_ROLES, listed, False
    if items:
        roles = tuple(spec for spec in items if spec[0].kind == "role" or cue_active)
        described = len(strip_urls(content).strip()) > len(part) + DESCRIPTION_CHARS
        if not roles:
            return PENDING, items, described
        return (
            (LISTED_ROLES if bullet is not None or cue_active else TITLE_ROLES),
            roles,
            described,
        )
    if not strip_urls(line).strip():
        return SKIP, (), False
    ends_cue = bullet is None and cue_active and not line.endswith(":")
    return TEXT, prose_specs(line) if names_hire(line) else (), ends_cue


# "The Atlas: Backend Engineer", "In engineering: ...": the label before the titles is a name,
# a team or an area of a few words.
_ITEM_LABEL = re.compile(r"^(?P<label>[^:]{1,40}):\s+(?P<rest>\S.*)$")
_ITEM_LABEL_WORDS = 4


def _labeled_items(content: str) -> tuple[Spec, ...]:
    """The roles listed after a short label in a list item ("The Atlas: Backend Engineer"), and
    the areas after a bare role noun ("Engineers: Backend, Frontend, Data/ML")."""
    m = _ITEM_LABEL.match(strip_urls(content).strip()) if ":" in content else None
    if m is None or len(m.group("label").split()) > _ITEM_LABEL_WORDS:
        return ()
    rest = m.group("rest").strip(" .")
    if is_prose(SHORT_PARENS.sub(" ", rest), LABELED_LIST_WORDS):
        return ()
    specs = item_specs(rest)
    if _is_bare_role(m.group("label")):
        return tuple(spec for spec in specs if spec[0].kind in ("role", "discipline"))
    return tuple(spec for spec in specs if spec[0].kind == "role")


_JOINING_WORDS = frozenset({"and", "or", "&", "/", "+"})
_LINKED_OR_DASHED = re.compile(r"https?:|www\.|\s[-–—]")
# A line of titles lists at least this many, at commas or semicolons: two titles joined so
# are as often one title and its team ("Software Engineer, Platform Engineering").
_LISTED_TITLES = 3
_SEMICOLON = re.compile(";")  # split_top strips the pieces


def _title_list(content: str) -> tuple[Spec, ...]:
    """The titles of a line that lists only titles at commas or semicolons ("Backend Engineers
    (senior), Frontend Engineers, Product Managers"), however long the line; at semicolons each
    title may carry its team ("Software Engineer, Mapping; Software Engineer, Controls; ...")."""
    if ":" in content or "http" in content or "www." in content:
        # a label or a link inside the line: the label and link readers' lines, not a bare list
        return ()
    text = content.strip(" .;")
    if text.count(";") >= _LISTED_TITLES - 1:
        teamed = split_top(text, _SEMICOLON)
        specs = tuple(spec for piece, _ in teamed for spec in item_specs(piece))
        if (
            len(teamed) >= _LISTED_TITLES
            and len(specs) == len(teamed)
            and not any(is_prose_item(piece) for piece, _ in teamed)
            and all(spec[0].kind == "role" for spec in specs)
        ):
            return specs
    if text.count(",") + text.count(";") < _LISTED_TITLES - 1:
        return ()
    # every piece must be a title: a line of prose fails on its first piece, read without
    # splitting the whole line (most lines with commas are prose)
    first = first_top_piece(text, ITEM_SEP)
    if first is None or is_prose_item(first) or parse_title(first).kind != "role":
        return ()
    pieces = split_top(text, ITEM_SEP)
    if (
        len(pieces) < _LISTED_TITLES
        or sum(sep in (",", ";") for _, sep in pieces) < _LISTED_TITLES - 1
    ):
        return ()
    if any(is_prose_item(piece) or parse_title(piece).kind != "role" for piece, _ in pieces):
        return ()
    specs = item_specs(text)
    # a piece may hold two titles at a slash ("Analysts/Developers"), never none
    if len(specs) < len(pieces) or any(spec[0].kind != "role" for spec in specs):
        return ()
    return specs


# A dash opening a list item inside a line: a space before it, any after ("Engineer -Designer").
# (no match starts inside a run of spaces: a long run is not tried from each of its spaces)
_RUN_DASH = re.compile(r"(?<!\s)\s+[-–—]+\s*")


def _dash_run(content: str) -> tuple[Spec, ...]:
    """The titles of list items run together at dashes on one list line, every piece a title
    ("Senior Backend Engineer - Product Manager - Data Analyst"); a title and its team ("Software
    Engineer - Billing") or its place stay to the title-line reading."""
    if ":" in content:
        return ()  # "Software: Backend Engineer - ...": a label over the items
    pieces = [p.strip(" .,;") for p in _RUN_DASH.split(strip_urls(content).strip())]
    pieces = [p for p in pieces if p]
    if len(pieces) < _LISTED_TITLES:
        return ()
    specs: list[Spec] = []
    for piece in pieces:
        if is_prose_item(piece):
            return ()
        items = item_specs(piece)
        if len(items) != 1 or items[0][0].kind != "role":
            return ()
        specs.append(items[0])
    return tuple(specs)


def _is_bare_role(text: str) -> bool:
    """A role noun alone ("Engineers", "Software Engineers"): a label for the areas after it."""
    parsed = parse_title(text)
    return parsed.kind == "role" and parsed.family == OTHER and len(text.split()) <= 2


def _long_item_title(head: str) -> tuple[Spec, ...]:
    """The roles of a title that opens a paragraph and ends at " - ", " | " or ": "."""
    bullet = BULLET.match(head)
    content = strip_urls(bullet.group("body") if bullet else head)
    if " -- " in content:
        # "iOS Developer -- Someone familiar with ...": a double dash ends the title as one does
        content = content.replace(" -- ", " - ", 1)
    end = TITLE_END.search(content)
    if end is None or end.start() == 0 or content[end.start()] not in " :":
        return ()
    part = _title_part(content[: end.start()])
    if not part or len(part) >= TITLE_PART_CHARS or not roleish(part) or is_prose(part):
        return ()
    return tuple(spec for spec in item_specs(part) if spec[0].kind == "role")


def _is_sentence_start(piece: str) -> bool:
    """A first list piece that opens a sentence ("A solid grasp of X") rather than naming a title."""
    # the word test first: it is much cheaper than reading the piece as a title
    if not any(w.strip(",.!?:;()") in SENTENCE_WORDS for w in lower_words(piece)):
        return False
    return title_kind(piece) == "none"
