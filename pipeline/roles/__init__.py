"""Role classifier: job titles and Hacker News posts to openings with role family and seniority.

The rules are described in docs/roles.md. `vocabulary` holds the word lists (their data in
role_rules.toml), `titles` reads one job title, `hn_posts` reads a whole Hacker News post.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.roles.bare_departments import without_bare_departments
from pipeline.roles.bare_hires import bare_hire_openings
from pipeline.roles.dash_teams import without_cut_readings
from pipeline.roles.foreign_qualifiers import without_foreign_qualifiers
from pipeline.roles.header_focus import with_header_focus
from pipeline.roles.hiring_lists import listed_openings
from pipeline.roles.hn_posts import openings_of_post
from pipeline.roles.linked_titles import marked_filled
from pipeline.roles.list_others import read_in_turn
from pipeline.roles.listed_titles import listed_titles as _listed_titles
from pipeline.roles.mentions import without_mentions
from pipeline.roles.more_openings import more_openings as _more_openings
from pipeline.roles.opening_lines import line_openings
from pipeline.roles.person_lines import without_person_titles
from pipeline.roles.team_hires import with_team_hires
from pipeline.roles.title_cleanup import cleaned_openings
from pipeline.roles.titles import Opening, classify_title, role_families
from pipeline.roles.vocabulary import RULES_VERSION

# listed_titles and more_openings are imported under other names: the package's attributes of
# their names must stay the modules.


# Companies repost the same text month after month (about one HN post in thirteen repeats an
# earlier one word for word): a post's openings are kept for this many recent posts.
_CACHED_POSTS = 8_192


def openings_of_posting(source: str, title: str | None, text_plain: str) -> list[Opening]:
    """Openings of a landed posting: HN posts from their text, ATS postings from their title."""
    if source.startswith("hn"):
        return list(_hn_openings(text_plain or ""))
    if not title or not title.strip():
        return []
    return [classify_title(title)]


@lru_cache(maxsize=_CACHED_POSTS)
def _hn_openings(text_plain: str) -> tuple[Opening, ...]:
    """The openings of an HN post's text, every reader in turn (a pure function of the text)."""
    found = openings_of_post(text_plain)
    # forms the first readers miss: hiring teams, title lines, labelled fields, odd bullets
    late, others = read_in_turn(text_plain, found, (listed_openings, line_openings, _more_openings))
    # the other items of the post's sentence lists that no reader above gave
    others += _listed_titles(text_plain, found + late + others)
    # a requirement, a stack or the sector that a reader took for an opening
    kept = without_mentions(text_plain, found + late)
    if late and not any(o is k for o in late for k in kept):
        # the lists the late openings came from were mentions too: so are their other items
        others = []
    # an opening marked taken is no opening: "ML Engineer - FILLED - <link>"
    cleaned = cleaned_openings(kept + others, text_plain)
    openings = tuple(o for o in cleaned if not marked_filled(o.title))
    # a header's bare "Engineering" over the engineers the post lists names no opening of its own
    openings = without_bare_departments(openings, text_plain)
    # a title a team line gives a named person: "CTO/Co-Founder: <name>: <profile link>"
    openings = without_person_titles(openings, text_plain)
    # a header title whose parenthesis or field states an AI focus that the readers dropped
    openings = with_header_focus(openings, text_plain)
    # a header title read both cut and with its dashed AI team is one opening
    openings = without_cut_readings(openings, text_plain)
    # the engineers the poster's AI team hires: "the ML team ... is seeking skilled engineers"
    openings = with_team_hires(openings, text_plain)
    # a title's words about the company or the people it leads give it no family
    openings = without_foreign_qualifiers(openings)
    # a post that names no role but hires "engineers" names that one opening
    return openings or bare_hire_openings(text_plain)


__all__ = [
    "RULES_VERSION",
    "Opening",
    "classify_title",
    "openings_of_post",
    "openings_of_posting",
    "role_families",
]
