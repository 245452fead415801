"""Taxonomy work after rules-10: a tool's name before a generic head is the tool and the head."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


@pytest.fixture(scope="module")
def extractor() -> SkillExtractor:
    return SkillExtractor()


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experience building REST APIs.", [("rest", "REST"), ("apis", "APIs")]),
        ("You design RESTful APIs in Go", [("rest", "RESTful"), ("apis", "APIs"), ("go", "Go")]),
        (
            "Experience with RESTful web services",
            [("rest", "RESTful"), ("apis", "web services")],
        ),
        ("Our Rest API is public", [("rest", "Rest API")]),
        ("a rest api for partners", [("rest", "rest api")]),
        ("Get some rest and apply", []),
    ],
)
def test_rest_api_is_rest_and_apis(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected
