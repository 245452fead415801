"""Context rules of rules-4: organisations, workplace apps, names inside left-out names, aliases
that are also names of other things."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


# --- a list of names after words that introduce organisations ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm the cofounder of Figma, a startup in San Francisco.",
        "Our people come from companies including Google, Facebook, Box, Zendesk, and Atlassian.",
        "Customers such as Splunk and Okta rely on us.",
        "We are backed by Sequoia and used by Stripe, Twilio and Salesforce.",
        "Our clients: Shopify, Zendesk and HubSpot.",
    ],
)
def test_names_listed_as_organisations_are_not_skills(extractor: SkillExtractor, text: str) -> None:
    assert found(extractor, text) == []


def test_tools_after_an_organisation_list_still_count(extractor: SkillExtractor) -> None:
    text = "Companies like Netflix use React and Kafka. Customers such as Okta, using Python."
    assert found(extractor, text) == [("react", "React"), ("kafka", "Kafka"), ("python", "Python")]


def test_tool_lists_are_not_organisation_lists(extractor: SkillExtractor) -> None:
    text = "Tools like Docker and Kafka; stores such as PostgreSQL."
    assert found(extractor, text) == [
        ("docker", "Docker"),
        ("kafka", "Kafka"),
        ("postgresql", "PostgreSQL"),
    ]


def test_lower_case_words_after_an_organisation_noun_are_not_names(
    extractor: SkillExtractor,
) -> None:
    text = "We serve businesses (python shops, data teams)."
    assert found(extractor, text) == [("python", "python")]


# --- chat and task-board apps ---------------------------------------------------------------------


def test_workplace_apps_are_how_a_team_talks_not_skills(extractor: SkillExtractor) -> None:
    text = "All of our collaboration happens over Slack and Trello, with a Skype call at times."
    assert found(extractor, text) == []


def test_workplace_apps_count_as_a_platform_to_build_on(extractor: SkillExtractor) -> None:
    assert found(extractor, "You will build Slack bots and a Trello integration in Go.") == [
        ("slack", "Slack"),
        ("trello", "Trello"),
        ("go", "Go"),
    ]


# --- a name inside a name that a rule left out ----------------------------------------------------


def test_a_name_inside_the_headers_company_is_part_of_it(extractor: SkillExtractor) -> None:
    assert found(extractor, "Amazon Web Services - Trusted Advisor | Seattle, WA") == []


def test_a_name_inside_a_job_title_is_part_of_it(extractor: SkillExtractor) -> None:
    assert found(extractor, "Hiring a Ruby on Rails Developer in Austin.") == []
    assert found(extractor, "We build with Ruby on Rails.") == [("rails", "Ruby on Rails")]


# --- aliases that name other things ---------------------------------------------------------------


def test_single_sign_on_is_not_saml(extractor: SkillExtractor) -> None:
    assert found(extractor, "We provide a single sign-on solution; SAML and OAuth.") == [
        ("sso", "single sign-on"),
        ("saml", "SAML"),
        ("oauth", "OAuth"),
    ]


def test_cnn_the_network_is_not_a_neural_network(extractor: SkillExtractor) -> None:
    assert found(extractor, "We worked for the World Bank, the United Nations, CNN.") == []
    assert found(extractor, "Experience with CNNs and PyTorch.") == [
        ("cnn", "CNNs"),
        ("pytorch", "PyTorch"),
    ]


# --- coverage: tools of the HN years and of infrastructure work ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Graphics with Skia and SpriteKit, tests in Sinon.", ["skia", "spritekit", "sinon"]),
        ("Cross-platform (Mac, Windows, Linux) apps.", ["macos", "windows", "linux"]),
        ("Debug with Wireshark, traceroute and DTrace.", ["wireshark", "traceroute", "dtrace"]),
        (
            "Our stack is C#, MVC, webapi and SQL Server.",
            ["csharp", "aspnet", "aspnet", "sql_server"],
        ),
        ("Libraries like Retrofit, Dagger 2 and OkHttp.", ["retrofit", "dagger", "okhttp"]),
        ("Queues on NSQ, docs in Swagger, served by Gunicorn.", ["nsq", "swagger", "gunicorn"]),
        ("Apps for tvOS; checks with Coverity.", ["tvos", "static_analysis_tools"]),
    ],
)
def test_added_tools_are_found(extractor: SkillExtractor, text: str, expected: list[str]) -> None:
    assert [skill_id for skill_id, _ in found(extractor, text)] == expected


def test_added_names_that_are_words_need_context(extractor: SkillExtractor) -> None:
    text = "Big Mac with a dagger, Atom Heart Mother and a Parse of the text."
    assert found(extractor, text) == []


# --- cues and lists -------------------------------------------------------------------------------


def test_such_as_is_a_cue_for_a_name(extractor: SkillExtractor) -> None:
    text = "Toolkits such as Bootstrap and preprocessors such as LESS. Go such as this."
    assert found(extractor, text) == [("bootstrap", "Bootstrap"), ("less", "LESS")]


def test_a_list_reaches_past_one_unknown_item(extractor: SkillExtractor) -> None:
    assert found(extractor, "One or more languages (python, c, java, q, R).") == [
        ("python", "python"),
        ("c", "c"),
        ("java", "java"),
        ("r", "R"),
    ]
    # two unknown words are not an item between separators
    assert found(extractor, "We use Python, plan B or R.") == [("python", "Python")]


# --- industries and fields count where the posting asks for them ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Acme is a global leader in financial services.",
        "Benefits: private healthcare, a pension and 30 days off.",
        "We are an innovative, market leading fintech company.",
    ],
)
def test_a_domain_describing_the_company_or_benefits_is_not_asked_for(
    extractor: SkillExtractor, text: str
) -> None:
    assert found(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experience in the fintech industry is a plus.", [("fintech", "fintech")]),
        ("A degree in Physics or Chemistry.", [("physics", "Physics"), ("chemistry", "Chemistry")]),
        ("Industry:\nFinancial Services", [("financial_services", "Financial Services")]),
        ("Solid B2B sales experience.", [("b2b", "B2B")]),
        (
            "Machine learning, NLP, and computational biology.",
            [
                ("machine_learning", "Machine learning"),
                ("nlp", "NLP"),
                ("bioinformatics", "computational biology"),
            ],
        ),
    ],
)
def test_a_domain_the_posting_asks_for_is_kept(
    extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(extractor, text) == expected


def test_an_areas_generic_head_belongs_to_its_mention(extractor: SkillExtractor) -> None:
    text = "Experience with test automation tools, networking protocols and agile principles."
    assert found(extractor, text) == [
        ("testing", "test automation tools"),
        ("networking", "networking protocols"),
        ("agile", "agile principles"),
    ]
    # a named tool keeps its own extent ("Kubernetes tools" is Kubernetes)
    assert found(extractor, "Kubernetes tools.") == [("kubernetes", "Kubernetes")]


def test_the_language_of_the_application_is_not_a_skill(extractor: SkillExtractor) -> None:
    text = "Please apply in English. Send your CV in English to jobs@example.com."
    assert found(extractor, text) == []
    assert found(extractor, "You communicate effortlessly in English.") == [("english", "English")]


def test_a_lower_case_framework_before_a_technology_noun(extractor: SkillExtractor) -> None:
    assert found(extractor, "We run a rails backend and react frontend.") == [
        ("rails", "rails"),
        ("react", "react"),
    ]
    assert found(extractor, "We react to feedback and stay on the rails.") == []


def test_single_word_industries_count_only_where_asked_for(extractor: SkillExtractor) -> None:
    assert found(extractor, "Experience in retail or finance.") == [
        ("retail", "retail"),
        ("financial_services", "finance"),
    ]
    assert found(extractor, "You will work with our finance team and retail stores.") == []
