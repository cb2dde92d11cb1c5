"""`generator.lookups.found_first`: a search for a stated name finds that thing first."""

from __future__ import annotations

from datagen.generator.lookups import found_first


def test_a_search_for_a_title_lists_that_title_first() -> None:
    out = {"results": [{"id": 1, "title": "Cornsilk Stranger"}, {"id": 2, "title": "Silver Echoes"}]}
    found_first(out, {"query": "The Silver Promise"})
    assert out["results"][0]["title"] == "The Silver Promise" and out["results"][1]["title"] == "Silver Echoes"


def test_a_people_search_finds_the_person_with_their_name_parts() -> None:
    out = {"data": [{"full_name": "Matthew Gordon", "first_name": "Omar", "last_name": "Gordon"}]}
    found_first(out, {"keyword": "Trang Bui"})
    assert out["data"][0] == {"full_name": "Trang Bui", "first_name": "Trang", "last_name": "Bui"}


def test_a_lower_case_search_or_a_hit_already_there_changes_nothing() -> None:
    out = {"results": [{"title": "Heist Night"}]}
    found_first(out, {"query": "heist thrillers"})
    assert out["results"][0]["title"] == "Heist Night"
    hit = {"results": [{"title": "Other"}, {"title": "The Silver Promise (2019)"}]}
    found_first(hit, {"query": "The Silver Promise"})
    assert hit["results"][0]["title"] == "Other"
