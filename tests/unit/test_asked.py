"""Answers that follow from what the call sent (`generator.asked`): each row on an inline fixture."""

from __future__ import annotations

from datagen import reference
from datagen.generator.asked import ASKED, answer_asked, at_moment, clock_difference, point_near, sent_codes
from datagen.generator.fake import place_from


def _madrid():
    city = reference.city("Madrid", "ES")
    assert city is not None
    return place_from(city)


def test_every_row_has_a_reason():
    assert all(row.reason for row in ASKED) and len({row.name for row in ASKED}) == len(ASKED)


def test_an_hourly_lookup_answers_for_the_hour_sent_in_the_places_zone():
    # 1777358317 is 2026-04-28 06:38:37 UTC, 08:38 in Madrid (summer time)
    out = {"time": "15:45", "zone": "peninsular", "price": 163.0}
    at_moment(out, {"zone": "peninsular", "timestamp": 1777358317}, "electricity price hourly", _madrid())
    assert out["time"] == "08:00"


def test_a_daily_lookup_answers_for_the_day_and_its_entries_are_its_hours():
    out = {"date": "2026-01-09", "results": [{"time": "19:45"}, {"time": "07:00"}]}
    at_moment(out, {"timestamp": "1777358317"}, "price daily", _madrid())
    assert out == {"date": "2026-04-28", "results": [{"time": "00:00"}, {"time": "01:00"}]}


def test_an_iso_moment_without_a_period_answers_for_that_minute_and_keeps_the_fields_form():
    out = {"datetime": "2026-01-01T03:10:00Z", "created_at": "2026-01-01T03:10:00Z"}
    at_moment(out, {"at": "2026-04-28T06:38:00Z"}, "lookup", None)
    assert out["datetime"] == "2026-04-28T06:38:00Z"
    assert out["created_at"] == "2026-01-01T03:10:00Z"  # another moment of the record, not the one asked


def test_a_span_bound_is_no_moment_asked():
    out = {"items": [{"date": "2026-01-01"}]}
    at_moment(out, {"since_timestamp": 1777358317}, "list hourly", None)
    assert out == {"items": [{"date": "2026-01-01"}]}


def test_a_time_difference_is_hours_and_minutes_and_repeats_what_was_sent():
    out = {"request": {"from_time": "13:00", "from_timezone": "America/New_York", "to_time": "10:45",
                       "to_timezone": "America/New_York"},
           "response": {"months": 12, "days": 9, "hours": 9, "minutes": 68, "seconds": 192}}
    sent = {"to_time": "15:00", "from_time": "10:45", "to_timezone": "asia/karachi", "from_timezone": "america/new_york"}
    clock_difference(out, sent, "get time diff by timezone", None)
    # 10:45 in New York (winter, UTC-5) is 15:45 UTC; 15:00 in Karachi (UTC+5) is 10:00 UTC
    assert out["response"] == {"months": 0, "days": 0, "hours": 5, "minutes": 45, "seconds": 0}
    assert out["request"]["from_time"] == "10:45" and out["request"]["to_timezone"] == "Asia/Karachi"


def test_a_converted_point_stays_metres_from_the_point_sent():
    out = {"latitude": 12.0, "longitude": 100.0, "datum": "wgs84"}
    point_near(out, {"lat": 35.68, "lon": 139.76}, "datum conversion", None)
    assert abs(out["latitude"] - 35.68) < 0.005 and abs(out["longitude"] - 139.76) < 0.005


def test_a_point_is_left_alone_when_the_call_converts_nothing():
    out = {"latitude": 12.0, "longitude": 100.0}
    point_near(out, {"lat": 35.68, "lon": 139.76}, "nearby places", None)
    assert out == {"latitude": 12.0, "longitude": 100.0}


def test_an_iban_sent_is_the_one_described_with_its_real_country():
    out = {"iban": "GB53KVQT12573500717154",
           "address": {"country_name": "China", "country_official_name": "China", "country_code": "CN"}}
    sent_codes(out, {"iban_code": "DE89 3704 0044 0532 0130 00"}, "extract iban information", None)
    assert out["iban"] == "DE89 3704 0044 0532 0130 00"
    assert out["address"]["country_code"] == "DE" and out["address"]["country_name"] == "Germany"


def test_the_table_runs_every_row():
    out = {"time": "15:45"}
    assert answer_asked(out, {"timestamp": 1777358317}, "hourly", None) == {"time": "06:00"}


def test_the_zones_of_a_difference_are_the_sent_cities_and_points():
    by_city = {"request": {"from_timezone": "Asia/Jakarta", "to_timezone": "Asia/Jakarta"}, "response": {"hours": 3}}
    clock_difference(by_city, {"from_time": "13:30", "to_time": "13:00", "from_city": "tianjin",
                               "to_city": "tangerang"}, "time diff by city", None)
    # 13:30 in Tianjin (UTC+8) is 05:30 UTC; 13:00 in Tangerang (UTC+7) is 06:00 UTC
    assert by_city == {"request": {"from_timezone": "Asia/Shanghai", "to_timezone": "Asia/Jakarta"},
                       "response": {"hours": 0}}
    by_point = {"request": {"from_latitude": 68, "to_timezone": "Europe/Oslo"}, "response": {"hours": 9, "minutes": 86}}
    clock_difference(by_point, {"from_time": "12:15", "to_time": "17:00", "from_lat": 40.71, "from_lon": -74.0,
                                "to_lat": 48.85, "to_lon": 2.35}, "time diff by location", None)
    assert by_point == {"request": {"from_latitude": 40.71, "to_timezone": "Europe/Paris"},
                        "response": {"hours": 1, "minutes": 15}}
