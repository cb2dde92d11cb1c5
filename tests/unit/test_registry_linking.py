"""Which chains hold together: links that fill a required input with the same meaning."""

from __future__ import annotations

from datagen.registry.linking import coherent_prefix, feeds, same_subject
from datagen.registry.models import Endpoint, FieldSource, Parameter, ParamType, ResponseField


def _ep(tool: str, name: str, params: list[tuple[str, str, bool]], fields: list[tuple[str, str]],
        category: str = "Travel") -> Endpoint:
    return Endpoint(
        id=f"{tool}::{name}", tool_id=tool, slug=name, name=name, category=category, rk=1,
        parameters=[Parameter(name=n, type=ParamType.STRING, required=r, concept=c) for n, c, r in params],
        response_fields=[ResponseField(path=p, name=p.rsplit(".", 1)[-1].replace("[]", ""), type=ParamType.STRING,
                                       concept=c, source=FieldSource.SCHEMA) for p, c in fields],
    )


SEARCH = _ep("stays", "search_hotels", [("city", "city", True)], [("hotels[].hotel_id", "hotel_id"), ("hotels[].city", "city")])
BOOK = _ep("stays", "book_hotel", [("hotel_id", "hotel_id", True), ("email", "email", True)], [("booking_id", "booking_id")])
DETAILS = _ep("stays", "hotel_details", [("hotel_id", "hotel_id", True)], [("name", "name")])
PHOTOS = _ep("stays", "hotel_photos", [("hotel_id", "hotel_id", True)], [("photos[]", "photo")])
OTHER_BOOK = _ep("rooms_elsewhere", "book_room", [("hotel_id", "hotel_id", True)], [("booking_id", "booking_id")])
AIRPORT = _ep("airports", "airport_city", [("iata", "iata", True)], [("city", "city"), ("name", "name")])
WEATHER = _ep("skies", "forecast", [("city", "city", True)], [("temperature", "temperature")])
WEATHER_OPT = _ep("skies", "forecast_opt", [("city", "city", False), ("days", "days", True)], [("temperature", "temperature")])
JOKES = _ep("laughs", "random_joke", [], [("joke", "joke")], category="Entertainment")


def test_a_service_id_feeds_only_its_own_tool() -> None:
    assert feeds(SEARCH, BOOK)
    assert not feeds(SEARCH, OTHER_BOOK)


def test_a_cross_tool_link_must_fill_a_required_input() -> None:
    assert feeds(AIRPORT, WEATHER)
    assert not feeds(AIRPORT, WEATHER_OPT)


def test_an_echo_of_the_sources_own_input_is_not_a_link() -> None:
    assert not feeds(SEARCH, WEATHER)  # the hotels' city is the city the user searched
    assert feeds(SEARCH, BOOK)


def test_same_subject_means_one_tool_and_a_shared_required_input() -> None:
    assert same_subject(DETAILS, PHOTOS)
    assert not same_subject(DETAILS, OTHER_BOOK)


def test_coherent_prefix_cuts_at_the_first_unrelated_step() -> None:
    assert coherent_prefix([SEARCH, BOOK, JOKES, WEATHER], [0, 1, 2, 3]) == [0, 1]
    assert coherent_prefix([SEARCH, DETAILS, PHOTOS], [0, 1, 2]) == [0, 1, 2]
    assert coherent_prefix([JOKES, SEARCH], [0, 1]) == [0]


def test_a_parallel_sibling_stays_only_if_it_serves_the_join() -> None:
    # two searches in parallel, the join books from the first: the unrelated sibling is dropped
    assert coherent_prefix([SEARCH, JOKES, BOOK], [0, 0, 1]) == [0, 2]
    assert coherent_prefix([DETAILS, PHOTOS], [0, 0]) == [0, 1]


def test_a_step_that_feeds_another_service_is_asked_for_itself() -> None:
    from datagen.registry.linking import end_indices
    # same service: the search is a means to the details (the user asks only for the details)
    assert end_indices([SEARCH, DETAILS], [0, 1], [[], ["hotels[].hotel_id->hotel_id"]]) == [1]
    # across services: the geocoder's answer is wanted too; a call to one service made only to
    # obtain a value for another is no chain a person asks for
    finder = _ep("people", "find_email_of_person", [("person_name", "person_name", True)], [("email", "email")])
    checker = _ep("mailcheck", "validate_email", [("email", "email", True)], [("valid", "valid")], category="Email")
    assert end_indices([finder, checker], [0, 1], [[], ["email->email"]]) == [0, 1]


def test_coordinates_are_a_means_only_from_an_endpoint_about_them() -> None:
    # a geocoder's coordinates are its answer; a listing's coordinates are incidental to it
    geocode = _ep("atlas", "geocode_address", [("address", "address", True)],
                  [("results[].latitude", "latitude"), ("results[].longitude", "longitude")], category="Mapping")
    listing = _ep("stays", "search_hotels", [("city", "city", True)],
                  [("hotels[].latitude", "latitude"), ("hotels[].longitude", "longitude")], category="Mapping")
    zone = _ep("clock", "get_timezone", [("latitude", "latitude", True), ("longitude", "longitude", True)],
               [("timezone", "timezone")], category="Mapping")
    assert feeds(geocode, zone, {"latitude": "results[].latitude"})
    assert not feeds(listing, zone, {"latitude": "hotels[].latitude"})


def test_a_pictures_address_fills_only_an_input_about_pictures() -> None:
    from datagen.registry.linking import image_owned, same_owner
    assert image_owned("items[].thumbnails[].url") and image_owned("profile_pic_url") and image_owned("cover.link")
    assert not image_owned("items[].url") and not image_owned("video.share_url")
    info = _ep("tube", "video_info", [("url", "url", True)], [("title", "title")])
    resize = _ep("pix", "resize_image", [("image_url", "url", True)], [("width", "width")])
    assert not same_owner("items[].thumbnails[].url", info, info.parameters[0])
    assert same_owner("items[].thumbnails[].url", resize, resize.parameters[0])
    assert same_owner("items[].url", info, info.parameters[0])
