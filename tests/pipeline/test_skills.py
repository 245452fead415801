"""The skills taxonomy, its aliases, the ambiguity rules and the offsets of the extractor."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from pipeline.skills import (
    CATEGORIES,
    EXTRACTOR_VERSION,
    TAXONOMY_VERSION,
    SkillExtractor,
    SkillMention,
    canonical_id,
    load_taxonomy,
)
from pipeline.skills.taxonomy import alias_index, load_entries

REQUIRED_CATEGORIES = {
    "language",
    "ml_framework",
    "llm_tooling",
    "data_library",
    "database",
    "big_data",
    "cloud",
    "devops_mlops",
    "bi_viz",
    "stats_package",
    "stats_method",
    "ml_method",
    "web_framework",
    "general_software",
}


def ids(extractor: SkillExtractor, text: str) -> list[str]:
    return [m.skill_id for m in extractor.extract(text)]


# --- taxonomy integrity ----------------------------------------------------------------------


def test_taxonomy_has_enough_unique_entries_in_every_category() -> None:
    skills = load_taxonomy()
    assert len(skills) >= 600
    counts = Counter(s.id for s in skills)
    assert [i for i, n in counts.items() if n > 1] == []
    present = {s.category for s in skills}
    assert REQUIRED_CATEGORIES <= present
    assert present <= set(CATEGORIES)
    for category in REQUIRED_CATEGORIES:
        assert sum(s.category == category for s in skills) >= 10, category


def test_no_alias_belongs_to_two_skills() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for entry in load_entries():
        forms = {a.lower() for a in entry.skill.aliases} | {c.lower() for c in entry.cased}
        for form in forms:
            if form in owner and owner[form] != entry.skill.id:
                clashes.append((form, owner[form], entry.skill.id))
            owner.setdefault(form, entry.skill.id)
    assert clashes == []


def test_aliases_are_lower_case_and_names_present() -> None:
    for skill in load_taxonomy():
        assert skill.name.strip() and skill.id
        assert all(a == a.lower() and a.strip() == a and a for a in skill.aliases), skill.id


def test_versions_are_stable_strings() -> None:
    assert TAXONOMY_VERSION.startswith("tax-") and len(TAXONOMY_VERSION) == 16
    assert TAXONOMY_VERSION in EXTRACTOR_VERSION


def test_required_methods_and_llm_block_are_present() -> None:
    known = {s.id for s in load_taxonomy()}
    for skill_id in [
        "ab_testing",
        "hypothesis_testing",
        "causal_inference",
        "regression",
        "time_series",
        "statistics",
        "experimentation",
        "recommender_systems",
        "nlp",
        "computer_vision",
        "rag",
        "fine_tuning",
        "prompt_engineering",
        "llm_evaluation",
        "quantization",
        "model_compression",
        "distributed_training",
        "mlops",
        "model_deployment",
        "cicd",
        "openai",
        "anthropic",
        "langchain",
        "llamaindex",
        "vector_databases",
        "react",
        "rails",
        "django",
        "postgresql",
        "redis",
        "ios",
        "android",
    ]:
        assert skill_id in known, skill_id


# --- aliases ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "skill_id"),
    [
        ("k8s", "kubernetes"),
        ("sklearn", "scikit_learn"),
        ("GCP", "gcp"),
        ("Postgres", "postgresql"),
        ("RoR", "rails"),
        ("C #", "csharp"),
        ("C#", "csharp"),
        ("node", "nodejs"),
        ("Node.js", "nodejs"),
        ("LLMs", "llm"),
        ("amazon-web-services", "aws"),
        ("Golang", "go"),
        ("A/B testing", "ab_testing"),
        ("Power BI", "power_bi"),
        ("MS SQL Server", "sql_server"),
    ],
)
def test_canonical_id_of_aliases(written: str, skill_id: str) -> None:
    assert canonical_id(written) == skill_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We run k8s on GCP.", ["kubernetes", "gcp"]),
        ("Models in sklearn and PyTorch.", ["scikit_learn", "pytorch"]),
        ("Data lives in Postgres and Redis.", ["postgresql", "redis"]),
        ("Our app is RoR with React.", ["rails", "react"]),
        ("Services in C # and F#.", ["csharp", "fsharp"]),
        ("Backend in Node, Express and TypeScript.", ["nodejs", "express", "typescript"]),
        ("Experience building with LLMs and RAG.", ["llm", "rag"]),
        ("We use Amazon Web Services (AWS) heavily.", ["aws", "aws"]),
    ],
)
def test_extract_aliases_in_sentences(
    extractor: SkillExtractor, text: str, expected: list[str]
) -> None:
    assert ids(extractor, text) == expected


# --- ambiguity rules ------------------------------------------------------------------------------

POSITIVE = [
    ("You know Python, R and SQL.", "r"),
    ("Models are written in R.", "r"),
    ("Strong R programming skills.", "r"),
    ("Services are written in Go.", "go"),
    ("We use Go, Rust and Python.", "go"),
    ("Golang experience is a plus.", "go"),
    ("Firmware in C and C++.", "c"),
    ("Strong C/C++ background.", "c"),
    ("Julia, Python or MATLAB for numerics.", "julia"),
    ("Batch jobs on Spark and Hadoop.", "spark"),
    ("Rust, Go or C++ for the engine.", "rust"),
    ("The iOS app is written in Swift and Objective-C.", "swift"),
    ("Training runs on Ray and PyTorch.", "ray"),
    ("Dashboards in Dash and Plotly.", "dash"),
    ("APIs with Flask and PostgreSQL.", "flask"),
    ("Reports in Excel and SQL.", "excel"),
    ("Self-serve BI with Looker and BigQuery.", "looker"),
    ("Pipelines orchestrated with Airflow and dbt.", "airflow"),
    ("Services in Scala and Java.", "scala"),
    ("Deep learning with Keras and TensorFlow.", "keras"),
    ("Visualise data with Tableau and SQL.", "tableau"),
    ("Statistical work in SAS and SPSS.", "sas"),
    ("The backend is Ruby and PostgreSQL.", "ruby"),
    ("Warehouse queries in Hive and Presto on Hadoop.", "hive"),
    ("Legacy ETL in Pig and Hadoop.", "pig"),
    ("Events flow through Kafka and Flink.", "kafka"),
    ("You are fluent in English.", "english"),
]

NEGATIVE = [
    ("R&D budget grew this year.", "r"),
    ("Plan A, B or R is fine.", "r"),
    ("We go to market next week.", "go"),
    ("Go-to-market strategy and sales.", "go"),
    ("We raised our Series C last year.", "c"),
    ("Talk to C-level executives.", "c"),
    ("Julia will be your manager.", "julia"),
    ("Ideas that spark joy for customers.", "spark"),
    ("Old pipes rust quickly.", "rust"),
    ("Swift decisions matter here.", "swift"),
    ("Ray leads the sales team.", "ray"),
    ("Make a quick dash to the office.", "dash"),
    ("Bring a flask of coffee.", "flask"),
    ("You will excel at writing.", "excel"),
    ("Excel in a fast-paced team.", "excel"),
    ("The looker-on was quiet.", "looker"),
    ("Good airflow in the office.", "airflow"),
    ("We visited La Scala in Milan.", "scala"),
    ("A tableau of happy customers.", "tableau"),
    ("Fly SAS to Copenhagen.", "sas"),
    ("Ruby joined as head of sales.", "ruby"),
    ("The hive of activity in our office.", "hive"),
    ("Guinea pig for new ideas.", "pig"),
    ("Our offices feel like Franz Kafka wrote them.", "kafka"),
    ("We love coffee from Java.", "javascript"),
    ("Our Danish company is growing.", "danish"),
]


@pytest.mark.parametrize(("text", "skill_id"), POSITIVE)
def test_ambiguous_names_found_in_technical_context(
    extractor: SkillExtractor, text: str, skill_id: str
) -> None:
    assert skill_id in ids(extractor, text)


@pytest.mark.parametrize(("text", "skill_id"), NEGATIVE)
def test_ambiguous_names_ignored_in_plain_english(
    extractor: SkillExtractor, text: str, skill_id: str
) -> None:
    assert skill_id not in ids(extractor, text)


def test_java_and_javascript_are_told_apart(extractor: SkillExtractor) -> None:
    assert ids(extractor, "Java and JavaScript, also Java Script.") == [
        "java",
        "javascript",
        "javascript",
    ]


def test_versions_belong_to_the_mention(extractor: SkillExtractor) -> None:
    mentions = extractor.extract("Java 8, Python 3.x and Spring Boot 2.0; Python 3+ years.")
    assert [m.text for m in mentions] == ["Java 8", "Python 3.x", "Spring Boot 2.0", "Python"]


def test_role_titles_are_not_skill_evidence(extractor: SkillExtractor) -> None:
    assert ids(extractor, "Hiring an Android Engineer and UI / UX Designers.") == []
    assert ids(extractor, "The Android app uses Kotlin.") == ["android", "kotlin"]


def test_github_profile_is_not_a_skill(extractor: SkillExtractor) -> None:
    assert ids(extractor, "Send your GitHub profile.") == []
    assert ids(extractor, "Builds run on GitHub Actions and GitLab.") == [
        "github_actions",
        "gitlab",
    ]


def test_longest_alias_wins(extractor: SkillExtractor) -> None:
    assert ids(extractor, "Built with Ruby on Rails and React Native.") == ["rails", "react_native"]


# --- offsets --------------------------------------------------------------------------------------


def test_offsets_point_at_the_evidence(extractor: SkillExtractor) -> None:
    text = "Senior role.\n- Python/pandas\n- PostgreSQL or MySQL\n- Skills in R."
    mentions = extractor.extract(text)
    assert [m.skill_id for m in mentions] == ["python", "pandas", "postgresql", "mysql", "r"]
    for m in mentions:
        assert isinstance(m, SkillMention)
        assert text[m.start : m.end] == m.text
    assert mentions[-1].text == "R"


def test_extract_many_matches_extract(extractor: SkillExtractor) -> None:
    texts = ["Python and SQL", "", "Kubernetes, Terraform", "nothing here"]
    assert list(extractor.extract_many(texts)) == [extractor.extract(t) for t in texts]


def test_extract_many_carries_nothing_from_one_text_to_the_next() -> None:
    # glued versions recur across texts, and a text ends in a mention
    texts = ["Java8 and Go", "JAVA8", "We use Go", "Rust", "Java8"]
    many = list(SkillExtractor().extract_many(texts))
    single = SkillExtractor()
    assert many == [single.extract(t) for t in texts]
    assert [[(m.skill_id, m.text) for m in ms] for ms in many] == [
        [("java", "Java8"), ("go", "Go")],
        [("java", "JAVA8")],
        [("go", "Go")],
        [],
        [("java", "Java8")],
    ]


def test_a_supporter_within_the_context_window_vouches_however_early_it_starts(
    extractor: SkillExtractor,
) -> None:
    # "Typescript" ends CONTEXT_WINDOW tokens before "Rust"; "Ruby on Rails" starts further back
    # than the window but ends inside it: both vouch for the ambiguous name
    for text in (
        "We use Typescript on the front end and a bit of Rust on the back end.",
        "We run Ruby on Rails and in the back end a bit of Rust too.",
    ):
        assert [m.skill_id for m in extractor.extract(text)][-1] == "rust", text


def test_alias_index_is_json_serialisable() -> None:
    index = alias_index()
    assert index["k8s"] == "kubernetes"
    json.dumps(index)


# --- skills of the openings of a multi-opening post -----------------------------------------------


def test_section_skills_go_to_their_opening_and_shared_text_to_all(
    extractor: SkillExtractor,
) -> None:
    from dataclasses import dataclass

    from pipeline.skills.sections import assign_to_openings

    @dataclass
    class Opening:
        section: tuple[int, int] | None

    text = "Acme | Remote\nWe use AWS.\nML Engineer: PyTorch\nData Scientist: Stata"
    mentions = extractor.extract(text)
    ml = (text.index("ML Engineer"), text.index("Data Scientist") - 1)
    ds = (text.index("Data Scientist"), len(text))
    assigned = assign_to_openings([Opening(ml), Opening(ds)], mentions)
    got = sorted((a.opening_index, a.mention.skill_id, a.shared) for a in assigned)
    assert got == [(0, "aws", True), (0, "pytorch", False), (1, "aws", True), (1, "stata", False)]
    single = assign_to_openings([Opening(None)], mentions)
    assert {(a.mention.skill_id, a.shared) for a in single} == {
        ("aws", False),
        ("pytorch", False),
        ("stata", False),
    }
