"""Tool mentions that are no tool asked for: a product the employer likens itself to ("we're the
Android of farming", "building a Heroku for robotics"), a product's users named after "used by ...
teams including", the domain of a mail address written out ("jobs at acme dot com") and a name
inside an organisation's name ("Salesforce Ventures")."""

from __future__ import annotations

import pytest

from pipeline.skills import TOOL_CATEGORIES, SkillExtractor
from pipeline.skills.taxonomy import skills_by_id


@pytest.fixture(scope="module")
def extractor() -> SkillExtractor:
    return SkillExtractor()


def found(extractor: SkillExtractor, text: str) -> set[str]:
    """The tools (`TOOL_CATEGORIES`) the text's mentions name."""
    skills = skills_by_id()
    return {
        m.skill_id
        for m in extractor.extract(text)
        if skills[m.skill_id].category in TOOL_CATEGORIES
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the X of Y" as "the X for Y"
        ("We're the Android of indoor farming. We write Kotlin.", {"kotlin"}),
        ("Fernwise is the Shopify of bakeries.", set()),
        # a form of "become" before the determiner
        ("We are aiming to be the AWS of logistics.", set()),
        ("Our goal is to become the GitHub for circuit design.", set()),
        # "as" after a verb of calling
        ("We think of ourselves as the Twilio for pet clinics.", set()),
        ("It can be thought of as a Figma for spreadsheets.", set()),
        # a verb of making before one capitalised name
        ("Quillon is building a Heroku for robotics.", set()),
        ("We're creating the Stripe for freight.", set()),
    ],
)
def test_likened_products(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tool used for something, not a likeness
        ("We use Redis as a Memcached for sessions.", {"redis", "memcached"}),
        ("We're heavy on the JavaScript for the game engine.", {"javascript"}),
        ("Our site runs Rails and a WordPress for the blog.", {"rails", "wordpress"}),
        # the employer's own API, or a name with a head noun
        ("We are building the API for dental clinics.", {"apis"}),
        ("We're building a REST API for our partners.", {"rest"}),
        ("We use Postgres as a Redis for caching.", {"postgresql", "redis"}),
        # a made name for the employer's own use
        ("Help us build a Kubernetes for our data workloads.", {"kubernetes"}),
    ],
)
def test_tools_used_for_something(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert found(extractor, text) >= expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our SDKs are used by some of the best engineering teams in the world, including"
            " Twilio, Heroku and Zendesk. We write Python.",
            {"python"},
        ),
        ("Today Acme is used by over 2,000 teams including IBM, OpenAI, and Lyft.", set()),
        ("It's used by thousands of open source projects, including React and Vue.", set()),
        ("Acme is loved by teams like Figma and Canva.", set()),
        ("We're trusted by open-source project teams such as Pydantic and Ruff.", set()),
    ],
)
def test_users_of_the_product(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the employer's own teams, named by what they build
        (
            "We're hiring for multiple teams including Elasticsearch, Kibana and Beats.",
            {"elasticsearch", "elk"},
        ),
        ("We use many tools on various teams, such as Java and React.", {"java", "react"}),
        # "used by" with no users before the list
        ("Our app is used by engineers to build with tools like Python and Go.", {"python"}),
        # the list modifies a lower-case noun: the tools of the users
        (
            "Our SDK is used by 300 teams including Kotlin, Ruby and Elixir shops.",
            {"kotlin", "ruby", "elixir"},
        ),
        ("It is used by 60 teams, including Rust and Go services.", {"rust", "go"}),
        ("A Rails stack backed by MySQL, with technologies such as Redis.", {"rails", "redis"}),
    ],
)
def test_lists_that_stay_tools(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert found(extractor, text) >= expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mail address written out names a domain
        ("Questions? Write to jobs [at] cloudera [dot] com. We use Hadoop.", {"hadoop"}),
        ("Email dana at couchbase dot com with a resume.", set()),
        ("Send a note to kim {AT} newrelic {DOT} com", set()),
        ("Reach out to me directly: sam ⒜ segment.com (or apply on the site).", set()),
        ("Reach out to lee (at) segment.com today.", set()),
        ("Reach out to sam .at. segment.com today.", set()),
        # the name as a tool; "dot" in a word
        ("We use Segment.io and Mixpanel for analytics.", {"segment", "mixpanel"}),
        ("We're looking for C# (dotnet core) developers.", {"csharp", "dotnet"}),
        # "dot" and a domain with no "at" before the name: the tool's site
        ("The Ansible dot com guides are where we start.", {"ansible"}),
        ("Read Postgres dot org before the interview.", {"postgresql"}),
        # "at" in any case or in brackets right before the name
        ("Mail Kim DOT Lee AT Couchbase DOT com.", set()),
        ("Contact: jobs [ at ]newrelic[ dot ]com", set()),
    ],
)
def test_mail_domains(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "what X did for Y": the other side of a likening
        ("Acme is doing for databases what VMware did for servers. We use Python.", {"python"}),
        ("Do you love what GitHub has done for software?", set()),
        ("We aim to be for bakers what Shopify is for merchants.", set()),
        ("Something like what Cisco IOS is to networking, but for farms.", set()),
        # a tool's use, or said to a person
        ("That's what VPNs are for, but ask first.", {"vpn"}),
        ("Tell us what Python is to you.", {"python"}),
        ("We like what Terraform does for infra teams.", {"terraform"}),
    ],
)
def test_what_it_did_for(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name inside an organisation's name
        ("We're backed by Accel, Salesforce Ventures and Citi. We use Python.", {"python"}),
        ("Our engineer works with the Ethereum Foundation.", set()),
        ("At Docker Inc, we believe in containers.", set()),
        # a foundation of knowledge, a course, a hosted service
        ("You need a strong Java foundation.", {"java"}),
        ("Courses: Git Foundations for novices.", {"git"}),
        ("Infra: AWS, Heroku, Redis Labs.", {"aws", "heroku", "redis"}),
        ("At Docker Inc. we believe in containers.", set()),
        # a noun after the ending: models, markets
        ("You will tune Llama Foundation Models.", {"llama", "llm"}),
        ("Senior Kotlin Capital Markets Developer", {"kotlin"}),
        # firms that sell a tool; a framework named "Foundation"
        ("We are one of the top Salesforce Partners.", {"salesforce"}),
        ("We are AWS Partners in Europe.", {"aws"}),
        ("We write Swift Foundation code daily.", {"swift"}),
    ],
)
def test_organisation_names(extractor: SkillExtractor, text: str, expected: set[str]) -> None:
    assert found(extractor, text) == expected
