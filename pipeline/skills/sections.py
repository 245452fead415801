"""Which opening of a multi-opening HN post each skill mention belongs to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from pipeline.skills.extractor import SkillMention


class _HasSection(Protocol):
    section: tuple[int, int] | None


@dataclass(frozen=True)
class OpeningSkill:
    """A skill mention assigned to one opening; `shared` when it came from text common to all."""

    opening_index: int
    mention: SkillMention
    shared: bool


def assign_to_openings(
    openings: Sequence[_HasSection], mentions: Sequence[SkillMention]
) -> list[OpeningSkill]:
    """Mentions inside an opening's own section go to that opening only; every other mention goes
    to all openings, flagged shared, so counts can keep to unambiguous evidence."""
    assigned: list[OpeningSkill] = []
    for mention in mentions:
        owners = [
            i
            for i, opening in enumerate(openings)
            if opening.section is not None
            and opening.section[0] <= mention.start
            and mention.end <= opening.section[1]
        ]
        if owners:
            assigned.extend(OpeningSkill(i, mention, False) for i in owners)
        else:
            assigned.extend(
                OpeningSkill(i, mention, len(openings) > 1) for i in range(len(openings))
            )
    return assigned
