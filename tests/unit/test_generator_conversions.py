"""`generator.conversions`: a converter's answer is computed from what it was sent."""

from __future__ import annotations

from datetime import date, datetime, timezone

from datagen.generator.conversions import convert_money, convert_times
from datagen.reference.money import rate

NOON = datetime(2026, 6, 14, 12, tzinfo=timezone.utc)


def test_a_time_sent_between_two_zones_comes_back_as_that_moment_in_the_target_zone() -> None:
    out = {"converted_time": "09:15", "converted_date": "2026-03-24", "target_timezone": "America/New_York"}
    convert_times(out, {"time": "16:30", "timezone": "Asia/Shanghai", "target_timezone": "America/New_York"}, NOON)
    assert out == {"converted_time": "04:30", "converted_date": "2026-06-14", "target_timezone": "America/New_York"}


def test_a_rate_is_the_ecb_rate_and_a_converted_amount_is_amount_times_rate() -> None:
    real = rate("CAD", "SEK", NOON.date())
    assert real is not None and 5 < real < 9  # the krona buys about a seventh of a Canadian dollar
    out = {"converted_amount": 128.9, "target_currency": "SEK", "rate": 6.43}
    convert_money(out, {"amount": 246, "currency": "CAD", "target_currency": "SEK"}, NOON)
    assert out["rate"] == real and out["converted_amount"] == round(246 * real, 2)


def test_a_pair_the_ecb_does_not_publish_and_a_rate_of_another_kind_keep_what_they_had() -> None:
    out = {"converted_amount": 10.0, "rate": 2.0, "interest_rate": 7.5}
    convert_money(out, {"amount": 5, "from": "XOF", "to": "NGN"}, NOON)
    assert out == {"converted_amount": 10.0, "rate": 2.0, "interest_rate": 7.5}
    loan = {"interest_rate": 7.5, "rate": 1.1}
    convert_money(loan, {"base": "EUR", "target": "USD"}, NOON)
    assert loan["interest_rate"] == 7.5 and loan["rate"] == rate("EUR", "USD", date(2026, 6, 14))
