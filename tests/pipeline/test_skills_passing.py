"""Tool mentions said in passing: a product likened to with "but" ("it's Acme, but for
security", "a tool like NetSuite, but easier"), an organisation people come from ("researchers
from OpenAI") and the employer opening the header before an ASCII dash ("Acme -- NYC |")."""

from __future__ import annotations

import pytest

from pipeline.skills import TOOL_CATEGORIES, SkillExtractor
from pipeline.skills.taxonomy import skills_by_id


@pytest.fixture(scope="module")
def extractor() -> SkillExtractor:
    return SkillExtractor()


def found(extractor: SkillExtractor, text: str) -> set[str]:
    """The tools (`TOOL_CATEGORIES`) the text's mentions name."""
    skills = skills_by_id()
    return {
        m.skill_id
        for m in extractor.extract(text)
        if skills[m.skill_id].category in TOOL_CATEGORIES
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "but for" and a short phrase that ends its clause
        ("Put simply, it's New Relic, but for robot fleets. We write Go.", {"go"}),
        ("Ferrolink works much like Datadog but for factories, not servers.", set()),
        ("Imagine Vercel, but for data pipelines.\nStack: Python", {"python"}),
        ("Think of GitHub but for chip design (netlists and layouts).", set()),
        ("Picture AWS Lambda, but for game servers", set()),
        # one name after "like", then "but" and no clause about the team
        ("Our invoicing app is like Salesforce, but far simpler to set up.", set()),
        ("Like Airtable but faster. We use Java.", {"java"}),
        ("Our platform is like Netlify but on your own servers. We write Go.", {"go"}),
        ("It feels like Rails, but scales to millions. We write C#.", {"csharp"}),
    ],
)
def test_likened_with_but(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the stack is kept for: a determiner, a pronoun, "now", a word in "-ing"
        (
            "Our stack is Go and React, but for this role you will use Flutter.",
            {"go", "react", "flutter"},
        ),
        ("We use Django and Vue, but for the right person that is not a must.", {"django", "vue"}),
        ("We run Postgres, but for now we also keep MySQL.", {"postgresql", "mysql"}),
        ("Mostly Kotlin, but for building models we use Python.", {"kotlin", "python"}),
        # the phrase runs on: a sentence of its own
        ("Most code is Python, but for speed we write the hot paths in Rust.", {"python", "rust"}),
        # a list after "like", "like" after a comma, or "but" opening a clause about the team
        (
            "We use technologies like Python, Go, React, but are open to others.",
            {"python", "go", "react"},
        ),
        ("We need enterprise tooling, like SNMP, but mostly backend work.", {"snmp"}),
        ("We use tools like Jenkins, but we are moving to GitLab CI.", {"jenkins", "gitlab_ci"}),
        ("Languages like Scala, but also Kotlin, are welcome.", {"scala", "kotlin"}),
        # no likening before "but for": the clause goes on about the stack
        ("Our backend is Java, but for Android we use Kotlin.", {"java", "android", "kotlin"}),
        ("We use Python, but for ML we use R.", {"python", "machine_learning", "r"}),
        ("We use Python, but for ML we use Julia.", {"python", "machine_learning", "julia"}),
        ("We use PYTHON, BUT FOR ML WE USE JULIA.", {"python", "machine_learning"}),
        (
            "Strong Python; knowledge of Kafka but for data engineering roles only.",
            {"python", "kafka"},
        ),
        ("Backend: Django, but for frontend work, React.", {"django", "react"}),
        ("Mostly Java, but for Android.", {"java", "android"}),
        ("Need Swift, but for macOS.", {"swift", "macos"}),
        ("Experience with React, but for mobile apps.", {"react"}),
        ("Knowledge of Terraform, but for AWS only.", {"terraform", "aws"}),
        ("C++, but for embedded.", {"cpp"}),
        ("Imagine working with Python, but for robotics.", {"python"}),
        ("The backend? It's Java, but for Android.", {"java", "android"}),
        ("It's Python, but for infra, Rust.", {"python", "rust"}),
        ("Think about Scala, but for data work we use Python.", {"scala", "python"}),
        ("We use Python, Go and Java, but for security.", {"python", "go", "java"}),
        # "like" giving an example of a kind, or a verb
        ("Experience with a frontend framework like React, but Vue is fine too.", {"react", "vue"}),
        (
            "Experience with a message queue like Kafka, but RabbitMQ works as well.",
            {"kafka", "rabbitmq"},
        ),
        ("A cloud provider like AWS, but GCP or Azure experience counts.", {"aws", "gcp", "azure"}),
        ("We like Rust, but Go is fine.", {"rust"}),
        ("I like Rust, but Go pays the bills; we write Go.", {"rust", "go"}),
        ("We'd like Python, but Go is fine.", {"python"}),
        ("An ORM like SQLAlchemy, but nothing fancy.", {"orm", "sqlalchemy"}),
        ("Languages like Python, but more importantly Rust.", {"python", "rust"}),
        ("A queue like Kafka, but much of the work is in Postgres.", {"kafka", "postgresql"}),
    ],
)
def test_stack_with_but(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Backed by investors including Acme Ventures, researchers from OpenAI, and others.",
            set(),
        ),
        ("Started by ex-leaders from Stripe and Twilio. We write Go.", {"go"}),
        ("Our board has two executives from Oracle, Shopify and Slack.", set()),
        ("Our team: AI scientists from Hugging Face and DeepMind.", set()),
        # not a list of names: a field people come from
        ("We hire researchers from NLP backgrounds who know PyTorch.", {"nlp", "pytorch"}),
        ("Our engineers come from Python and Go backgrounds.", {"python", "go"}),
        ("We hire researchers from Python and Go backgrounds.", {"python", "go"}),
        ("We hire experts from Python backgrounds.", {"python"}),
        (
            "Data scientists from SQL-heavy backgrounds welcome; we use Snowflake.",
            {"sql", "snowflake"},
        ),
        ("We welcome researchers from PyTorch and JAX communities.", {"pytorch", "jax"}),
    ],
)
def test_people_from_organisations(
    extractor: SkillExtractor, text: str, expected: set[str]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "--", the dash typed in ASCII, ends the header's first field as "—" does
        (
            "Datadog -- New York, NY | Engineer\n\nTeams within Datadog use Go and Python.",
            {"go", "python"},
        ),
        (
            "Datadog — New York, NY | Engineer\n\nTeams within Datadog use Go and Python.",
            {"go", "python"},
        ),
        # the company's product asked for stays
        (
            "Datadog -- NYC | Engineer\n\nExperience with Datadog is a plus. We write Go.",
            {"datadog", "go"},
        ),
        # not the header's first field
        ("Acme | NYC\n\nOur stack -- Python, Datadog, Go.", {"python", "datadog", "go"}),
    ],
)
def test_ascii_dash_ends_the_header_company(
    extractor: SkillExtractor, text: str, expected: set[str]
) -> None:
    assert found(extractor, text) == expected
