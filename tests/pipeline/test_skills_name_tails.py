"""A context-judged name that ends another name ("on Google Play", "like Service Fabric")."""

from __future__ import annotations

import gc
import time

import pytest

from pipeline.skills import SkillExtractor
from pipeline.skills.taxonomy import load_entries
from tests.pipeline.timing import collector_paused


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the store, a platform, a city: the name ends another one
        ("Our quiz app is live on Google Play and the App Store.", []),
        (
            "Port our puzzle titles to Linux through Brindle Play (Quillwork), in C++.",
            [("linux", "Linux"), ("cpp", "C++")],
        ),
        ("Our services run on Service Fabric clusters with Docker.", [("docker", "Docker")]),
        ("Our office in Hong Kong, Python shop.", [("python", "Python")]),
        # the tool: a tool, a title's words, a sentence's first word or an acronym before it
        (
            "Our stack is Scala Play and Akka.",
            [("scala", "Scala"), ("play", "Play"), ("akka", "Akka")],
        ),
        (
            "Skills: Bash scripting and Python OR Ruby.",
            [("bash", "Bash scripting"), ("python", "Python"), ("ruby", "Ruby")],
        ),
        ("Hiring a Fullstack Engineer Node/React.", [("nodejs", "Node"), ("react", "React")]),
        (
            "We run MS Windows servers and Python tools.",
            [("windows", "Windows"), ("python", "Python")],
        ),
        ("Using Play with Scala daily.", [("play", "Play"), ("scala", "Scala")]),
    ],
)
def test_a_judged_name_after_a_capitalised_word_in_prose_ends_another_name(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a vendor's name before the tool's
        "Images are baked with Hashicorp Packer for our Python services.",
        "Hosts are configured with Opscode Chef and Python scripts.",
        # a title-cased adjective
        "You write Idiomatic Rust and some Python.",
        "You know Modern Angular and some Python.",
        # a title-cased area before the name
        "You will own our Frontend Angular app and its Python backend.",
    ],
)
def test_known_losses_of_the_name_tail_rule(extractor: SkillExtractor, text: str) -> None:
    """The price of the rule (docs/skills.md, rules-14): these tools are lost, only Python stays."""
    assert found(extractor, text) == [("python", "Python")]


# A group's label, never written as a name in a post.
GROUP_LABELS = frozenset({"scala_libraries"})


def test_every_judged_name_written_as_its_canonical_name_is_found(
    extractor: SkillExtractor,
) -> None:
    """The rule drops a judged name after a capitalised word; the full name must be an alias."""
    judged = [e.skill for e in load_entries() if e.rule == "ctx" and e.skill.id not in GROUP_LABELS]
    missed = [
        skill.name
        for skill in judged
        if skill.id
        not in {m.skill_id for m in extractor.extract(f"We build with {skill.name} and Python.")}
    ]
    assert len(judged) == 230
    assert missed == []


GROWTH_FACTOR = 4
# Linear time gives 4, quadratic 16; the collector is paused while timing (see test_skills_rules13).
# The short text takes about 35-45 ms of CPU, well above the clock's and the machine's noise.
MAX_TIME_RATIO = 8.0
SHORT_TEXT_CHARS = 160_000


def _fewest_cpu_seconds(extractor: SkillExtractor, text: str) -> float:
    """The fewest CPU seconds of three extractions of `text`, the collector paused."""
    times = []
    for _ in range(3):
        with collector_paused():
            began = time.process_time()
            extractor.extract(text)
            times.append(time.process_time() - began)
    return min(times)


@pytest.mark.parametrize("unit", ["on Google Play ", "the Acme Play, ", "in Hong Kong\n"])
def test_repeated_name_tails_are_read_in_linear_time(extractor: SkillExtractor, unit: str) -> None:
    short = unit * (SHORT_TEXT_CHARS // len(unit))
    long = unit * (GROWTH_FACTOR * SHORT_TEXT_CHARS // len(unit))
    assert extractor.extract(long + "Python")[-1].skill_id == "python"
    assert len(extractor.extract(long)) == 0
    short_time = _fewest_cpu_seconds(extractor, short)
    long_time = _fewest_cpu_seconds(extractor, long)
    assert long_time < MAX_TIME_RATIO * short_time


def test_timing_leaves_the_collector_as_it_found_it() -> None:
    was_enabled = gc.isenabled()
    try:
        for state in (False, True):
            (gc.enable if state else gc.disable)()
            with collector_paused():
                assert not gc.isenabled()
            assert gc.isenabled() is state
    finally:
        (gc.enable if was_enabled else gc.disable)()
