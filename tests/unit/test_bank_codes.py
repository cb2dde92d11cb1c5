"""Bank codes agree with their places (`generator.bank_codes`, a row of `generator.relations`)."""

from __future__ import annotations

from datagen.generator.bank_codes import bank_codes
from datagen.generator.relations import RELATIONS, relate
from datagen.reference.banking import bic_country, iban_country, make_iban, uses_iban


def test_a_bic_carries_its_countrys_letters():
    out = {"swift": "YVOPGB4J", "address": {"country_name": "China", "country_code": "CN"}}
    bank_codes(out)
    assert out["swift"] == "YVOPCN4J" and bic_country(out["swift"]) == "CN"


def test_an_iban_starts_with_its_country_and_passes_its_check():
    out = {"iban": "GB89TRDX62301163911902", "address": {"country_name": "Turkey", "country_code": "TR"}}
    bank_codes(out)
    assert out["iban"].startswith("TR") and iban_country(out["iban"]) == "TR"


def test_a_country_without_ibans_shows_none():
    out = {"iban": "GB97KVQT12573500717154", "address": {"country_name": "China", "country_code": "CN"}}
    bank_codes(out)
    assert "iban" not in out and not uses_iban("CN") and uses_iban("DE")


def test_an_iban_failing_its_check_is_remade_for_its_own_country_when_no_country_is_named():
    out = {"iban": "DE00370400440532013000"}
    bank_codes(out)
    assert iban_country(out["iban"]) == "DE"


def test_a_valid_iban_of_the_named_country_is_kept():
    out = {"iban": "DE89370400440532013000", "country": "Germany"}
    bank_codes(out)
    assert out["iban"] == "DE89370400440532013000"


def test_made_ibans_are_the_same_for_the_same_seed():
    assert make_iban("FR", "x") == make_iban("FR", "x") and iban_country(make_iban("FR", "x") or "") == "FR"


def test_the_relations_table_has_the_row():
    assert any(r.name == "bank_codes" for r in RELATIONS)
    out = {"bic": "DEUTGBFF", "country_code": "DE"}
    relate(out)
    assert out["bic"] == "DEUTDEFF"
