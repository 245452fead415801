"""rules-13 work: short names with other senses (GTM, IP, Argo, Codex, CAD) and names of
organisations before a word of their people ("Heroku alums", "Datadog CEO")."""

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
        ("We're hiring engineers, designers and GTM leaders.", []),
        (
            "Marketing analytics: GA4, GTM, Segment and Mixpanel.",
            [("google_analytics", "GA4"), ("gtm", "GTM"), ("mixpanel", "Mixpanel")],
        ),
        ("We own the IP and patents for our sensors.", []),
        (
            "Know the network protocols (TCP, UDP, IP, DNS).",
            [
                ("networking", "network protocols"),
                ("tcp_ip", "TCP"),
                ("tcp_ip", "UDP"),
                ("tcp_ip", "IP"),
                ("dns", "DNS"),
            ],
        ),
        ("Argo Labs builds delivery robots.", []),
        (
            "Deploys via Kubernetes, Helm, Argo.",
            [("kubernetes", "Kubernetes"), ("helm", "Helm"), ("argo_cd", "Argo")],
        ),
        (
            "- Make data visualizations for our users",
            [("data_visualization", "data visualizations")],
        ),
        ("Make sure you include your portfolio.", []),
        ("Tools: grep, strace and make.", [("strace", "strace"), ("make", "make")]),
        ("Hack on our compiler in Rust.", [("compilers", "compiler"), ("rust", "Rust")]),
        (
            "Stack: HHVM (Hack), React, MySQL",
            [("hhvm", "HHVM"), ("hack", "Hack"), ("react", "React"), ("mysql", "MySQL")],
        ),
        ("Blue Codex is a legal archive startup.", []),
        (
            "Engineers use Claude Code, Codex and Cursor daily.",
            [("anthropic", "Claude Code"), ("openai", "Codex"), ("cursor", "Cursor")],
        ),
    ],
)
def test_short_names_with_other_senses_count_only_among_tools(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salary: 120k-140k CAD plus equity. We write Python.", [("python", "Python")]),
        ("Pay is $95k CAD for this role.", []),
        (
            "Range 90,000 CAD. We use Python, Rust and Go.",
            [("python", "Python"), ("rust", "Rust"), ("go", "Go")],
        ),
        (
            "Mechanical engineers with CAD/CAM experience and SolidWorks.",
            [("cad", "CAD"), ("cad", "SolidWorks")],
        ),
        ("Salary range CAD $85-125k", []),
        ("Salary: CAD 95,000 - 115,000/year", []),
        ("Pay: $75k-$95k (CAD)", []),
        ("$98,000/yr CAD", []),
        ("150k/yr CAD", []),
        ("140k\u2013160k CAD", []),
        ("140k\u2014160k CAD", []),
        ("CAD drawings", [("cad", "CAD")]),
        ("CAD software", [("cad", "CAD")]),
        ("AutoCAD/CAD experience", [("cad", "AutoCAD"), ("cad", "CAD")]),
    ],
)
def test_a_currency_code_by_an_amount_is_no_tool(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The team are Vercel and Heroku alums.", []),
        ("The team are Vercel and Heroku alums", []),
        ("The team are Vercel and Heroku alums.\nWe use Go.", [("go", "Go")]),
        ("Docker founder Jane Doe advises us.", []),
        ("Docker co-founder Jane Doe advises us.", []),
        ("Founded by Heroku and Stripe veterans.", []),
        ("Backed by Jane Doe (Datadog CEO) and others.", []),
        ("We are backed by investors affiliated with Stripe, Figma and Snowflake.", []),
        ("Acme's customers, including Figma and Twilio, run on our API.", [("apis", "API")]),
        (
            "Our stack is Snowflake, dbt and Looker.",
            [("snowflake", "Snowflake"), ("dbt", "dbt"), ("looker", "Looker")],
        ),
        (
            "We write Go and Python. Our CEO is an engineer.",
            [("go", "Go"), ("python", "Python")],
        ),
        ("Led by a fund (investors in Stripe, Twilio and Figma).", []),
        ("Trusted by teams at Vercel, Datadog and others.", []),
        ("A team with backgrounds at Heroku and GitHub.", []),
        (
            "We are heavily invested in Docker and Terraform.",
            [("docker", "Docker"), ("terraform", "Terraform")],
        ),
        # roles the post hires for, not organisations
        (
            "Acme | Django / React Native / CTO | Remote",
            [("django", "Django"), ("react_native", "React Native")],
        ),
        ("Hiring: Rails CTO", [("rails", "Rails")]),
        ("Hiring: Rails CTO.", [("rails", "Rails")]),
        ("Hiring: Rails CTO.\nWe use Go.", [("rails", "Rails"), ("go", "Go")]),
        ("We are hiring a Rails CTO to lead the team.", [("rails", "Rails")]),
        (
            "We want an Elixir and Erlang CTO for our startup.",
            [("elixir", "Elixir"), ("erlang", "Erlang")],
        ),
        ("Hiring a Python/Django CTO.", [("python", "Python"), ("django", "Django")]),
        ("We are looking for Rails founders.", [("rails", "Rails")]),
        (
            "React Native & Node CTO wanted",
            [("react_native", "React Native"), ("nodejs", "Node")],
        ),
        # "veterans" before a name's list is no organisation's people ("veterans of" is)
        ("Kubernetes veterans welcome.", [("kubernetes", "Kubernetes")]),
        ("Ideal for Rails veterans who want to mentor.", [("rails", "Rails")]),
        # the walk to the word of people stops at a clause's end and a Title Case sentence
        (
            "We love Open Source: Acme founders wrote a popular Python framework.",
            [("open_source", "Open Source"), ("python", "Python")],
        ),
        (
            "We build on Kubernetes: Acme founders ran infra at scale.",
            [("kubernetes", "Kubernetes")],
        ),
        (
            "Our Kubernetes And Terraform Gurus Work Alongside Our CEO and founders.",
            [("kubernetes", "Kubernetes"), ("terraform", "Terraform")],
        ),
        ("Roles: PHP, Android, CTO and more", [("php", "PHP"), ("android", "Android")]),
    ],
)
def test_names_before_a_word_of_an_organisations_people_are_organisations(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


# A repeated context-judged name before a tool once took seconds: each pass over the waiting names
# accepted one more of them (40,000 characters: 13.5 s, so 160,000 would take minutes). A text
# four times as long may take at most MAX_TIME_RATIO times as long: linear time gives 4, the
# quadratic form 16, so a busy machine's noise on either reading cannot flip the answer.
GROWTH_FACTOR = 4
MAX_TIME_RATIO = 8.0
SHORT_TEXT_CHARS = 40_000
# CPU seconds that a 160,000-character text may take at most (about 0.6 s on a quiet machine).
LONG_TEXT_SECONDS = 5.0


def _cpu_seconds(extractor: SkillExtractor, text: str) -> tuple[float, float, int]:
    """The fewest CPU seconds of three extractions of `text` with the garbage collector paused
    (as timeit does), the fewest with it running, and the number of mentions."""
    # The collector's full passes start once an extraction keeps a quarter as many objects alive
    # as the process holds (a named tuple a mention), past 40,000 characters of one repeated
    # name: a step in time, not a growth with the text, and not what the ratio is about.
    paused, running = [], []
    for _ in range(3):
        with collector_paused():
            began = time.process_time()
            extractor.extract(text)
            paused.append(time.process_time() - began)
        began = time.process_time()
        mentions = extractor.extract(text)
        running.append(time.process_time() - began)
    return min(paused), min(running), len(mentions)


@pytest.mark.parametrize(("name", "skill"), [("EMR", "emr"), ("Codex", "openai")])
def test_a_repeated_judged_name_before_a_tool_is_read_in_linear_time(
    extractor: SkillExtractor, name: str, skill: str
) -> None:
    long_chars = GROWTH_FACTOR * SHORT_TEXT_CHARS
    part = (name + " ") * (SHORT_TEXT_CHARS // (len(name) + 1)) + "Python"
    whole = (name + " ") * (long_chars // (len(name) + 1)) + "Python"
    short_time, _, short_count = _cpu_seconds(extractor, part)
    long_time, long_running, long_count = _cpu_seconds(extractor, whole)
    assert (short_count, long_count) == (
        SHORT_TEXT_CHARS // (len(name) + 1) + 1,
        long_chars // (len(name) + 1) + 1,
    )
    assert {m.skill_id for m in extractor.extract(name + " Python")} == {skill, "python"}
    assert long_time < MAX_TIME_RATIO * short_time
    assert long_running < LONG_TEXT_SECONDS


LANGUAGES = (
    "Python Ruby Java Scala Kotlin Swift Rust Haskell Erlang Elixir Clojure Perl PHP Lua Dart"
    " Julia OCaml Fortran COBOL Groovy Zig Nim TypeScript JavaScript Bash MATLAB Solidity Racket"
).split()


def test_a_list_leads_to_a_word_of_people_no_further_than_the_walk(
    extractor: SkillExtractor,
) -> None:
    listed = "We use " + ", ".join(LANGUAGES)
    # a role the post hires for keeps the whole list
    assert [t for _, t in found(extractor, listed + " and Move CEO wanted.")] == LANGUAGES
    # an organisation's CEO takes the names within ORG_WALK (40) tokens of it, two tokens a name
    # ("Zig, "), not the whole list
    assert [t for _, t in found(extractor, listed + " and Move CEO.")] == LANGUAGES[:9]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an electronic medical record, not Amazon EMR; the domain only where it is asked for
        ("Our app integrates with the clinic's EHR/EMR (electronic health records).", []),
        ("Experience with EHR/EMR integrations is a plus.", [("healthcare", "EHR")]),
        ("Experience with EMR and Spark is a plus.", [("emr", "EMR"), ("spark", "Spark")]),
    ],
)
def test_emr_beside_health_records_is_no_data_platform(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected
