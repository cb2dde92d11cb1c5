"""OfflineExecutor: outputs conform to response fields, echo ids, cache calls, fill session memory."""

from __future__ import annotations

from datagen.core.paths import output_path, parse_path, values_at
from datagen.core.plan import ConversationState
from datagen.generator.answer import has_content
from datagen.generator.executor import OfflineExecutor
from datagen.registry.models import Endpoint, FieldSource, Parameter, ParamType, ResponseField

from tests.unit.test_generator_plans import make_plan, registry


def _state(endpoints: list[Endpoint]) -> ConversationState:
    return ConversationState(plan=make_plan(endpoints, 5))


def test_output_keeps_to_declared_paths_ids_always_and_arrays_of_one_to_three() -> None:
    """Fields no rule can fill meaningfully are left out, so an output holds only declared paths (or the
    status and id of a request whose every field was left out), and every top-level id is there."""
    for endpoint in registry().endpoints():
        state = _state([endpoint])
        output = OfflineExecutor(3).execute(state, 0, endpoint, {})
        assert isinstance(output, dict) and output
        declared = {output_path(f.path) for f in endpoint.response_fields}
        for fv in state.accumulated_fields:
            assert fv.path in declared or fv.path.removesuffix("[]") in declared or fv.path in (
                "status", f"{fv.path.removesuffix('_id')}_id"), (endpoint.id, fv.path, output)
        for f in endpoint.response_fields:
            if f.concept.endswith("_id") and "." not in f.path and "[]" not in f.path:
                assert values_at(output, output_path(f.path)), (endpoint.id, f.path, output)
        for key, value in output.items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                assert 1 <= len(value) <= 3


def test_a_field_nobody_can_read_is_left_out_and_a_known_one_is_kept() -> None:
    ep = registry().endpoints()[0].model_copy(update={"response_fields": [
        ResponseField(path="item_id", name="item_id", type=ParamType.STRING, concept="item_id", source=FieldSource.SCHEMA),
        ResponseField(path="qzv", name="qzv", type=ParamType.STRING, concept="qzv", source=FieldSource.SCHEMA),
        ResponseField(path="wibble_score", name="wibble_score", type=ParamType.INTEGER, concept="wibble_score",
                      source=FieldSource.SCHEMA),
        ResponseField(path="email", name="email", type=ParamType.STRING, concept="email", source=FieldSource.SCHEMA),
        ResponseField(path="extra.qzv", name="qzv", type=ParamType.STRING, concept="qzv", source=FieldSource.SCHEMA),
    ]})
    output = OfflineExecutor(5).execute(_state([ep]), 0, ep, {})
    assert "qzv" not in output and "extra" not in output  # an object whose every field is unreadable goes too
    assert "@" in output["email"] and output["item_id"]
    # a word before the head that no maker knows changes what the value is: no score is invented
    assert "wibble_score" not in output


def test_nested_paths_build_nested_objects() -> None:
    ep = registry().endpoint_index()["staynest_hotels::search_hotels"]
    output = OfflineExecutor(1).execute(_state([ep]), 0, ep, {"city": "Porto"})
    assert isinstance(output["hotels"], list) and "hotel_id" in output["hotels"][0]
    events = registry().endpoint_index()["eventhorizon::search_events"]
    found = OfflineExecutor(1).execute(_state([events]), 0, events, {"city": "Porto", "start_date": "2026-04-01"})
    assert [e["city"] for e in found["events"]] == ["Porto"] * len(found["events"])


def test_top_level_array_is_wrapped() -> None:
    ep = registry().endpoints()[0].model_copy(update={"response_fields": [
        ResponseField(path="[].id", name="id", type=ParamType.STRING, concept="station_id", source=FieldSource.SCHEMA),
        ResponseField(path="[].name", name="name", type=ParamType.STRING, concept="name", source=FieldSource.SCHEMA),
    ]})
    state = _state([ep])
    output = OfflineExecutor(1).execute(state, 0, ep, {})
    assert list(output) == ["results"] and output["results"][0]["id"].startswith("stt_")
    assert state.accumulated_fields[0].path == "results[].id"
    assert parse_path("a.b[].c[][]") == [("a", 0), ("b", 1), ("c", 2)]


def test_id_passed_in_is_echoed_back() -> None:
    ep = registry().endpoint_index()["staynest_hotels::get_hotel_details"]
    output = OfflineExecutor(1).execute(_state([ep]), 0, ep, {"hotel_id": "htl_881"})
    assert output["hotel_id"] == "htl_881"


def test_same_call_same_output_other_args_other_output() -> None:
    ep = registry().endpoint_index()["staynest_hotels::get_hotel_details"]
    executor = OfflineExecutor(1)
    state = _state([ep])
    first = executor.execute(state, 0, ep, {"hotel_id": "htl_1"})
    again = executor.execute(state, 1, ep, {"hotel_id": "htl_1"})
    other = executor.execute(state, 2, ep, {"hotel_id": "htl_2"})
    assert first == again and first != other
    assert OfflineExecutor(1).execute(_state([ep]), 0, ep, {"hotel_id": "htl_1"}) == first


def test_leaves_go_to_session_memory() -> None:
    ep = registry().endpoint_index()["staynest_hotels::search_hotels"]
    state = _state([ep])
    output = OfflineExecutor(2).execute(state, 0, ep, {"city": "Porto"})
    ids = [fv for fv in state.accumulated_fields if fv.path == "hotels[].hotel_id"]
    assert [fv.value for fv in ids] == [h["hotel_id"] for h in output["hotels"]]
    assert all(fv.step == 0 and fv.concept == "hotel_id" for fv in ids)


def test_endpoint_without_fields_returns_a_small_object() -> None:
    ep = registry().endpoints()[0].model_copy(update={"response_fields": []})
    output = OfflineExecutor(1).execute(_state([ep]), 0, ep, {})
    assert output["status"] == "ok" and len(output) == 3


def _ep(name: str, fields: list[tuple[str, ParamType, str]], params: list[Parameter] | None = None) -> Endpoint:
    return registry().endpoints()[0].model_copy(update={
        "id": f"t::{name}", "name": name, "slug": name, "description": "", "parameters": params or [],
        "response_fields": [ResponseField(path=p, name=p.rsplit(".", 1)[-1].replace("[]", ""), type=t, concept=c,
                                          source=FieldSource.SCHEMA) for p, t, c in fields]})


def test_an_entity_keeps_its_attributes_in_later_calls() -> None:
    search = _ep("search_venues", [("venues[].venue_id", ParamType.STRING, "venue_id"),
                                   ("venues[].name", ParamType.STRING, "name"),
                                   ("venues[].phone", ParamType.STRING, "phone"),
                                   ("venues[].capacity", ParamType.INTEGER, "capacity")])
    detail = _ep("get_venue", [("venue_id", ParamType.STRING, "venue_id"), ("name", ParamType.STRING, "name"),
                               ("capacity", ParamType.INTEGER, "capacity"), ("phone", ParamType.STRING, "phone")],
                 [Parameter(name="venue_id", type=ParamType.STRING, required=True, concept="venue_id")])
    executor = OfflineExecutor(4)
    state = _state([search, detail])
    found = executor.execute(state, 0, search, {})["venues"]
    for i, item in enumerate(found):
        looked = executor.execute(state, i + 1, detail, {"venue_id": item["venue_id"]})
        assert {k: looked[k] for k in item} == item  # same name, phone and capacity as in the search


def test_a_lookup_returns_the_looked_up_item_not_others() -> None:
    ep = _ep("get_webhooks", [("items[].webhook_id", ParamType.STRING, "webhook_id"),
                              ("items[].url", ParamType.STRING, "url")],
             [Parameter(name="webhook_id", type=ParamType.STRING, required=True, concept="webhook_id")])
    for seed in range(20):
        output = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {"webhook_id": "wbh_14483"})
        assert [i["webhook_id"] for i in output["items"]] == ["wbh_14483"]


def test_a_phone_number_and_its_country_agree() -> None:
    ep = _ep("check_phone", [("valid", ParamType.BOOLEAN, "valid"), ("country", ParamType.STRING, "country"),
                             ("phone", ParamType.STRING, "phone")],
             [Parameter(name="phone", type=ParamType.STRING, required=True, concept="phone")])
    output = OfflineExecutor(1).execute(_state([ep]), 0, ep, {"phone": "+598 94 231 234"})
    assert output["country"] == "Uruguay" and output["phone"] == "+598 94 231 234"


def test_numbers_agree_where_the_names_say_how() -> None:
    ep = _ep("convert", [("amount", ParamType.NUMBER, "amount"), ("rate", ParamType.NUMBER, "rate"),
                         ("converted_amount", ParamType.NUMBER, "amount"),
                         ("lines[].quantity", ParamType.INTEGER, "quantity"),
                         ("lines[].unit_price", ParamType.NUMBER, "amount"),
                         ("lines[].line_total", ParamType.NUMBER, "amount"),
                         ("subtotal", ParamType.NUMBER, "amount"),
                         ("food.calories", ParamType.NUMBER, "calories"), ("food.protein", ParamType.NUMBER, "protein"),
                         ("food.carbs", ParamType.NUMBER, "carbs"), ("food.fat", ParamType.NUMBER, "fat"),
                         ("count", ParamType.INTEGER, "count")])
    for seed in range(10):
        out = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {})
        assert out["converted_amount"] == round(out["amount"] * out["rate"], 2)
        for line in out["lines"]:
            assert line["line_total"] == round(line["quantity"] * line["unit_price"], 2)
        assert abs(out["subtotal"] - sum(line["line_total"] for line in out["lines"])) < 0.011
        food = out["food"]
        assert abs(food["calories"] - (4 * food["protein"] + 4 * food["carbs"] + 9 * food["fat"])) < 0.011
        assert out["count"] == len(out["lines"])


def test_a_verdict_and_its_reason_agree() -> None:
    ep = _ep("validate_email", [("is_valid", ParamType.BOOLEAN, "valid"), ("reason", ParamType.STRING, "reason")])
    for seed in range(10):
        out = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {})
        assert (out["reason"] == "no issues found") is out["is_valid"]


def test_coordinates_place_the_answer_and_a_lookup_without_id_field_is_the_entity() -> None:
    geo = _ep("reverse_geocode", [("city", ParamType.STRING, "city"), ("country", ParamType.STRING, "country"),
                                  ("timezone", ParamType.STRING, "timezone")],
              [Parameter(name="lat", type=ParamType.NUMBER, required=True, concept="latitude"),
               Parameter(name="lon", type=ParamType.NUMBER, required=True, concept="longitude")])
    out = OfflineExecutor(2).execute(_state([geo]), 0, geo, {"lat": 43.66, "lon": -79.38})
    assert out == {"city": "Toronto", "country": "Canada", "timezone": "America/Toronto"}
    lookup = _ep("get_part", [("name", ParamType.STRING, "name"), ("rank", ParamType.INTEGER, "rank")],
                 [Parameter(name="id", type=ParamType.STRING, required=True, concept="part_id")])
    executor = OfflineExecutor(3)
    state = _state([lookup])
    first = executor.execute(state, 0, lookup, {"id": "prt_1"})
    executor._cache.clear()  # a second call in the same world, not the cached answer
    assert executor.execute(state, 1, lookup, {"id": "prt_1"}) == first


def test_ends_do_not_come_before_starts() -> None:
    ep = _ep("event", [("start_time", ParamType.TIME, "time"), ("end_time", ParamType.TIME, "time"),
                       ("min_temp", ParamType.STRING, "temp"), ("max_temp", ParamType.STRING, "temp"),
                       ("first_year", ParamType.INTEGER, "year"), ("last_year", ParamType.INTEGER, "year")])
    for seed in range(15):
        out = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {})
        assert out["start_time"] <= out["end_time"] and out["first_year"] <= out["last_year"]
        assert float(out["min_temp"]) <= float(out["max_temp"])


def test_items_of_one_list_have_distinct_names() -> None:
    ep = _ep("search_courses", [("courses[].course_id", ParamType.STRING, "course_id"),
                                ("courses[].name", ParamType.STRING, "name")])
    for seed in range(40):
        names = [c["name"] for c in OfflineExecutor(seed).execute(_state([ep]), 0, ep, {})["courses"]]
        assert len(names) == len(set(names)), names


def test_an_answer_stays_inside_the_range_it_was_asked_for() -> None:
    ep = registry().endpoints()[0].model_copy(update={
        "parameters": [Parameter(name=n, type=ParamType.INTEGER, required=True, concept=n)
                       for n in ("verse_from", "verse_to")],
        "response_fields": [ResponseField(path="verses[].verse_num", name="verse_num", type=ParamType.INTEGER,
                                          concept="verse_num", source=FieldSource.SCHEMA),
                            ResponseField(path="verses[].text", name="text", type=ParamType.STRING,
                                          concept="text", source=FieldSource.SCHEMA)]})
    for seed in range(8):
        output = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {"verse_from": 4, "verse_to": 6})
        assert all(4 <= v["verse_num"] <= 6 for v in output["verses"]), output


def test_an_answer_that_only_repeats_its_arguments_has_no_content() -> None:
    assert not has_content({"book_id": 1, "chapter_num": 5, "status": "ok"}, frozenset({"1", "5"}))
    assert has_content({"book_id": 1, "chapter_num": 5, "title": "Exodus"}, frozenset({"1", "5"}))
    assert not has_content({"url": "https://example.org/x", "id": 3})


def test_only_the_pages_own_link_repeats_the_link_the_call_was_sent() -> None:
    # readers rejected answers whose video file, cover and channel links were all the page sent
    page = "https://example.com/p/REjCd9mM"
    media = _ep("get_media_data", [("data.url", ParamType.STRING, "url"), ("data.share_url", ParamType.STRING, "url"),
                                   ("data.mp4Url", ParamType.STRING, "url"),
                                   ("data.coverUrls[].url", ParamType.STRING, "url"),
                                   ("data.channel_url", ParamType.STRING, "url"),
                                   ("data.title", ParamType.STRING, "title")],
                [Parameter(name="url", type=ParamType.STRING, required=True, concept="url")])
    output = OfflineExecutor(7).execute(_state([media]), 0, media, {"url": page})
    data = output["data"]
    assert data["url"] == page and data["share_url"] == page, data
    others = [data.get("mp4Url"), data.get("channel_url"), *[c.get("url") for c in data.get("coverUrls", [])]]
    assert page not in others, data
