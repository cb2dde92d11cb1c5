"""Counts beside a list agree with the list (`generator.listed`), inline fixtures."""

from __future__ import annotations

from datagen.generator.listed import _MORE, counts


def test_every_paging_row_gives_its_reason() -> None:
    assert all(name and reason for name, reason in _MORE)


def test_a_count_named_by_the_singular_counts_the_plural_list() -> None:
    post = {"commentCount": 7, "comments": [{"id": 1}, {"id": 2}]}
    counts(post)
    assert post["commentCount"] == 2
    post = {"num_comments": 1, "comments": [{"id": 1}, {"id": 2}]}
    counts(post)
    assert post["num_comments"] == 2


def test_a_total_is_no_less_than_the_list_and_more_only_when_paging_says_so() -> None:
    page = {"total_results": 70, "has_more": True, "results": [{"id": 1}, {"id": 2}]}
    counts(page)
    assert page["total_results"] == 70
    short = {"count": 1, "next": "https://example.org/?page=2", "results": [{"id": 1}, {"id": 2}]}
    counts(short)
    assert short["count"] == 2
    last = {"count": 9, "next": None, "results": [{"id": 1}, {"id": 2}]}
    counts(last)
    assert last["count"] == 2


def test_a_bare_total_counts_unpriced_items_beside_a_list_of_words() -> None:
    found = {"totalCount": 1, "items": [{"id": 1}, {"id": 2}], "tags": ["a"]}
    counts(found)
    assert found["totalCount"] == 2
    bare = {"total": 1, "results": [{"id": 1}, {"id": 2}]}
    counts(bare)
    assert bare["total"] == 2
    priced = {"total": 9, "results": [{"id": 1, "price": 3}, {"id": 2, "price": 6}]}
    counts(priced)
    assert priced["total"] == 9  # a sum of prices, not a count
