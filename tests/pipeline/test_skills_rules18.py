"""Tool mentions that are no tool asked for: an office suite the team works in ("Tools: Jira,
Slack, G Suite"; a platform the job builds on where a word of integrating comes before it or
"add-ons", "Marketplace", "API" after it), a tool named only in a header's list of openings that
ends in an analytics title ("Backend, iOS, Analytics Engineer"), a method that heads a line of
tools ("AI/ML: PyTorch, LLMs"), and AWS of "AWS Lambdas" (one compound name, as "AWS Lambda")."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office suite the team works in, as Slack; kept as a platform the job builds on
        ("Our tools: Jira - Slack - G Suite - Figma", [("jira", "Jira"), ("figma", "Figma")]),
        ("Docs live in Google Docs and we chat on Slack.", []),
        ("You will build G Suite add-ons.", [("google_workspace", "G Suite")]),
        ("You will build Google Docs integrations.", [("google_workspace", "Google Docs")]),
        ("We ship Slack addons.", [("slack", "Slack")]),
        ("Our Google Workspace Marketplace apps", [("google_workspace", "Google Workspace")]),
        (
            "Ours is the top app in the Google Apps Marketplace.",
            [("google_workspace", "Google Apps")],
        ),
        ("Experience with Google Apps Script", [("google_workspace", "Google Apps Script")]),
        ("Our widget plugs into Google Docs.", [("google_workspace", "Google Docs")]),
        ("It has integrations to Google Apps.", [("google_workspace", "Google Apps")]),
        # a line break inside the sentence, an adverb between the word and its preposition
        ("We integrate\ntightly with Gmail and G Suite.", [("google_workspace", "G Suite")]),
        ("Integrations with partners\nSlack is where we chat.", []),
        (
            "Experience with the Google Workspace APIs",
            [("google_workspace", "Google Workspace"), ("apis", "APIs")],
        ),
        # ... and after a word of integrating with its preposition
        (
            "We ship add-on integrations with Google Docs and Notion.",
            [("google_workspace", "Google Docs"), ("notion", "Notion")],
        ),
        (
            "Our bot integrates tightly with Jira, Slack and Asana.",
            [("jira", "Jira"), ("slack", "Slack"), ("asana", "Asana")],
        ),
        (
            "Integration tests run nightly with Google Docs exports.",
            [("unit_testing", "Integration tests")],
        ),
        # a header's list of openings that ends in an analytics title
        ("Kitewing | Berlin | Backend, iOS, Analytics Engineer | Onsite", []),
        (
            "Hiring a Senior Analytics Engineer (dbt, Snowflake)",
            [("dbt", "dbt"), ("snowflake", "Snowflake")],
        ),
        ("We use Python and SQL for analytics.", [("python", "Python"), ("sql", "SQL")]),
        # a method that heads a line of tools; kept where it is asked for in a sentence
        (
            "Stack:\nAI/ML: PyTorch, LLMs\nInfra: AWS",
            [("pytorch", "PyTorch"), ("llm", "LLMs"), ("aws", "AWS")],
        ),
        (
            "- Machine Learning: scikit-learn, XGBoost",
            [("scikit_learn", "scikit-learn"), ("xgboost", "XGBoost")],
        ),
        (
            "You have experience with machine learning: PyTorch or JAX.",
            [("machine_learning", "machine learning"), ("pytorch", "PyTorch"), ("jax", "JAX")],
        ),
        (
            "Requirements:\nMachine learning: 3+ years of work",
            [("machine_learning", "Machine learning")],
        ),
        ("Requirements:\n- ML: you have shipped models", [("machine_learning", "ML")]),
        # one compound name in the plural
        (
            "We build on TypeScript/Express/AWS Lambdas and Redshift.",
            [
                ("typescript", "TypeScript"),
                ("express", "Express"),
                ("aws_lambda", "AWS Lambdas"),
                ("redshift", "Redshift"),
            ],
        ),
        ("We run on AWS (Lambdas, S3).", [("aws", "AWS"), ("aws_lambda", "Lambdas"), ("s3", "S3")]),
    ],
)
def test_rules18_mentions(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected
