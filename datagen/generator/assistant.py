"""The Assistant: fills every argument from the best source it has, and writes its own turns.

Argument order of preference, each recorded as an `ArgumentSource`:
1. session memory (`state.accumulated_fields`): the step's FEEDS `via` pairs first, then any field
   of the same (linkable) concept, most recent call first, first array element → `step_output`;
2. what the user said (`state.user_values`) → `user`, or `clarification` when it was asked for;
3. a parameter's own default, for optional params only now and then → `default` (required
   paging/format knobs also take their default: no user states a page number);
4. a typed mock value for a required param nothing could supply → `mock_fallback`, announced first
   by the `[grounding]` warning so grounding gaps show up during generation.
Texts quote only values that really came out of tool outputs.
"""

from __future__ import annotations

import logging
import random
from typing import Any

from datagen.lexicon import INCIDENTAL_CONCEPTS
from datagen.generator import answer
from datagen.generator import phrases as ph
from datagen.generator.intent import intent as intent_of
from datagen.core.paths import output_path
from datagen.core.plan import ArgumentSource, ConversationPlan, ConversationState, FieldValue, ParamRef, SourceKind
from datagen.generator.choice import item_slot, keeps, picked
from datagen.generator.goal import declared_via, feeds_later
from datagen.generator.values import ROLE_WORDS, clean_default, coerce, knob_default, value_for
from datagen.registry.models import Endpoint, Parameter, ParamType, ResponseField
from datagen.registry.naming import concept_of, snake, subject_noun
from datagen.registry.linking import compatible, linkable, same_owner
from datagen.registry.scope import Scope, concept_scope, may_link

log = logging.getLogger(__name__)

OPTIONAL_DEFAULT_P = 0.2
OPTIONAL_MEMORY_P = 0.35


def via_pairs(plan: ConversationPlan, step: int) -> dict[str, str]:
    """The step's FEEDS pairs as param → path in the written output."""
    return {param: output_path(path) for param, path in declared_via(plan, step).items()}


def _earlier_fields(plan: ConversationPlan, step: int) -> list[tuple[Endpoint, ResponseField]]:
    """Fields of earlier groups, with the endpoint that returns them."""
    group = plan.steps[step].group
    return [(e, f) for j, e in enumerate(plan.endpoints) if plan.steps[j].group < group for f in e.response_fields]


_ROLELESS = frozenset({"date", "time", "timestamp", "at", "on", "value", "lat", "lng", "lon", "latitude", "longitude"})


def _same_role(param: str, path: str) -> bool:
    """Whether a field (by its last key) plays the role a parameter names: the same name, or a shared
    word beyond the kind's own (`beforeDate` and `earningsDate` share only `date`)."""
    field = snake(path.rsplit(".", 1)[-1].replace("[]", ""))
    # the kind is the concept and each name's last word: `max_price` and `price` share only the kind
    kind = set(concept_of(param).split("_")) | {snake(param).split("_")[-1], field.split("_")[-1]}
    mine = set(snake(param).split("_")) - _ROLELESS - kind
    theirs = set(field.split("_")) - _ROLELESS - kind
    return snake(param) == field or bool(mine & theirs) or not mine and not theirs


def source_endpoint(plan: ConversationPlan, call: int) -> Endpoint:
    """The endpoint of a call index (calls run in `plan.call_order()`)."""
    return plan.endpoints[plan.call_order()[call]]


SECOND_ROLES = frozenset("to dst target dest destination end until max last arrival return out new".split())
_LATER_ROLES = frozenset("to end until max last arrival return out".split())


def _role_tokens(param: Parameter) -> tuple[list[str], set[str]]:
    tokens = [t for t in snake(param.name).split("_") if t]
    return [t for t in tokens if t not in ROLE_WORDS], {t for t in tokens if t in ROLE_WORDS}


def role_pairs(endpoint: Endpoint) -> dict[str, tuple[str, bool]]:
    """The two ends of one thing among a call's params (`currency`/`target_currency`, `from`/`to`,
    `start_date`/`end_date`): second param name → (first param name, whether it must come after).

    Two params pair when they share a concept and one of them names a role, or when they differ
    only in complementary role words. The second is the one with a target-like role (to, end,
    destination…), else the later one; the two must never get the same value.
    """
    params = [p for p in endpoint.parameters if not p.control and p.type is not ParamType.BOOLEAN]
    pairs: dict[str, tuple[str, bool]] = {}
    used: set[str] = set()
    for i, a in enumerate(params):
        for b in params[i + 1:]:
            if a.name in used or b.name in used:
                continue
            core_a, roles_a = _role_tokens(a)
            core_b, roles_b = _role_tokens(b)
            if not (roles_a or roles_b):
                continue
            same_concept = a.concept == b.concept and a.concept != "unnamed"
            if not (same_concept or core_a == core_b and roles_a != roles_b):
                continue
            a_second, b_second = bool(roles_a & SECOND_ROLES), bool(roles_b & SECOND_ROLES)
            first, second, roles = (b, a, roles_a) if a_second and not b_second else (a, b, roles_b)
            pairs[second.name] = (first.name, bool(roles & _LATER_ROLES))
            used |= {a.name, b.name}
    return pairs


def predicted_fed(plan: ConversationPlan) -> set[tuple[int, str]]:
    """(step, param) pairs session memory should supply, judged from the schemas before any call.

    Mirrors `Assistant.lookup`: a `via` pair whose field is in an earlier group, or a linkable
    concept that an earlier group's output carries, with a type that can fill the param.
    """
    fed: set[tuple[int, str]] = set()
    for step, endpoint in enumerate(plan.endpoints):
        fields = _earlier_fields(plan, step)
        via = via_pairs(plan, step)
        for param in endpoint.parameters:
            if param.control:
                continue
            by_via = [(e, f) for e, f in fields if output_path(f.path) == via.get(param.name)]
            by_concept = [(e, f) for e, f in fields if linkable(param.concept) and f.concept == param.concept]
            if param.concept in INCIDENTAL_CONCEPTS:  # as `Assistant.lookup_all`: a date only by its role
                by_via = [(e, f) for e, f in by_via if _same_role(param.name, f.path)]
                by_concept = [(e, f) for e, f in by_concept if _same_role(param.name, f.path)]
            if any(compatible(f.type, param) and may_link(f.concept, e, endpoint, param) for e, f in by_via + by_concept):
                fed.add((step, param.name))
        for second, (first, _) in role_pairs(endpoint).items():
            if (step, first) in fed:
                fed.discard((step, second))  # one end of a pair from memory, the other from the user
    return fed


class Assistant:
    """Fills arguments and writes the assistant's messages for one conversation."""

    def __init__(self, state: ConversationState, rng: random.Random) -> None:
        self.state = state
        self.rng = rng
        self.plan = state.plan
        self.clarified: set[str] = {f"{r.step}:{r.param}" for r in self.plan.clarify}
        self._links: dict[int, set[str]] = {}  # `link_params` per step (the plan does not change)

    def lookup_all(self, step: int, param: Parameter) -> list[tuple[FieldValue, Any]]:
        """Every memory value that can fill a param, best first: the via pair, then the same
        concept; most recent call first, and within a call in output order. Coerced to its type.

        Memory holds the outputs of every call made so far, so a step after a parallel group sees
        the outputs of all the calls of that group, not only the last one.
        """
        target = self.plan.endpoints[step]
        memory = [fv for fv in self.state.accumulated_fields
                  if may_link(fv.concept, source_endpoint(self.plan, fv.step), target, param) and keeps(self.state, fv)
                  and same_owner(fv.path, target, param)]
        wanted = via_pairs(self.plan, step).get(param.name)
        calls = sorted({fv.step for fv in memory}, reverse=True)
        candidates = [fv for c in calls for fv in memory if fv.step == c and wanted is not None and fv.path == wanted]
        if linkable(param.concept):
            candidates += [fv for c in calls for fv in memory if fv.step == c and fv.concept == param.concept]
        if param.concept in INCIDENTAL_CONCEPTS:
            # a date an answer shows is that answer's date (an earnings date), not the cutoff this call
            # asks for: it carries over only under a name of the same role (`check_in` ← `check_in`)
            candidates = [fv for fv in candidates if _same_role(param.name, fv.path)]
        # what the user picked outranks everything else: the next call acts on that item
        candidates = [fv for fv in candidates if picked(self.state, fv)] + [fv for fv in candidates
                                                                           if not picked(self.state, fv)]
        out: list[tuple[FieldValue, Any]] = []
        for fv in candidates:
            try:
                out.append((fv, coerce(fv.value, param.type, param.enum)))
            except ValueError:
                continue
        return out

    def lookup(self, step: int, param: Parameter) -> tuple[FieldValue, Any] | None:
        """The memory value for a param (via pair first, then same concept), coerced to its type."""
        found = self.lookup_all(step, param)
        return found[0] if found else None

    def grounding(self, step: int) -> list[FieldValue]:
        """The memory values the step's required (or FEEDS-named) arguments would take now."""
        via = via_pairs(self.plan, step)
        found = [self.lookup(step, p) for p in self.plan.endpoints[step].parameters
                 if not p.control and (p.required or p.name in via)]
        return [hit[0] for hit in found if hit is not None]

    def fill_arguments(self, call: int, step: int) -> dict[str, Any]:
        """The arguments of one call; sources, memory hit and grounding warning recorded on the state."""
        state, endpoint = self.state, self.plan.endpoints[step]
        found = {p.name: self.lookup(step, p) for p in endpoint.parameters if not p.control}
        pairs = role_pairs(endpoint)
        for second, (first, _) in pairs.items():
            if found.get(first) is not None and f"{step}:{second}" in state.user_values:
                found[second] = None  # the user stated this end of the pair; memory gave the other
        if call > 0:
            state.memory_hits.append(any(v is not None for v in found.values()))
        missing = [p.name for p in endpoint.parameters if p.required and not p.control
                   and found.get(p.name) is None and f"{step}:{p.name}" not in state.user_values
                   and knob_default(p) is None]
        if missing:
            message = (f"[grounding] {self.plan.conversation_id}: step {call} ({endpoint.id}) has unresolvable "
                       f"required params: [{', '.join(missing)}] — will use mock fallback")
            # INFO, not WARNING: an attempt logs it, and a conversation may take many attempts (most
            # discarded); the kept record carries it in `grounding_warnings` (`--log-level INFO` shows all)
            log.info(message)
            state.warnings.append(message)
        sources: dict[str, ArgumentSource] = {}
        for param in endpoint.parameters:
            source = self._fill(call, step, param, found.get(param.name))
            if source is not None:
                sources[param.name] = source
        self._separate_pairs(step, pairs, sources)
        state.argument_sources.extend(sources.values())
        return {name: source.value for name, source in sources.items()}

    def _separate_pairs(self, step: int, pairs: dict[str, tuple[str, bool]], sources: dict[str, ArgumentSource]) -> None:
        """Two ends of a pair never share a value: an end grounded on memory moves to another
        remembered value when its partner already says the same thing."""
        params = {p.name: p for p in self.plan.endpoints[step].parameters}
        for second, (first, _) in pairs.items():
            a, b = sources.get(first), sources.get(second)
            if a is None or b is None or ph.render(a.value) != ph.render(b.value):
                continue
            for name, other in ((second, a), (first, b)):
                mine = sources[name]
                if mine.source is not SourceKind.STEP_OUTPUT:
                    continue
                alternative = next(((fv, v) for fv, v in self.lookup_all(step, params[name])
                                    if ph.render(v) != ph.render(other.value)), None)
                if alternative is not None:
                    fv, value = alternative
                    sources[name] = mine.model_copy(update={"value": value, "step": fv.step, "field_path": fv.path})
                    break
            else:
                # still one value for both ends: an optional end is better left out than the same
                optional = next((n for n in (second, first) if not params[n].required), None)
                if optional is not None:
                    del sources[optional]

    def _stated(self, concept: str) -> Any:
        """The value the user stated for a parameter of this concept, if any (the first one said)."""
        for key, value in self.state.user_values.items():
            step, name = key.split(":", 1)
            param = next((p for p in self.plan.endpoints[int(step)].parameters if p.name == name), None)
            if param is not None and param.concept == concept:
                return value
        return None

    def link_params(self, step: int) -> set[str]:
        """The params a step's FEEDS link is for: its required via params, else the one optional via
        param that best names one thing (a looked-up item's id before a list's), so a search is
        narrowed by what the user is after (this pack), not by every field an earlier answer happened
        to show (its style, family, tags and the first category of an unrelated list)."""
        if step in self._links:
            return self._links[step]
        via = via_pairs(self.plan, step)
        params = {p.name: p for p in self.plan.endpoints[step].parameters if p.name in via}
        required = {name for name, p in params.items() if p.required}
        if required or not params:
            self._links[step] = required
            return required
        group = self.plan.steps[step].group
        subjects = {f"{subject_noun(e.name)}_id" for j, e in enumerate(self.plan.endpoints) if self.plan.steps[j].group < group}
        best = min(params.values(), key=lambda p: ("[]" in via[p.name], p.concept not in subjects, not p.concept.endswith("_id"),
                                                   p.concept in INCIDENTAL_CONCEPTS, p.name))
        self._links[step] = {best.name}
        return self._links[step]

    def _fill(self, call: int, step: int, param: Parameter, hit: tuple[FieldValue, Any] | None) -> ArgumentSource | None:
        key = f"{step}:{param.name}"
        chosen = hit is not None and picked(self.state, hit[0])
        if hit is not None and not param.required and (
                param.name not in self.link_params(step) and not (chosen and hit[0].concept.endswith(("_id", "_ids")))
                or item_slot(hit[0].path) is not None and not chosen):
            # an optional filter is set from an earlier answer only for what the link is about, or to
            # the id of the item the user picked; never to a price, a date or a flag that answer
            # happened to show, nor to whichever item of a list came first
            hit = None
        paired = {n for second, (first, _) in role_pairs(self.plan.endpoints[step]).items() for n in (first, second)}
        stated = None if param.concept in INCIDENTAL_CONCEPTS or param.name in paired else self._stated(param.concept)
        if hit is not None and stated is not None and not picked(self.state, hit[0]) and linkable(param.concept) \
                and ph.render(stated) != ph.render(hit[1]) and concept_scope(param.concept) is Scope.UNIVERSAL:
            # the user said which country (AE): a list an earlier call returned does not change their mind
            return ArgumentSource(call=call, param=param.name, source=SourceKind.USER, value=stated)
        if hit is not None and (param.required or param.name in self.link_params(step) or self.rng.random() < OPTIONAL_MEMORY_P):
            fv, value = hit
            return ArgumentSource(call=call, param=param.name, source=SourceKind.STEP_OUTPUT, value=value,
                                  step=fv.step, field_path=fv.path)
        if key in self.state.user_values:
            kind = SourceKind.CLARIFICATION if key in self.clarified else SourceKind.USER
            return ArgumentSource(call=call, param=param.name, source=kind, value=self.state.user_values[key])
        default = clean_default(param)
        knob = knob_default(param) if param.required else None
        if knob is not None:
            return ArgumentSource(call=call, param=param.name, source=SourceKind.DEFAULT, value=knob)
        if param.required and param.control:
            value = default if default is not None else value_for(param, self.rng)
            return ArgumentSource(call=call, param=param.name, source=SourceKind.DEFAULT, value=value)
        if not param.required:
            # an optional input that names what the call is about (a phone, a url, an id) is the
            # user's to give: its documented default is somebody's example, not a sensible default
            if default is not None and self.rng.random() < OPTIONAL_DEFAULT_P and not linkable(param.concept):
                return ArgumentSource(call=call, param=param.name, source=SourceKind.DEFAULT, value=default)
            return None
        value = value_for(param, self.rng, endpoint=self.plan.endpoints[step])
        return ArgumentSource(call=call, param=param.name, source=SourceKind.MOCK_FALLBACK, value=value)

    def clarification_question(self, refs: list[ParamRef]) -> str:
        """One question naming, in plain words, every value the assistant still needs."""
        items = []
        for ref in refs:
            # the label alone: a description pasted in brackets ("(iD of book that needs to be fetched)")
            # is the API's documentation, not how a person asks
            param = next(p for p in self.plan.endpoints[ref.step].parameters if p.name == ref.param)
            items.append(f"the {ph.param_label(param)}")
        return ph.fill(ph.pick(self.rng, ph.QUESTIONS), what=ph.join_words(items))

    def call_text(self, calls: list[int], steps: list[int], after_answer: bool) -> str:
        """The words of an assistant turn that makes these calls (parallel when more than one)."""
        rng = self.rng
        intents = [intent_of(self.plan.endpoints[s], self.plan.endpoints) for s in steps]
        if len(steps) >= 2:
            text = ph.fill(ph.pick(rng, ph.CALL_PARALLEL), a=intents[0], b=ph.join_words(intents[1:]))
        else:
            stated = {ph.render(v) for v in self.state.user_values.values()}
            # a value the user said is not "from that result", even when a result repeats it
            grounded = [s for s in self.state.argument_sources if s.call == calls[0] and s.source is SourceKind.STEP_OUTPUT
                        and len(ph.render(s.value)) <= 60 and not isinstance(s.value, (dict, bool))
                        and ph.render(s.value) not in stated]
            if grounded:
                src = min(grounded, key=lambda s: (not s.param.lower().endswith("id"), not isinstance(s.value, str)))
                options = ph.CALL_GROUNDED if isinstance(src.value, str) else ph.CALL_GROUNDED[:3]
                param = next(p for p in self.plan.endpoints[steps[0]].parameters if p.name == src.param)
                text = ph.fill(ph.pick(rng, options), l=ph.param_label(param, src.value), v=ph.render(src.value),
                               intent=intents[0])
            elif calls[0] == 0 and feeds_later(self.plan, steps[0]):
                text = ph.fill(ph.pick(rng, ph.CALL_MEANS), intent=intents[0])  # a means to the goal: say so
            elif calls[0] == 0:
                # after "Thanks!" a second interjection ("Sure —", "Okay,") reads twice
                plain = [t for t in ph.CALL_FIRST if not after_answer or t.startswith(("Let me", "I'll", "First"))]
                text = ph.fill(ph.pick(rng, plain), intent=intents[0])
            else:
                text = ph.fill(ph.pick(rng, ph.CALL_NEXT), intent=intents[0])
        if after_answer:
            text = ph.pick(rng, ["Thanks! ", "Perfect. ", "Great, thanks. ", ""]) + text
        return ph.sentence(text)

    def final_answer(self, last_calls: list[int], asked: dict[int, list[str]] | None = None) -> str:
        """The closing message: what the last calls returned, in words (`generator.answer`); the
        labels it tells per call go to `asked`."""
        return answer.final_answer(self.state, last_calls, self.rng, asked)
