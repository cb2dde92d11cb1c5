"""The moments of one thing come in the order of its life (`generator.lifecycle`), inline fixtures."""

from __future__ import annotations

from datagen.generator.agree import agree
from datagen.generator.lifecycle import STAGES, answers_after, stages_of, staged


def test_every_stage_row_gives_its_reason() -> None:
    assert all(words and reason for words, _, _, reason in STAGES)


def test_a_record_is_changed_after_it_is_made_and_formats_are_kept() -> None:
    record = {"createdAt": "2026-05-01T10:00:00Z", "lastModified": "2026-03-01T09:00:00.000Z"}
    staged(record)
    assert record == {"createdAt": "2026-03-01T09:00:00Z", "lastModified": "2026-05-01T10:00:00.000Z"}


def test_released_before_updated_and_listed_before_it_expires_in_unix_time() -> None:
    song = {"released": "2026-05-09T17:46:00Z", "updated": "2026-04-16T16:32:00Z"}
    staged(song)
    assert song["released"] < song["updated"]
    listing = {"listedAt": 1780000000, "expireAt": 1767225600000}  # seconds and milliseconds
    staged(listing)
    assert listing == {"listedAt": 1767225600, "expireAt": 1780000000000}


def test_a_span_starts_before_it_ends_as_years_nested_years_and_times_of_day() -> None:
    job = {"start": {"year": 2015, "month": 9}, "end": {"year": 2012, "month": 6}, "title": "Engineer"}
    staged(job)
    assert job == {"start": {"year": 2012, "month": 6}, "end": {"year": 2015, "month": 9}, "title": "Engineer"}
    school = {"start_year": 2019, "end_year": 2011, "opens": "18:00"}
    staged(school)
    assert school == {"start_year": 2011, "end_year": 2019, "opens": "18:00"}
    shift = {"start_time": "18:00", "end_time": "09:30"}
    staged(shift)
    assert shift == {"start_time": "09:30", "end_time": "18:00"}


def test_a_stay_over_midnight_and_moments_of_different_tracks_are_left_alone() -> None:
    hotel = {"check_in": "15:00", "check_out": "11:00"}
    staged(hotel)
    assert hotel == {"check_in": "15:00", "check_out": "11:00"}  # check-out is the next day
    profile = {"created_at": "2026-05-01", "start_date": "2012-09-01", "end_date": "2016-06-30"}
    staged(profile)
    assert profile["start_date"] == "2012-09-01"  # a record made today describes an old job


def test_the_last_lifecycle_word_of_a_track_decides() -> None:
    assert stages_of("order_shipped_at") == [("order", 1)]
    assert stages_of("checkInDate") == [("stay", 0)]
    assert ("span", 2) in stages_of("sale_end_date")
    assert stages_of("title") == []


def test_a_comment_is_made_after_the_review_it_answers_with_its_replies() -> None:
    review = {"created_at": "2026-05-10T12:00:00Z",
              "comments": [{"created_at": "2026-05-01T08:00:00Z", "updated_at": "2026-05-02T08:00:00Z",
                            "replies": [{"posted_at": "2026-05-03T00:00:00Z"}]}]}
    answers_after(review)
    comment = review["comments"][0]
    assert review["created_at"] < comment["created_at"] < comment["updated_at"] < comment["replies"][0]["posted_at"]


def test_a_collection_may_hold_things_older_than_itself() -> None:
    playlist = {"created_at": "2026-05-10T12:00:00Z", "videos": [{"published_at": "2026-01-01T08:00:00Z"}]}
    answers_after(playlist)
    assert playlist["videos"][0]["published_at"] == "2026-01-01T08:00:00Z"


def test_agree_applies_both_rules() -> None:
    out = agree({"id": 1, "releaseDate": "2026-07-17", "lastUpdated": "2026-04-21",
                 "reviews": [{"id": 2, "date_posted": "2026-03-01", "date_edited": "2026-02-01"}]})
    assert out["releaseDate"] < out["lastUpdated"]
    review = out["reviews"][0]
    assert out["releaseDate"] <= review["date_posted"] < review["date_edited"]
