"""When a post's body offers contract work, not only says 'contract' about its business.

A body's "contract" is often the company's trade or history ("smart contracts", "contract
negotiations", "a Navy contract", "we're a federal contractor", "our contract designer").
The header's own "Contract" field is read elsewhere; this decides a word of the body.
"""

from __future__ import annotations

import re

# The work or the people a contract word offers when named right after it, up to two words
# between ("a contract Software QA Tester", "freelance business writers", "contract basis").
_JOB_NOUN = (
    r"(?:positions?|roles?|jobs?|work|basis|per[- ]project|project[- ]based|opportunit(?:y|ies)"
    r"|openings?|hires?|engineers?|developers?|devs?|designers?|writers?|testers?|programmers?"
    r"|consultants?|architects?|analysts?|scientists?|specialists?|reporters?|editors?)"
)
_NAMES_THE_JOB = re.compile(r"^(?:[ \t-]+[\w/&+#]+){0,2}?[ \t-]+" + _JOB_NOUN + r"\b", re.I)
# A role's title before a capitalised word: "QA Analyst - Contractor", "Data Engineer, Contract".
_AFTER_TITLE = re.compile(r"\b" + _JOB_NOUN + r"\s*[-–,:]?\s*$", re.I)
# The word is one of a list of employment types ("permanent or contract", "Full time/Contract",
# "salary vs contract"); "part-time contract" is both, as in a header.
_TYPE_WORD = (
    r"(?:full[- ]?time|part[- ]?time|permanent|perm|freelance|temporary|temp|ft|fte|interns?"
    r"|internships?|short[- ]term|long[- ]term|employment|salary)"
)
_JOINER = r"(?:,?\s*(?:or|and|vs\.?)(?!\w)|/|,|&|\+)"
_TYPE_BEFORE = re.compile(_TYPE_WORD + r"\s*(?:" + _JOINER + r"\s*)?$", re.I)
_TYPE_AFTER = re.compile(r"^\s*" + _JOINER + r"\s*" + _TYPE_WORD + r"\b", re.I)
# How a post says the hire is on a contract: "as a contractor", "on a B2B contract", "a 6-month
# contract", "a short-term contract", "Employee or Contractor", "direct contract".
_HIRED_ON = re.compile(
    r"(?:\bas\s+(?:an?\s+)?(?:independent\s+|remote\s+)?"
    r"|\bon\s+(?:an?\s+)?(?:[\w$.-]+\s+){0,2}"
    r"|\b(?:short|long|fixed)[- ]term\s+"
    r"|\b\d+[- ]?(?:months?|weeks?|years?|mo)[- ]?(?:long\s+)?"
    r"|\bemployee\s+or\s+"
    r"|\b(?:b2b|direct)\s+)$",
    re.I,
)
# A contract word written for a business, not a hire: "our contract designer" (a person of the
# team), a word inside a web address ("/freelance-writer-guide").
_OF_THE_TEAM = re.compile(r"\b(?:our|their|his|her|my)\s+$", re.I)
_IN_ADDRESS = re.compile(r"(?://|\.[a-z]{2,}/)\S*$", re.I)
# How far around the word the phrases above are looked for.
_CONTEXT_CHARS = 40


def offers_contract_work(text: str, start: int, end: int) -> bool:
    """True when the contract word at text[start:end] of a body offers contract work."""
    word = text[start:end].lower()
    if "to-hire" in word or "to hire" in word:
        return True
    before = text[max(start - _CONTEXT_CHARS, 0) : start]
    after = text[end : end + 2 * _CONTEXT_CHARS]
    if _IN_ADDRESS.search(before) or _OF_THE_TEAM.search(before):
        return False
    if before.rstrip().endswith("("):
        return True  # "Data Architect (Contract)"
    return bool(
        _TYPE_BEFORE.search(before)
        or _TYPE_AFTER.match(after)
        or (text[start].isupper() and _AFTER_TITLE.search(before))
        or _HIRED_ON.search(before)
        or _NAMES_THE_JOB.match(after)
    )
