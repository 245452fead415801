"""Names of the employer and of other organisations: the people and units of an organisation
before "at" ("the storage group at Oracle"), "ex-" before a former employer, and the header's
company named by a name that the ambiguity rules leave out where it opens the text."""

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
        (
            "The storage group at Oracle builds its services in Java and Kafka.",
            [("java", "Java"), ("kafka", "Kafka")],
        ),
        (
            "I was an engineer at MongoDB before this; here we use Postgres.",
            [("postgresql", "Postgres")],
        ),
        ("Curious what it is like to work at Heroku? Ask me anything.", []),
        (
            "Our founders were early engineers at AWS, Stripe and Okta.",
            [],
        ),
        (
            "You are strong at Python and our services run at AWS.",
            [("python", "Python"), ("aws", "AWS")],
        ),
        (
            "Experience with Oracle and Postgres at scale.",
            [("oracle_db", "Oracle"), ("postgresql", "Postgres")],
        ),
    ],
)
def test_people_and_units_at_an_organisation_name_it(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A small team of ex-Stripe and ex-Heroku engineers, writing Elixir and React.",
            [("elixir", "Elixir"), ("react", "React")],
        ),
        ("Founders: ex-Shopify, ex-Docker, ex-Cloudflare.", []),
        (
            "Stack: Python - Django - Kafka",
            [("python", "Python"), ("django", "Django"), ("kafka", "Kafka")],
        ),
        (
            "Backed by the former CTOs of Heroku and Docker; we write Elixir.",
            [("elixir", "Elixir")],
        ),
    ],
)
def test_former_employers_are_organisations(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Oracle | Staff Engineer | Austin, TX\n\n"
            "Our team builds the Oracle query planner in C++ and Java.",
            [("cpp", "C++"), ("java", "Java")],
        ),
        (
            "Couchbase\n\nCouchbase is hiring engineers who know Go, Java and Kubernetes.",
            [("go", "Go"), ("java", "Java"), ("kubernetes", "Kubernetes")],
        ),
        # a language's short name is the company only where the rules make it one
        (
            "Go | Berlin | Backend\n\nOur stack: Python, Go and Postgres.",
            [("python", "Python"), ("go", "Go"), ("postgresql", "Postgres")],
        ),
        # a lower-case first line is no company's name
        (
            "python\nDjango and Flask",
            [("python", "python"), ("django", "Django"), ("flask", "Flask")],
        ),
        # a name glued to a hyphen is part of a longer name, not the header's first field
        (
            "Redis-Tools | Remote\n\nWe run Redis and Kafka.",
            [("redis", "Redis"), ("redis", "Redis"), ("kafka", "Kafka")],
        ),
    ],
)
def test_a_name_opening_the_header_is_the_company_wherever_it_recurs(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Redis Labs | San Jose\n\nRedis Labs sponsors Redis. You know Python and Go.",
            [("python", "Python"), ("go", "Go")],
        ),
        (
            "Docker, Inc. - Remote\n\nWe build Docker; our services are written in Go.",
            [("go", "Go")],
        ),
        (
            "Grafana Innovation Labs (grafana.example) | Remote\n\nReact and TypeScript.",
            [("react", "React"), ("typescript", "TypeScript")],
        ),
        (
            "Flink Robotics | Zurich\n\nFlink Robotics builds robot arms in C++ and Rust.",
            [("cpp", "C++"), ("rust", "Rust")],
        ),
        (
            "Maven Health Co | NYC\n\nMaven is a clinic; we write Kotlin.",
            [("kotlin", "Kotlin")],
        ),
        # a title's words are no company's suffix
        (
            "Python Backend Engineer | Remote\n\nDjango and Postgres.",
            [("django", "Django"), ("postgresql", "Postgres")],
        ),
        # a sentence after the name is no company's name
        (
            "Redis is our queue | Postgres is our store",
            [("redis", "Redis"), ("postgresql", "Postgres")],
        ),
    ],
)
def test_a_tools_name_with_a_company_suffix_is_the_company(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


def test_names_inside_the_companys_name_go_with_it(extractor: SkillExtractor) -> None:
    text = "Tailwind Labs | Remote\n\nWork on Tailwind CSS and our docs site in React."
    assert found(extractor, text) == [("react", "React")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Labs | Remote\n\nAcme Labs is the company behind Acme. Knowledge of "
            "Acme is a plus.",
            [],
        ),
        (
            "HAProxy Technologies | Remote\n\nHAProxy Technologies builds HAProxy. Knowledge "
            "of HAProxy is a plus; you write C.",
            [("haproxy", "HAProxy"), ("c", "C")],
        ),
        (
            "MongoDB, Inc | New York\n\nThe MongoDB Cloud team runs MongoDB for customers.\n"
            "* Experience with MongoDB is a big plus",
            [("mongodb", "MongoDB")],
        ),
    ],
)
def test_the_companys_own_product_counts_where_it_is_asked_for(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Openings: Sr. Android Eng, iOS SWE and Java SDEs.", []),
        (
            "Roles: Data Eng (Python, Spark) and Frontend Engs (React).",
            [("python", "Python"), ("spark", "Spark"), ("react", "React")],
        ),
        ("We run Kubernetes; our SREs know Go.", [("kubernetes", "Kubernetes"), ("go", "Go")]),
    ],
)
def test_abbreviated_role_nouns_end_a_title(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected
