"""Names that say something other than a tool the job uses: a product the employer likens itself
to ("think GitHub for kitchens"), a code host written as a link or with its repos, stars or
organisation, EMR among clinical words (a medical record), the products and investors "behind"
an organisation names, and a method's name before an organisation noun ("an AI startup")."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


@pytest.fixture(scope="module")
def extractor() -> SkillExtractor:
    return SkillExtractor()


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # analogies: "think X for Y", "like X but for Y"
        (
            "We build recipe software for restaurants (think GitHub for kitchens). We write Python.",
            [("python", "Python")],
        ),
        (
            "Think GitLab/Bitbucket for circuit boards. We write Rust and Python.",
            [("rust", "Rust"), ("python", "Python")],
        ),
        ("We are a bit like Stripe but for farmers, built on Django.", [("django", "Django")]),
        # "for" after the name alone is no analogy
        (
            "We use GitHub for code review and Jenkins.",
            [("github", "GitHub"), ("code_review", "code review"), ("jenkins", "Jenkins")],
        ),
        ("Languages like C++ for firmware.", [("cpp", "C++"), ("firmware", "firmware")]),
        # a code host as a link, or its repos, stars, organisation
        ("Code: GitHub: https://github.com/acme-widgets", []),
        ("See Acme GitHub - github.com/acme and write Go, Rust.", [("go", "Go"), ("rust", "Rust")]),
        ("Acme Docs (https://acme.dev), Acme GitLab (https://gitlab.com/acme)", []),
        (
            "Our library has 9,000 GitHub stars and runs on Kubernetes.",
            [("kubernetes", "Kubernetes")],
        ),
        ("Take a look at our public GitHub repository.", []),
        ("Acme GitHub organization: see our projects.", []),
        (
            "Our workflow: GitHub, CircleCI and Terraform.",
            [
                ("github", "GitHub"),
                ("circleci", "CircleCI"),
                ("terraform", "Terraform"),
            ],
        ),
    ],
)
def test_analogies_and_code_host_links(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the medical record, beside clinical words; every EMR of that posting
        (
            "Our EMR connects clinics with patients and physicians. Stack: TypeScript.",
            [("typescript", "TypeScript")],
        ),
        (
            "Acme | Senior Engineer - EMR Platform | Remote\n\n"
            + "We write TypeScript, Jest and Terraform all day long, and ship every week. "
            + "Build adapters for EMR systems used by hospitals.",
            [("typescript", "TypeScript"), ("jest", "Jest"), ("terraform", "Terraform")],
        ),
        # the data service: no clinical word, or named with Amazon
        (
            "Batch jobs on EMR, S3 and Spark.",
            [("emr", "EMR"), ("s3", "S3"), ("spark", "Spark")],
        ),
        (
            "We analyse hospital data with Amazon EMR and Python.",
            [("emr", "Amazon EMR"), ("python", "Python")],
        ),
        # Jetpack beside WordPress is the plugin; Android's otherwise
        (
            "We make WordPress.com, WooCommerce and Jetpack. You know PHP.",
            [("woocommerce", "WooCommerce"), ("php", "PHP")],
        ),
        (
            "Android apps in Kotlin and Jetpack.",
            [("android", "Android"), ("kotlin", "Kotlin"), ("android_jetpack", "Jetpack")],
        ),
    ],
)
def test_field_sense(extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme is the company behind Elasticsearch and Kibana. You will write Java.",
            [("java", "Java")],
        ),
        (
            "Backed by the investors behind Figma, Stripe and Notion. We use React.",
            [("react", "React")],
        ),
        # "those behind" is no organisation
        (
            "Interested in architectures such as those behind Spark and Dask?",
            [("spark", "Spark"), ("dask", "Dask")],
        ),
        # a method's name before an organisation noun describes the employer
        ("Acme is a machine learning startup. We use Python.", [("python", "Python")]),
        (
            "Acme is a fast-growing Artificial Intelligence (AI) company hiring Go engineers.",
            [],
        ),
        (
            "Experience with machine learning and NLP is a plus.",
            [("machine_learning", "machine learning"), ("nlp", "NLP")],
        ),
    ],
)
def test_organisations_behind_and_employer_descriptions(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "plc" in lower case is the legal form of a company; the controller is written "PLC"
        (
            "Acme Genetics plc | Oxford | We write Python and Go.",
            [("python", "Python"), ("go", "Go")],
        ),
        ("Experience with PLC programming and SCADA.", [("scada", "PLC"), ("scada", "SCADA")]),
        ("You have programmed PLCs before.", [("scada", "PLCs")]),
    ],
)
def test_plc_legal_form(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected
