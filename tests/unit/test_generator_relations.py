"""Each row of `generator.relations.RELATIONS` on a small object: what it fixes and what it leaves."""

from __future__ import annotations

from datagen.generator.relations import RELATIONS, relate


def test_every_row_has_a_reason_and_a_unique_name() -> None:
    assert len({r.name for r in RELATIONS}) == len(RELATIONS)
    assert all(len(r.reason.split()) >= 5 for r in RELATIONS)


def test_the_domain_beside_an_email_is_its_domain() -> None:
    out = relate({"email": "ana@Example.org", "domain": "other.com", "valid": True})
    assert out["domain"] == "example.org"
    untouched = relate({"domain": "other.com", "valid": True})
    assert untouched["domain"] == "other.com"


def test_an_offset_is_computed_from_the_zone_and_the_date() -> None:
    tokyo = relate({"timezone": "Asia/Tokyo", "utc_offset": "0", "dst": True})
    assert tokyo == {"timezone": "Asia/Tokyo", "utc_offset": "+09:00", "dst": False}
    winter = relate({"timezone": "Europe/Lisbon", "date": "2026-01-15", "offset_seconds": 5})
    summer = relate({"timezone": "Europe/Lisbon", "date": "2026-07-15", "offset_seconds": 5})
    assert (winter["offset_seconds"], summer["offset_seconds"]) == (0, 3600)
    hours = relate({"zone": "America/New_York", "date": "2026-07-01", "gmt_offset": 0})
    assert hours["gmt_offset"] == -4
    assert relate({"timezone": "not a zone", "utc_offset": "0"})["utc_offset"] == "0"


def test_an_age_moves_the_birth_date_to_its_year() -> None:
    person = relate({"age": 66, "birth": {"date": "2026-04-29"}, "date_of_birth": "2026-04-29"})
    assert person["date_of_birth"] == "1959-04-29"  # 66 on 2026-03-02, birthday still ahead


def test_a_full_name_is_its_first_and_last_name() -> None:
    person = relate({"firstname": "Ingrid", "lastname": "Costa", "name": "Hayley Thomas"})
    assert person["name"] == "Ingrid Costa"
    assert relate({"name": "Hayley Thomas"})["name"] == "Hayley Thomas"


def test_a_flag_about_x_agrees_with_x() -> None:
    post = relate({"is_video": False, "video_url": "https://v.example/1", "has_comments": True, "comments": []})
    assert post["is_video"] is True and post["has_comments"] is False
    assert relate({"is_private": True, "name": "a"})["is_private"] is True  # nothing to compare with


def test_success_agrees_with_a_full_answer() -> None:
    out = relate({"status": False, "errors": [""], "data": {"name": "x"}})
    assert out["status"] is True and out["errors"] == []
    empty = relate({"success": False, "message": "not found"})
    assert empty["success"] is False


def test_a_named_country_or_city_has_its_real_attributes() -> None:
    info = relate({"country_code": "ID", "country_name": "Indonesia", "capital": "Jakarta", "currency": "IDR",
                   "languages": ["en"], "calling_code": "+1", "population": 14})
    assert info["languages"] == ["id"] and info["calling_code"] == "+62" and info["population"] > 200_000_000
    tracker = relate({"name": "Russia", "population": 14, "id": 7})
    assert tracker["population"] > 100_000_000 and tracker["id"] == 7
    town = relate({"city": "Lisbon", "timezone": "Asia/Tokyo", "population": "3"})
    assert town["timezone"] == "Europe/Lisbon" and int(town["population"]) > 400_000
    unknown = relate({"name": "Acme Widgets", "population": 14})
    assert unknown["population"] == 14  # not a place the reference knows: left as it is


def test_a_city_of_another_country_gives_way_to_one_of_the_named_country() -> None:
    place = relate({"countryCode": "CN", "placeName": "Kumasi", "latitude": 5.6, "longitude": -1.6})
    assert place["placeName"] != "Kumasi" and 18 < place["latitude"] < 54 and 73 < place["longitude"] < 135
    same = relate({"country_code": "GH", "city": "Kumasi", "latitude": 0.0})
    assert same["city"] == "Kumasi" and 6 < same["latitude"] < 7


def test_a_short_or_display_name_is_a_form_of_the_things_name() -> None:
    team = {"homeTeam": {"name": "Chengdu", "shortName": "Wuhan", "id": 5}}
    relate(team)
    assert team["homeTeam"]["shortName"] == "Chengdu"


def test_entries_that_each_carry_a_moment_are_in_time_order_once_each() -> None:
    trip = relate({"stops": [{"stop_id": "a", "arrival": "19:30"}, {"stop_id": "b", "arrival": "18:30"},
                             {"stop_id": "c", "arrival": "18:30"}]})
    assert [s["arrival"] for s in trip["stops"]] == ["18:30", "18:45", "19:30"]
    feed = relate({"news": [{"date": "2026-05-03"}, {"date": "2026-05-03"}, {"date": "2026-04-01"}]})
    assert [n["date"] for n in feed["news"]] == ["2026-05-03", "2026-05-02", "2026-04-01"]  # newest first stays
    ranked = relate({"teams": [{"rank": 1, "date": "2026-05-03"}, {"rank": 2, "date": "2026-04-01"}]})
    assert [t["rank"] for t in ranked["teams"]] == [1, 2]  # a ranked list keeps its order


def test_a_persons_parts_and_whole_name_agree_and_the_gender_follows_the_first_name() -> None:
    coach = relate({"coachName": "Ashley Clark", "firstName": "Yuki", "lastName": "Larsen"})
    assert coach["coachName"] == "Yuki Larsen"
    user = relate({"first_name": "Oscar", "full_name": "Robert Mcdonald"})
    assert user["first_name"] == "Robert"
    assert relate({"name": "Katherine Taylor", "gender": "male"})["gender"] == "female"
    assert relate({"name": "Katherine Taylor", "gender": "M"})["gender"] == "F"
