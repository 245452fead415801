"""MVC beside a name of the .NET web stack is ASP.NET MVC, not the pattern."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.skills.rule_words import DOTNET_STACK_IDS, DOTNET_STACK_WORDS
from pipeline.skills.view import View, listed_with, word_ids

MVC = "mvc"
_DOTNET_STACK_WORDS = word_ids(DOTNET_STACK_WORDS)
# How far listed_with looks past a mention: up to two joiners, then the neighbour.
_LIST_REACH = 3


def aspnet_mvc(
    view: View, spans: list[tuple[int, int, str]], is_version: Callable[[int], bool]
) -> list[tuple[int, int, str]]:
    """The spans, MVC beside or after a .NET stack name read as ASP.NET ("C#, MVC5, Web Api")."""
    stack = {t for s in spans if s[2] in DOTNET_STACK_IDS for t in range(s[0], s[1])}
    # words of the stack that name no skill, within a list's reach (listed_with tests the rest)
    stack.update(
        i
        for s in spans
        if s[2] == MVC
        for i in range(max(0, s[0] - _LIST_REACH), min(view.n, s[1] + _LIST_REACH))
        if view.at(i) in _DOTNET_STACK_WORDS
    )
    return [
        (start, end, "aspnet")
        if skill_id == MVC
        and _versioned_mvc(view, start, end, is_version)
        and (start - 1 in stack or listed_with(view, stack, start, end))
        else (start, end, skill_id)
        for start, end, skill_id in spans
    ]


def _versioned_mvc(view: View, start: int, end: int, is_version: Callable[[int], bool]) -> bool:
    """Whether a span is MVC, with or without a version ("MVC", "MVC5", "MVC 4"; not "MVVM")."""
    if not view.doc[start].lower_.startswith(MVC):
        return False
    return end - start == 1 or (end - start == 2 and is_version(view.at(start + 1)))
