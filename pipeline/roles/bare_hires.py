"""A post's last resort: "Acme is hiring engineers in Berlin" names its one opening by a bare
plural that the other readers leave (beside named roles it only says who the company hires)."""

from __future__ import annotations

import re

from pipeline.roles.hn_patterns import PROSE_STOP, RESUME_HEAD_CHARS, hiring_quick
from pipeline.roles.resume_posts import looks_like_resume
from pipeline.roles.titles import Opening, parse_title

# The poster hiring now: "we're", "I am", "<Company> is" before the verb; "are you hiring",
# "we hired" and "companies hiring engineers" name no opening of the post.
_BARE_HIRE = re.compile(
    r"(?:^|\b(?:we(?:'re|’re|\s+are)|i(?:'m|’m|\s+am)|is)\s+)"
    r"(?:(?:currently|also|now|actively|always|still)\s+)*"
    r"(?:hiring|looking\s+for|seeking|searching\s+for)\s+"
    r"(?:(?:talented|exceptional|experienced|great|strong|smart|passionate|skilled|senior|"
    r"more|highly|accomplished)\s+){0,2}"
    r"(?P<head>engineers|developers|programmers|hackers)"
    r"(?P<after>[ \t]+[\w']+|[ \t]*[.!,;:(]|[ \t]*$)",
    re.I | re.M,
)
# The opening is named near the top; lower down such a sentence tells of a team or a product.
_FIRST_LINES = 12
# Words after the head that go on the sentence, not the title ("engineers across the board",
# "engineers looking to solve ...", "engineers passionate about ...").
_GO_ON = frozenset("across looking passionate of and or".split())


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
