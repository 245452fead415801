"""Word lists of the role classifier: role nouns, qualifiers, abbreviations, plurals, seniority.

The lists that change with the rules are data in role_rules.toml, beside this module; the closed
tables (plurals, role phrases, seniority words and levels) are here. docs/roles.md explains how
titles.py and hn_posts.py use them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

_RULES = tomllib.loads(Path(__file__).with_name("role_rules.toml").read_text(encoding="utf-8"))

RULES_VERSION: str = _RULES["version"]

ABBREVIATIONS: dict[str, str] = dict(_RULES["abbreviations"])
PLURALS = {
    "engineers": "engineer",
    "developers": "developer",
    "programmers": "programmer",
    "architects": "architect",
    "scientists": "scientist",
    "managers": "manager",
    "directors": "director",
    "researchers": "researcher",
    "analysts": "analyst",
    "designers": "designer",
    "specialists": "specialist",
    "leads": "lead",
    "hackers": "hacker",
    "interns": "intern",
    "consultants": "consultant",
    "coders": "coder",
    "heads": "head",
    "modelers": "modeler",
    "statisticians": "statistician",
    "trainers": "trainer",
    "annotators": "annotator",
    "experts": "expert",
    "recruiters": "recruiter",
    "networks": "network",
    "llms": "llm",
    "internships": "internship",
    "testers": "tester",
    "administrators": "administrator",
    "advocates": "advocate",
    "writers": "writer",
    "strategists": "strategist",
    "technicians": "technician",
    "executives": "executive",
    "representatives": "representative",
    "associates": "associate",
    "officers": "officer",
    "apprentices": "apprentice",
    "trainees": "trainee",
    "economists": "economist",
    "copywriters": "copywriter",
    "journalists": "journalist",
    "chemists": "chemist",
    "biologists": "biologist",
    "pentesters": "pentester",
    "dbas": "dba",
    "postdocs": "postdoc",
    "pms": "pm",
    "students": "student",
    "masters": "master",
}
SENIORITY_WORDS = frozenset(
    {
        "senior",
        "junior",
        "staff",
        "principal",
        "intern",
        "internship",
        "coop",
        "apprentice",
        "apprenticeship",
        "trainee",
        "associate",
        "graduate",
        "newgrad",
        "entrylevel",
        "midlevel",
        "mid",
        "experienced",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "1",
        "2",
        "3",
        "4",
        "5",
    }
)
ROLE_PHRASES: dict[tuple[str, ...], str] = {}
for _phrase, _kind in [
    ("engineer", "eng"),
    ("developer", "eng"),
    ("programmer", "eng"),
    ("architect", "arch"),
    ("hacker", "eng"),
    ("coder", "eng"),
    ("engineering", "eng"),
    ("member of technical staff", "eng"),
    ("technical staff", "eng"),
    ("tech lead", "eng"),
    ("technical lead", "eng"),
    ("data scientist", "ds"),
    ("decision scientist", "ds"),
    ("manager", "mgmt"),
    ("lead", "mgmt"),
    ("director", "mgmt"),
    ("head", "mgmt"),
    ("vice president", "mgmt"),
    ("president", "mgmt"),
    ("chief", "mgmt"),
    ("officer", "mgmt"),
    ("leader", "mgmt"),
    ("supervisor", "mgmt"),
    ("cto", "mgmt"),
    # roles a header or list names in a word a title never otherwise uses ("Technical PM",
    # "Scrum Master", "PhD student")
    ("pm", "mgmt"),
    ("scrum master", "other"),
    ("phd student", "other"),
]:
    ROLE_PHRASES[tuple(_phrase.split())] = _kind
for _noun in (
    "scientist researcher specialist expert modeler modeller analyst statistician trainer "
    "annotator labeler labeller tutor designer consultant advisor adviser recruiter executive "
    "representative strategist writer administrator admin owner operator technician evangelist "
    "advocate instructor teacher editor translator coordinator producer marketer accountant "
    "attorney counsel lawyer nurse physician assistant fellow resident generalist tester "
    "auditor economist mathematician physicist quant actuary rep sourcer agent clerk associate "
    "copywriter journalist chemist biologist pentester dba postdoc"
).split():
    ROLE_PHRASES[(_noun,)] = "other"
MAX_PHRASE = max(len(p) for p in ROLE_PHRASES)
# The lengths of the role phrases each word begins, longest first: most words begin none.
PHRASE_SIZES: dict[str, tuple[int, ...]] = {
    first: tuple(sorted({len(p) for p in ROLE_PHRASES if p[0] == first}, reverse=True))
    for first in {p[0] for p in ROLE_PHRASES}
}
MGMT_OF = frozenset(
    {"head", "director", "vice president", "president", "manager", "lead", "chief", "officer"}
)
COORDINATORS = frozenset({"/", "&", "and", "or", "+"})
ENG_MARKERS = frozenset({"engineering", "engineer", "developer", "development", "software"})

AI_WORDS = frozenset(
    {"ai", "ml", "llm", "genai", "nlp", "mlops", "aiops", "llmops", "aiml", "prompt"}
)
AI_BIGRAMS = frozenset(
    {
        ("machine", "learning"),
        ("deep", "learning"),
        ("neural", "network"),
        ("machine", "intelligence"),
        ("generative", "ai"),
        ("artificial", "intelligence"),
        ("natural", "language"),
        ("computer", "vision"),
    }
)
DESCRIPTIVE_BEFORE_AI = frozenset(_RULES["qualifiers"]["descriptive_before_ai"])
DESCRIPTIVE_AFTER_AI = frozenset(_RULES["qualifiers"]["descriptive_after_ai"])
MARKET_WORDS = frozenset(_RULES["qualifiers"]["market_segment"])
CUSTOMER_FACING = frozenset(_RULES["heads"]["customer_facing"])
DATA_ENGINEERING = frozenset(tuple(p.split()) for p in _RULES["heads"]["data_engineering"])
FUNCTION_MANAGERS = frozenset(_RULES["heads"]["function_managers"])
AREA_WORDS = frozenset(_RULES["disciplines"]["engineering_area"])
OTHER_AREAS = frozenset(_RULES["disciplines"]["other"])
TECHNOLOGIES = frozenset(_RULES["disciplines"]["technologies"])
FUNCTION_WORDS = frozenset(
    "of for in the a an to with on and or & / + at by from as team teams group".split()
)
GENERIC_HEADS = frozenset(
    "roles role positions position openings opening jobs job people folks hires hire talent "
    "candidates opportunities opportunity vacancies vacancy members colleagues teammates "
    "individuals persons person someone staff".split()
)

# A level number counts only after one of these nouns: "Engineer II", not "Python 3 Developer".
LEVEL_NOUNS = frozenset(
    {
        "engineer",
        "developer",
        "scientist",
        "analyst",
        "programmer",
        "architect",
        "researcher",
        "designer",
        "staff",
    }
)
# Level numbers, Roman or Arabic, as seniorities.
LEVELS = {
    "i": "junior",
    "1": "junior",
    "ii": "mid",
    "2": "mid",
    "iii": "senior",
    "3": "senior",
    "iv": "staff",
    "4": "staff",
    "v": "principal",
    "5": "principal",
}
# Which seniority wins when a title names several (docs/roles.md, "Seniority").
SENIORITY_ORDER = (
    "intern",
    "director",
    "manager",
    "lead",
    "principal",
    "staff",
    "senior",
    "junior",
)
