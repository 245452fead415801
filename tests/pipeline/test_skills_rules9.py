"""rules-9: areas out of the tool categories (still evidence for a technology beside them),
tools split out of area entries, names that are also places or companies, cities before a state."""

from __future__ import annotations

import pytest

from pipeline.skills import NON_TECH_CATEGORIES, TOOL_CATEGORIES, SkillExtractor, skills_by_id


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


def ids(extractor: SkillExtractor, text: str) -> list[str]:
    return [m.skill_id for m in extractor.extract(text)]


# --- areas are no tools ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("skill_id", "category"),
    [
        ("microservices", "concept"),
        ("mlops", "concept"),
        ("model_deployment", "concept"),
        ("spa", "concept"),
        ("knowledge_graphs", "concept"),
        ("video_streaming", "concept"),
        ("spreadsheet_modeling", "concept"),
        ("smart_contracts", "concept"),
        ("package_management", "concept"),
        ("cicd", "methodology"),
        ("iac", "methodology"),
        ("continuous_integration", "methodology"),
        ("devops", "concept"),
        ("product_management", "concept"),
        ("software_development", "concept"),
    ],
)
def test_areas_and_practices_are_not_tools(skill_id: str, category: str) -> None:
    skill = skills_by_id()[skill_id]
    assert skill.category == category
    assert skill.category in NON_TECH_CATEGORIES
    assert skill.category not in TOOL_CATEGORIES


@pytest.mark.parametrize(
    "skill_id", ["ffmpeg", "gstreamer", "hls", "python_packaging", "ethereum", "docker", "mlflow"]
)
def test_named_tools_stay_tools(skill_id: str) -> None:
    assert skills_by_id()[skill_id].category in TOOL_CATEGORIES


def test_hadoop_administration_is_hadoop(extractor: SkillExtractor) -> None:
    assert "hadoop_admin" not in skills_by_id()
    assert ids(extractor, "You will own Hadoop administration for two clusters.") == ["hadoop"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an area still vouches for an ambiguous technology named beside it
        ("We want Go or Rust (future microservices) experience.", ["go", "rust", "microservices"]),
        ("Mostly Scala-based microservices on a message bus.", ["scala", "microservices"]),
        (
            "Single page applications using ember, angular, react and friends.",
            ["spa", "ember", "angular", "react"],
        ),
        ("Spark nodes and CI/CD pipelines in one repo.", ["spark", "cicd"]),
    ],
)
def test_areas_still_vouch_for_technologies(
    extractor: SkillExtractor, text: str, expected: list[str]
) -> None:
    assert ids(extractor, text) == expected


def test_areas_take_their_generic_head(extractor: SkillExtractor) -> None:
    assert found(extractor, "We run an in-house microservice framework and CI/CD tools.") == [
        ("microservices", "microservice framework"),
        ("cicd", "CI/CD tools"),
    ]


# --- tools out of area entries --------------------------------------------------------------------


def test_smart_contracts_are_no_ethereum(extractor: SkillExtractor) -> None:
    assert ids(extractor, "You will audit smart contracts on several chains.") == [
        "smart_contracts"
    ]
    assert ids(extractor, "Write a smart contract in Solidity for Ethereum.") == [
        "smart_contracts",
        "solidity",
        "ethereum",
    ]


def test_video_tools_are_their_own(extractor: SkillExtractor) -> None:
    assert ids(extractor, "Our encoders wrap FFmpeg and GStreamer and serve HLS.") == [
        "ffmpeg",
        "gstreamer",
        "hls",
    ]
    assert ids(extractor, "We build video streaming for schools.") == ["video_streaming"]


def test_package_management_is_the_area(extractor: SkillExtractor) -> None:
    assert ids(extractor, "Experience with package management, pip and conda.") == [
        "package_management",
        "python_packaging",
        "python_packaging",
    ]


# --- online learning: the method only as a list item -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Research areas: recommender systems, deep learning, online learning, ranking.",
        "This includes deep learning, XGBoost and online learning.",
        "We implement online learning algorithms for ad bidding.",
    ],
)
def test_online_learning_as_a_method(extractor: SkillExtractor, text: str) -> None:
    assert "online_learning" in ids(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Coursefox is an online learning platform for nurses, built with Python.",
        "We are changing how online learning works for adults, using React.",
        "A passion for online learning is a plus.",
    ],
)
def test_online_learning_as_e_learning(extractor: SkillExtractor, text: str) -> None:
    assert "online_learning" not in ids(extractor, text)


# --- names that are also places or companies ------------------------------------------------------


def test_rapids_only_in_capitals(extractor: SkillExtractor) -> None:
    assert "rapids" not in ids(extractor, "Acme | Grand Rapids, MI | Python, Django | Onsite")
    assert "rapids" not in ids(extractor, "For fun we raft river rapids with Python people.")
    assert ids(extractor, "Dataframes with RAPIDS and Dask.") == ["rapids", "dask"]


def test_h2o_only_as_a_list_item(extractor: SkillExtractor) -> None:
    assert "h2o" not in ids(extractor, "Wet H2O | Chicago, IL | React, Node | Full Time")
    assert "h2o" not in ids(extractor, "Wet H2O builds water meters with Python.")
    assert ids(extractor, "Toolkits: scikit-learn, XGBoost, H2O, etc.") == [
        "scikit_learn",
        "xgboost",
        "h2o",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Acme | Phoenix, AZ | Elixir, React | Onsite",
        "Backend Engineer (Dallas, TX or Phoenix, AZ) - Elixir and Go",
        "Our office is in Aurora, CO. We use Postgres and Python.",
    ],
)
def test_a_city_before_a_state_code(extractor: SkillExtractor, text: str) -> None:
    found_ids = ids(extractor, text)
    assert "phoenix" not in found_ids
    assert "aurora" not in found_ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stack: Elixir, Phoenix, React, Postgres.", ["elixir", "phoenix", "react", "postgresql"]),
        ("Backend: Elixir/Phoenix, AZ-based team.", ["elixir", "phoenix"]),
        ("Bonus: Objective-C/Swift, AR/VR experience.", ["objective_c", "swift", "ar_vr"]),
        ("Our stack: jQuery, React, MS SQL, Redis.", ["jquery", "react", "sql_server", "redis"]),
    ],
)
def test_a_state_code_glued_to_more_is_none(
    extractor: SkillExtractor, text: str, expected: list[str]
) -> None:
    assert ids(extractor, text) == expected


# --- tools of the labelled years the taxonomy lacked ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We deploy on Cloud Foundry and AWS.", ["cloud_foundry", "aws"]),
        ("Private clouds on OpenStack or CloudStack.", ["openstack", "cloudstack"]),
        ("AWS: EC2, S3, ElasticCache and SQS.", ["ec2", "s3", "amazon_elasticache", "sqs"]),
        (
            "Native apps for iOS, Android, BlackBerry and Windows Phone.",
            ["ios", "android", "blackberry", "windows_phone"],
        ),
        ("Source control: Git/Hg, Maven.", ["git", "mercurial", "maven"]),
        ("Our older apps are in Java/Swing, new ones in React.", ["java", "java_swing", "react"]),
        ("Front end: Sass, Bourbon, Backbone.", ["sass", "bourbon", "backbone"]),
        ("Build tools (Yeoman, Bower, Grunt).", ["yeoman", "bower", "grunt"]),
        ("Wireframes in Balsamiq or Figma.", ["balsamiq", "figma"]),
    ],
)
def test_added_tools(extractor: SkillExtractor, text: str, expected: list[str]) -> None:
    assert ids(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We pour a bourbon on Fridays and write Python.",
        "Take a swing at our Python puzzle.",
        "It was yeoman work on the Django backend.",
        "BlackBerry bought our startup last year.",
        "Hg levels in fish are measured by our Python tools.",
    ],
)
def test_added_names_as_english(extractor: SkillExtractor, text: str) -> None:
    assert not {"bourbon", "java_swing", "yeoman", "blackberry", "mercurial"} & set(
        ids(extractor, text)
    )
