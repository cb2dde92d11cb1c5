"""One quantity of one thing is one number across calls (`generator.tallies`), inline fixtures."""

from __future__ import annotations

from datagen.generator.tallies import COUNT_FORMS, quantity_name, same_tallies


def test_every_count_form_gives_its_reason() -> None:
    assert all(form and reason for form, reason in COUNT_FORMS)


def test_spellings_of_one_count_are_one_quantity_and_placing_numbers_are_none() -> None:
    names = {quantity_name(k) for k in ("commentCount", "comment_count", "comments_count", "num_comments",
                                        "number_of_comments", "comments", "total_comments")}
    assert names == {"comment#count"}
    assert quantity_name("total_price") != quantity_name("price")
    assert quantity_name("year") is None and quantity_name("developerId") is None and quantity_name("page") is None and quantity_name("rank") is None


def test_a_lookup_by_the_id_a_search_showed_repeats_its_counts_in_their_own_types() -> None:
    search = {"data": [{"mId": "m_32756", "year": "2018", "numReviews": 43, "views": "17502"},
                       {"mId": "m_11111", "year": "2020", "numReviews": 5, "views": "12"}]}
    lookup = {"data": {"mId": "m_32756", "year": "2026", "reviews_count": "3", "viewCount": 99, "rank": 7}}
    same_tallies(lookup, {"mId": "m_32756"}, [search])
    assert lookup["data"] == {"mId": "m_32756", "year": "2026", "reviews_count": "43", "viewCount": 17502, "rank": 7}
    # the year is a moment of the film, kept with its release date, not a count carried alone


def test_a_reference_to_another_thing_and_a_filtered_list_carry_nothing() -> None:
    app = {"id": "6444880223", "developerId": 380094, "reviews": 36, "price": 4.99}
    by_developer = {"data": [{"id": 124040, "developerId": 380094, "reviews": 17, "price": 2.99}]}
    same_tallies(by_developer, {"developerId": 380094}, [app])
    assert by_developer["data"][0]["reviews"] == 17  # the app's reviews are not the developer's apps'
    post = {"id": "pst_12345", "like_count": 10}
    two = {"items": [{"post": "pst_12345", "likes": 3}, {"post": "pst_12345", "likes": 4}]}
    same_tallies(two, {"id": "pst_12345"}, [post])
    assert [i["likes"] for i in two["items"]] == [3, 4]


def test_the_most_recent_earlier_answer_is_the_source() -> None:
    first = {"username": "ana_x1", "followers": 10}
    second = {"username": "ana_x1", "followers_count": 12}
    third = {"user": {"username": "ana_x1", "num_followers": 99}}
    same_tallies(third, {"username": "ana_x1"}, [first, second])
    assert third["user"]["num_followers"] == 12


def test_a_count_beside_the_list_it_counts_follows_the_list() -> None:
    post = {"id": "pst_12345", "comment_count": 40}
    lookup = {"id": "pst_12345", "commentCount": 2, "comments": [{"text": "a"}, {"text": "b"}]}
    same_tallies(lookup, {"id": "pst_12345"}, [post])
    assert lookup["commentCount"] == 2
