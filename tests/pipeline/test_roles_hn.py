"""Role classifier on whole Hacker News "Who is hiring?" posts (docs/roles.md, HN section)."""

from __future__ import annotations

import pytest

from pipeline.roles import openings_of_post, role_families

AI, DS = "ai_engineer", "data_scientist"

# (id, post text as cleaned plain text, expected role families)
POSTS: list[tuple[str, str, list[str]]] = [
    (
        "single-role-pipes",
        "Acme Robotics | Machine Learning Engineer | Berlin | ONSITE | €70k-€90k\nWe build robots.",
        [AI],
    ),
    (
        "multi-role-field",
        "Acme | ML Engineer, Data Scientist, Backend | Remote (US) | Full-time\nWe sell shoes.",
        [AI, DS],
    ),
    (
        "two-role-fields",
        "Acme | Senior Frontend Engineer | Data Scientist | NYC | ONSITE\nAbout us.",
        [DS],
    ),
    ("dash-separators", "Acme Corp - Senior Data Scientist - London - Hybrid\nWe like maps.", [DS]),
    (
        "en-dash-separators",
        "Acme – Machine Learning Engineer – Paris – REMOTE\nAbout the team.",
        [AI],
    ),
    ("em-dash-and-bullet", "Acme — Remote (EU) • Data Scientist • €80k\nMore text here.", [DS]),
    (
        "slash-separated-field",
        "Acme | Onsite / Hybrid | ML Engineer / Data Scientist | Boston\nHello.",
        [AI, DS],
    ),
    (
        "order-varies",
        "REMOTE | Acme Health | $150k-$190k | Senior AI Engineer\nWe build for clinics.",
        [AI],
    ),
    (
        "roles-label",
        "Acme | Berlin | Onsite\nRoles: Backend, Frontend, ML\nWe are a friendly team.",
        [AI],
    ),
    (
        "bare-discipline-header",
        "Acme | Backend, Frontend, Machine Learning | SF | Onsite\nWe make tools.",
        [AI],
    ),
    (
        "bare-data-science-in-list",
        "Acme | NYC\nOpen positions: Backend, Data Science, Design\nWe do things.",
        [DS],
    ),
    (
        "body-bullets",
        "Acme | Remote | Full-time\nWe're hiring:\n- Senior ML Engineer\n- Data Scientist\n- Product Designer\nEmail jobs@acme.example",
        [AI, DS],
    ),
    (
        "numbered-list",
        "Acme | Austin, TX\nOpen roles:\n1. Staff Backend Engineer\n2. Machine Learning Engineer (Search)\n3. Recruiter",
        [AI],
    ),
    (
        "list-governs-category",
        "Acme | AI/ML | San Francisco | ONSITE\nWe're hiring:\n- Backend Engineer\n- Product Designer\nWe build AI tooling.",
        [],
    ),
    (
        "list-governs-engineering",
        "Acme | Engineering | Remote\nOpen roles:\n* Senior Data Scientist\n* Frontend Engineer",
        [DS],
    ),
    (
        "prose-hiring-sentence",
        "Acme (Seattle, WA)\nWe are hiring frontend and machine learning engineers to build our search product.",
        [AI],
    ),
    (
        "old-style-location-role",
        "San Francisco, CA - Machine Learning Engineer - Acme (acme.example)\nWe are a small team.",
        [AI],
    ),
    (
        "old-style-prose",
        "SF - Acme is hiring Python developers and data scientists. Email me.",
        [DS],
    ),
    (
        "mention-in-description",
        "Acme | Backend Engineer | Remote\nYou'll work with our data scientists and ML engineers to ship models.",
        [],
    ),
    (
        "mention-in-stack",
        "Acme | Full Stack Developer | NYC\nTech stack: Python, PyTorch, machine learning, NLP.\nNice to have: computer vision experience.",
        [],
    ),
    (
        "requirements-bullets",
        "Acme | Software Engineer | Remote\nRequirements:\n- Experience working with data scientists\n- Familiarity with ML pipelines\n- 3+ years as a backend developer",
        [],
    ),
    (
        "requirement-sentence-bullet",
        "Acme Freight | Frontend Engineer | Remote (US)\nWe route trucks.\nRequirements:\n* A solid grasp of LangChain, pgvector, and prompt engineering\n* 3+ years of React",
        [],
    ),
    (
        "skills-bullet-without-cue",
        "Acme | Backend Engineer | Berlin\n- Good command of Python, Airflow and machine learning engineering\n- LangChain, pgvector and prompt engineering\n- Prompt engineering and evals",
        [],
    ),
    (
        "activity-bullets-beside-openings",
        "Acme | Remote\nWe're hiring:\n- Prompt Engineering\n- Backend",
        [AI],
    ),
    (
        "resume-comment",
        "SEEKING WORK | Senior ML Engineer | Remote | Python, PyTorch\nResume: https://example.com/cv.pdf\nEmail: me@example.com",
        [],
    ),
    (
        "resume-format",
        "Location: Lisbon\nRemote: Yes\nWilling to relocate: No\nTechnologies: Python, SQL, scikit-learn\nRésumé/CV: https://example.com\nEmail: someone@example.com\nData scientist with 6 years of experience.",
        [],
    ),
    (
        "complaint",
        "Is anyone else tired of every post asking for ML engineers with 10 years of LLM experience?",
        [],
    ),
    (
        "ai-company-plain-swe",
        "Hazel AI | Senior Backend Engineer | Remote\nWe build AI agents for accountants.",
        [],
    ),
    (
        "company-descriptor-field",
        "Acme | AI-powered legal research | NYC | Senior Frontend Engineer\nJoin us.",
        [],
    ),
    (
        "data-engineer-not-ai",
        "Acme | Senior Data Engineer (ML platform) | Remote\nPipelines all day.",
        [],
    ),
    (
        "research-scientist-not-ds",
        "Acme Labs | Research Scientist, Machine Learning | London\nPapers and models.",
        [],
    ),
    (
        "mts-data-scientist",
        "Acme | Member of Technical Staff (Data Scientist/Engineer) | SF\nWe model things.",
        [DS],
    ),
    (
        "software-engineer-ml",
        "Acme | Software Engineer, Machine Learning | Toronto | Hybrid\nRanking team.",
        [AI],
    ),
    (
        "paren-list-of-areas",
        "Acme | Senior Engineers (Full-stack, Backend, ML Platform) | NYC & SF\nWe are growing.",
        [AI],
    ),
    (
        "head-of-technology-and-ai",
        "Acme | Head of Technology & Applied AI | Remote\nFirst technical hire.",
        [],
    ),
    (
        "both-families-body",
        "Acme | Multiple roles | Remote (EU)\nWe are looking for:\n* Infrastructure Engineers\n* Data Scientists\n* AI Engineer (LLM products)",
        [AI, DS],
    ),
    (
        "title-lines-with-colons",
        "Acme | San Mateo | Onsite\nSeeking multiple positions:\nWeb Front-End Engineer:\nBuild the UI.\nData Scientist:\nFind threats in logs with our security experts.",
        [DS],
    ),
    (
        "hiring-in-data-science",
        "Acme | Chicago | ONSITE\nWe're hiring in data science and engineering this quarter.",
        [DS],
    ),
    (
        "upper-case-header",
        "ACME | SENIOR MACHINE LEARNING ENGINEER | REMOTE | $200K\nWE SHIP MODELS.",
        [AI],
    ),
    ("empty", "", []),
]


@pytest.mark.parametrize(
    ("post", "families"), [(p, f) for _, p, f in POSTS], ids=[i for i, _, _ in POSTS]
)
def test_post_role_families(post: str, families: list[str]) -> None:
    assert role_families(openings_of_post(post)) == families


def test_post_table_size() -> None:
    assert len(POSTS) >= 25


def test_multi_role_header_openings_in_order() -> None:
    openings = openings_of_post(
        "Acme | Senior ML Engineer, Data Scientist, Backend | Remote\nText."
    )
    assert [(o.normalized_title, o.role_family, o.seniority) for o in openings] == [
        ("Machine Learning Engineer", "ai_engineer", "senior"),
        ("Data Scientist", "data_scientist", "mid"),
        ("Backend", "other", "mid"),
    ]
    assert all(o.section is None for o in openings)


def test_bare_ml_discipline_becomes_ml_engineer_opening() -> None:
    openings = openings_of_post("Acme | Remote\nRoles: Backend, Frontend, ML")
    ml = [o for o in openings if o.role_family == "ai_engineer"]
    assert [(o.title, o.normalized_title) for o in ml] == [("ML", "Machine Learning Engineer")]


def test_distributed_head_noun() -> None:
    openings = openings_of_post("Acme | Frontend and Backend Engineers | Remote\nHi.")
    assert [o.normalized_title for o in openings] == ["Frontend Engineer", "Backend Engineer"]


def test_list_governs_drops_category_header() -> None:
    post = "Acme | Machine Learning | Remote\nOpen roles:\n- Backend Engineer\n- Designer\n"
    openings = openings_of_post(post)
    assert [o.normalized_title for o in openings] == ["Backend Engineer", "Designer"]


def test_sections_of_openings_with_descriptions() -> None:
    post = (
        "Acme | Berlin | Onsite\n"
        "We build search.\n"
        "We're hiring:\n"
        "- Senior Machine Learning Engineer\n"
        "You will train ranking models in PyTorch and deploy them on Kubernetes.\n"
        "- Data Scientist\n"
        "You will design A/B tests and analyse them in R and SQL.\n"
        "Apply at jobs@acme.example"
    )
    openings = openings_of_post(post)
    assert [o.role_family for o in openings] == ["ai_engineer", "data_scientist"]
    first, second = (o.section for o in openings)
    assert first is not None and second is not None
    assert post[first[0] : first[1]] == (
        "- Senior Machine Learning Engineer\n"
        "You will train ranking models in PyTorch and deploy them on Kubernetes."
    )
    assert post[second[0] : second[1]] == (
        "- Data Scientist\nYou will design A/B tests and analyse them in R and SQL."
    )
    assert (
        "Kubernetes" in post[first[0] : first[1]]
        and "Kubernetes" not in post[second[0] : second[1]]
    )


def test_no_sections_for_a_bare_list() -> None:
    post = "Acme | Remote\nOpen roles:\n- ML Engineer\n- Data Scientist\n- Designer\nWe use Python and SQL across the company."
    assert [o.section for o in openings_of_post(post)] == [None, None, None]


def test_sections_for_title_lines_with_inline_description() -> None:
    post = (
        "Acme | Remote\n"
        "Data Scientist - experiment design, causal inference, SQL and Python for our growth team\n"
        "ML Engineer - serving recommendation models with low latency using Go and ONNX runtime\n"
    )
    openings = openings_of_post(post)
    assert [o.role_family for o in openings] == ["data_scientist", "ai_engineer"]
    spans = [post[o.section[0] : o.section[1]] for o in openings if o.section]
    assert len(spans) == 2
    assert "causal inference" in spans[0] and "ONNX" in spans[1]
    assert "ONNX" not in spans[0]


def test_section_offsets_are_inside_text() -> None:
    post = (
        "Acme | NYC\nPositions:\n* AI Engineer\nBuild agents.\n* Data Scientist\nRun experiments.\n"
    )
    for opening in openings_of_post(post):
        assert opening.section is not None
        start, end = opening.section
        assert 0 <= start < end <= len(post)
        assert post[start:end].startswith("* ")


def test_duplicate_openings_are_listed_once() -> None:
    post = "Acme | Data Scientist | Remote\nOpen roles:\n- Data Scientist\n- Data Scientist\n"
    assert [o.normalized_title for o in openings_of_post(post)] == ["Data Scientist"]


def test_requirement_sentence_is_not_an_opening() -> None:
    post = (
        "Heron Freight | Frontend Engineer | Remote (US) | $150k-$180k\n\nWe build routing software."
        "\n\nRequirements:\n* A solid grasp of LangChain, pgvector, and prompt engineering\n"
        "* 3+ years of React"
    )
    openings = openings_of_post(post)
    assert [(o.title, o.role_family) for o in openings] == [("Frontend Engineer", "other")]


def test_lists_of_engineering_areas_still_make_openings() -> None:
    post = (
        "Acme | Boston | ONSITE\nMid-level and senior folks in:\n- Data science\n"
        "- Machine learning engineering\n- Backend engineering"
    )
    openings = openings_of_post(post)
    assert [(o.normalized_title, o.role_family) for o in openings] == [
        ("Data Science", DS),
        ("Machine Learning Engineering", AI),
        ("Backend Engineering", "other"),
    ]


def test_distributed_head_after_a_one_word_area_is_kept() -> None:
    post = "Acme | London\n- Simulation, Optimisation and Control Engineers\n- Reinforcement Learning, Machine Learning Engineers"
    titles = [o.normalized_title for o in openings_of_post(post)]
    assert "Machine Learning Engineer" in titles and "Control Engineer" in titles
