"""Tool mentions that are no tool asked for, from a read of unlabelled HN posts: a tool in a list of
openings whose title word is a hyphened compound ("iOS, Android, Full-Stack Web Engineers"), the
verb "react" ("teams react quickly to change"), a compute engine that is not Google's, patterns
and practices filed as tools (MVC, GitOps), editors and engines under another tool's id (Emacs,
WebKit, Elastic APM); MVC after or listed beside a .NET name is ASP.NET MVC, a tool."""

from __future__ import annotations

import pytest

from pipeline.skills import TOOL_CATEGORIES, SkillExtractor, skills_by_id


def tools(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    """The tool mentions of a text (the `TOOL_CATEGORIES` split the product counts)."""
    skills = skills_by_id()
    return [
        (m.skill_id, m.text)
        for m in extractor.extract(text)
        if skills[m.skill_id].category in TOOL_CATEGORIES
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphened title word is one word of the title
        ("Zentro | Swift, Kotlin, Full-Stack Web Developers | Lisbon\n\nWe make maps.", []),
        ("Zentro | Go Back-End Engineer | Lisbon\n\nWe make maps.", []),
        ("Zentro | Rust, Full Stack Engineers | Lisbon\n\nWe make maps.", []),
        # not a title: the hyphened words end in no role noun
        (
            "We write Python full-stack features daily.",
            [("python", "Python")],
        ),
    ],
)
def test_hyphened_title_words(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert tools(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Small squads react to shifting client needs with Ruby and Sinatra.", ["ruby", "sinatra"]),
        (
            "Our crew can react quickly when plans change. Stack: Elixir, Phoenix.",
            ["elixir", "phoenix"],
        ),
        # the library's name, lower-case: after "from", in a list, before a technology noun
        ("We are moving from react to vue this year.", ["react", "vue"]),
        ("Frontend in react, redux and typescript.", ["react", "redux", "typescript"]),
        ("We run a react frontend.", ["react"]),
        # after a verb of using or changing it, the name
        (
            "We use react to build our dashboards, with TypeScript and GraphQL.",
            ["react", "typescript", "graphql"],
        ),
        ("You will migrate react to the latest version, with redux.", ["react", "redux"]),
        ("Our squads react fast to market changes, using Go and Kafka.", ["go", "kafka"]),
    ],
)
def test_react_as_a_verb(extractor: SkillExtractor, text: str, expected: list[str]) -> None:
    assert [skill_id for skill_id, _ in tools(extractor, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Help us grow a scalable compute engine written in Rust.", [("rust", "Rust")]),
        ("Hosted on Google Compute Engine.", [("gcp", "Google Compute Engine")]),
        ("Infra: Compute Engine, Cloud SQL.", [("gcp", "Compute Engine")]),
    ],
)
def test_compute_engine(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert tools(extractor, text)[: len(expected)] == expected
    assert ("gcp", "compute engine") not in tools(extractor, text)


def test_patterns_and_practices_are_no_tools(extractor: SkillExtractor) -> None:
    text = "You know MVC and MVVM well, and gitops principles with Terraform and Helm."
    assert tools(extractor, text) == [("terraform", "Terraform"), ("helm", "Helm")]
    every = [m.skill_id for m in extractor.extract(text)]
    assert every.count("mvc") == 2
    assert "gitops" in every
    assert skills_by_id()["mvc"].category == "concept"
    assert skills_by_id()["gitops"].category == "methodology"


def test_editors_and_engines_have_their_own_ids(extractor: SkillExtractor) -> None:
    text = (
        "Daily tools: Vim or Emacs, tmux. You will patch WebKit and Chromium; Elastic APM, Kafka."
    )
    assert tools(extractor, text) == [
        ("vim", "Vim"),
        ("emacs", "Emacs"),
        ("tmux", "tmux"),
        ("webkit", "WebKit"),
        ("chromium", "Chromium"),
        ("elk", "Elastic APM"),
        ("kafka", "Kafka"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bonus: C#/.NET MVC, Azure.",
            [("csharp", "C#"), ("aspnet", ".NET MVC"), ("azure", "Azure")],
        ),
        ("Our app runs on ASP MVC.", [("aspnet", "ASP MVC")]),
        (
            "Stack: ASP.NET Core MVC, SQL Server.",
            [("aspnet_core", "ASP.NET Core MVC"), ("sql_server", "SQL Server")],
        ),
        ("We moved to .NET Core MVC last year.", [("aspnet_core", ".NET Core MVC")]),
    ],
)
def test_mvc_after_a_dotnet_name_is_aspnet(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert tools(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strong MVC understanding and use of Backbone, Angular.", ["backbone", "angular"]),
        ("A good grasp of MVC, and some exposure to Swift.", ["swift"]),
        ("We like gitops and Puppet.", ["puppet"]),
    ],
)
def test_patterns_and_practices_still_vouch_for_names_beside_them(
    extractor: SkillExtractor, text: str, expected: list[str]
) -> None:
    assert [skill_id for skill_id, _ in tools(extractor, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Technologies used: C#, MVC5, Web Api, Angular.js, SQL Server",
            [
                ("csharp", "C#"),
                ("aspnet", "MVC5"),
                ("apis", "Api"),
                ("angularjs", "Angular.js"),
                ("sql_server", "SQL Server"),
            ],
        ),
        (
            "C#.NET / MVC4.5 / EF5 / SQL Server",
            [("aspnet", "MVC4.5"), ("sql_server", "SQL Server")],
        ),
        ("C#/MVC/Azure", [("csharp", "C#"), ("aspnet", "MVC"), ("azure", "Azure")]),
        (
            "Stack: C#, .NET Core, MVC, Razor",
            [("csharp", "C#"), ("dotnet", ".NET Core"), ("aspnet", "MVC")],
        ),
        (
            "Skills: C#, MVC 5, Entity Framework",
            [("csharp", "C#"), ("aspnet", "MVC 5"), ("entity_framework", "Entity Framework")],
        ),
        (
            "Stack: ASP.NET MVC5, Redis",
            [("aspnet", "ASP.NET"), ("aspnet", "MVC5"), ("redis", "Redis")],
        ),
        (
            "VB.NET, MVC, jQuery",
            [("visual_basic", "VB.NET"), ("aspnet", "MVC"), ("jquery", "jQuery")],
        ),
    ],
)
def test_mvc_listed_beside_the_dotnet_stack_is_aspnet(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert tools(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Our stack: Rails (MVC), Postgres, Redis.",
        "Kotlin, Android, Jetpack, MVVM.",
        "Strong MVC understanding and use of Backbone, Angular, C#",
        "Python, MVC5, Django",
        "Django or another MVC framework (C#/.NET, Ruby/Rails)",
    ],
)
def test_mvc_elsewhere_stays_the_pattern(extractor: SkillExtractor, text: str) -> None:
    mentions = [m.skill_id for m in extractor.extract(text)]
    assert mentions.count("mvc") == 1
    assert "aspnet" not in mentions
