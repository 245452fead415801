"""rules-10: names at a sentence's full stop, capitalised dotted endings, tools of HN stacks."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We write firmware in C.", [("firmware", "firmware"), ("c", "C")]),
        (
            "Our iOS app is written in Objective-C.",
            [("ios", "iOS"), ("objective_c", "Objective-C")],
        ),
        ("Our stack: Swift and ObjectiveC.", [("swift", "Swift"), ("objective_c", "ObjectiveC")]),
        (
            "We use Node.Js and Vue.Js on the frontend, Asp.Net too.",
            [("nodejs", "Node.Js"), ("vue", "Vue.Js"), ("aspnet", "Asp.Net")],
        ),
    ],
)
def test_names_at_a_full_stop_and_dotted_endings(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


def test_tools_of_hn_stacks(extractor: SkillExtractor) -> None:
    text = "We use MFC, AVFoundation, Wowza, RTMP, x264, JDBC, JNI, FreeMarker."
    assert [s for s, _ in found(extractor, text)] == [
        "mfc",
        "avfoundation",
        "wowza",
        "rtmp",
        "x264",
        "jdbc",
        "jni",
        "freemarker",
    ]
    assert found(extractor, "Experience with 3ds Max, Maya and Unity.") == [
        ("3ds_max", "3ds Max"),
        ("maya", "Maya"),
        ("unity", "Unity"),
    ]
    assert found(extractor, "AWS (Cloud Formation), Open GL, OpenGL.")[-2:] == [
        ("opengl", "Open GL"),
        ("opengl", "OpenGL"),
    ]


def test_shell_only_as_a_list_item(extractor: SkillExtractor) -> None:
    assert found(extractor, "Languages (Python, Shell, Perl).") == [
        ("python", "Python"),
        ("bash", "Shell"),
        ("perl", "Perl"),
    ]
    assert found(extractor, "Shell TechWorks is an innovation center.") == []


def test_names_that_are_people_stay_out(extractor: SkillExtractor) -> None:
    assert found(extractor, "Maya Angelou wrote it. Mr. Spock said so.") == []


def test_a_full_stop_on_a_name_ends_a_title(extractor: SkillExtractor) -> None:
    text = "Tech Stack: iOS team: Swift & Objective-C. Android team: Java."
    assert [s for s, _ in found(extractor, text)] == ["swift", "objective_c", "java"]
    assert found(extractor, "We need iOS and Android Engineers.") == []
