"""Exact tool lists of invented postings: spellings, cues, profiles and company names."""

from __future__ import annotations

import pytest

from pipeline.skills import TOOL_CATEGORIES, SkillExtractor, skills_by_id
from pipeline.skills.rules import RULES_VERSION


def test_rules_version() -> None:
    assert RULES_VERSION == "rules-22"


def tools(extractor: SkillExtractor, text: str) -> list[str]:
    """The tool ids of a text in order of appearance, each once."""
    skills = skills_by_id()
    found: list[str] = []
    for mention in extractor.extract(text):
        if skills[mention.skill_id].category in TOOL_CATEGORIES and mention.skill_id not in found:
            found.append(mention.skill_id)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # .NET Core is the .NET runtime; ASP.NET Core is the web framework on it
        (
            "Our stack: .NET Core, C#, PostgreSQL and Angular.",
            ["dotnet", "csharp", "postgresql", "angular"],
        ),
        ("Backend in ASP.NET Core on Azure.", ["aspnet_core", "azure"]),
        ("We use SpringMVC and Hibernate.", ["spring", "hibernate"]),
        ("Mobile: iOS and Andoird apps.", ["ios", "android"]),
        ("Deployed on AWS Lambda + ApiGateway.", ["aws_lambda", "api_gateway"]),
        (
            "Elixir, Phoenix and Absinthe (GraphQL) on Postgres.",
            ["elixir", "phoenix", "absinthe", "graphql", "postgresql"],
        ),
        ("Frontend: ClojureScript with re-frame and Reagent.", ["clojure", "re_frame", "reagent"]),
        (
            "Services in Scala (Finatra), monitoring with Riemann and Prometheus.",
            ["scala", "finatra", "riemann", "prometheus"],
        ),
        (
            "Data in MariaDB (Galera) and Valkey; jobs on Slurm.",
            ["mariadb", "galera", "valkey", "slurm"],
        ),
        ("Frontend: Google Closure compiler, jQuery.", ["google_closure", "jquery"]),
        (
            "Storefront: Rails 4 with Spree, tested in RSpec, data in Postgres.",
            ["rails", "spree", "rspec", "postgresql"],
        ),
        ("Bootstrap3 + WebRTC + jQuery on the frontend.", ["bootstrap", "webrtc", "jquery"]),
        (
            "Deploys go through Asgard onto AWS; Mesos runs the jobs, Sysdig watches them.",
            ["asgard", "aws", "mesos", "sysdig"],
        ),
        ("We build LLM apps with LangChain and Guardrails.", ["llm", "langchain", "guardrails"]),
    ],
)
def test_spellings_and_names(extractor: SkillExtractor, text: str, expected: list[str]) -> None:
    assert tools(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our backend is powered by Node and Postgres.", ["nodejs", "postgresql"]),
        ("From day one the platform is built on Scala.", ["scala"]),
        ("built on Elm, Phoenix and Postgres", ["elm", "phoenix", "postgresql"]),
        ("Our frontend is built on Meteor and React.", ["meteor", "react"]),
        ("Our current stack is Go, with a little Python.", ["go", "python"]),
        ("Bonus: experience with Apache or Nginx.", ["apache_httpd", "nginx"]),
        # a cue opens a list item, but "Apache Kafka" stays one name
        ("Experience with Apache Kafka is a plus.", ["kafka"]),
        # a cue opens a list item only for a capitalised name: "in play" is English
        ("Technologies in play: AWS, Julia, Python", ["aws", "julia", "python"]),
        ("Many moving parts in play: Go, Postgres, Kafka.", ["go", "postgresql", "kafka"]),
        # a lower-case name after a cue opens a list when a joiner follows it
        ("Our stack is node, react and mongo.", ["nodejs", "react", "mongodb"]),
        ("We use node/graphql, react, airflow.", ["nodejs", "graphql", "react", "airflow"]),
        # the second word alone cues nothing: a fund is no tool
        ("We are backed by Spark Harbor Partners and others.", []),
    ],
)
def test_paired_cues(extractor: SkillExtractor, text: str, expected: list[str]) -> None:
    assert tools(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "based on" cues nothing; after a paired cue an ambiguous name must end there
        "The team is based on Spring Street in NYC.",
        "Built on Elm Street.",
        "The platform runs on Crystal clear data.",
        "We run on Meteor showers",
        "built on Atom Finance data",
        "Our roadmap is driven by Spring releases.",
    ],
)
def test_paired_cues_before_longer_names(extractor: SkillExtractor, text: str) -> None:
    assert tools(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email your resume, LinkedIn, and/or GitHub to jobs@example.com", []),
        ("Share anything you like (github, linkedin, a personal page).", []),
        ("Please attach your CV or Github.", []),
        ("Tools: Git, GitHub, Jira and Docker.", ["git", "github", "jira", "docker"]),
        ("Send us your website, blog or GitHub.", []),
        ("Drop us a line with cv/github/blog.", []),
        # listed right beside the name, a portfolio is a profile without a verb; a CV is not
        ("Portfolio (github, dribbble) is a must.", []),
        ("Contact: hiring at example.org with CV / Gitlab etc.", []),
        ("A link to your GitHub, GitLab, or a portfolio of past work.", []),
        # CV, website, portfolio have other senses: a profile only with a verb of sending
        ("Tools: Python, CV, GitHub, Docker.", ["python", "github", "docker"]),
        ("Our website is deployed from GitHub with Netlify.", ["github", "netlify"]),
        (
            "Manage our portfolio of Bitbucket and GitLab integrations.",
            ["bitbucket", "gitlab"],
        ),
        # a companion in the next sentence says nothing of this one
        ("We use Jenkins and GitLab. Check out our website for more.", ["jenkins", "gitlab"]),
    ],
)
def test_code_hosts_beside_a_resume_are_profiles(
    extractor: SkillExtractor, text: str, expected: list[str]
) -> None:
    assert tools(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Regulatory guardrails are part of our product.",
        "Acme helps retailers reframe their pricing.",
        # "Reframe" is a company's name as often: only "re-frame" names the library
        "We partner with Reframe on hiring.",
        "We serve absinthe at the Friday party.",
        "Our clinic uses a Riemann sum, not a server.",
        "After the funding round we went on a hiring spree.",
    ],
)
def test_english_words_are_no_tools(extractor: SkillExtractor, text: str) -> None:
    assert tools(extractor, text) == []


def test_a_long_list_of_one_ambiguous_name_is_one_group(extractor: SkillExtractor) -> None:
    # 40,000 mentions that list each other settle as one group, not one by one
    assert tools(extractor, "Coq " * 40_000) == ["coq"]
