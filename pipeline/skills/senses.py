"""Mentions whose words name something other than a tool the job uses: a product analogy ("think
GitHub for construction"), a code host written as a link ("GitHub: https://github.com/acme") and
a name read in the sense of its field ("EMR" beside clinical words is a medical record, and
so is every "EMR" of that posting)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.strings import get_string_id

from pipeline.skills.taxonomy import skills_by_id
from pipeline.skills.view import View

# Words before a name that open an analogy with a known product when "for" follows the name (or
# its list): "think GitHub for construction", "Think Figma for video", "like GitHub but for ...".
ANALOGY_BEFORE = frozenset({"think"})
ANALOGY_LIKE = "like"
ANALOGY_FOR = "for"
ANALOGY_BUT = "but"
# Joiners between names of one analogy: "think GitHub/Bitbucket for hardware".
ANALOGY_JOINERS = frozenset({"/", "or", ","})
# Punctuation between a code host's name and the address it introduces: "GitHub: https://...",
# "Symmetry GitHub (https://...)".
LINK_OPENERS = frozenset({":", "(", "-", "–", "["})
URL_STARTS = ("http://", "https://", "www.", "github.com", "gitlab.com", "bitbucket.org")
CODE_HOSTS = frozenset({"github", "gitlab", "bitbucket"})
# Names whose other sense belongs to a field: skill id -> (the name in lower case, the field's
# words). "EMR" is Amazon EMR, and an electronic medical record beside clinical words ("a
# cloud-native EMR with real-time clinical decision support", "major EMR systems (Epic, Cerner)").
FIELD_SENSES: dict[str, tuple[str, frozenset[str]]] = {
    "emr": (
        "emr",
        frozenset(
            {
                "ehr",
                "ehrs",
                "emrs",
                "clinical",
                "clinician",
                "clinicians",
                "medical",
                "patient",
                "patients",
                "healthcare",
                "hospital",
                "hospitals",
                "physician",
                "physicians",
                "veterinary",
                "hipaa",
                "cerner",
                "diagnoses",
                "diagnostic",
            }
        ),
    ),
    # "Jetpack" beside WordPress is Automattic's plugin, not Android Jetpack ("WordPress.com,
    # WooCommerce, WordPress VIP, Jetpack, Tumblr")
    "android_jetpack": (
        "jetpack",
        frozenset(
            {
                "wordpress",
                "wordpress.com",
                "woocommerce",
                "automattic",
                "tumblr",
                "plugin",
                "plugins",
            }
        ),
    ),
}
# Nouns of organisations after a method's name: "a machine learning startup", "a fast-growing
# Artificial Intelligence (AI) company" describe the employer, not what the job asks for.
METHOD_ORG_NOUNS = frozenset(
    {"company", "companies", "startup", "startups", "firm", "firms", "business", "consultancy"}
)
# Tokens on either side of such a name that the field's words are looked for in: about a
# sentence, so that a data stack and a clinic named apart in one posting stay apart.
FIELD_WINDOW = 20


def _ids(words: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


_ANALOGY_BEFORE = _ids(ANALOGY_BEFORE)
_LIKE = get_string_id(ANALOGY_LIKE)
_FOR = get_string_id(ANALOGY_FOR)
_BUT = get_string_id(ANALOGY_BUT)
_ANALOGY_JOINERS = _ids(ANALOGY_JOINERS)
_LINK_OPENERS = _ids(LINK_OPENERS)
_METHOD_ORG_NOUNS = _ids(METHOD_ORG_NOUNS)
_OPEN, _CLOSE = get_string_id("("), get_string_id(")")
_FIELD_WORDS = {skill_id: _ids(words) for skill_id, (_, words) in FIELD_SENSES.items()}
_FIELD_NAMES = {skill_id: get_string_id(name) for skill_id, (name, _) in FIELD_SENSES.items()}
# words before the name that make it the tool whatever the field: "Amazon EMR", "Android Jetpack"
_FIELD_QUALIFIERS = _ids({"amazon", "aws", "android"})


def _group_end(view: View, spans: list[tuple[int, int, str]], k: int) -> int:
    """The index after the last span of the run that span k opens, only analogy joiners between
    them ("GitHub/Bitbucket")."""
    j = k + 1
    while j < len(spans):
        prev_end, start = spans[j - 1][1], spans[j][0]
        if start != prev_end and not (
            start == prev_end + 1 and view.at(prev_end) in _ANALOGY_JOINERS
        ):
            break
        j += 1
    return j


def _analogy(view: View, before: int, end: int) -> bool:
    """Whether names after the word `before` and up to token `end` are a product the employer
    likens itself to: "think X for Y", "like X but for Y"."""
    if before in _ANALOGY_BEFORE:
        return view.at(end) == _FOR
    return view.at(end) == _BUT and view.at(end + 1) == _FOR


def _link(view: View, end: int) -> bool:
    """Whether a code host's name introduces an address: "GitHub: https://github.com/acme"."""
    i = end
    while i < view.n and i - end < 2 and view.at(i) in _LINK_OPENERS:
        i += 1
    return i < view.n and view.doc[i].lower_.startswith(URL_STARTS)


def _field_sense(view: View, skill_id: str) -> bool:
    """Whether the name of a mention written alone (not "Amazon EMR") stands anywhere in the
    posting among the words of the field its other sense belongs to."""
    words = _FIELD_WORDS.get(skill_id)
    if words is None:
        return False
    name = _FIELD_NAMES[skill_id]
    for i in range(view.n):
        if view.at(i) == name and view.at(i - 1) not in _FIELD_QUALIFIERS:
            lo, hi = max(0, i - FIELD_WINDOW), min(view.n, i + 1 + FIELD_WINDOW)
            if any(view.at(j) in words for j in range(lo, hi)):
                return True
    return False


@lru_cache(maxsize=1)
def _methods() -> frozenset[str]:
    """The ids of the machine-learning methods (category `ml_method`)."""
    return frozenset(i for i, skill in skills_by_id().items() if skill.category == "ml_method")


def _describes_employer(view: View, end: int) -> bool:
    """Whether a method's name qualifies an organisation noun: "an AI startup", "a machine
    learning company", "an Artificial Intelligence (AI) company"."""
    if view.at(end) == _OPEN and view.at(end + 2) == _CLOSE:
        end += 3  # the acronym in parentheses: "Artificial Intelligence (AI) company"
    elif view.at(end) == _CLOSE:
        end += 1  # the acronym itself
    return view.at(end) in _METHOD_ORG_NOUNS


def without_other_senses(
    view: View, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The settled mentions (token spans in text order) less those that name something else."""
    # one pass; each span costs a set lookup or two unless its id or the word before it is one
    # these senses are about
    at = view.at
    methods = _methods()
    dropped: set[int] = set()
    field_names: dict[str, bool] = {}
    after_group = 0  # spans before this index belong to a run already read for an analogy
    for k, (start, end, skill_id) in enumerate(spans):
        if k >= after_group:
            before = at(start - 1)
            if before in _ANALOGY_BEFORE or before == _LIKE:
                after_group = _group_end(view, spans, k)
                if _analogy(view, before, spans[after_group - 1][1]):
                    dropped.update(range(k, after_group))
                    continue
        if skill_id in CODE_HOSTS:
            if _link(view, end):
                dropped.add(k)
        elif skill_id in methods:
            if _describes_employer(view, end):
                dropped.add(k)
        elif skill_id in _FIELD_WORDS:
            # one sense a posting: a name written once among its field's words is read so
            # everywhere in it ("Staff SWE - EMR Platform | ..." above "Our EMR team ... patients")
            sense = field_names.get(skill_id)
            if sense is None:
                sense = field_names[skill_id] = _field_sense(view, skill_id)
            if sense:
                dropped.add(k)
    if not dropped:
        return spans
    return [span for k, span in enumerate(spans) if k not in dropped]
