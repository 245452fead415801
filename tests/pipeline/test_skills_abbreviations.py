"""Abbreviations and plurals that name no skill: "VCs" (venture capitalists) is no version
control system, and an abbreviation a post defines for an organisation's name ("Acme Data Works,
Inc. (ADW)", "Stevens Capital Management (SCM)") stands for that name throughout the post."""

from __future__ import annotations

import time
from itertools import product
from string import ascii_uppercase

import pytest

from pipeline.skills import SkillExtractor
from pipeline.skills.abbreviations import defined_abbreviations, names_other_thing


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # venture capitalists, not version control; the written forms of the term stay
        ("We are funded by leading VCs and angels.", []),
        ("Funded by top VCs, we keep all code in a VCS.", [("version_control", "VCS")]),
        ("Any modern vcs is fine.", [("version_control", "vcs")]),
        (
            "Experience with version control systems",
            [("version_control", "version control systems")],
        ),
        # operating systems, not open source
        ("Drivers for several OSs and RTOS kernels", [("rtos", "RTOS")]),
        ("We contribute to OSS every week.", [("open_source", "OSS")]),
        # an abbreviation defined for the firm's name: none of its mentions is the skill
        (
            "Quill Capital Management (QCM) is hiring. QCM builds in Python and SQL.",
            [("python", "Python"), ("sql", "SQL")],
        ),
        ("Silver Creek Management (SCM) is a fund. At SCM we use SQL.", [("sql", "SQL")]),
        ("SCM (Sable Cove Management) trades. SCM uses SQL.", [("sql", "SQL")]),
        ("Harbor Bank of Commerce (HBC) uses SQL; HBC is growing.", [("sql", "SQL")]),
        # a legal form after the name, quotes inside the bracket
        (
            "Quill Capital Management LP (“QCM”) is hiring. QCM uses SQL.",
            [("sql", "SQL")],
        ),
        # the phrase names the skill itself: the abbreviation stays that skill
        (
            "Join us as a Site Reliability Engineer (SRE). SREs here own uptime; SRE matters.",
            [("sre", "SRE"), ("sre", "SRE")],
        ),
        # a stack spelled out by its tools' names is no name of the post's own
        (
            "We run LAMP (Linux, Apache, MySQL and PHP).",
            [
                ("lamp", "LAMP"),
                ("linux", "Linux"),
                ("apache_httpd", "Apache"),
                ("mysql", "MySQL"),
                ("php", "PHP"),
            ],
        ),
        (
            "We use Source Code Management (SCM) daily; SCM matters.",
            [
                ("version_control", "Source Code Management"),
                ("version_control", "SCM"),
                ("version_control", "SCM"),
            ],
        ),
        (
            "We do Natural Language Processing (NLP). NLP is key.",
            [("nlp", "Natural Language Processing"), ("nlp", "NLP"), ("nlp", "NLP")],
        ),
        # a defined phrase that names no organisation leaves the abbreviation its skill
        (
            "We design Application Programming Interfaces (API). API design matters.",
            [("apis", "API"), ("apis", "API design")],
        ),
        (
            "Field Programmable Gate Arrays (FPGA): FPGA work in Verilog.",
            [("fpga", "FPGA"), ("fpga", "FPGA"), ("verilog", "Verilog")],
        ),
        ("Simple Queue Service (SQS). Many SQS queues.", [("sqs", "SQS"), ("sqs", "SQS")]),
        # an organisation by a legal form or as the header's company: its abbreviation is no skill
        ("Acme Wire Systems, Inc. (AWS) hosts sites. AWS writes Python.", [("python", "Python")]),
        (
            "Acme Wire Systems | Remote\nAcme Wire Systems (AWS) hosts sites. AWS writes Python.",
            [("python", "Python")],
        ),
        # without either the phrase is not known as a name, and the abbreviation stays
        (
            "Acme Wire Systems (AWS) hosts sites. AWS writes Python.",
            [("aws", "AWS"), ("aws", "AWS"), ("python", "Python")],
        ),
        # no definition: the words before the bracket do not spell it
        ("Good with our tools (SCM) and Git.", [("version_control", "SCM"), ("git", "Git")]),
        (
            "Experience with Git or another SCM (Acme Tools).",
            [("git", "Git"), ("version_control", "SCM")],
        ),
    ],
)
def test_abbreviation_senses(extractor: SkillExtractor, text: str, expected: list) -> None:
    assert found(extractor, text) == expected


def test_defined_abbreviations() -> None:
    text = (
        "Join Bright Lane Partners (BLP).\nWe build Customer-Relationship Management (CRM) tools;"
        " GRC (Green River Capital) funds us. The (ABC) and lower case words (LCW) are not names."
    )
    assert defined_abbreviations(text) == {
        "BLP": "Bright Lane Partners",
        "CRM": "Customer Relationship Management",
        "GRC": "Green River Capital",
    }
    defined = defined_abbreviations(text)
    assert names_other_thing(defined, "BLP", "version_control")
    assert not names_other_thing(defined, "CRM", "crm")
    assert not names_other_thing(defined, "SQL", "sql")
    assert defined_abbreviations("Join Acme Data Works, Inc. (“ADW”) today") == {
        "ADW": "Acme Data Works"
    }
    assert defined_abbreviations("Use Application Programming Interfaces (API)") == {}
    assert defined_abbreviations("ADW (Acme Data Works LLC) is hiring") == {
        "ADW": "Acme Data Works"
    }
    assert not names_other_thing({"SRE": "Site Reliability Engineers"}, "SRE", "sre")
    assert names_other_thing({"TTS": "Team Travel Group"}, "TTS", "tts")


# CPU seconds for a line of thousands of bracketed abbreviations (about 0.1 s; 4 s when each
# bracket read the whole line before it). CPU time, so a busy machine does not count against it.
LONG_LINE_BOUND_S = 2.0


def test_a_long_line_of_brackets_is_read_in_linear_time() -> None:
    line = " ".join(
        f"Alpha Beta Gamma ({a}{b}{c})" for a, b, c in product(ascii_uppercase, repeat=3)
    )
    started = time.process_time()
    defined = defined_abbreviations(line + " Bright Lane Park Partners (BLPP)")
    elapsed = time.process_time() - started
    assert elapsed < LONG_LINE_BOUND_S, f"{elapsed:.2f} s"
    assert len(line) > 400_000
    assert defined == {"BLPP": "Bright Lane Park Partners"}
