"""Taxonomy entries of rules-5: named tools are tools, one tool an id, misspellings, added tools,
aliases that name a tool or a body of knowledge rather than a quality or an activity."""

from __future__ import annotations

import pytest

from pipeline.skills import TOOL_CATEGORIES, SkillExtractor, skills_by_id


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


def ids(extractor: SkillExtractor, text: str) -> list[str]:
    return [m.skill_id for m in extractor.extract(text)]


# --- named tools are tools, not areas ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Builds with GCC and Clang on LLVM.", ["gcc", "clang", "llvm"]),
        ("Profile with GDB and Valgrind.", ["gdb", "valgrind"]),
        (
            "Code is checked by ESLint, Prettier, mypy and Flake8.",
            ["eslint", "prettier", "mypy", "flake8"],
        ),
        ("Bots built on UiPath or Blue Prism.", ["uipath", "blue_prism"]),
        ("Books are kept in NetSuite and Microsoft Dynamics.", ["netsuite", "microsoft_dynamics"]),
        ("AR scenes with ARKit and ARCore.", ["arkit", "arcore"]),
        ("Traffic goes through an ELB to our API servers.", ["aws_elb", "apis"]),
    ],
)
def test_named_tools_are_counted_as_tools(
    extractor: SkillExtractor, text: str, expected: list[str]
) -> None:
    assert ids(extractor, text) == expected
    skills = skills_by_id()
    assert all(skills[skill_id].category in TOOL_CATEGORIES for skill_id in expected[:2])


def test_areas_keep_their_generic_names(extractor: SkillExtractor) -> None:
    assert ids(extractor, "Knowledge of compilers, debugging and linters.") == [
        "compilers",
        "debugging",
        "linters",
    ]


def test_one_tool_an_id(extractor: SkillExtractor) -> None:
    assert ids(extractor, "Capture packets with tcpdump or Wireshark.") == ["tcpdump", "wireshark"]
    assert ids(extractor, "Messages over AMQP with RabbitMQ.") == ["amqp", "rabbitmq"]
    assert found(extractor, "Apps for Windows Phone and Windows.") == [
        ("windows_phone", "Windows Phone"),
        ("windows", "Windows"),
    ]


# --- spellings and added tools -------------------------------------------------------------------


def test_common_misspellings_of_tools(extractor: SkillExtractor) -> None:
    text = "Stack: Postgressql, Kuberentes, Javscript, Typesript and Ngnix."
    assert ids(extractor, text) == ["postgresql", "kubernetes", "javascript", "typescript", "nginx"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Checks run on Sensu, Telegraf and Icinga.", ["sensu", "telegraf", "icinga"]),
        (
            "Errors go to Rollbar and Bugsnag, logs to Papertrail.",
            ["rollbar", "bugsnag", "papertrail"],
        ),
        ("Front end: Ramda, Moment.js and RequireJS.", ["ramda", "moment_js", "requirejs"]),
        (
            "Mocks in MockK, EasyMock and PowerMock; queries in jOOQ.",
            ["mockk", "easymock", "powermock", "jooq"],
        ),
        (
            "iOS with Alamofire and Specta, shipped by fastlane.",
            ["ios", "alamofire", "specta", "fastlane"],
        ),
        ("Games in Haxe; maps with CesiumJS.", ["haxe", "cesium"]),
    ],
)
def test_added_tools_are_found(extractor: SkillExtractor, text: str, expected: list[str]) -> None:
    assert ids(extractor, text) == expected


def test_added_names_that_are_words_need_context(extractor: SkillExtractor) -> None:
    assert found(extractor, "King Kong climbed it. A Capacitor stores charge. Expo 2020.") == []
    assert ids(extractor, "APIs behind Kong and Nginx, apps on Expo and React Native.") == [
        "apis",
        "kong",
        "nginx",
        "expo",
        "react_native",
    ]


def test_a_lower_case_flux_in_a_list_of_tools(extractor: SkillExtractor) -> None:
    assert ids(extractor, "We use react, flux, django and AWS.") == [
        "react",
        "flux",
        "django",
        "aws",
    ]
    assert found(extractor, "Our roadmap is in flux.") == []


# --- what an alias names ------------------------------------------------------------------------


def test_qualities_and_activities_are_no_aliases(extractor: SkillExtractor) -> None:
    text = (
        "A low latency, high performance, cloud-based and cloud native product. "
        "You handle troubleshooting, experimentation and technical documentation."
    )
    assert found(extractor, text) == []


def test_what_an_area_is_used_for_is_not_the_area(extractor: SkillExtractor) -> None:
    assert found(extractor, "You own personalization and product development.") == []
    assert ids(extractor, "You build recommender systems in product management.") == [
        "recommender_systems",
        "product_management",
    ]


def test_a_tool_and_an_activity_give_the_tool(extractor: SkillExtractor) -> None:
    assert found(extractor, "Strong Linux administration and Electron apps.") == [
        ("linux", "Linux"),
        ("electron", "Electron"),
    ]


def test_industries_and_areas_are_not_tools(extractor: SkillExtractor) -> None:
    skills = skills_by_id()
    assert skills["semiconductors"].category == "domain"
    assert skills["distributed_computing"].category not in TOOL_CATEGORIES
    assert found(extractor, "We are a leading semiconductor company.") == []
    assert ids(extractor, "Experience in the semiconductor industry.") == ["semiconductors"]


def test_a_generic_head_after_a_tool_is_not_part_of_its_name(extractor: SkillExtractor) -> None:
    text = "Core AWS services, the ELK stack, Python programming and machine learning techniques."
    assert found(extractor, text) == [
        ("aws", "AWS"),
        ("elk", "ELK"),
        ("python", "Python"),
        ("machine_learning", "machine learning"),
    ]
