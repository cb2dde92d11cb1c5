"""`registry.phrase.head_phrase`: a field name's head noun comes last, one test per row."""

from __future__ import annotations

import pytest

from datagen.registry.phrase import RULES, head_phrase


@pytest.mark.parametrize("words, expected", [
    (["price", "with", "currency"], ["price"]),
    (["was", "price", "with", "currency"], ["price"]),
    (["was", "price"], ["price"]),
    (["old", "name"], ["name"]),
    (["name", "of", "city"], ["city", "name"]),
    (["number", "of", "items"], ["items", "number"]),
    (["views", "per", "day"], ["views"]),
    (["sort", "by"], ["sort", "by"]),          # a knob, not a value: left alone
    (["by", "date"], ["by", "date"]),
    (["date", "from"], ["date", "from"]),      # a range end
    (["was", "verified"], ["was", "verified"]),  # a real question stays one
    (["length", "of", "minutes"], ["length", "of", "minutes"]),
    (["city", "name"], ["city", "name"]),
    (["country", "full", "name"], ["country", "name"]),
    (["full", "name"], ["full", "name"]),
])
def test_the_head_noun_comes_last(words: list[str], expected: list[str]) -> None:
    assert head_phrase(words) == expected


def test_every_rule_has_a_reason() -> None:
    assert len({r.name for r in RULES}) == len(RULES) and all(len(r.reason.split()) >= 5 for r in RULES)


def test_a_participle_after_its_noun_leaves_the_noun_the_head() -> None:
    assert head_phrase(["calories", "burned"]) == ["burned", "calories"]
    assert head_phrase(["time", "created"]) == ["time", "created"]  # a moment word is a head of its own
