"""`unchosen_action` for an argument taken from one of two sibling objects (evaluator.rubric_links)."""

from __future__ import annotations

from typing import Any

from datagen.evaluator.rubric import rubric_issues

from tests.unit.eval_fixtures import call_record

_MATCH = {"results": [{"id": 7, "match": {"id": 8927, "date": "2026-06-15",
                                          "awayTeam": {"id": 5363, "name": "Austin Wolves"},
                                          "homeTeam": {"id": 2463, "name": "New York Tigers"}}}]}
_TEAM = {"id": 5363, "name": "Austin Wolves", "founded": 1998}


def _highlight_then_team(request: str) -> dict[str, Any]:
    """A highlight lookup whose match's away team id feeds a team lookup."""
    made = [{"name": "games::get_highlight", "parameters": {"id": 7}},
            {"name": "games::get_team", "parameters": {"id": 5363}}]
    return call_record("conv_9_0003", request, made, [_MATCH, _TEAM],
                       "The match was on 2026-06-15; Austin Wolves were founded in 1998.", [
                           {"call": 0, "param": "id", "source": "user", "value": 7},
                           {"call": 1, "param": "id", "source": "step_output", "value": 5363, "step": 0,
                            "field_path": "results[].match.awayTeam.id"}])


def _unchosen(request: str) -> list[str]:
    return [i.message for i in rubric_issues(_highlight_then_team(request)) if i.kind == "unchosen_action"]


def test_one_of_two_sibling_teams_taken_unasked_is_unchosen() -> None:
    assert _unchosen("Get the highlight 7 details and the team details, please.")


def test_a_sibling_the_user_named_was_chosen() -> None:
    assert _unchosen("Get the highlight 7 details and the away team's details, please.") == []
    assert _unchosen("Get the highlight 7 details and the Austin Wolves team details, please.") == []
