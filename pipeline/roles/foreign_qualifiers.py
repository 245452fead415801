"""AI and data-science words in an HN title that describe someone other than the job: the
company ("Software Engineer (AI startup, Series A)", "Founding Engineer for AI-Based Dual-Use
Startup") or the people the role leads ("Research Team Lead (leading world-class ML
engineers)") (docs/roles.md, "Seventeenth round").

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
# Short all-capital product nouns, which after a company noun name what the job builds ("AI
# company SDK"), not the company.
_PRODUCT_ACRONYM = r"(?-i:(?:SDKs?|APIs?|CLIs?|UIs?|UX|IDEs?|OS|DBs?|QA|BI|ML|AI))"
# The company named by its sector: "AI startup", "AI-Based Dual-Use Startup", "ML company",
# "AI-powered scale-up". At most two words between the field and the company noun ("AI-Based
# Dual-Use"): more is a sentence, not a name for the employer. The noun is singular: "(AI
# startups)" names the job's customers or users, not its employer.
_SECTOR_COMPANY = re.compile(
    rf"(?<![\w.]){_FIELD}(?:[- ](?:based|powered|driven|native|first|focused|enabled))?"
    # a preposition between makes the company a customer: "ML infrastructure for startups"
    r"(?:[- ](?!(?:for|of|to|in|at|with|on|by)\b)[\w&]+){0,2}?"
    r"[- ](?:start-?up|company|firm|scale-?up)\b"
    # the company noun ends its phrase: the title's end, a mark (an ASCII one or a non-ASCII
    # symbol such as "·" or an emoji), a word of a clause or the company's own name in capitals
    # ("AI startup ACME is hiring", "AI startup ÖKO"); a noun after it makes the phrase a team's
    # or a product's subject ("AI Startup Tools", "AI Company Research", "AI company SDK")
    r"(?=\s*$|\s*[,;:.!?)\]|/-]|\s*[^\w\s\x00-\x7f]|"
    r"\s+(?:in|at|with|based|that|which|and|of|for|from|where|on|"
    r"is|are|building|looking|hiring|seeking)\b|"
    rf"\s+(?!{_PRODUCT_ACRONYM}\b)(?-i:[A-Z0-9À-ÖØ-Þ]{{2,}}(?![a-zß-öø-ÿ])))",
    re.IGNORECASE,
)
# A detail that opens with leading or managing names the people the role leads: "(leading
# world-class ML engineers)", "- managing a team of data scientists". The people are the role's
# team; the title is read with their field as its team, without their role noun.
_LEADS = re.compile(
    r"([(\[]|\s[-–—]\s|,)\s*(?:leading|managing|overseeing|supervising|heading|mentoring)\s+"
    r"(?:(?:a|the|our)\s+)?(?:(?:small|growing|great)\s+)?(?:team\s+of\s+)?([^()\[\]]*)",
    re.IGNORECASE,
)
# Data scientists led are read as their field, data science: "data" alone names no field.
_DATA_SCIENTISTS = re.compile(r"\bdata[- ]scientists?\b", re.IGNORECASE)
# The role nouns of the people led, dropped so that only their field is left as the team.
_PEOPLE = re.compile(
    r"\b(?:engineers?|scientists?|developers?|researchers?|teams?|people|folks)\b", re.IGNORECASE
)


def _as_team_led(match: re.Match[str]) -> str:
    """A detail naming the people led, read as the team: "(leading ML engineers)" as "(ML)",
    "(leading data scientists)" as "(data science)"."""
    mark = match.group(1)
    lead = mark if mark in "([" else mark.rstrip() + " "
    people = _DATA_SCIENTISTS.sub("data science", match.group(2))
    return lead + _PEOPLE.sub("", people).strip()


def job_reading(title: str) -> str:
    """The title with its words about the company and about the people it leads set aside."""
    reading = _SECTOR_COMPANY.sub("", title)
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
