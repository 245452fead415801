"""A post's header line, joined with the lines it runs on to (a writer who breaks a long pipe
header, 'Acme | Senior Engineer' / '| ONSITE | Full Time | Raleigh, NC', writes one header), and
a line split on separators outside its brackets."""

from __future__ import annotations

import re

# A header runs on over at most this many lines: further ones are the description's lists.
_MAX_CONTINUATIONS = 2
# A joined header stays a header's length: a longer one is a table in the body.
_MAX_HEADER_CHARS = 400


def header_line(text: str) -> str:
    """The first line of a post's text, with the lines after it that go on its pipe fields: a
    line opening with '|', or a line of pipe fields after one ending with '|'."""
    lines = text.split("\n", _MAX_CONTINUATIONS + 1)
    header = lines[0].strip()
    for line in lines[1 : _MAX_CONTINUATIONS + 1]:
        line = line.strip()
        if "|" not in header or not (line.startswith("|") or _goes_on(header, line)):
            break
        joined = f"{header.rstrip(' |')} | {line.lstrip(' |')}"
        if len(joined) > _MAX_HEADER_CHARS:
            break
        header = joined
    return header


def _goes_on(header: str, line: str) -> bool:
    """A line of pipe fields after a header ending with '|' ('Acme | Engineer |' / 'Full-time |
    Onsite | Los Angeles, CA'); a sentence after it ('dubizzle is the leading ...') is the body."""
    return header.endswith("|") and "|" in line


def split_outside_brackets(line: str, separator: re.Pattern[str]) -> list[str]:
    """Split on a separator except inside (...) or [...] ('Engineer (Java / JS)' stays whole)."""
    if "(" not in line and "[" not in line:
        return separator.split(line)
    parts: list[str] = []
    start = 0
    for match in separator.finditer(line):
        before = line[: match.start()]
        if before.count("(") > before.count(")") or before.count("[") > before.count("]"):
            continue
        parts.append(line[start : match.start()])
        start = match.end()
    parts.append(line[start:])
    return parts
