"""Tool mentions that are no tool asked for: products an employer likens itself to with "as ... as"
("as durable as Stripe"), the organisations a team "hails from"; and "Node Webkit" is NW.js."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # products the employer measures itself against, as "faster than X"
        (
            "Build an API as beautiful and durable as Twilio, Stripe, or Braintree.",
            [("apis", "API")],
        ),
        ("We built monitoring as powerful as Datadog.", [("observability", "monitoring")]),
        ("Deploys as easy to use as Heroku.", []),
        ("Payments as simple as PayPal/Venmo, and more.", []),
        # a fixed phrase, or a word after the names: a tool in use
        ("We use Python as well as Go.", [("python", "Python"), ("go", "Go")]),
        ("We write Go as often as YAML.", [("go", "Go"), ("yaml", "YAML")]),
        (
            "Tools such as Docker and Kubernetes.",
            [("docker", "Docker"), ("kubernetes", "Kubernetes")],
        ),
        ("Sites as simple as WordPress websites with themes.", [("wordpress", "WordPress")]),
    ],
)
def test_equal_comparisons(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our team hails from Heroku, Stripe and MIT. We write Python.", [("python", "Python")]),
        ("Our founders hail from the Docker and Kafka projects.", []),
        # "comes from" is no such word: "the data comes from Kafka"
        ("The data comes from Kafka and S3.", [("kafka", "Kafka"), ("s3", "S3")]),
    ],
)
def test_hail_from(extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(extractor, text) == expected


def test_node_webkit_is_nwjs(extractor: SkillExtractor) -> None:
    assert found(extractor, "Desktop client in Node Webkit, then node-webkit, now NW.js") == [
        ("nwjs", "Node Webkit"),
        ("nwjs", "node-webkit"),
        ("nwjs", "NW.js"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two names compared, or the stack the job uses: both sides are asked for
        ("We use Go as heavily as Python.", [("go", "Go"), ("python", "Python")]),
        (
            "Requirements: TypeScript is as important as React.",
            [("typescript", "TypeScript"), ("react", "React")],
        ),
        (
            "Our stack is as boring as Postgres and Rails.",
            [("postgresql", "Postgres"), ("rails", "Rails")],
        ),
        (
            "You'll work with tools as diverse as Terraform, Ansible, and Kubernetes.",
            [("terraform", "Terraform"), ("ansible", "Ansible"), ("kubernetes", "Kubernetes")],
        ),
    ],
)
def test_equal_comparisons_of_tools_asked_for(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected
