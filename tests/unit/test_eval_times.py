"""The session-5 rubric gates over times, counts and labels: timeline_order, timestamp_mismatch,
count_mismatch (rubric_times, rubric_counts) and field_label_answer (rubric_labels)."""

from __future__ import annotations

from typing import Any

from datagen.evaluator.rubric_counts import count_issues
from datagen.evaluator.rubric_labels import label_issues
from datagen.evaluator.rubric_times import moment, timeline_issues, timestamp_issues
from tests.unit.eval_fixtures import call_record


def _record(answers: list[Any], params: list[dict[str, Any]] | None = None, final: str = "Here it is.") -> dict[str, Any]:
    made = [{"name": f"svc::step_{n}", "parameters": (params or [{}] * len(answers))[n]} for n in range(len(answers))]
    return call_record("conv_t", "Please look it up.", made, answers, final, [])


def _event(results: list[dict[str, Any]], periods: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"events": [{"event_id": 1, "starts": "2026-06-02", "periods": periods or [], "period_results": results}]}


def test_moment_reads_iso_and_epoch_but_not_clock_times() -> None:
    assert moment(1779746937) == moment("2026-05-25T22:08:57Z")
    assert moment(1779746937000) == moment(1779746937)
    assert moment("07:30") is None and moment("2026") is None and moment(42) is None


def test_parts_settled_out_of_order_fail_timeline_order() -> None:
    results = [{"number": 1, "settled_at": "2026-06-02T03:35:00Z"}, {"number": 2, "settled_at": "2026-06-02T02:19:00Z"}]
    assert [i.kind for i in timeline_issues(_record([_event(results)]))] == ["timeline_order"]


def test_part_settled_weeks_after_the_start_or_cutoff_after_it_fail() -> None:
    late = [{"number": 1, "settled_at": "2026-06-02T03:35:00Z"}, {"number": 2, "settled_at": "2026-07-10T02:19:00Z"}]
    assert {i.kind for i in timeline_issues(_record([_event(late)]))} == {"timeline_order"}
    cutoff = [{"number": 1, "cutoff": "2026-06-20"}]
    assert [i.kind for i in timeline_issues(_record([_event([], cutoff)]))] == ["timeline_order"]


def test_parts_in_order_within_their_event_pass() -> None:
    results = [{"number": 1, "settled_at": "2026-06-02T03:35:00Z"}, {"number": 2, "settled_at": "2026-06-02T05:19:00Z"}]
    periods = [{"number": 1, "cutoff": "2026-06-01"}, {"number": 2, "cutoff": "2026-06-02"}]
    assert timeline_issues(_record([_event(results, periods)])) == []


def test_ranked_items_and_installments_are_not_parts_in_time() -> None:
    ranked = {"results": [{"rank": 1, "created_at": "2026-06-02"}, {"rank": 2, "created_at": "2025-01-02"}]}
    plan = {"start_date": "2026-01-01", "installments": [{"number": 1, "due_date": "2026-02-01"},
                                                         {"number": 2, "due_date": "2026-03-01"}]}
    updates = {"steps": [{"step": 1, "updated_at": "2026-06-02"}, {"step": 2, "updated_at": "2026-05-02"}]}
    assert timeline_issues(_record([ranked, plan, updates])) == []


def test_two_times_of_one_moment_weeks_apart_fail_timestamp_mismatch() -> None:
    post = {"results": [{"id": "p1", "taken_at": 1779746937, "device_timestamp": "2026-04-01T15:38:00Z"}]}
    assert [i.kind for i in timestamp_issues(_record([post]))] == ["timestamp_mismatch"]


def test_a_caption_created_weeks_after_its_post_fails_timestamp_mismatch() -> None:
    post = {"taken_at": 1773014378, "caption": {"text": "Hi", "created_at": 1779015064}}
    assert [i.kind for i in timestamp_issues(_record([post]))] == ["timestamp_mismatch"]


def test_times_that_move_or_come_before_pass() -> None:
    post = {"created_at": "2026-01-01T10:00:00Z", "updated_at": "2026-05-01T10:00:00Z", "expires_at": "2027-01-01",
            "timestamp": 1767261600, "user": {"created_at": "2019-03-01T00:00:00Z"},
            "last_comment": {"created_at": "2026-04-01T00:00:00Z"}}
    assert timestamp_issues(_record([post])) == []


def test_one_pack_with_two_item_counts_fails_count_mismatch() -> None:
    pack = {"data": {"id": 255675, "pack_id": 255675, "pack_items": 12}}
    icons = {"data": [{"id": 1, "pack_id": 255675, "pack_items": 26}, {"id": 2, "pack_id": 255675, "pack_items": 26}]}
    assert [i.kind for i in count_issues(_record([pack, icons]))] == ["count_mismatch"]


def test_counts_of_different_entities_or_changing_counts_pass() -> None:
    icons = {"data": [{"id": 1, "pack_id": 5, "pack_items": 26}, {"id": 2, "pack_id": 6, "pack_items": 12},
                      {"id": 3, "like_count": 4}, {"id": 3, "like_count": 9}]}
    assert count_issues(_record([icons])) == []


def test_grid_points_and_percentages_against_the_grid_asked_for() -> None:
    grid = {"data": {"found": 2, "found_percent": 100, "results": [{"lat": 1.0, "lng": 2.0}, {"lat": 1.1, "lng": 2.0}]}}
    issues = count_issues(_record([grid], [{"grid_size": "3"}]))
    assert [i.kind for i in issues] == ["count_mismatch", "count_mismatch"]
    full = {"data": {"found": 3, "found_percent": 75, "results": [{"lat": 1.0 + n / 10, "lng": 2.0} for n in range(4)]}}
    assert count_issues(_record([full], [{"grid_size": 2}])) == []


def test_a_percentage_beside_its_count_and_total() -> None:
    assert [i.kind for i in count_issues(_record([{"done": 2, "total": 9, "done_percent": 100}]))] == ["count_mismatch"]
    assert count_issues(_record([{"done": 3, "total": 9, "done_percent": 33.3}])) == []


def _answered(final: str) -> dict[str, Any]:
    out = {"starts": "2026-06-02", "home": "London Hawks", "price": 440487.17, "price_min": 374414.09,
           "can_hide_category": False, "pack_items": 26, "earnings_date": "2026-04-17", "away_team": "Oslo Owls"}
    return _record([out], final=final)


def test_field_names_read_as_labels_fail_field_label_answer() -> None:
    for final in ("For the markets, Starts 2026-06-02, the home is London Hawks.",
                  "The top one has starts 2026-06-02 and home London Hawks.",
                  "The price is 440487.17 and price min 374414.09.",
                  "Dylan: can hide category: no.",
                  "I found Dennis (the pack items is 26)."):
        assert [i.kind for i in label_issues(_answered(final))] == ["field_label_answer"], final


def test_field_names_that_read_as_english_pass() -> None:
    for final in ("The match starts 2026-06-02 with London Hawks at home.",
                  "The price is 440,487.17, at least 374,414.09.",
                  "For DIS: Earnings date 2026-04-17. It can't hide its category.",
                  "For the schedule, Away team Oslo Owls, the home team is London Hawks."):
        assert label_issues(_answered(final)) == [], final
