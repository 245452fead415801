"""Role classifier: titles to role family, seniority and normalised title (docs/roles.md)."""

from __future__ import annotations

import pytest

from jobtrends.vocabulary import ROLE_FAMILIES, SENIORITIES
from pipeline.roles import (
    RULES_VERSION,
    Opening,
    classify_title,
    openings_of_posting,
    role_families,
)

AI, DS, OT = "ai_engineer", "data_scientist", "other"

# (title, role family, seniority)
TITLES: list[tuple[str, str, str]] = [
    # plain AI engineering titles
    ("AI Engineer", AI, "mid"),
    ("Applied AI Engineer", AI, "mid"),
    ("AI Software Engineer", AI, "mid"),
    ("AI/ML Engineer", AI, "mid"),
    ("ML/AI Engineer", AI, "mid"),
    ("AI Agent Engineer", AI, "mid"),
    ("AI Agents Engineer", AI, "mid"),
    ("Forward Deployed AI Engineer", AI, "mid"),
    ("AI Deployment Engineer", AI, "mid"),
    ("AI Platform Engineer", AI, "mid"),
    ("AI Infrastructure Engineer", AI, "mid"),
    ("Generative AI Engineer", AI, "mid"),
    ("GenAI Engineer", AI, "mid"),
    ("Gen AI Engineer", AI, "mid"),
    ("LLM Engineer", AI, "mid"),
    ("Prompt Engineer", AI, "mid"),
    ("Machine Learning Engineer", AI, "mid"),
    ("ML Engineer", AI, "mid"),
    ("MLOps Engineer", AI, "mid"),
    ("ML Ops Engineer", AI, "mid"),
    ("ML Platform Engineer", AI, "mid"),
    ("ML Infrastructure Engineer", AI, "mid"),
    ("Deep Learning Engineer", AI, "mid"),
    ("NLP Engineer", AI, "mid"),
    ("Natural Language Processing Engineer", AI, "mid"),
    ("Computer Vision Engineer", AI, "mid"),
    ("Research Engineer (ML/AI)", AI, "mid"),
    ("Research Engineer, Machine Learning", AI, "mid"),
    ("AIOps Engineer", AI, "mid"),
    ("Neural Networks Engineer", AI, "mid"),
    ("Machine Intelligence Engineer", AI, "mid"),
    ("A.I. Engineer", AI, "mid"),
    ("Artificial Intelligence Engineer", AI, "mid"),
    ("Machine-Learning Engineer", AI, "mid"),
    ("ML Developer", AI, "mid"),
    ("AI Developer", AI, "mid"),
    ("Python Developer (AI)", AI, "mid"),
    ("Machine Learning Programmer", AI, "mid"),
    ("AI Architect", AI, "mid"),
    ("ML Systems Architect", AI, "mid"),
    # any engineer with an AI qualifier anywhere
    ("Software Engineer, Machine Learning", AI, "mid"),
    ("Software Engineer (AI)", AI, "mid"),
    ("Backend Engineer - ML", AI, "mid"),
    ("Full Stack Engineer, Health AI", AI, "mid"),
    ("Software Engineer, AI Platform", AI, "mid"),
    ("Software Engineer, Applied AI", AI, "mid"),
    ("Backend Engineer, AI Gateway", AI, "mid"),
    ("Frontend Engineer, Generative AI", AI, "mid"),
    ("Software Engineer | Machine Learning", AI, "mid"),
    ("Software Engineer – LLM Products", AI, "mid"),
    ("Software Engineer — Conversational AI", AI, "mid"),
    ("Software Engineer / NLP", AI, "mid"),
    ("Infrastructure Engineer, ML Training", AI, "mid"),
    ("Platform Engineer (MLOps)", AI, "mid"),
    ("Member of Technical Staff, Machine Learning", AI, "mid"),
    ("Member of Technical Staff - AI", AI, "mid"),
    ("Tech Lead, ML", AI, "lead"),
    ("ML Tech Lead", AI, "lead"),
    ("Technical Lead - Machine Learning", AI, "lead"),
    ("Engineering Manager, ML", AI, "manager"),
    ("ML Engineering Manager", AI, "manager"),
    ("Engineering Manager - AI Platform", AI, "manager"),
    ("Manager, Machine Learning Engineering", AI, "manager"),
    ("Head of AI Engineering", AI, "director"),
    ("Head of Engineering, AI", AI, "director"),
    ("Director of Engineering, Machine Learning", AI, "director"),
    ("Director, ML Engineering", AI, "director"),
    ("VP of Engineering, AI", AI, "director"),
    ("Software Architect, AI", AI, "mid"),
    ("Platform Architect - Machine Learning", AI, "mid"),
    ("Software Engineer, AI-Powered Search", AI, "mid"),
    ("Senior Data Science/ML Engineer", AI, "senior"),
    ("Data & AI Engineer", AI, "mid"),
    ("Data and ML Engineer", AI, "mid"),
    ("ML/Data Engineer", AI, "mid"),
    ("Machine Learning Engineer, Customer Support Engineering", AI, "mid"),
    ("Machine Learning Engineer, Data", AI, "mid"),
    ("SWE, ML Infra", AI, "mid"),
    ("MLE", AI, "mid"),
    ("Sr. MLE", AI, "senior"),
    # seniority and levels
    ("Senior Machine Learning Engineer", AI, "senior"),
    ("Sr. ML Eng", AI, "senior"),
    ("Sr ML Engineer", AI, "senior"),
    ("Snr. AI Engineer", AI, "senior"),
    ("Jr. ML Engineer", AI, "junior"),
    ("Junior AI Engineer", AI, "junior"),
    ("Staff Machine Learning Engineer", AI, "staff"),
    ("Senior Staff ML Engineer", AI, "staff"),
    ("Principal AI Engineer", AI, "principal"),
    ("Lead ML Engineer", AI, "lead"),
    ("Lead Machine Learning Engineer", AI, "lead"),
    # "Lead" as a level before a coordinated qualifier, not a lead without an engineering noun
    ("Lead AI/ML Engineer", AI, "lead"),
    ("Lead AI / ML Engineer", AI, "lead"),
    ("Lead AI & ML Engineer", AI, "lead"),
    ("Principal AI/ML Engineer", AI, "principal"),
    ("Staff AI/ML Engineer", AI, "staff"),
    ("Senior AI/ML Engineer", AI, "senior"),
    ("Lead Data Science/ML Engineer", AI, "lead"),
    ("Lead, AI/ML Engineer", AI, "lead"),
    ("Tech Lead, AI/ML", AI, "lead"),
    ("Lead Data Scientist/ML Engineer", DS, "lead"),
    ("Machine Learning Engineer Intern", AI, "intern"),
    ("Machine Learning Engineering Intern", AI, "intern"),
    ("ML Engineer Internship (Summer 2026)", AI, "intern"),
    ("Machine Learning Engineer II", AI, "mid"),
    ("Machine Learning Engineer III", AI, "senior"),
    ("Machine Learning Engineer I", AI, "junior"),
    ("Entry-Level AI Engineer", AI, "junior"),
    ("New Grad Machine Learning Engineer", AI, "junior"),
    ("Associate ML Engineer", AI, "junior"),
    ("Senior+ ML Engineer", AI, "senior"),
    ("Senior/Staff ML Engineer", AI, "staff"),
    ("ML Engineer Co-op", AI, "intern"),
    # case and separators
    ("SENIOR MACHINE LEARNING ENGINEER", AI, "senior"),
    ("machine learning engineer", AI, "mid"),
    ("senior software engineer, machine learning", AI, "senior"),
    ("SOFTWARE ENGINEER (AI)", AI, "mid"),
    ("Machine Learning Engineer – Remote", AI, "mid"),
    ("Machine Learning Engineer (m/f/d)", AI, "mid"),
    ("Machine Learning Engineer @ Acme", AI, "mid"),
    ("ML Engineer • NLP", AI, "mid"),
    ("  Machine   Learning\tEngineer  ", AI, "mid"),
    ("AI Engineer 🚀", AI, "mid"),
    # data engineering is not AI engineering
    ("Data Engineer", OT, "mid"),
    ("Senior Data Engineer", OT, "senior"),
    ("Machine Learning Data Engineer", OT, "mid"),
    ("Senior AI Data Engineer", OT, "senior"),
    ("ML Data Engineer", OT, "mid"),
    ("AI Data Architect", OT, "mid"),
    ("Data Engineer, Machine Learning", OT, "mid"),
    ("Big Data Engineer (AI)", OT, "mid"),
    ("Data Platform Engineer, ML", OT, "mid"),
    ("Analytics Engineer, AI", OT, "mid"),
    ("Data Science Engineer", OT, "mid"),
    ("Senior Data Science Engineer", OT, "senior"),
    # ML sub-field jargon without a qualifier
    ("Research Engineer, Pretraining", OT, "mid"),
    ("Research Engineer", OT, "mid"),
    ("Inference Engineer", OT, "mid"),
    ("Reinforcement Learning Engineer", OT, "mid"),
    ("Software Engineer, Evals", OT, "mid"),
    ("Perception Engineer", OT, "mid"),
    ("Software Engineer, Inference", OT, "mid"),
    # customer-facing engineers and architects
    ("AI Support Engineer", OT, "mid"),
    ("Applied AI Architect, Industries", OT, "mid"),
    ("AI Solutions Engineer", OT, "mid"),
    ("Solutions Engineer, AI", OT, "mid"),
    ("AI Solutions Architect", OT, "mid"),
    ("Solutions Architect - Generative AI", OT, "mid"),
    ("Customer Engineer, Machine Learning", OT, "mid"),
    ("AI Customer Success Engineer", OT, "mid"),
    ("Partner Engineer, AI", OT, "mid"),
    ("GenAI Sales Engineer", OT, "mid"),
    ("Field Architect, AI", OT, "mid"),
    ("Ecosystem Architect - ML", OT, "mid"),
    ("AI Value Engineer", OT, "mid"),
    ("Community Engineer, AI", OT, "mid"),
    ("Technical Support Engineer, ML Platform", OT, "mid"),
    ("Backline Engineer - AI", OT, "mid"),
    ("AI Adoption Engineer", OT, "mid"),
    ("GTM Engineer, AI", OT, "mid"),
    ("Developer Relations Engineer, AI", OT, "mid"),
    ("Pre-Sales Engineer (AI)", OT, "mid"),
    # leads and managers without an engineering noun
    ("Machine Learning Manager", OT, "manager"),
    ("Director of AI", OT, "director"),
    ("Head of ML", OT, "director"),
    ("Head of AI", OT, "director"),
    ("ML Lead", OT, "lead"),
    ("AI Lead", OT, "lead"),
    ("Lead, Machine Learning", OT, "lead"),
    ("VP of AI", OT, "director"),
    ("Director, Artificial Intelligence", OT, "director"),
    ("Chief AI Officer", OT, "director"),
    ("ML Team Lead", OT, "lead"),
    ("AI/ML Lead", OT, "lead"),
    ("Head of AI/ML", OT, "director"),
    ("Data Science Lead / ML Engineer", DS, "lead"),
    # specialists, researchers, scientists
    ("ML Specialist", OT, "mid"),
    ("ML Modeler", OT, "mid"),
    ("AI Researcher", OT, "mid"),
    ("ML Scientist", OT, "mid"),
    ("Machine Learning Scientist", OT, "mid"),
    ("Research Scientist", OT, "mid"),
    ("Research Scientist, Machine Learning", OT, "mid"),
    ("Applied Scientist", OT, "mid"),
    ("Senior Applied Scientist, AI", OT, "senior"),
    ("AI Research Scientist", OT, "mid"),
    ("Machine Learning Researcher", OT, "mid"),
    ("AI Expert", OT, "mid"),
    ("Statistician", OT, "mid"),
    ("Quantitative Researcher", OT, "mid"),
    # other non-engineering AI titles
    ("AI Product Manager", OT, "mid"),
    ("Senior Product Manager, AI", OT, "senior"),
    ("AI Account Executive", OT, "mid"),
    ("AI Sales Representative", OT, "mid"),
    ("AI Trainer", OT, "mid"),
    ("AI Data Annotator", OT, "mid"),
    ("AI Tutor - Physics", OT, "mid"),
    ("Technical Program Manager, ML", OT, "mid"),
    ("AI Designer", OT, "mid"),
    # AI as a product, brand or company name
    ("Senior Backend Engineer, Hazel AI", OT, "senior"),
    ("Software Engineer - Bits AI SRE", OT, "mid"),
    ("Systems Engineer, Workers AI", OT, "mid"),
    ("Software Engineer, Claude.ai", OT, "mid"),
    ("Senior Software Engineer, AI/BI", OT, "senior"),
    ("Backend Engineer, Mistral AI", OT, "mid"),
    ("Software Engineer at Scale AI", OT, "mid"),
    ("Frontend Engineer (Character.AI)", OT, "mid"),
    ("Software Engineer at an AI startup", OT, "mid"),
    ("Software Engineer", OT, "mid"),
    ("Senior Software Engineer", OT, "senior"),
    ("Backend Engineer", OT, "mid"),
    # data scientists
    ("Data Scientist", DS, "mid"),
    ("Senior Data Scientist", DS, "senior"),
    ("Sr. Data Scientist", DS, "senior"),
    ("Junior Data Scientist", DS, "junior"),
    ("Staff Data Scientist", DS, "staff"),
    ("Principal Data Scientist", DS, "principal"),
    ("Lead Data Scientist", DS, "lead"),
    ("Data Scientist II", DS, "mid"),
    ("Data Scientist III", DS, "senior"),
    ("Data Scientist, Product", DS, "mid"),
    ("Product Data Scientist", DS, "mid"),
    ("Marketing Data Scientist", DS, "mid"),
    ("ML Data Scientist", DS, "mid"),
    ("Machine Learning Data Scientist", DS, "mid"),
    ("Clinical Data Scientist", DS, "mid"),
    ("NLP Data Scientist", DS, "mid"),
    ("Data Scientist, Machine Learning", DS, "mid"),
    ("Data Scientist - Generative AI", DS, "mid"),
    ("Data Scientists", DS, "mid"),
    ("DATA SCIENTIST", DS, "mid"),
    ("data scientist (remote)", DS, "mid"),
    ("Data Science Manager", DS, "manager"),
    ("Data Science Lead", DS, "lead"),
    ("Data Science Director", DS, "director"),
    ("Director of Data Science", DS, "director"),
    ("Head of Data Science", DS, "director"),
    ("VP, Data Science", DS, "director"),
    ("Manager, Data Science", DS, "manager"),
    ("Senior Manager, Data Science & Analytics", DS, "manager"),
    ("Data Science Intern", DS, "intern"),
    ("Data Science Internship", DS, "intern"),
    ("Decision Scientist", DS, "mid"),
    ("Senior Decision Scientist", DS, "senior"),
    ("Data Science, Finance & Strategy", DS, "mid"),
    ("Data Science", DS, "mid"),
    ("Software Engineer (Data Scientist)", DS, "mid"),
    ("Member of Technical Staff (Data Scientist/Engineer)", DS, "mid"),
    ("Data Scientist / Machine Learning Engineer", DS, "mid"),
    ("Director, Data Scientist", DS, "director"),
    ("Data Scientist (Machine Learning)", DS, "mid"),
    # not data scientists
    ("Data Analyst", OT, "mid"),
    ("Senior Data Analyst", OT, "senior"),
    ("Business Intelligence Analyst", OT, "mid"),
    ("BI Developer", OT, "mid"),
    ("Business Intelligence Engineer", OT, "mid"),
    ("Software Engineer, Data Science", OT, "mid"),
    ("Bioinformatics Scientist", OT, "mid"),
    ("Product Manager, Data Science", OT, "mid"),
    # everything else
    ("Frontend Engineer", OT, "mid"),
    ("Product Designer", OT, "mid"),
    ("Site Reliability Engineer", OT, "mid"),
    ("DevOps Engineer", OT, "mid"),
    ("Engineering Manager", OT, "manager"),
    ("Director of Engineering", OT, "director"),
    ("Head of Engineering", OT, "director"),
    ("VP Engineering", OT, "director"),
    ("Staff Software Engineer", OT, "staff"),
    ("Principal Engineer", OT, "principal"),
    ("Tech Lead", OT, "lead"),
    ("Software Engineering Intern", OT, "intern"),
    ("Recruiter", OT, "mid"),
    ("Account Executive", OT, "mid"),
    ("Product Manager", OT, "mid"),
    ("Senior Product Manager", OT, "senior"),
    ("CTO", OT, "director"),
    ("Founding Engineer", OT, "mid"),
    ("", OT, "mid"),
    ("???", OT, "mid"),
]

# (title, normalised title)
NORMALIZED: list[tuple[str, str]] = [
    ("Sr. ML Eng", "Machine Learning Engineer"),
    ("Senior Machine Learning Engineer", "Machine Learning Engineer"),
    ("SENIOR DATA SCIENTIST", "Data Scientist"),
    ("machine learning engineer ii", "Machine Learning Engineer"),
    ("Lead Data Scientist", "Data Scientist"),
    ("Staff Software Engineer | Machine Learning", "Software Engineer, Machine Learning"),
    ("Jr. Dev", "Developer"),
    ("Sr. SWE, ML", "Software Engineer, Machine Learning"),
    ("Principal AI Engineer", "AI Engineer"),
    ("Senior Staff MLOps Engineer", "MLOps Engineer"),
    ("Senior Full-Stack Engineer", "Full Stack Engineer"),
    ("ML Lead", "Machine Learning Lead"),
    ("Tech Lead, ML", "Tech Lead, Machine Learning"),
    ("Head of Data Science", "Head of Data Science"),
    ("Data Scientist III", "Data Scientist"),
    ("Senior JavaScript Engineer", "JavaScript Engineer"),
    ("Senior iOS Engineer", "iOS Engineer"),
    ("Data Scientists", "Data Scientist"),
    ("Senior C++ Engineer", "C++ Engineer"),
    ("Software Engineer, Claude.ai", "Software Engineer, Claude.ai"),
    ("Engineering Mgr, AI Platform", "Engineering Manager, AI Platform"),
    ("Data Science Intern", "Data Science Intern"),
]


@pytest.mark.parametrize(
    ("title", "family", "seniority"), TITLES, ids=[t[0] or "<empty>" for t in TITLES]
)
def test_title_family_and_seniority(title: str, family: str, seniority: str) -> None:
    opening = classify_title(title)
    assert (opening.role_family, opening.seniority) == (family, seniority)
    assert opening.title == title
    assert opening.section is None


@pytest.mark.parametrize(("title", "normalized"), NORMALIZED, ids=[t[0] for t in NORMALIZED])
def test_normalized_title(title: str, normalized: str) -> None:
    assert classify_title(title).normalized_title == normalized


def test_table_size_and_coverage() -> None:
    assert len(TITLES) >= 250
    families = {f for _, f, _ in TITLES}
    seniorities = {s for _, _, s in TITLES}
    assert families == set(ROLE_FAMILIES)
    assert seniorities == set(SENIORITIES)


def test_rules_version() -> None:
    assert RULES_VERSION.startswith("roles-")


def test_opening_is_frozen() -> None:
    opening = classify_title("ML Engineer")
    with pytest.raises(AttributeError):
        opening.role_family = "other"  # type: ignore[misc]


def test_role_families_order_and_distinct() -> None:
    openings = [
        classify_title("Data Scientist"),
        classify_title("Backend Engineer"),
        classify_title("ML Engineer"),
        classify_title("Senior Data Scientist"),
    ]
    assert role_families(openings) == ["ai_engineer", "data_scientist"]
    assert role_families([classify_title("Designer")]) == []
    assert role_families(iter([classify_title("Decision Scientist")])) == ["data_scientist"]


def test_openings_of_posting_by_source() -> None:
    ats = openings_of_posting("greenhouse", "Senior ML Engineer", "We use PyTorch.")
    assert [(o.normalized_title, o.role_family, o.seniority) for o in ats] == [
        ("Machine Learning Engineer", "ai_engineer", "senior")
    ]
    assert openings_of_posting("lever", None, "Data Scientist wanted") == []
    assert openings_of_posting("ashby", "   ", "text") == []
    hn = openings_of_posting(
        "hn_whoishiring",
        "Acme | Data Scientist | NYC",
        "Acme | Data Scientist | NYC\nWe analyse data.",
    )
    assert [o.role_family for o in hn] == ["data_scientist"]
    assert (
        openings_of_posting("hn_custom", None, "Acme | ML Engineer | Remote")[0].role_family
        == "ai_engineer"
    )


def test_opening_fields_are_exactly_the_contract() -> None:
    assert Opening.__slots__ == ("title", "normalized_title", "role_family", "seniority", "section")
