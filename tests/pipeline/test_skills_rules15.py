"""Names of the employer and of other organisations: the people and units of an organisation
before "at" ("the storage group at Oracle"), "ex-" before a former employer, the header's company
(also with a legal, trading or industry suffix) left out where it recurs as written there, its
product kept where asked for; and abbreviated role nouns ("Eng", "SWE") that end a title."""

from __future__ import annotations

import time

import pytest

from pipeline.skills import SkillExtractor
from tests.pipeline.timing import collector_paused


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
        # "at" that places the work in a system names no organisation
        ("You will work at the Kubernetes level.", [("kubernetes", "Kubernetes")]),
        (
            "You will be working at the React and Node boundary.",
            [("react", "React"), ("nodejs", "Node")],
        ),
        (
            "We need engineers at Google Cloud Platform level.",
            [("gcp", "Google Cloud Platform")],
        ),
        ("Come work at Heroku! We write Rust.", [("rust", "Rust")]),
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
        # a field after "ex-" is no former employer
        (
            "We want Ex-Observability/DB experts.",
            [("observability", "Observability")],
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
        # only a header's field names the company: a first line alone is a heading or a title
        (
            "Couchbase\n\nCouchbase is hiring engineers who know Go.",
            [("couchbase", "Couchbase"), ("couchbase", "Couchbase"), ("go", "Go")],
        ),
        (
            "DevOps\n\nWe practise DevOps and write Terraform.",
            [("devops", "DevOps"), ("devops", "DevOps"), ("terraform", "Terraform")],
        ),
        ("Kubernetes\nWe run Kubernetes.", [("kubernetes", "Kubernetes")] * 2),
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
        # a name glued by a hyphen to the header's first field is part of the company's name
        (
            "Redis-Tools | Remote\n\nWe run Redis and Kafka.",
            [("redis", "Redis"), ("kafka", "Kafka")],
        ),
        ("Go-ethereum | Berlin\n\nWritten in Go.", [("go", "Go")]),
        # an industry opening the header names the company only as written there
        (
            "Healthcare | Acme | Boston\n\nBackground in healthcare is a plus; Python.",
            [("healthcare", "healthcare"), ("python", "Python")],
        ),
        (
            "Blockchain | London\n\nBlockchain is hiring! We build blockchain wallets in Go.",
            [("blockchain", "blockchain"), ("go", "Go")],
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
        # a separator ends the name: "AI" of the next field is no suffix
        ("n8n | AI Platform | Remote\n\nn8n is fast; we write Go.", [("go", "Go")]),
        (
            "dbt labs | Remote\n\ndbt is open source; we write SQL.",
            [("open_source", "open source"), ("sql", "SQL")],
        ),
        # after a comma only a legal form: "Rust, AI" lists skills
        (
            "Rust, AI | Remote\n\nWe write Rust and Python.",
            [("rust", "Rust"), ("python", "Python")],
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an industry's trading name: a later mention is the company only with the industry
        (
            "Spark Health | Boston\n\nSpark Health runs claims data. We use Spark and Scala.",
            [("spark", "Spark"), ("scala", "Scala")],
        ),
        (
            "Maven Clinic | NYC\n\nMaven is a clinic. We build with Python, Maven and Java.",
            [("python", "Python"), ("maven", "Maven"), ("java", "Java")],
        ),
        # the company as written: an alias of its skill names the technology
        (
            "Serverless Inc | Remote\n\nServerless is a FaaS framework; you know Node.js.",
            [("serverless", "FaaS"), ("nodejs", "Node.js")],
        ),
        # its initials, its domain and longer names that start with it name it too
        (
            "Amazon Web Services | Seattle (aws.example)\n\nAt AWS we write Java.",
            [("java", "Java")],
        ),
        ("Sentry (sentry.io) | Remote\n\nWe write Python.", [("python", "Python")]),
        ("Timescale | Remote\n\nWe build TimescaleDB in C.", [("c", "C")]),
        # a subject is the company, even after another name
        (
            "Sentry | Remote\n\nBorn of open source, Sentry has grown. We write Python.",
            [("open_source", "open source"), ("python", "Python")],
        ),
    ],
)
def test_only_the_companys_name_as_written_in_the_header_is_the_company(
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
            "Grafana Labs | Remote\n\nGrafana Labs is the company behind Grafana. Knowledge "
            "of Grafana is a plus.",
            [("grafana", "Grafana")],
        ),
        (
            "Snowflake Computing | San Mateo\n\nWe are the Snowflake team. Snowflake "
            "experience is a plus.",
            [("snowflake", "Snowflake")],
        ),
        (
            "Grafana Labs | Remote\n\nYou are comfortable working with Grafana.",
            [("grafana", "Grafana")],
        ),
        ("GitHub | Remote\n\nYou know what GitHub is. You know Ruby.", [("ruby", "Ruby")]),
        # in a list with other tools the product is one of the job's tools
        (
            "Docker, Inc. | Remote\n\nWe build Docker. We use Docker, Go and Kubernetes.",
            [("docker", "Docker"), ("go", "Go"), ("kubernetes", "Kubernetes")],
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
        # "Eng" before a lower-case noun opens a noun phrase
        (
            "Tech: Python, Go, Eng practices include code review.",
            [("python", "Python"), ("go", "Go"), ("code_review", "code review")],
        ),
        ("We write Kotlin and Java; Eng team of five.", [("kotlin", "Kotlin"), ("java", "Java")]),
        ("Hiring: Android Eng at our Berlin office.", []),
    ],
)
def test_abbreviated_role_nouns_end_a_title(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


# Every later mention of the company was once checked against every span of its name: a text
# repeating the company's name took quadratic time (200,000 characters: 6 s against 0.14 s
# before the rule). A text four times as long may take at most MAX_TIME_RATIO times as long:
# linear time gives 4, the quadratic form 16, so a busy machine's noise cannot flip the answer.
GROWTH_FACTOR = 4
MAX_TIME_RATIO = 8.0
SHORT_TEXT_CHARS = 40_000


def _cpu_seconds(extractor: SkillExtractor, text: str) -> tuple[float, int]:
    """The fewest CPU seconds of three extractions of `text` with the garbage collector paused
    (as timeit does), and the number of mentions."""
    times = []
    mentions = 0
    for _ in range(3):
        with collector_paused():
            began = time.process_time()
            mentions = len(extractor.extract(text))
            times.append(time.process_time() - began)
    return min(times), mentions


def test_a_repeated_company_name_is_read_in_linear_time(extractor: SkillExtractor) -> None:
    unit = "Docker builds Go tools. "
    head = "Docker, Inc. | Remote\n\n"
    short = head + unit * (SHORT_TEXT_CHARS // len(unit))
    long = head + unit * (GROWTH_FACTOR * SHORT_TEXT_CHARS // len(unit))
    short_time, short_count = _cpu_seconds(extractor, short)
    long_time, long_count = _cpu_seconds(extractor, long)
    # every "Go" counts, every "Docker" is the company
    assert short_count == SHORT_TEXT_CHARS // len(unit)
    assert long_count == GROWTH_FACTOR * SHORT_TEXT_CHARS // len(unit)
    assert long_time <= MAX_TIME_RATIO * short_time
