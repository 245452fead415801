"""A post's header line, joined with the lines it runs on to: a writer who breaks a long pipe
header ('Acme | Senior Engineer' / '| ONSITE | Full Time | Raleigh, NC') writes one header."""

from __future__ import annotations

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
