"""rules-7: tools the taxonomy lacked, spellings of known tools, and a tool inside an area's alias."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


def ids(extractor: SkillExtractor, text: str) -> set[str]:
    return {m.skill_id for m in extractor.extract(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stack: Vue, AWS (DynamoDB, S3, EventBridge), Ionic", {"eventbridge", "dynamodb"}),
        ("Tests run on NUnit and xUnit, the UI on Selenium.", {"nunit", "xunit_net", "selenium"}),
        ("GPU work (Metal, WebGPU, OpenGL) in the browser", {"webgpu", "opengl"}),
        ("GCP: Cloud Run, Memorystore (Redis), BigQuery", {"memorystore", "redis", "bigquery"}),
        ("Tech stack: Heroku, Aptible, Postgres, Redis", {"aptible", "heroku"}),
        ("MediatR and CQRS in C# services", {"mediatr", "csharp"}),
        ("a TALL stack: Tailwind, Alpine, Laravel, Livewire", {"livewire", "laravel"}),
        ("Scala libraries: Cats Effect, FS2, http4s, Circe", {"http4s"}),
        ("HPC: c++/go, infiniband, RDMA", {"infiniband", "cpp"}),
        ("workflows in AWS Lambda, n8n and Retool", {"n8n"}),
        ("payments (node.js, bitcoind, lightning)", {"bitcoin", "nodejs"}),
        ("Builds: Gradle, SBT; the Node apps run under PM2", {"sbt", "pm2", "gradle"}),
        ("logs in Papertrail, metrics in Librato", {"papertrail", "librato"}),
        ("full stack MEAN/MERN with Redis", {"mern_stack", "redis"}),
        ("public cloud (e.g., AWS, GAE, Azure)", {"app_engine", "aws"}),
    ],
)
def test_added_tools_are_found(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert expected <= ids(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Visualisation engineer: C++, Qt5, POSIX", "qt"),
        ("Desktop apps in Qt 6 and QML", "qt"),
        ("Tools: Jira, GSuite/O365, Slack", "ms_office"),
        ("We moved our mail to Office 365 last year; Excel skills a plus", "ms_office"),
        ("Frontend: React, TailwindUI, GraphQL", "tailwind"),
        ("nginx in front of PHP-FPM on Debian", "php"),
    ],
)
def test_spellings_of_known_tools(extractor: SkillExtractor, text: str, expected: str) -> None:
    assert expected in ids(extractor, text)


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("Monitoring: Grafana, Prometheus, Loki, Thanos", "thanos"),
        ("Frontend: React / TypeScript / Recoil / GraphQL", "recoil"),
        ("Key tools: Zod, Drizzle, Redis, PostgreSQL", "drizzle"),
        ("Our stack: Ruby/Rails, .Net/Mono, Ember.js, Docker", "mono"),
        ("runtime: golang, nomad, firecracker, kubernetes", "firecracker"),
        ("Hadoop, Scalding, Spark, Mesos", "scalding"),
        ("Ethereum, Solidity, Truffle, Hardhat", "truffle"),
    ],
)
def test_names_that_are_words_count_beside_tools(
    extractor: SkillExtractor, text: str, tool: str
) -> None:
    assert tool in ids(extractor, text)


def test_names_that_are_words_alone_are_no_tools(extractor: SkillExtractor) -> None:
    text = (
        "Light drizzle in the morning. The recoil of the rifle. Thanos is the villain of the film. "
        "Record the vocals in mono. A firecracker went off. Scalding tea and a chocolate Truffle."
    )
    assert ids(extractor, text) == set()


def test_linux_kernel_development_names_linux(extractor: SkillExtractor) -> None:
    assert {"linux", "kernel"} <= ids(extractor, "- Linux kernel development - Firmware")
    assert "linux" not in ids(extractor, "kernel development and device drivers")
