"""The measured accuracy of role detection and skill extraction, and shares corrected for it.

`make eval` (bench/eval_roles.py, bench/eval_skills.py) writes reports/accuracy.json keyed by the
rules and extractor versions it measured; a report reads the entries of the versions that made its
numbers, and says so when there is none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from reports.claims import wilson

ACCURACY_FILE = "accuracy.json"
# Below this measured precision or recall a raw share is shown beside one corrected for it.
CORRECT_BELOW = 0.95


@dataclass(frozen=True)
class Measured:
    """Precision, recall (and specificity, for roles) measured on posts read by hand."""

    precision: float
    recall: float
    n: int
    specificity: float | None = None

    @property
    def needs_correction(self) -> bool:
        """Whether precision or recall is low enough that shares are shown corrected."""
        return self.precision < CORRECT_BELOW or self.recall < CORRECT_BELOW


@dataclass
class Accuracy:
    """The measured accuracy behind one report's numbers, for the versions in its warehouse."""

    rules_versions: list[str]
    extractor_versions: list[str]
    roles: dict[str, Measured] = field(default_factory=dict)
    skills: Measured | None = None
    missing: list[str] = field(default_factory=list)


@cache
def load_file() -> dict[str, Any]:
    """The shipped reports/accuracy.json (empty sections when it is absent)."""
    try:
        text = resources.files("reports").joinpath(ACCURACY_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {"roles": {}, "skills": {}}
    data = json.loads(text)
    return {"roles": data.get("roles", {}), "skills": data.get("skills", {})}


def _measured(entry: dict[str, Any]) -> Measured:
    spec = entry.get("specificity")
    return Measured(
        precision=float(entry["precision"]),
        recall=float(entry["recall"]),
        n=int(entry.get("n", 0)),
        specificity=float(spec) if spec is not None else None,
    )


def accuracy_for(
    rules_versions: list[str], extractor_versions: list[str], data: dict[str, Any] | None = None
) -> Accuracy:
    """The measured entries of the newest-used versions (the first of each list: most postings)."""
    data = data if data is not None else load_file()
    found = Accuracy(list(rules_versions), list(extractor_versions))
    rules = rules_versions[0] if rules_versions else None
    extractor = extractor_versions[0] if extractor_versions else None
    roles = data["roles"].get(rules) if rules else None
    if roles:
        found.roles = {family: _measured(entry) for family, entry in roles.items()}
    else:
        found.missing.append(f"role rules {rules or '(unknown)'}")
    skills = data["skills"].get(extractor) if extractor else None
    if skills:
        found.skills = _measured(skills)
    else:
        found.missing.append(f"skill extractor {extractor or '(unknown)'}")
    return found


def rogan_gladen(share: float, sensitivity: float, specificity: float) -> float | None:
    """The true share behind an observed one, given the test's sensitivity and specificity."""
    denominator = sensitivity + specificity - 1
    if denominator <= 0:
        return None
    return min(1.0, max(0.0, (share + specificity - 1) / denominator))


def corrected_share(k: int, n: int, measured: Measured) -> tuple[float, float, float] | None:
    """A role share corrected with Rogan-Gladen, and its 95% interval (the Wilson bounds corrected).

    The interval carries the sampling error of the share, not that of the measured accuracy.
    """
    if n <= 0 or measured.specificity is None:
        return None
    low, high = wilson(k, n)
    values = [rogan_gladen(v, measured.recall, measured.specificity) for v in (k / n, low, high)]
    if any(v is None for v in values):
        return None
    return (values[0], values[1], values[2])  # type: ignore[return-value]


def corrected_skill_share(k: int, n: int, measured: Measured) -> tuple[float, float, float] | None:
    """A skill share scaled by precision / recall (found mentions that are right, over those found)."""
    if n <= 0 or measured.recall <= 0:
        return None
    factor = measured.precision / measured.recall
    low, high = wilson(k, n)
    return (min(1.0, k / n * factor), min(1.0, low * factor), min(1.0, high * factor))
