"""Numbers about one subject agree: summaries across calls (`generator.summaries`), one amount in
several units (`generator.units`), parts within their whole and flags over items (`generator.wholes`).
Inline fixtures only."""

from __future__ import annotations

from typing import Any

from datagen.generator.agree import agree
from datagen.generator.summaries import SUMMARY_WORDS, summaries_agree, violations
from datagen.generator.units import SPANS, UNITS, disagreeing, one_amount
from datagen.generator.wholes import AGGREGATE_FLAGS, NOT_PARTS, aggregate_flags, parts_within


def _history(*calls: tuple[str, dict[str, Any], Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return ([{"name": n, "output": o} for n, _, o in calls], [{"name": n, "parameters": p} for n, p, _ in calls])


def test_every_table_row_gives_its_reason() -> None:
    assert all(word and kind and why for word, kind, why in SUMMARY_WORDS)
    assert all(word and dim and size > 0 and what for word, dim, size, what in UNITS)
    assert all(name and how in ("any", "all") and why for name, how, why in AGGREGATE_FLAGS)
    assert "total" in SPANS and "average" in NOT_PARTS


def test_an_average_after_the_whole_listing_is_its_mean() -> None:
    daily = {"results": [{"time": "07:30", "price": 252.57}, {"time": "13:45", "price": 313.36}]}
    average = {"zone": "north", "average_price": 438.73, "max_price": 100.0}
    outputs, calls = _history(("power::daily", {"zone": "north", "timestamp": "1772575214"}, daily))
    summaries_agree(average, "power::daily_average", {"zone": "north", "timestamp": 1772575214}, outputs, calls)
    assert average["average_price"] == round((252.57 + 313.36) / 2, 2)
    assert average["max_price"] == 313.36


def test_a_listing_after_an_average_has_that_mean_and_an_other_subject_is_left_alone() -> None:
    average = {"average_price": 135.46}
    outputs, calls = _history(("power::daily_average", {"zone": "north"}, average))
    daily = {"results": [{"price": 292.67}, {"price": 408.32}]}
    summaries_agree(daily, "power::daily", {"zone": "north"}, outputs, calls)
    prices = [i["price"] for i in daily["results"]]
    assert min(prices) <= 135.46 <= max(prices) and abs(sum(prices) / 2 - 135.46) < 0.02
    south = {"results": [{"price": 292.67}, {"price": 408.32}]}
    summaries_agree(south, "power::daily", {"zone": "south"}, outputs, calls)
    assert [i["price"] for i in south["results"]] == [292.67, 408.32]
    assert violations([("power::daily_average", {"zone": "north"}, {"average_price": 500.0}),
                       ("power::daily", {"zone": "north"}, south)]) == 1


def test_periods_with_their_own_high_are_not_bounded_by_a_quote() -> None:
    quote = {"symbol": "ABC", "high_price": 10.0}
    outputs, calls = _history(("market::quote", {"symbol": "ABC"}, quote))
    candles = {"bars": [{"high_price": 12.0, "volume": 11}, {"high_price": 14.0, "volume": 13}]}
    summaries_agree(candles, "market::history", {"symbol": "ABC"}, outputs, calls)
    assert candles["bars"] == [{"high_price": 12.0, "volume": 11}, {"high_price": 14.0, "volume": 13}]


def test_one_span_in_several_units_is_computed_from_the_first_in_each_type() -> None:
    span = {"totalDays": 2.5, "totalHours": 255.47, "totalMilliseconds": "359.35", "totalMinutes": 7}
    assert disagreeing(span) == 1
    one_amount(span)
    assert span == {"totalDays": 2.5, "totalHours": 60.0, "totalMilliseconds": "216000000.00", "totalMinutes": 3600}
    assert disagreeing(span) == 0
    trip = {"distance_km": 12.5, "distance_m": 400}
    one_amount(trip)
    assert trip["distance_m"] == 12500


def test_a_breakdown_keeps_each_part_below_its_next_unit_and_two_quantities_stay_apart() -> None:
    left = {"days": 26, "hours": 5, "minutes": 144, "seconds": 309}
    one_amount(left)
    assert left == {"days": 26, "hours": 5, "minutes": 24, "seconds": 9}
    week = {"work_days": 5, "work_hours": 40, "price_min": 3, "price_max": 9}
    one_amount(week)
    assert week == {"work_days": 5, "work_hours": 40, "price_min": 3, "price_max": 9}


def test_a_part_and_its_complement_fit_their_whole() -> None:
    reviews = {"review_count": 12, "recommended_review_count": 40, "not_recommended_review_count": 20,
               "average_review_count": 30}
    parts_within(reviews)
    assert reviews["recommended_review_count"] + reviews["not_recommended_review_count"] <= 12
    assert reviews["average_review_count"] == 30  # an average of a count is no part of it
    split = {"recommendedCount": 33, "notRecommendedCount": 37, "totalReviewCount": 3, "likeCount": 9}
    parts_within(split)
    assert split["recommendedCount"] + split["notRecommendedCount"] <= 3 and split["likeCount"] == 9
    overlapping = {"total_reviews": 44, "rated_reviews": 30, "filtered_reviews": 25}
    parts_within(overlapping)
    assert overlapping == {"total_reviews": 44, "rated_reviews": 30, "filtered_reviews": 25}


def test_an_aggregate_flag_is_read_over_its_items() -> None:
    product = {"isInStock": True, "variants": [{"isInStock": False}, {"inStock": False}]}
    aggregate_flags(product)
    assert product["isInStock"] is False
    sold = {"sold_out": False, "options": [{"sold_out": True}, {"sold_out": True}]}
    aggregate_flags(sold)
    assert sold["sold_out"] is True
    assert agree({"in_stock": False, "items": [{"in_stock": True}, {"in_stock": False}]})["in_stock"] is True
