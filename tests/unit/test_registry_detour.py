"""Chains a person would ask for: every `registry.detour.CHAIN_RULES` row, on small inline endpoints."""

from __future__ import annotations

from datagen.core.plan import (
    ArgumentSource, ChainStep, ConversationPlan, ConversationState, PatternType, SampledChain, SamplingMode,
    SourceKind,
)
from datagen.generator.worth import thin
from datagen.planner.memory import CorpusMemory
from datagen.planner.planner import Planner
from datagen.registry.detour import CHAIN_RULES, SETTINGS, detour, setting_link, setting_of
from datagen.registry.linking import links
from datagen.registry.models import Endpoint, FieldSource, Parameter, ParamType, ResponseField


def _ep(tool: str, name: str, params: list[tuple[str, str, bool]], fields: list[tuple[str, str]],
        platform: str = "") -> Endpoint:
    return Endpoint(
        id=f"{tool}::{name}", tool_id=tool, slug=name, name=name, category="Data", rk=1, platform=platform,
        parameters=[Parameter(name=n, type=ParamType.STRING, required=r, concept=c) for n, c, r in params],
        response_fields=[ResponseField(path=p, name=p.rsplit(".", 1)[-1].replace("[]", ""), type=ParamType.STRING,
                                       concept=c, source=FieldSource.SCHEMA) for p, c in fields],
    )


# Two tools wrapping one platform: ids and settings may link between them (`scope.same_service`).
MATCHES = _ep("fixtures", "matches_on_date", [("date", "date", True)],
              [("matches[].match_id", "match_id"), ("matches[].home", "team_name"),
               ("matches[].competition[].locale", "language")], platform="league")
RANKINGS = _ep("tables", "world_rankings", [("locale", "language", True)], [("teams[].points", "points")],
               platform="league")
MATCH = _ep("fixtures", "match_details", [("match_id", "match_id", True)], [("score", "score")], platform="league")
# A relay: each service hands the next what it is about (an email, its domain, the domain's address).
PROFILE = _ep("people", "user_email_profile", [("user", "user_name", True)], [("email", "email")])
EMAIL = _ep("mailcheck", "email_domain_check", [("email", "email", True)], [("domain", "domain")])
WHOIS = _ep("registrar", "domain_whois_ip", [("domain", "domain", True)], [("ip", "ip")])
GEO = _ep("iplocate", "ip_geolocation", [("ip", "ip", True)], [("city", "city")])
# Calls made together.
FORECAST = _ep("skies", "city_forecast", [("city", "city", True)], [("temperature", "temperature")])
EVENTS = _ep("tickets", "city_events", [("city", "city", True)], [("events[].name", "event_name")])
QUOTE = _ep("markets", "stock_quote", [("symbol", "symbol", True)], [("price", "price")])
SKY_ALERTS = _ep("skies", "city_alerts", [("city", "city", True)], [("alerts[].title", "title")])


def _rule(reason: str | None) -> str | None:
    return None if reason is None else reason.split(":", 1)[0]


def test_every_rule_and_setting_has_a_reason() -> None:
    assert all(rule.reason for rule in CHAIN_RULES) and all(s.reason for s in SETTINGS)
    assert len({rule.name for rule in CHAIN_RULES}) == len(CHAIN_RULES)


def test_setting_like_concepts() -> None:
    for concept in ("language", "country_code", "region_code", "currency", "date", "timestamp", "unit",
                    "format", "page", "url", "bio_link"):
        assert setting_of(concept) is not None, concept
    for concept in ("city", "email", "match_id", "symbol", "team_name", "domain"):
        assert setting_of(concept) is None, concept


def test_a_call_made_only_to_pass_a_setting_to_another_tool_is_a_detour() -> None:
    # matches on a date fetched only for their locale, passed to an unrelated rankings call
    assert links(MATCHES, RANKINGS)  # the link exists (one platform): only the chain rule stops it
    assert _rule(detour([MATCHES, RANKINGS], [0, 1], [[], ["matches[].competition[].locale->locale"]])) \
        == "means for a setting"


def test_a_means_that_finds_the_thing_asked_about_is_no_detour() -> None:
    assert detour([MATCHES, MATCH], [0, 1], [[], ["matches[].match_id->match_id"]]) is None
    assert detour([PROFILE, EMAIL], [0, 1], [[], ["email->email"]]) is None  # a person's email, then checked


def test_a_step_joined_only_by_a_setting_is_glued() -> None:
    # the match list is a real means (its ids feed the details), but the rankings take from it only a locale
    found = detour([MATCHES, MATCH, RANKINGS], [0, 1, 2],
                   [[], ["matches[].match_id->match_id"], ["matches[].competition[].locale->locale"]])
    assert _rule(found) == "glued by a setting"


def test_more_than_two_hops_between_services_is_a_relay() -> None:
    vias: list[list[str]] = [[], ["email->email"], ["domain->domain"], ["ip->ip"]]
    assert detour([PROFILE, EMAIL, WHOIS], [0, 1, 2], vias[:3]) is None
    assert _rule(detour([PROFILE, EMAIL, WHOIS, GEO], [0, 1, 2, 3], vias)) == "relay"


def test_calls_made_together_share_a_tool_or_the_users_subject() -> None:
    assert detour([FORECAST, EVENTS], [0, 0], [[], []]) is None  # one city, two services
    assert detour([FORECAST, SKY_ALERTS], [0, 0], [[], []]) is None  # one tool
    assert _rule(detour([FORECAST, QUOTE], [0, 0], [[], []])) == "unrelated siblings"


def test_a_setting_the_target_is_about_is_its_subject() -> None:
    # a country looked up for its own sake takes the country: the value is what the user asks about
    place = _ep("geo", "address_lookup", [("q", "query", True)], [("country", "country")], platform="atlas")
    country = _ep("nations", "country_details", [("country", "country", True)], [("capital", "capital")],
                  platform="atlas")
    param, field = country.parameters[0], place.response_fields[0]
    assert not setting_link(param, field.concept, place, country)
    assert setting_link(RANKINGS.parameters[0], MATCHES.response_fields[2].concept, MATCHES, RANKINGS)


def _chain(ids: list[str], groups: list[int], vias: list[list[str]]) -> SampledChain:
    return SampledChain(mode=SamplingMode.MULTI_TOOL, steps=[
        ChainStep(endpoint_id=e, group=g, via=v) for e, g, v in zip(ids, groups, vias)])


def test_the_planner_prefers_the_next_candidate_to_a_detour() -> None:
    catalog = {e.id: e for e in (MATCHES, RANKINGS, MATCH)}
    detouring = _chain([MATCHES.id, RANKINGS.id], [0, 1], [[], ["matches[].competition[].locale->locale"]])
    plain = _chain([MATCHES.id, MATCH.id], [0, 1], [[], ["matches[].match_id->match_id"]])
    planner = Planner(3, CorpusMemory(enabled=False))
    assert planner.hold([detouring, plain], catalog) == {id(detouring): False, id(plain): True}
    assert planner.refused == 1
    for attempt in range(3):
        plan = planner.plan(0, [detouring, plain], catalog, attempt)
        assert [e.id for e in plan.endpoints] == [MATCHES.id, MATCH.id]


def _state(target: Endpoint, param: str, value: str, path: str) -> ConversationState:
    """A two-call conversation: the match list, then `target` given `value` from the list at `path`."""
    plan = ConversationPlan(
        conversation_id="conv_1_0001", run_seed=1, index=0, seed=1, sampling_mode=SamplingMode.MULTI_TOOL,
        pattern_type=PatternType.MULTI_TOOL_CHAIN, domain="Data", endpoints=[MATCHES, target],
        steps=[ChainStep(endpoint_id=MATCHES.id, group=0), ChainStep(endpoint_id=target.id, group=1, via=[f"{path}->{param}"])])
    return ConversationState(
        plan=plan,
        tool_calls=[{"name": MATCHES.id, "parameters": {"date": "2026-05-01"}},
                    {"name": target.id, "parameters": {param: value}}],
        tool_outputs=[{"name": MATCHES.id, "output": {"matches": [
                          {"match_id": "m-4471", "home": "Harbor Rovers", "competition": [{"locale": "en"}]}]}},
                      {"name": target.id, "output": {"teams": [{"name": "Harbor Rovers", "points": 1532.5}],
                                                     "score": "2-1 after a late header"}}],
        argument_sources=[ArgumentSource(call=0, param="date", source=SourceKind.USER, value="2026-05-01"),
                          ArgumentSource(call=1, param=param, source=SourceKind.STEP_OUTPUT, value=value, step=0,
                                         field_path=path)],
        user_values={"0:date": "2026-05-01"},
    )


def test_a_conversation_that_passed_only_a_setting_to_another_tool_is_thin() -> None:
    # the planner refuses such links; the conversation-level check catches a setting passed beyond them
    relayed = thin(_state(RANKINGS, "locale", "en", "matches[].competition[].locale"))
    assert relayed is not None and "only to pass a setting" in relayed.reason and relayed.means == MATCHES.id
    found = thin(_state(MATCH, "match_id", "m-4471", "matches[].match_id"))
    assert found is None or "setting" not in found.reason
