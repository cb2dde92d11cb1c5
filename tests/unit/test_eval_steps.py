"""`unasked_step` for "means" calls that only copy the request back (evaluator.rubric_links)."""

from __future__ import annotations

from typing import Any

from datagen.evaluator.rubric import rubric_issues

from tests.unit.eval_fixtures import call_record

_RATES = {"id": "crr_70612", "currency": "EUR", "base_currency": "EUR", "value_date": "2026-03-21"}
_STATS = {"period": "1d", "results": [{"currency": "USD", "base_currency": "EUR", "max": 1.12}]}


def _rates_then_stats(request: str, fed: str = "EUR") -> dict[str, Any]:
    """A rates lookup for the user's code whose `base_currency` feeds a stats call."""
    made = [{"name": "fx::currencies_get_rates", "parameters": {"code": "EUR"}},
            {"name": "fx::rates_stats", "parameters": {"base_currency": fed}}]
    return call_record("conv_9_0002", request, made, [{**_RATES, "base_currency": fed}, _STATS],
                       "Against EUR, USD peaked at 1.12 over the day.", [
                           {"call": 0, "param": "code", "source": "user", "value": "EUR"},
                           {"call": 1, "param": "base_currency", "source": "step_output", "value": fed, "step": 0,
                            "field_path": "base_currency"}])


def _unasked(record: dict[str, Any]) -> list[str]:
    return [i.message for i in rubric_issues(record) if i.kind == "unasked_step"]


def test_a_means_call_that_only_copies_the_users_value_back_is_unasked() -> None:
    found = _unasked(_rates_then_stats("Could you show me the rate stats for EUR?"))
    assert len(found) == 1 and "currencies_get_rates" in found[0]


def test_a_means_call_the_user_named_or_that_feeds_something_new_is_asked() -> None:
    assert _unasked(_rates_then_stats("Could you get the EUR currency rates and their stats?")) == []
    assert _unasked(_rates_then_stats("Could you show me the rate stats for EUR?", fed="GBP")) == []
