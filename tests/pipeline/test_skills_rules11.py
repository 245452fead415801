"""rules-11: place names, "-based", lists of ambiguous names."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme | Backend Engineer (Python, Docker) | Salt Lake City, UT | Onsite",
            [("python", "Python"), ("docker", "Docker")],
        ),
        (
            "A top place to work in Phoenix Valley! We use Elixir and Go.",
            [("elixir", "Elixir"), ("go", "Go")],
        ),
        (
            "Config management with Salt, Puppet and Ansible",
            [("saltstack", "Salt"), ("puppet", "Puppet"), ("ansible", "Ansible")],
        ),
        (
            "We build on Elixir/Phoenix and Postgres",
            [("elixir", "Elixir"), ("phoenix", "Phoenix"), ("postgresql", "Postgres")],
        ),
    ],
)
def test_a_tool_name_that_starts_a_place_name_is_the_place(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our stack is completely Ruby-based.", [("ruby", "Ruby")]),
        ("We are now working on an Electron-based desktop app", [("electron", "Electron")]),
        ("Build Go based microservices", [("go", "Go"), ("microservices", "microservices")]),
        ("Experience with C-based languages", [("c", "C")]),
        ("an innovation center for Shell based in Cambridge", []),
        ("a node-based editor for graphs", []),
        ("We are a Phoenix-based startup building tools.", []),
        ("an Aurora-based healthcare company", []),
        ("Boulder-based, Denver-based, Phoenix based teams", []),
        (
            "Our Go based microservices team uses Kubernetes",
            [("go", "Go"), ("kubernetes", "Kubernetes")],
        ),
    ],
)
def test_a_name_something_is_based_on_is_a_tool(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- Front-end Software Engineers (Backbone, Bootstrap, LESS)",
            [("backbone", "Backbone"), ("bootstrap", "Bootstrap"), ("less", "LESS")],
        ),
        (
            "Building, scaling, and improving Consul, Vault, and Nomad on bare metal",
            [("consul", "Consul"), ("vault", "Vault"), ("nomad", "Nomad")],
        ),
        ("Our back-end: Ruby, Go", []),
        ("Swift and Rust were the first to arrive.", []),
    ],
)
def test_three_ambiguous_names_listing_each_other_are_tools(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Use of tools (strace, valgrind, gdb, tcpdump)",
            [
                ("strace", "strace"),
                ("valgrind", "valgrind"),
                ("gdb", "gdb"),
                ("tcpdump", "tcpdump"),
            ],
        ),
        ("Our chat runs on an XMPP server", [("xmpp", "XMPP")]),
        ("Experience with VoIP and SIP", [("voip", "VoIP"), ("sip", "SIP")]),
    ],
)
def test_strace_and_xmpp_are_their_own_tools(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected
