"""AI and data-science words in an HN title that describe someone other than the job: the
company ("Software Engineer (AI startup, Series A)", "Founding Engineer for AI-Based Dual-Use
Startup", "Software Engineer - Seed, YC, AI") or the people the role leads ("Research Team Lead
(leading world-class ML engineers)") (docs/roles.md, "Seventeenth round").

The title classifier takes an AI qualifier anywhere in a title (ROLES.md: "whose title carries
an AI qualifier anywhere"), so a title's detail about its employer or its reports gives it a
family. ROLES.md counts neither: "a plain Software Engineer at an AI company" is no AI engineer,
and a lead without an engineering noun stays one whoever it leads. Here such a detail is read
for what it describes, and the title keeps the family of the rest.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.roles.titles import Opening, classify_title

_FAMILIES = frozenset({"ai_engineer", "data_scientist"})
# The AI and data-science words a company or a team may be named by.
_FIELD = (
    r"(?:AI|A\.I\.|ML|LLMs?|GenAI|NLP|machine[- ]learning|deep[- ]learning|computer[- ]vision|"
    r"data[- ]science)"
)
# The company named by its sector: "AI startup", "AI-Based Dual-Use Startup", "ML company",
# "AI-powered scale-up". At most two words between the field and the company noun ("AI-Based
# Dual-Use"): more is a sentence, not a name for the employer.
_SECTOR_COMPANY = re.compile(
    rf"(?<![\w.]){_FIELD}(?:[- ](?:based|powered|driven|native|first|focused|enabled))?"
    # a preposition between makes the company a customer: "ML infrastructure for startups"
    r"(?:[- ](?!(?:for|of|to|in|at|with|on|by)\b)[\w&]+){0,2}?"
    r"[- ](?:start-?ups?|compan(?:y|ies)|firms?|scale-?ups?)\b"
    # the company noun ends its phrase: the title's end, a mark, a word of a clause or the
    # company's own name in capitals ("AI startup ACME is hiring"); a noun after it makes the
    # phrase a team's or a product's subject ("AI Startup Tools", "AI Company Research")
    r"(?=\s*$|\s*[,;:.!?)\]|/–—-]|\s+(?:in|at|with|based|that|which|and|of|for|from|where|on|"
    r"is|are|building|looking|hiring|seeking)\b|\s+(?-i:[A-Z0-9]{2,}(?![a-z]))|\s+[^\x00-\x7f])",
    re.IGNORECASE,
)
# Facts about the company, never about the job's work: a funding stage, an accelerator, a
# headcount ("Software Engineer - Seed, YC, AI", "(Series A, 30 people, ML)"). Work
# arrangements ("Remote", "Full-time") are left out: beside them a bare area is the job's team.
_COMPANY_FACT = re.compile(
    r"^(?:series\s+[a-h]|(?:pre-?)?seed(?:\s+stage)?|yc(?:\s+[wsf]\d{2})?|y\s*combinator|"
    r"(?:vc[- ])?funded|bootstrapped|profitable|(?:early|growth)[- ]stage|"
    r"\d+\+?\s*(?:people|employees|person\s+team))$",
    re.IGNORECASE,
)
_BARE_FIELD = re.compile(rf"^{_FIELD}$", re.IGNORECASE)
# A title's detail after its parenthesis, dash or comma: the list of items it holds.
_DETAIL = re.compile(r"\(([^()]*)\)?|\s[-–—]\s(.*)$|,\s*(.*)$")
_ITEM_SEP = re.compile(r"\s*(?:,|/|&|\band\b)\s*", re.IGNORECASE)
# A detail that opens with leading or managing names the people the role leads: "(leading
# world-class ML engineers)", "- managing a team of data scientists". The people are the role's
# team; the title is read with their field as its team, without their role noun.
_LEADS = re.compile(
    r"([(\[]|\s[-–—]\s|,)\s*(?:leading|managing|overseeing|supervising|heading|mentoring)\s+"
    r"(?:(?:a|the|our)\s+)?(?:(?:small|growing|great)\s+)?(?:team\s+of\s+)?([^()\[\]]*)",
    re.IGNORECASE,
)
# The role nouns of the people led, dropped so that only their field is left as the team.
_PEOPLE = re.compile(
    r"\b(?:engineers?|scientists?|developers?|researchers?|teams?|people|folks)\b", re.IGNORECASE
)


def _without_company_facts(title: str) -> str:
    """The title without a detail that lists only facts about the company and its sector ("Seed,
    YC, AI"), when one such fact is there; other details stay as written."""
    for match in _DETAIL.finditer(title):
        detail = next(g for g in match.groups() if g is not None)
        items = [i.strip(" .") for i in _ITEM_SEP.split(detail) if i.strip(" .")]
        facts = [i for i in items if _COMPANY_FACT.match(i)]
        if facts and all(_COMPANY_FACT.match(i) or _BARE_FIELD.match(i) for i in items):
            return (title[: match.start()] + title[match.end() :]).strip()
    return title


def _as_team_led(match: re.Match[str]) -> str:
    """A detail naming the people led, read as the team: "(leading ML engineers)" as "(ML)"."""
    mark = match.group(1)
    lead = mark if mark in "([" else mark.rstrip() + " "
    return lead + _PEOPLE.sub("", match.group(2)).strip()


def job_reading(title: str) -> str:
    """The title with its words about the company and about the people it leads set aside."""
    reading = _SECTOR_COMPANY.sub("", title)
    reading = _without_company_facts(reading)
    return _LEADS.sub(_as_team_led, reading).strip()


def without_foreign_qualifiers(openings: tuple[Opening, ...]) -> tuple[Opening, ...]:
    """The openings, each AI engineer or data scientist whose family came from words about the
    company or the people it leads read again without them: "Machine Learning Engineer (leading
    data scientists)" is the engineer, "Software Engineer (AI startup)" no family (the title
    stays as written)."""
    out: list[Opening] = []
    for opening in openings:
        if opening.role_family in _FAMILIES:
            reading = job_reading(opening.title)
            if reading != opening.title:
                parsed = classify_title(reading)
                if parsed.role_family != opening.role_family:
                    opening = replace(
                        opening,
                        normalized_title=parsed.normalized_title,
                        role_family=parsed.role_family,
                        seniority=parsed.seniority,
                    )
        out.append(opening)
    return tuple(out)
