"""Names that say something other than a tool the job uses: a product the employer likens itself
to ("think GitHub for kitchens"), a code host written as a link or with its repos, stars or
organisation, EMR among clinical words (a medical record), the products and investors "behind"
an organisation names, and a method's name before an organisation noun ("an AI startup")."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


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
        ("Send us your GitLab repos with the application.", []),
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
            "Our EMR, built with Python and PostgreSQL, serves clinicians and patients.",
            [("python", "Python"), ("postgresql", "PostgreSQL")],
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
            "Acme is a fast-growing Artificial Intelligence (AI) company. You will write Go services.",
            [("go", "Go")],
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a code host's place with a word of working on it, or not right after the name
        (
            "You would push fixes to our GitHub repo and review pull requests.",
            [("github", "GitHub"), ("code_review", "pull requests")],
        ),
        (
            "Familiar with GitHub or GitLab repositories and CI pipelines.",
            [("github", "GitHub"), ("gitlab", "GitLab"), ("continuous_integration", "CI")],
        ),
        (
            "You will be managing GitHub, GitLab or Bitbucket repos for 30 teams.",
            [("github", "GitHub"), ("gitlab", "GitLab"), ("bitbucket", "Bitbucket")],
        ),
        ("Tools: GitHub PRs and repos, Jira.", [("github", "GitHub"), ("jira", "Jira")]),
        # an address that is no repo or profile on the host
        (
            "Our CI uses GitHub (https://docs.github.com/en/actions) and Go services.",
            [("continuous_integration", "CI"), ("github", "GitHub"), ("go", "Go")],
        ),
        # "think" inside a clause is no analogy
        ("We think Python for embedded work is the right call.", [("python", "Python")]),
    ],
)
def test_code_hosts_and_analogies_kept(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a qualifier, a list with a data tool, "on", "AWS:" make EMR the tool in a clinic's post
        (
            "Our EMR app serves patients.\nThe warehouse runs on Amazon EMR.",
            [("emr", "Amazon EMR")],
        ),
        (
            "HIPAA-ready patients' data.\nInfra: AWS (EC2, S3, EMR).",
            [
                ("privacy_compliance", "HIPAA"),
                ("aws", "AWS"),
                ("ec2", "EC2"),
                ("s3", "S3"),
                ("emr", "EMR"),
            ],
        ),
        (
            "Data tooling for clinicians: EMR, S3, Spark.",
            [("emr", "EMR"), ("s3", "S3"), ("spark", "Spark")],
        ),
        ("Hospital scans are processed on EMR with Spark.", [("emr", "EMR"), ("spark", "Spark")]),
        (
            "Claims from hospitals land on AWS: EMR with Spark.",
            [("aws", "AWS"), ("emr", "EMR"), ("spark", "Spark")],
        ),
        # the field's words count within FIELD_WINDOW tokens of the name only
        (
            "Nightly jobs use an EMR cluster with Spark and Scala, tuned every week by the "
            + "two platform engineers of the data team who also support the patients.",
            [("emr", "EMR"), ("spark", "Spark"), ("scala", "Scala")],
        ),
        # Jetpack listed with Android tools; "plugins" is no WordPress word
        (
            "Mobile: Kotlin, Jetpack, Retrofit, custom Gradle plugins.",
            [
                ("kotlin", "Kotlin"),
                ("android_jetpack", "Jetpack"),
                ("retrofit", "Retrofit"),
                ("gradle", "Gradle"),
            ],
        ),
    ],
)
def test_field_sense_kept(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun after the name behind "behind" makes it a technology
        ("You are the main force behind Kubernetes adoption here.", [("kubernetes", "Kubernetes")]),
        ("Meet the engineers behind Kafka pipelines at scale.", [("kafka", "Kafka")]),
        ("Be among the developers behind React Native apps.", [("react_native", "React Native")]),
        (
            "We are the team behind Terraform modules and Kubernetes clusters.",
            [("terraform", "Terraform"), ("kubernetes", "Kubernetes")],
        ),
        # a method's name asked for: no determiner before it, "experience" or "-" after the noun
        ("Turn NLP business rules into models.", [("nlp", "NLP")]),
        (
            "Machine learning startup experience helps. PyTorch.",
            [("machine_learning", "Machine learning"), ("pytorch", "PyTorch")],
        ),
        (
            "Lead our machine learning company-wide rollout.",
            [("machine_learning", "machine learning")],
        ),
        (
            "Ship computer vision business tools with OpenCV.",
            [("computer_vision", "computer vision"), ("opencv", "OpenCV")],
        ),
    ],
)
def test_behind_and_methods_kept(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a code host's place shown: after "your", with an address on the next line
        ("Walk us through one of your GitHub repos, or pair with us in Go.", [("go", "Go")]),
        ("GitHub Repos:\nhttps://github.com/acme/widgets\nWe write Rust.", [("rust", "Rust")]),
        # an analogy after a comma
        (
            "Acme is a video editor, think Figma for film. We use TypeScript.",
            [("typescript", "TypeScript")],
        ),
        # "behind" before a list that ends without a noun after it
        ("We're the company behind Kong, the popular gateway. We use Lua.", [("lua", "Lua")]),
        ("Backed by the investors behind Figma, Notion and others. We use Go.", [("go", "Go")]),
        # a determiner before a few words before the method
        (
            "Acme is a profitable, stable, and growing artificial intelligence startup. We use Go.",
            [("go", "Go")],
        ),
    ],
)
def test_other_senses_after_fixes(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected
