"""`jobtrends annotate`: classify openings and extract skills from JSONL records, one line each.

Each input line is {"id", "title"?, "text"} (text may be HTML). Each output line keeps the input's
fields and adds text_plain, role_families, openings and skills (offsets into text_plain). The
code is the pipeline's own: jobtrends.text cleans, pipeline.roles classifies, pipeline.skills
extracts.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from jobtrends.errors import UserError
from jobtrends.surrogates import replace_lone_surrogates
from jobtrends.text import html_to_text
from pipeline.roles import openings_of_posting, role_families
from pipeline.skills import SkillExtractor, skills_by_id

# A record without a title is a Hacker News post: its openings come from its text.
HN_SOURCE = "hn_whoishiring"
ATS_SOURCE = "ats"


def annotate_record(
    record: dict[str, Any], extractor: SkillExtractor | None = None
) -> dict[str, Any]:
    """The record with text_plain, role_families, openings and skills added."""
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    record = replace_lone_surrogates(record)
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise ValueError("'text' must be a string")
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise ValueError("'title' must be a string or absent")
    text_plain = html_to_text(text or "")
    extractor = extractor or _default_extractor()
    mentions = extractor.extract(text_plain)
    return _annotated(record, title, text_plain, mentions)


def _annotated(
    record: dict[str, Any], title: str | None, text_plain: str, mentions: list[Any]
) -> dict[str, Any]:
    has_title = bool(title and title.strip())
    openings = openings_of_posting(
        ATS_SOURCE if has_title else HN_SOURCE, title if has_title else None, text_plain
    )
    skills = skills_by_id()
    out = dict(record)
    out["text_plain"] = text_plain
    out["role_families"] = role_families(openings)
    out["openings"] = [
        {
            "title": o.title,
            "normalized_title": o.normalized_title,
            "role_family": o.role_family,
            "seniority": o.seniority,
        }
        for o in openings
    ]
    out["skills"] = [
        {
            "id": m.skill_id,
            "name": skills[m.skill_id].name,
            "category": skills[m.skill_id].category,
            "start": m.start,
            "end": m.end,
            "text": m.text,
        }
        for m in mentions
    ]
    return out


_EXTRACTOR: SkillExtractor | None = None


def _default_extractor() -> SkillExtractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = SkillExtractor()
    return _EXTRACTOR


@contextmanager
def _open(path: str, mode: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdin if "r" in mode else sys.stdout
        return
    try:
        handle = open(path, mode, encoding="utf-8")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise UserError(
            f"the annotate input {path} does not exist; pass an existing JSONL file or - for stdin"
        ) from None
    except OSError as exc:
        raise UserError(
            f"cannot open {path} for annotate ({exc.strerror}); check the path and its permissions"
        ) from None
    with handle:
        yield handle


def annotate_file(input: str, output: str) -> tuple[int, int]:
    """Annotate a JSONL file (or - for stdin) into another (or - for stdout); returns (ok, skipped).

    A malformed line is reported on stderr with its line number and skipped.
    """
    extractor = _default_extractor()
    ok = skipped = 0
    with _open(input, "r") as source, _open(output, "w") as sink:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                annotated = annotate_record(record, extractor)
            except ValueError as exc:  # json.JSONDecodeError is a ValueError
                print(f"line {number}: skipped, not a valid record ({exc})", file=sys.stderr)
                skipped += 1
                continue
            sink.write(json.dumps(annotated, ensure_ascii=False) + "\n")
            ok += 1
        sink.flush()
    print(f"annotated {ok} records, skipped {skipped}", file=sys.stderr)
    return ok, skipped
