"""A post's last resort: "Acme is hiring engineers in Berlin" names its one opening by a bare
plural that the other readers leave (beside named roles it only says who the company hires)."""

from __future__ import annotations

import re

from pipeline.roles.hn_patterns import (
    HIRING_VERBS,
    PROSE_STOP,
    RESUME_HEAD_CHARS,
    hiring_quick,
    is_lead_filler,
)
from pipeline.roles.resume_posts import looks_like_resume
from pipeline.roles.titles import Opening, parse_title

# The poster hiring now: "we're", "I am", "<Company> is" before the verb, or a header-like line
# that opens with it ("Hiring engineers | Berlin"); "are you hiring", "we hired" and "companies
# hiring engineers" name no opening of the post.
_BARE_HIRE = re.compile(
    r"(?:^(?P<opens>)|\b(?:we(?:'re|’re|\s+are)|i(?:'m|’m|\s+am))\s+"
    r"|(?P<name>[\w&’'.)-]+,?)\s+(?:is|are)\s+)"
    r"(?:(?:currently|also|now|actively|always|still)\s+)*"
    rf"(?:{HIRING_VERBS})\s+"
    r"(?P<praise>(?:[\w-]+\s+){0,2}?)"
    r"(?P<head>engineers|developers|programmers|hackers)"
    r"(?P<after>[ \t]+[\w']+|[ \t]*[.!,;:(]|[ \t]*$)",
    re.I | re.M,
)
# The opening is named near the top; lower down such a sentence tells of a team or a product.
_FIRST_LINES = 12
# Words after the head that go on the sentence, not the title ("engineers across the board",
# "engineers looking to solve ...", "engineers passionate about ...").
_GO_ON = frozenset("across looking passionate of and or".split())
# Words praising or ranking the hires beside the filler of a hiring phrase ("senior engineers").
_RANKS = frozenset("senior experienced highly accomplished".split())
# Subjects before "is"/"are" that are no employer ("It is hiring engineers that ...", "Nobody is
# hiring engineers"); the subject must be a capitalised name ("Acme is hiring engineers").
_NO_EMPLOYER = frozenset(
    "it he she they this that there what who which nobody everyone everybody someone somebody "
    "anyone anybody no one everything".split()
)
# Verbs after a line's opening "Hiring engineers" that make it a sentence about hiring ("Hiring
# engineers in 2024 is hard"), not a header ("Hiring engineers | Berlin").
_SENTENCE_VERBS = frozenset("is are was were be been makes make made has have had can will".split())
_SENTENCE_MARK = re.compile(r"[.!?]")
# A question or a supposition hires nobody ("What is hiring developers like?", "Email us if we're
# hiring engineers"); an "if" after the hire opens another clause ("... engineers. If you ...").
_IF = re.compile(r"\bif\b", re.I)


def _sentence_start(line: str, start: int) -> int:
    """Where the sentence of a line holding line[start] starts."""
    before = [m.end() for m in _SENTENCE_MARK.finditer(line, 0, start)]
    return before[-1] if before else 0


def _sentence_end(line: str, end: int) -> int:
    """Where the sentence of a line holding line[end - 1] ends, its mark included."""
    after = _SENTENCE_MARK.search(line, end)
    return after.end() if after else len(line)


def _poster_hires(line: str, m: re.Match[str]) -> bool:
    """Whether a match is the poster hiring now: a company or "we" for subject, a header-like
    line's opening, and no question or supposition about it."""
    name = m.group("name")
    if name is not None and (not name[0].isupper() or name.rstrip(",").lower() in _NO_EMPLOYER):
        return False
    if m.group("opens") is not None:
        rest = line[m.end("head") :].lower().replace("?", " ? ").split()
        if "?" in rest or any(w.strip(".,!;:") in _SENTENCE_VERBS for w in rest):
            return False
    if not all(w in _RANKS or is_lead_filler(w, "") for w in m.group("praise").lower().split()):
        return False
    opening = _sentence_start(line, m.start())
    if "?" in line[opening : _sentence_end(line, m.end("head"))]:
        return False
    return _IF.search(line, opening, m.start("head")) is None


def bare_hire_openings(text_plain: str) -> tuple[Opening, ...]:
    """The one opening of a post that says only that it hires engineers or developers, when no
    reader found another: "Acme is hiring engineers in San Francisco" -> "engineers"."""
    lines = [line for line in text_plain.split("\n") if line.strip()]
    for line in lines[:_FIRST_LINES]:
        if not hiring_quick(line):
            continue
        for m in _BARE_HIRE.finditer(line):
            after = m.group("after").strip().lower()
            if after and after[0].isalnum() and after not in PROSE_STOP and after not in _GO_ON:
                continue  # "hiring engineers managers": the plural is no head here
            if not _poster_hires(line, m):
                continue
            if looks_like_resume(text_plain[:RESUME_HEAD_CHARS]):
                return ()  # a seeker's post names what they look for, not an opening
            head = m.group("head")
            parsed = parse_title(head)
            return (
                Opening(
                    title=head,
                    normalized_title=parsed.normalized,
                    role_family=parsed.family,
                    seniority=parsed.seniority,
                ),
            )
    return ()
