"""OfflineExecutor: outputs conform to response fields, echo ids, cache calls, fill session memory."""

from __future__ import annotations

from datagen.core.paths import output_path, parse_path, values_at
from datagen.core.plan import ConversationState
from datagen.generator.executor import OfflineExecutor
from datagen.registry.models import Endpoint, FieldSource, ParamType, ResponseField

from tests.unit.test_generator_plans import make_plan, registry


def _state(endpoints: list[Endpoint]) -> ConversationState:
    return ConversationState(plan=make_plan(endpoints, 5))


def test_output_has_every_declared_path_and_arrays_of_one_to_three() -> None:
    for endpoint in registry().endpoints():
        state = _state([endpoint])
        output = OfflineExecutor(3).execute(state, 0, endpoint, {})
        assert isinstance(output, dict)
        for f in endpoint.response_fields:
            assert values_at(output, output_path(f.path)), (endpoint.id, f.path, output)
        for key, value in output.items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                assert 1 <= len(value) <= 3


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
