"""More names that say something other than a tool the job uses: the employer's product told by
what it is like ("we're the Figma for knitting", "like Datadog, but for farms", "Acme - The Cursor
for knitting"), a name that is a company by its accelerator batch ("Parse (YC S11)"), a method's
name before a kind of company ("a machine learning consulting company") or a product noun said of
the employer ("V7 is a machine learning platform"), an API the employer is ("SerpApi is the API
to ..."), and a product it measures itself against ("faster than SQLite", "a Firebase
alternative")."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the employer's product by what it is like
        ("Knitly is the Figma for knitting. We write Rust.", [("rust", "Rust")]),
        ("We're an API for pet insurance, built with Go.", [("go", "Go")]),
        ("Quillo - The Cursor for knitting | Remote", []),
        ("Farmwatch is like Datadog, but for farms. Stack: Elixir.", [("elixir", "Elixir")]),
        ("Think Heroku but for robots. We use Python.", [("python", "Python")]),
        # not analogies: a tool used for something, a sentence's own "The"
        (
            "The API for partners is written in Go.",
            [("apis", "API"), ("go", "Go")],
        ),
        ("We are heavy on the TypeScript for the editor.", [("typescript", "TypeScript")]),
        (
            "We use Django and Vue, but for this role Rust matters.",
            [
                ("django", "Django"),
                ("vue", "Vue"),
                ("rust", "Rust"),
            ],
        ),
        # a company by its batch
        ("I previously cofounded Firebase (YC S11). We use Kotlin.", [("kotlin", "Kotlin")]),
        ("Plotwise API (YC W22) | Backend Engineer | Ruby", [("ruby", "Ruby")]),
        (
            "We run Firebase (Firestore, Auth) and Swift.",
            [("firebase", "Firebase"), ("firebase", "Firestore"), ("swift", "Swift")],
        ),
        # a method before a kind of company, up to two words between
        ("We are a Machine Learning consulting company using Scala.", [("scala", "Scala")]),
        ("Lumo is a machine-learning product company. We use Java.", [("java", "Java")]),
        (
            "Our recommendation engine assesses a company's needs.",
            [("recommender_systems", "recommendation engine")],
        ),
        (
            "You know machine learning well and help our company grow.",
            [("machine_learning", "machine learning")],
        ),
        ("Zorbly is an ML-first company. We write Go.", [("go", "Go")]),
        ("Parkly is an AI and computer vision start-up using Rust.", [("rust", "Rust")]),
        (
            "Tiltly is building a machine learning infrastructure company in Kotlin.",
            [("kotlin", "Kotlin")],
        ),
        # a method before a product noun, said of the employer by "is" or "we're"
        ("Glint is a machine learning platform for dentists. We use Kafka.", [("kafka", "Kafka")]),
        ("We're an AI video generation platform built on Elixir.", [("elixir", "Elixir")]),
        (
            "You will build a machine learning platform in Scala.",
            [("machine_learning", "machine learning"), ("scala", "Scala")],
        ),
        (
            "Wisp is a startup building computer vision tools.",
            [("computer_vision", "computer vision")],
        ),
        (
            "Loopy is a platform for real-time machine learning.",
            [("machine_learning", "machine learning")],
        ),
        # an API the employer is, by its name or "we're"
        ("Scrapeo is the leading API to fetch prices. We use Ruby.", [("ruby", "Ruby")]),
        ("Chatterly is a Chat API. Stack: Clojure.", [("clojure", "Clojure")]),
        ("We're a fintech API based in Ohio.", []),
        (
            "Our main app is a Ruby on Rails API with Postgres.",
            [("rails", "Ruby on Rails"), ("apis", "API"), ("postgresql", "Postgres")],
        ),
        ("Plugly is a platform for connecting APIs.", [("apis", "APIs")]),
        (
            "We are a seed stage company building APIs for banks.",
            [("apis", "APIs")],
        ),
        # a product the employer measures itself against
        ("Our store is 10x faster than SQLite, written in Rust.", [("rust", "Rust")]),
        ("Tracking more accurate than iOS and Android, in Kotlin.", [("kotlin", "Kotlin")]),
        ("Blimp is the Firebase alternative for dentists. We use Elixir.", [("elixir", "Elixir")]),
        (
            "We sell an Excel/Sheets competitor built in Go and Kotlin.",
            [
                ("go", "Go"),
                ("kotlin", "Kotlin"),
            ],
        ),
        ("We build an alternative to Kubernetes in Rust.", [("rust", "Rust")]),
        ("Quokka is an open-source alternative to Datadog. We use Go.", [("go", "Go")]),
        ("Flit aims to be a complete alternative to Linux, in Rust.", [("rust", "Rust")]),
        (
            "We are Lockly, the open-source Auth0 alternative. We use Go.",
            [("open_source", "open-source"), ("go", "Go")],
        ),
        ("There are plenty of AWS competitors. We use Go.", [("go", "Go")]),
        ("Want to work on an alternative to Kubernetes? We use Go.", [("go", "Go")]),
        ("Zuma is a developer-first API for loans.", []),
        ("Zuma is a shop; it is an API for everything. We use Go.", [("go", "Go")]),
        ("Plinky Sentry (YC '12), Remote. We use Go.", [("go", "Go")]),
        # the employer as subject: a name before a parenthesis, "our product"
        (
            "Zemo (YC S22) is the open-source Machine Learning platform.",
            [("open_source", "open-source")],
        ),
        ("Our product is a Kafka for knitting. We use Go.", [("go", "Go")]),
        # a tool in use stays
        (
            "We are replacing ECS with Kubernetes.",
            [("ecs", "ECS"), ("kubernetes", "Kubernetes")],
        ),
        ("We use Python rather than Java.", [("python", "Python"), ("java", "Java")]),
    ],
)
def test_other_senses(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the determiner belongs to another noun phrase: a clause about a person, a skill
        ("You are an engineer who has shipped APIs before.", [("apis", "APIs")]),
        ("We are a small team who builds APIs.", [("apis", "APIs")]),
        (
            "You are a senior engineer comfortable designing APIs.",
            [("apis", "APIs")],
        ),
        (
            "We're a crew who ships machine learning products daily.",
            [("machine_learning", "machine learning")],
        ),
        (
            "Dana is a senior engineer who builds machine learning platforms.",
            [("machine_learning", "machine learning")],
        ),
        ("You are an API.", [("apis", "API")]),
        # a method before a product noun only when the employer is the subject
        (
            "Your first project is a computer vision system for our robots.",
            [("computer_vision", "computer vision")],
        ),
        (
            "The main deliverable is a machine learning system.",
            [("machine_learning", "machine learning")],
        ),
        (
            "The backend is an elastic video processing system.",
            [("signal_processing", "video processing")],
        ),
        ("We are an AI video platform. We use Go.", [("go", "Go")]),
        # "start-up" as an organisation noun before what it builds
        (
            "Zorp is a small start-up building machine learning products.",
            [("machine_learning", "machine learning")],
        ),
        # alternatives asked for or replaced are tools
        (
            "Experience with React (or an alternative to Redux).",
            [("react", "React"), ("redux", "Redux")],
        ),
        ("Experience with Redux alternatives is required.", [("redux", "Redux")]),
        (
            "We are finding a cheaper alternative to MySQL.",
            [("mysql", "MySQL")],
        ),
        ("We like Elm and other JS alternatives.", [("elm", "Elm"), ("javascript", "JS")]),
        # an accelerator batch needs its code
        ("We moved to Firebase (YC helped us).", [("firebase", "Firebase")]),
        # an analogy needs the employer as its subject
        (
            "Our stack is a Python/Django for backend.",
            [("python", "Python"), ("django", "Django")],
        ),
        (
            "Our API is an Apollo GraphQL API.",
            [("apis", "API"), ("apollo_graphql", "Apollo GraphQL"), ("apis", "API")],
        ),
    ],
)
def test_other_senses_kept(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected
