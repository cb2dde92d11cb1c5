"""The one link rule (`registry.scope`) and platform detection (`registry.platforms`), on small
hand-made endpoints with generic names: what may carry a value from one endpoint to another."""

from __future__ import annotations

import pytest

from datagen.registry.models import Endpoint, FieldSource, Parameter, ParamType, ResponseField
from datagen.registry.naming import concept_of, singular
from datagen.registry.platforms import ToolText, detect_platforms, endpoint_platform, platform_words
from datagen.registry.scope import Scope, about, concept_scope, may_link, same_service, source_keys, target_keys


def _ep(tool: str, name: str, params: list[tuple[str, bool]], fields: list[str], *, category: str = "Alpha",
        platform: str = "", url: str = "") -> Endpoint:
    return Endpoint(
        id=f"{tool}::{name}", tool_id=tool, slug=name, name=name, category=category, rk=1, platform=platform,
        url=url,
        parameters=[Parameter(name=c, type=ParamType.STRING, required=r, concept=c) for c, r in params],
        response_fields=[ResponseField(path=c, name=c, type=ParamType.STRING, concept=c, source=FieldSource.SCHEMA)
                         for c in fields],
    )


@pytest.mark.parametrize(("concept", "scope"), [
    ("order_id", Scope.SERVICE), ("booking_number", Scope.SERVICE), ("api_token", Scope.SERVICE),
    ("user_name", Scope.SERVICE), ("file_name", Scope.SERVICE), ("widget_slug", Scope.SERVICE),
    ("email", Scope.UNIVERSAL), ("city", Scope.UNIVERSAL), ("latitude", Scope.UNIVERSAL),
    ("date", Scope.UNIVERSAL), ("currency", Scope.UNIVERSAL), ("isbn", Scope.UNIVERSAL),
    ("state_code", Scope.UNIVERSAL), ("author_name", Scope.UNIVERSAL),
    ("venue_name", Scope.UNIVERSAL), ("product_name", Scope.NONE), ("genre", Scope.NONE),
])
def test_concept_scope(concept: str, scope: Scope) -> None:
    assert concept_scope(concept) is scope


def test_same_service_is_one_tool_or_one_platform() -> None:
    a = _ep("shop_one", "list_orders", [], ["order_id"], platform="bazaar")
    b = _ep("shop_two", "order_status", [("order_id", True)], [], platform="bazaar")
    c = _ep("shop_three", "order_status", [("order_id", True)], [])
    assert same_service(a, b)
    assert not same_service(a, c)
    assert same_service(c, _ep("shop_three", "cancel", [], []))
    assert not same_service(c, _ep("shop_four", "cancel", [], []))  # '' is no platform


def test_one_tool_over_two_platforms_is_two_services() -> None:
    words = {"bazaar", "chirper"}
    assert endpoint_platform("chirper_video_download", words) == "chirper"
    assert endpoint_platform("bazaar_to_chirper", words) == ""  # names two: no platform
    tweet = _ep("all_in_one", "chirper_video", [], ["user_name"], platform=endpoint_platform("chirper_video", words))
    shop = _ep("all_in_one", "bazaar_user", [("user_name", True)], [], platform=endpoint_platform("bazaar_user", words))
    plain = _ep("all_in_one", "status", [("user_name", True)], [])
    assert not same_service(tweet, shop) and not may_link("user_name", tweet, shop, "user_name")
    assert same_service(tweet, plain)  # one side on no platform: the tool is the service


def test_a_service_id_never_leaves_its_service() -> None:
    source = _ep("shop_one", "list_orders", [], ["order_id"])
    sibling = _ep("shop_one", "order_details", [("order_id", True)], [])
    stranger = _ep("shop_two", "order_details", [("order_id", True)], [])
    wrapper = _ep("shop_three", "order_details", [("order_id", True)], [], platform="bazaar")
    assert may_link("order_id", source, sibling)
    assert not may_link("order_id", source, stranger)
    assert not may_link("order_id", source, wrapper)
    assert may_link("order_id", source.model_copy(update={"platform": "bazaar"}), wrapper)


def test_a_cross_tool_universal_fills_only_a_required_input() -> None:
    search = _ep("stays", "city_of_lodging", [("lodging", True)], ["city"])
    forecast = _ep("skies", "city_forecast", [("city", True)], [])
    forecast_optional = _ep("skies", "city_forecast_filtered", [("city", False)], [])
    assert may_link("city", search, forecast)
    assert may_link("city", search, forecast, forecast.parameters[0])
    assert not may_link("city", search, forecast_optional)
    assert not may_link("city", search, forecast_optional, "city")


def test_an_incidental_universal_never_links_across_services() -> None:
    # session 9: a shared topic word inside one category glued a rental page's link into another
    # property service; an incidental value is stated by the user across services, never linked
    rainfall = _ep("skies", "rainfall_history", [], ["date", "url"], category="Climate")
    other_rain = _ep("clouds", "rainfall_forecast", [("date", True), ("url", True)], [], category="Climate")
    sibling = _ep("skies", "rainfall_forecast", [("date", True), ("url", True)], [], category="Climate")
    assert not may_link("date", rainfall, other_rain)
    assert not may_link("url", rainfall, other_rain)
    assert may_link("date", rainfall, sibling) and may_link("url", rainfall, sibling)


def test_a_subject_universal_crosses_categories_only_between_endpoints_about_it() -> None:
    experts = _ep("helpers", "hire_expert", [], ["email"], category="Services")
    validate = _ep("mailcheck", "validate_email", [("email", True)], [], category="Mail")
    mailbox = _ep("inboxes", "email_inbox_messages", [], ["email"], category="Other")
    assert about("email", validate) and not about("email", experts)
    assert not may_link("email", experts, validate)
    assert may_link("email", mailbox, validate)
    # nor inside one category: the receiving endpoint being about it is not enough (session 8)
    assert not may_link("email", experts.model_copy(update={"category": "Mail"}), validate)


def test_a_url_segment_that_only_names_a_parameter_does_not_make_an_endpoint_about_it() -> None:
    games = _ep("catalogue", "search", [("country", True)], [], url="https://x.example/search/country/{country}")
    stats = _ep("figures", "indicators", [("country", True)], [], url="https://x.example/country-indicators")
    assert not about("country", games)
    assert about("country", stats)


def test_a_concept_of_two_senses_links_only_within_one_sense() -> None:
    equities = _ep("quotes", "stock_quote", [("symbol", True)], ["symbol"], category="Money")
    equities.tool_summary = "Prices of listed stock and company dividends."
    coins = _ep("spot", "ticker_quote", [("symbol", True)], ["symbol"], category="Money")
    coins.tool_summary = "Cryptocurrency prices and charts."
    plain = _ep("charts", "symbol_chart", [("symbol", True)], ["symbol"], category="Money")
    assert not may_link("symbol", equities, coins) and not may_link("symbol", coins, equities)
    assert may_link("symbol", equities, plain) and may_link("symbol", plain, coins)
    money = _ep("rates", "list_currencies", [], ["symbol"], category="Money")
    assert not may_link("symbol", money, equities) and not may_link("symbol", money, coins)


def test_keys_are_the_rule() -> None:
    """`may_link` and the graph's key join agree on every pair of a small mixed set."""
    eps = [
        _ep("stays", "search_lodgings", [("city", True)], ["city", "lodging_id", "date"], category="Trips"),
        _ep("stays", "lodging_rooms", [("lodging_id", True), ("date", False)], ["date"], category="Trips"),
        _ep("skies", "forecast", [("city", True), ("date", True)], ["city"], category="Trips"),
        _ep("skies", "forecast_lodging", [("lodging_id", True)], [], category="Trips"),
        _ep("maps", "geocode", [("city", True)], ["latitude"], category="Places", platform="atlas"),
        _ep("routes", "route_map", [("latitude", True)], [], category="Roads", platform="atlas"),
    ]
    for s in eps:
        for t in eps:
            if s.tool_id == t.tool_id:
                continue
            for f in s.response_fields:
                for p in t.parameters:
                    if p.concept != f.concept:
                        continue
                    joined = bool(set(source_keys(f.concept, s)) & set(target_keys(p.concept, t, p.required)))
                    assert joined == may_link(f.concept, s, t, p), (s.id, t.id, p.name)


def _tool(tid: str, name: str, text: str) -> ToolText:
    return ToolText(id=tid, name=name, title="", host=f"{tid.replace('_', '-')}.p.example.com", descriptions=[text])


def test_platform_words_are_proper_nouns_several_tools_name() -> None:
    tools = [
        _tool("zorbly_scraper", "Zorbly Scraper", "Fetch posts from Zorbly. Works with any Zorbly account."),
        _tool("zorbly_v2", "Zorbly v2", "Unofficial API for Zorbly profiles."),
        _tool("forecast_one", "Forecast One", "Daily weather forecast. The weather for any city."),
        _tool("forecast_two", "Forecast Two", "Hourly weather and forecast data."),
        _tool("lonely", "Quixel Search", "Search Quixel items. Quixel is great."),
        _tool("mixed", "Zorbly and Plimp Bridge", "Bridge Zorbly and Plimp accounts."),
        _tool("plimp", "Plimp Tools", "Read your Plimp feed from Plimp."),
    ]
    assert platform_words(tools) == {"zorbly", "plimp"}
    platforms = detect_platforms(tools)
    assert platforms["zorbly_scraper"] == platforms["zorbly_v2"] == "zorbly"
    assert platforms["forecast_one"] == ""  # `forecast` is written in lower case: a domain word
    assert platforms["lonely"] == ""  # named by one tool only
    assert platforms["mixed"] == ""  # names two platforms: its ids could be either's
    assert platforms["plimp"] == "plimp"


@pytest.mark.parametrize(("plural", "single"), [
    ("hotels", "hotel"), ("categories", "category"), ("addresses", "address"), ("matches", "match"),
    ("people", "person"), ("criteria", "criterion"), ("series", "series"), ("news", "news"), ("data", "data"),
    ("status", "status"), ("business", "business"), ("bus", "bus"), ("ids", "ids"), ("3ds", "3ds"),
])
def test_singular_keeps_concept_keys_sensible(plural: str, single: str) -> None:
    assert singular(plural) == single
    assert concept_of("hotelIds") == "hotel_id" and concept_of("categories_id") == "category_id"


def test_a_subject_universal_links_across_services_only_when_both_are_about_it() -> None:
    # a property page shows a country among its facts; a ranking of creators by country is about
    # countries, the property page is not: the country is an attribute of the first answer, and a call
    # made only to obtain it for another service is no goal a person has
    page = _ep("homes", "property_main_info", [("property_id", True)], ["country_code"], category="Data")
    ranking = _ep("clips", "top_users_by_country_code", [("country_code", True)], [], category="Data")
    lookup = _ep("atlas", "country_code_lookup", [("country", True)], ["country_code"], category="Data")
    assert not may_link("country_code", page, ranking)
    assert may_link("country_code", lookup, ranking)
