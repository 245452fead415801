"""The readers of forms the line and list readers miss, run after them in one pass.

Each adds only the families the openings found so far lack: hiring teams and disciplines
(`team_lists`), titles one per line (`title_lines`), a labelled header field of roles
(`labelled_fields`), lists with unknown bullet marks (`bullet_marks`), the areas of open positions
(`open_positions`), titles one per line with their description (`described_titles`) and the roles a
post says it needs or is adding (`hiring_needs`) and engineering titles with an AI area in their
parenthesis (`area_asides`) or in a header title's dashed team (`dash_teams`), a list item of
engineers and their kinds (`engineer_kinds`), the second noun of a pair whose AI qualifier is
shared (`shared_qualifiers`), long comma runs of titles (`title_runs`), runs of titles joined by other
marks (`mark_lists`), roles a hiring sentence names one by one, each with its article
(`article_lists`), comma lists of titles on the line after a cue (`cued_lists`) and the people a
post's positions are for (`positions_for`), ranges of openings ("from generalist engineers to ML
engineers"), the roles "in addition to" which a post hires and parentheses that hire ("(we're also
hiring data scientists)", `hiring_phrases`) and the areas of the expertise, talent or people a post
hires ("looking for expertise in Go, Python, data science", `hired_areas`) and the roles after a
wish to hire or a statement of the current openings (`hire_wishes`), and the areas of the teams
whose roles a post fills and the roles after "on the lookout for" (`team_roles`), bullets of
areas joined by slashes under a hiring line (`slash_areas`), bare runs of areas in the header or
on the line after a cue (`area_lines`) and, last, the AI and data-science roles later in a hiring
sentence's list, past its asides, purposes and descriptions (`later_items`), then data science
in a run of areas the poster hires in (`area_runs`) and data-science openings named by their
discipline (`discipline_openings`). A list that gives such an opening gives its other roles and
areas as openings too (`list_others`).
"""

from __future__ import annotations

from pipeline.roles.area_asides import area_aside_openings
from pipeline.roles.area_lines import area_line_openings
from pipeline.roles.area_runs import area_run_openings
from pipeline.roles.article_lists import article_list_openings
from pipeline.roles.bullet_marks import bullet_mark_openings
from pipeline.roles.cued_lists import cued_list_openings
from pipeline.roles.dash_teams import dash_team_openings
from pipeline.roles.described_titles import described_title_openings
from pipeline.roles.discipline_openings import discipline_openings
from pipeline.roles.engineer_kinds import engineer_kind_openings
from pipeline.roles.hire_wishes import hire_wish_openings
from pipeline.roles.hired_areas import hired_area_openings
from pipeline.roles.hiring_needs import hiring_need_openings
from pipeline.roles.hiring_phrases import hiring_phrase_openings
from pipeline.roles.labelled_fields import labelled_field_openings
from pipeline.roles.later_items import later_item_openings
from pipeline.roles.list_others import read_in_turn
from pipeline.roles.mark_lists import mark_list_openings
from pipeline.roles.open_positions import open_position_openings
from pipeline.roles.positions_for import positions_for_openings
from pipeline.roles.shared_qualifiers import shared_qualifier_openings
from pipeline.roles.slash_areas import slash_area_openings
from pipeline.roles.team_lists import team_openings
from pipeline.roles.team_roles import team_role_openings
from pipeline.roles.title_lines import title_line_openings
from pipeline.roles.title_runs import title_run_openings
from pipeline.roles.titles import Opening

_READERS = (
    team_openings,
    title_line_openings,
    labelled_field_openings,
    bullet_mark_openings,
    open_position_openings,
    described_title_openings,
    hiring_need_openings,
    area_aside_openings,
    dash_team_openings,
    engineer_kind_openings,
    shared_qualifier_openings,
    title_run_openings,
    mark_list_openings,
    article_list_openings,
    cued_list_openings,
    positions_for_openings,
    hiring_phrase_openings,
    hired_area_openings,
    hire_wish_openings,
    team_role_openings,
    slash_area_openings,
    area_line_openings,
    later_item_openings,
    area_run_openings,
    discipline_openings,
)


def more_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families the readers of the module docstring add to `found`, then
    the other openings of the lists they read them from."""
    compared, others = read_in_turn(text_plain, found, _READERS)
    return compared + others
