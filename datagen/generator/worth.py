"""Whether a valid conversation is worth keeping, or the job should try the planner's next pick.

A conversation can pass every structural check and still teach nothing a reader would accept: a call
that answered only ids, flags or its own arguments; an answer whose documented text (a quote's
`text`, an option's `name`) no rule could write, so the record stands without what it is for; a step
the assistant announced as a means ("first I need the quote of the day") whose answer no later call
used, or used only for an optional filter, or passed on only as a setting (a language, a date, a
link) to another tool; a pick the user made that no later call used; a call
whose answer only repeats what earlier answers said (a company looked up by the id and name a brand
already showed); a user's search for a filler phrase ("best practices"); a value the user could only
give by reciting a parameter's name ("D: es", "the new cars is yes"); two steps asked for in the same
words. The job keeps such a conversation only when every attempt is alike.
"""

from __future__ import annotations

from typing import NamedTuple

from datagen.core.paths import output_path
from datagen.core.plan import ConversationState, SourceKind
from datagen.generator import phrases as ph
from datagen.generator.answer import has_content
from datagen.generator.facts import scalars_of
from datagen.generator.glued import plain
from datagen.generator.goal import end_steps, repeated_wish
from datagen.generator.pools import GENERIC_QUERIES
from datagen.registry.detour import crosses, setting_link
from datagen.registry.linking import is_action
from datagen.registry.models import Endpoint, ParamType
from datagen.registry.naming import singular, snake, subject_noun

# Endpoint-name words of statistics: such an answer is for its numbers.
STAT_WORDS = frozenset({"statistics", "statistic", "stats", "standings", "scores", "metrics", "analytics"})
# Fields that carry what a record is for: with all of them missing, the record has nothing to say.
CORE_FIELDS = frozenset({"name", "title", "text", "content", "body", "quote", "message", "headline", "summary"})


class Thin(NamedTuple):
    """Why a conversation is thin, and the endpoint at fault when the fault is one call's own answer."""

    reason: str
    endpoint: str | None
    """Set when an answer had nothing to say (`answered nothing…`, `lacks the documented field…`): the
    executor answers that endpoint alike in most attempts, so the job skips the conversation's other
    chains through it (`generator.job`)."""
    means: str | None = None
    """Set when a step made as a means was not needed: the job skips the conversation's other chains
    that make that endpoint a means again."""


def thin_reason(state: ConversationState) -> str | None:
    """Why the conversation is thin (None when it is worth keeping)."""
    found = thin(state)
    return None if found is None else found.reason


def _not_asked_like_a_person(state: ConversationState) -> Thin | None:
    """What the user said that no person says: a filler search phrase, two steps asked for in the
    same words, or a value only a parameter's name can give."""
    plan = state.plan
    filler = next((key for key, value in state.user_values.items() if value in GENERIC_QUERIES), None)
    if filler is not None:
        # a search for "best practices" is no goal a person has: the phrase says the generator knew
        # nothing of what the endpoint searches; another chain is better than a pretend request
        step = int(filler.split(":", 1)[0])
        return Thin(f"the user's {filler.split(':', 1)[1]} is a filler phrase, not a thing they look for",
                    plan.endpoints[step].id)
    twice = repeated_wish(plan)
    if twice is not None:
        # "get the countries for country 5": two calls for one request, the second unasked for
        return Thin(f"steps {twice[0]} and {twice[1]} are asked for in the same words",
                    plan.endpoints[twice[1]].id)
    for key, value in state.user_values.items():
        where, name = key.split(":", 1)
        endpoint = plan.endpoints[int(where)]
        param = next((p for p in endpoint.parameters if p.name == name), None)
        if param is None:
            continue
        label = ph.param_label(param, value)
        if not all(plain(w) for w in label.split()) or len(label.replace(" ", "")) <= 2 or isinstance(value, bool):
            # "D: es, c: appliances", "the new cars is yes": a value a person can only give by
            # reciting the parameter's name (or a yes/no of a parameter) is the API read aloud
            return Thin(f"the user would have to say {label!r} as the API names it", endpoint.id)
    return None


def thin(state: ConversationState) -> Thin | None:
    """`thin_reason`, with the endpoint whose own answer is the fault (None when it is worth keeping)."""
    plan = state.plan
    order = plan.call_order()
    asked = _not_asked_like_a_person(state)
    if asked is not None:
        return asked
    shown: set[str] = set()  # what earlier answers said: a later call that only repeats it added nothing
    for call, (made, answered) in enumerate(zip(state.tool_calls, state.tool_outputs)):
        sent = frozenset(ph.render(v) for v in (made.get("parameters") or {}).values())
        if not has_content(answered["output"], sent):
            return Thin(f"call {call} ({made['name']}) answered nothing but ids, flags or its own arguments",
                        made["name"])
        if call and not has_content(answered["output"], sent | shown):
            return Thin(f"call {call} ({made['name']}) only repeated what earlier answers said", None)
        shown |= {ph.render(v) for _, v in scalars_of(answered["output"])}
        if call < len(order) and _core_missing(plan.endpoints[order[call]], answered["output"]):
            return Thin(f"call {call} ({made['name']}) lacks the documented field its records are for", made["name"])
    ends = set(end_steps(plan))
    stated = {ph.render(v) for v in state.user_values.values()}
    # a means earns its call with something the user did not already say: a rates lookup that
    # only hands back the user's own currency code was not needed
    used = {s.step for s in state.argument_sources
            if s.source is SourceKind.STEP_OUTPUT and ph.render(s.value) not in stated}
    # … and a means is needed: what it found fills a required input, not only an optional filter the
    # user never asked for (an archive fetched only to narrow a market list to one league)
    needed = {s.step for s in state.argument_sources
              if s.source is SourceKind.STEP_OUTPUT and ph.render(s.value) not in stated and s.call < len(order)
              and any(p.name == s.param and p.required for p in plan.endpoints[order[s.call]].parameters)}
    for call, step in enumerate(order[:len(state.tool_calls)]):
        name = state.tool_calls[call]["name"]
        if step not in ends and call not in used:
            return Thin(f"call {call} ({name}) was made as a means, but no later call needed its answer", None, name)
        if step not in ends and call not in needed:
            return Thin(f"call {call} ({name}) was made as a means, but its answer only filled optional filters", None,
                        name)
    relayed = _means_for_a_setting(state, order)
    if relayed is not None:
        return relayed
    for key in state.choices:
        call_text, container = key.split("|", 1)
        if not any(s.source is SourceKind.STEP_OUTPUT and s.step == int(call_text)
                   and (s.field_path or "").startswith(container) for s in state.argument_sources):
            return Thin(f"the user picked from call {call_text}'s list, but no later call used the pick", None)
    return None


def _means_for_a_setting(state: ConversationState, order: list[int]) -> Thin | None:
    """A call whose answer went on only as settings (a language, a country, a date, a link) and at
    least once to another tool: it was made only to find a value the user would have said, which
    the planner refuses for the planned links (`registry.detour`); this catches the values the
    conversation passed on beyond them. The last call and actions are asked for in their own right."""
    plan = state.plan
    passed: dict[int, list[tuple[int, str, str]]] = {}
    for s in state.argument_sources:
        if s.source is SourceKind.STEP_OUTPUT and s.step is not None and s.step < len(order) and s.call < len(order):
            source = plan.endpoints[order[s.step]]
            field = next((f.concept for f in source.response_fields if f.path == s.field_path), "")
            passed.setdefault(s.step, []).append((s.call, s.param, field))
    last = max(plan.steps[i].group for i in order) if order else 0
    for call, sent in sorted(passed.items()):
        source = plan.endpoints[order[call]]
        if plan.steps[order[call]].group == last or is_action(source.name):
            continue
        targets = [(plan.endpoints[order[to]], name, field) for to, name, field in sent]
        params = [(next((p for p in t.parameters if p.name == name), None), t, field) for t, name, field in targets]
        if all(p is not None and setting_link(p, field, source, t) for p, t, field in params) \
                and any(crosses(source, t) for t, _, _ in targets):
            name = state.tool_calls[call]["name"] if call < len(state.tool_calls) else source.id
            return Thin(f"call {call} ({name}) was made only to pass a setting ({sent[0][1]}) to another service",
                        None, name)
    return None


def _core_missing(endpoint: Endpoint, output: object) -> bool:
    """The endpoint documents a core field (or one named after its subject: `quote` of a quote
    endpoint; numbers, for an endpoint named for statistics) and the output has none of them."""
    present_paths = set(_paths(output, ""))
    if set(snake(endpoint.name).split("_")) & STAT_WORDS:
        numbers = {output_path(f.path).replace("[]", "") for f in endpoint.response_fields
                   if f.type in (ParamType.INTEGER, ParamType.NUMBER) and not f.concept.endswith("_id")}
        if numbers and not numbers & present_paths:
            return True  # team statistics that are only team names
    subject = subject_noun(endpoint.name, endpoint.slug)
    core = {f.path for f in endpoint.response_fields
            if snake(f.name) in CORE_FIELDS or subject and singular(snake(f.name)) == subject}
    if not core:
        return False
    return not any(output_path(path).replace("[]", "") in present_paths for path in core)


def _paths(value: object, path: str) -> list[str]:
    """Every key path of an output, lists flattened (`data.title` for `data[].title`)."""
    if isinstance(value, dict):
        out: list[str] = []
        for key, child in value.items():
            here = f"{path}.{key}" if path else str(key)
            out += [here] + _paths(child, here)
        return out
    if isinstance(value, list):
        return [p for v in value for p in _paths(v, path)]
    return []
