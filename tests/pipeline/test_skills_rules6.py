"""rules-6: tool lists written with slashes, and English words that were plain aliases of tools."""

from __future__ import annotations

import pytest
import spacy

from pipeline.skills import SkillExtractor
from pipeline.skills.taxonomy import load_entries
from pipeline.skills.tokenizer import use_cacheable_tokenizer


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


# --- slashes between tool names -------------------------------------------------------------------


def test_js_library_names_with_a_slash_are_no_web_address() -> None:
    nlp = spacy.blank("en")
    use_cacheable_tokenizer(nlp)
    assert [t.text for t in nlp("Node.js/React, React.js/Redux/Ant")] == [
        "Node.js",
        "/",
        "React",
        ",",
        "React.js",
        "/",
        "Redux",
        "/",
        "Ant",
    ]
    for url in ("https://nodejs.org/en", "www.node.js/docs", "github.com/acme/react-app"):
        assert [t.text for t in nlp(url)] == [url]


def test_a_slash_after_hash_or_plus_or_before_a_dotted_name_splits() -> None:
    nlp = spacy.blank("en")
    use_cacheable_tokenizer(nlp)
    assert [t.text for t in nlp("C#/.NET C++/Java Java/.NET")] == [
        "C#",
        "/",
        ".NET",
        "C++",
        "/",
        "Java",
        "Java",
        "/",
        ".NET",
    ]


def test_tools_in_slash_lists_are_found(extractor: SkillExtractor) -> None:
    assert found(extractor, "We use Node.js/React and C#/.NET.") == [
        ("nodejs", "Node.js"),
        ("react", "React"),
        ("csharp", "C#"),
        ("dotnet", ".NET"),
    ]
    assert found(extractor, "C++/Java, C#/ASP.NET, Node.js/Express") == [
        ("cpp", "C++"),
        ("java", "Java"),
        ("csharp", "C#"),
        ("aspnet", "ASP.NET"),
        ("nodejs", "Node.js"),
        ("express", "Express"),
    ]


def test_tools_inside_web_and_email_addresses_are_not_found(extractor: SkillExtractor) -> None:
    text = "Apply at jobs@python.org or https://github.com/acme/react-app"
    assert found(extractor, text) == []


# --- English words that were aliases of tools ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Our product lets developers replay bugs and fix bugs faster.",
        "We offer white glove service to every customer.",
        "We've just scratched the tip of the iceberg.",
        "Building a company is a marathon, not a sprint.",
        "Our multimodal transport app gets you from A to B.",
        "Boosting their profits while healing the land.",
        "Distillation of the book into actionables.",
        "Our AI copilot helps sales reps.",
        "Type inference of returns and parameters.",
        "Timely dataflow, a foundry of ideas.",
    ],
)
def test_english_words_are_not_tools(extractor: SkillExtractor, text: str) -> None:
    assert found(extractor, text) == []


def test_the_tools_behind_those_words_are_still_found(extractor: SkillExtractor) -> None:
    text = (
        "We run Mesos and Marathon, query Iceberg with Spark, and fit models in WinBUGS and BUGS."
    )
    assert found(extractor, text) == [
        ("mesos", "Mesos"),
        ("marathon", "Marathon"),
        ("iceberg", "Iceberg"),
        ("spark", "Spark"),
        ("bugs", "WinBUGS"),
        ("bugs", "BUGS"),
    ]
    assert found(extractor, "Experience with spreadsheets and Google Sheets.") == [
        ("spreadsheet_work", "spreadsheets"),
        ("spreadsheets", "Google Sheets"),
    ]


def test_no_alias_bypasses_its_entrys_rule() -> None:
    """A lower-case alias equal to a cased form would be matched without the entry's rule."""
    bypassing = [
        (entry.skill.id, alias)
        for entry in load_entries()
        if entry.rule and entry.rule not in {"profile", "workplace"}
        for alias in entry.skill.aliases
        if alias in {form.lower() for form in entry.cased}
    ]
    assert bypassing == []


# --- versions glued to a name ---------------------------------------------------------------------


def test_a_version_glued_to_a_tool_name_is_the_tool(extractor: SkillExtractor) -> None:
    text = "We use Python2.7, python3.6, Java8, Symfony2 and Yii2; JAVA8 too."
    assert found(extractor, text) == [
        ("python", "Python2.7"),
        ("python", "python3.6"),
        ("java", "Java8"),
        ("symfony", "Symfony2"),
        ("yii", "Yii2"),
        ("java", "JAVA8"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Visit java8.com or the python2017 meetup.",  # an address, a year
        "Our R2 unit",  # a name under three letters is an acronym with digits
        "Newword12 is no tool.",
    ],
)
def test_other_words_with_digits_are_not_glued_versions(
    extractor: SkillExtractor, text: str
) -> None:
    assert found(extractor, text) == []


def test_a_glued_version_seen_twice_is_found_once_each_time(extractor: SkillExtractor) -> None:
    assert found(extractor, "Vue3 and Vue3") == [("vue", "Vue3"), ("vue", "Vue3")]
    assert found(extractor, "Vue3.") == [("vue", "Vue3")]


def test_inference_and_multimodal_count_beside_technologies(extractor: SkillExtractor) -> None:
    text = "Experience with LLM training, fine-tuning, inference and multimodal models."
    assert [skill for skill, _ in found(extractor, text)] == [
        "llm",
        "fine_tuning",
        "model_serving",
        "multimodal",
    ]
    assert found(extractor, "Our Flutter prototype ships soon.") == [("flutter", "Flutter")]


def test_tools_missing_from_the_taxonomy_are_found_in_lists(extractor: SkillExtractor) -> None:
    text = "Stack: Go, Cadence/Temporal, Elastic, Redis, K8, Terragrunt, Fastify, Kiali, Loki."
    assert [skill for skill, _ in found(extractor, text)] == [
        "go",
        "temporal",
        "elasticsearch",
        "redis",
        "kubernetes",
        "terragrunt",
        "fastify",
        "kiali",
        "grafana_loki",
    ]
    assert found(extractor, "Elastic scaling. Temporal patterns. Loki is a Norse god.") == []
