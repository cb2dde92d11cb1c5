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

from datagen.generator import phrases as ph
from datagen.generator.executor import output_path, parse_path
from datagen.generator.types import ArgumentSource, ConversationPlan, ConversationState, FieldValue, ParamRef, SourceKind
from datagen.generator.values import clean_default, coerce, value_for
from datagen.registry.models import Parameter, ParamType, ResponseField
from datagen.registry.naming import GENERIC_CONTAINERS, WEAK_CONCEPTS, singular, snake

log = logging.getLogger(__name__)

OPTIONAL_DEFAULT_P = 0.2
OPTIONAL_MEMORY_P = 0.35
_NUMERIC = (ParamType.INTEGER, ParamType.NUMBER)


def linkable(concept: str) -> bool:
    """Whether a concept is specific enough to ground a value by concept alone (as the graph does)."""
    return concept not in WEAK_CONCEPTS and not concept.isdigit() and len(concept) > 1


def compatible(field_type: ParamType, param: Parameter) -> bool:
    """Whether a field of this type can be expected to fill the param once coerced."""
    if param.enum or field_type in (ParamType.NULL, ParamType.OBJECT) and param.type is not ParamType.OBJECT:
        return False
    if param.type is ParamType.INTEGER:
        return field_type is ParamType.INTEGER  # 20.02 cannot become an integer without changing it
    if param.type is ParamType.NUMBER:
        return field_type in _NUMERIC
    if param.type is ParamType.BOOLEAN:
        return field_type is ParamType.BOOLEAN
    if param.type is ParamType.OBJECT:
        return field_type is ParamType.OBJECT
    return True


def _via(plan: ConversationPlan, step: int) -> dict[str, str]:
    pairs = [v.rsplit("->", 1) for v in plan.steps[step].via if "->" in v]
    return {param: output_path(path) for path, param in pairs}


def _earlier_fields(plan: ConversationPlan, step: int) -> list[ResponseField]:
    group = plan.steps[step].group
    return [f for j, e in enumerate(plan.endpoints) if plan.steps[j].group < group for f in e.response_fields]


def predicted_fed(plan: ConversationPlan) -> set[tuple[int, str]]:
    """(step, param) pairs session memory should supply, judged from the schemas before any call.

    Mirrors `Assistant.lookup`: a `via` pair whose field is in an earlier group, or a linkable
    concept that an earlier group's output carries, with a type that can fill the param.
    """
    fed: set[tuple[int, str]] = set()
    for step, endpoint in enumerate(plan.endpoints):
        fields = _earlier_fields(plan, step)
        via = _via(plan, step)
        for param in endpoint.parameters:
            if param.control:
                continue
            by_via = [f for f in fields if output_path(f.path) == via.get(param.name)]
            by_concept = [f for f in fields if linkable(param.concept) and f.concept == param.concept]
            if any(compatible(f.type, param) for f in by_via + by_concept):
                fed.add((step, param.name))
    return fed


class Assistant:
    """Fills arguments and writes the assistant's messages for one conversation."""

    def __init__(self, state: ConversationState, rng: random.Random) -> None:
        self.state = state
        self.rng = rng
        self.plan = state.plan
        self.clarified: set[str] = {f"{r.step}:{r.param}" for r in self.plan.clarify}

    def lookup(self, step: int, param: Parameter) -> tuple[FieldValue, Any] | None:
        """The memory value for a param (via pair first, then same concept), coerced to its type."""
        memory = self.state.accumulated_fields
        wanted = _via(self.plan, step).get(param.name)
        calls = sorted({fv.step for fv in memory}, reverse=True)
        candidates = [fv for c in calls for fv in memory if fv.step == c and wanted is not None and fv.path == wanted]
        if linkable(param.concept):
            candidates += [fv for c in calls for fv in memory if fv.step == c and fv.concept == param.concept]
        for fv in candidates:
            try:
                return fv, coerce(fv.value, param.type, param.enum)
            except ValueError:
                continue
        return None

    def fill_arguments(self, call: int, step: int) -> dict[str, Any]:
        """The arguments of one call; sources, memory hit and grounding warning recorded on the state."""
        state, endpoint = self.state, self.plan.endpoints[step]
        found = {p.name: self.lookup(step, p) for p in endpoint.parameters if not p.control}
        if call > 0:
            state.memory_hits.append(any(v is not None for v in found.values()))
        missing = [p.name for p in endpoint.parameters if p.required and not p.control
                   and found.get(p.name) is None and f"{step}:{p.name}" not in state.user_values]
        if missing:
            message = (f"[grounding] {self.plan.conversation_id}: step {call} ({endpoint.id}) has unresolvable "
                       f"required params: [{', '.join(missing)}] — will use mock fallback")
            log.warning(message)
            state.warnings.append(message)
        args: dict[str, Any] = {}
        for param in endpoint.parameters:
            source = self._fill(call, step, param, found.get(param.name))
            if source is not None:
                args[param.name] = source.value
                state.argument_sources.append(source)
        return args

    def _fill(self, call: int, step: int, param: Parameter, hit: tuple[FieldValue, Any] | None) -> ArgumentSource | None:
        key = f"{step}:{param.name}"
        if hit is not None and (param.required or param.name in _via(self.plan, step) or self.rng.random() < OPTIONAL_MEMORY_P):
            fv, value = hit
            return ArgumentSource(call=call, param=param.name, source=SourceKind.STEP_OUTPUT, value=value,
                                  step=fv.step, field_path=fv.path)
        if key in self.state.user_values:
            kind = SourceKind.CLARIFICATION if key in self.clarified else SourceKind.USER
            return ArgumentSource(call=call, param=param.name, source=kind, value=self.state.user_values[key])
        default = clean_default(param)
        if param.required and param.control:
            value = default if default is not None else value_for(param, self.rng)
            return ArgumentSource(call=call, param=param.name, source=SourceKind.DEFAULT, value=value)
        if not param.required:
            if default is not None and self.rng.random() < OPTIONAL_DEFAULT_P:
                return ArgumentSource(call=call, param=param.name, source=SourceKind.DEFAULT, value=default)
            return None
        value = value_for(param, self.rng, endpoint=self.plan.endpoints[step])
        return ArgumentSource(call=call, param=param.name, source=SourceKind.MOCK_FALLBACK, value=value)

    def clarification_question(self, refs: list[ParamRef]) -> str:
        """One question naming, in plain words, every value the assistant still needs."""
        items = []
        for ref in refs:
            param = next(p for p in self.plan.endpoints[ref.step].parameters if p.name == ref.param)
            hint = param.description.strip().rstrip(".")
            label = ph.param_label(param)
            useful = 0 < len(hint) <= 60 and snake(hint) not in (snake(param.name), snake(label))
            items.append(f"the {label}" + (f" ({hint[:1].lower() + hint[1:]})" if useful else ""))
        return ph.pick(self.rng, ph.QUESTIONS).format(what=ph.join_words(items))

    def call_text(self, calls: list[int], steps: list[int], after_answer: bool) -> str:
        """The words of an assistant turn that makes these calls (parallel when more than one)."""
        rng = self.rng
        intents = [ph.intent(self.plan.endpoints[s]) for s in steps]
        if len(steps) >= 2:
            text = ph.pick(rng, ph.CALL_PARALLEL).format(a=intents[0], b=ph.join_words(intents[1:]))
        else:
            grounded = [s for s in self.state.argument_sources if s.call == calls[0] and s.source is SourceKind.STEP_OUTPUT]
            if grounded:
                src = min(grounded, key=lambda s: (not s.param.lower().endswith("id"), not isinstance(s.value, str)))
                options = ph.CALL_GROUNDED if isinstance(src.value, str) else ph.CALL_GROUNDED[:3]
                text = ph.pick(rng, options).format(l=ph.humanize(src.param), v=ph.render(src.value),
                                                    intent=intents[0])
            elif calls[0] == 0:
                text = ph.pick(rng, ph.CALL_FIRST).format(intent=intents[0])
            else:
                text = ph.pick(rng, ph.CALL_NEXT).format(intent=intents[0])
        if after_answer:
            text = ph.pick(rng, ["Thanks! ", "Perfect. ", "Great, thanks. ", ""]) + text
        return ph.sentence(text)

    def final_answer(self, last_calls: list[int]) -> str:
        """The closing message: 2–4 concrete values quoted from the tool outputs."""
        facts: list[tuple[int, int, str, Any]] = []
        seen: set[str] = set()
        for call in reversed(range(len(self.state.tool_outputs))):
            in_last = call in last_calls
            for order, fv in enumerate(f for f in self.state.accumulated_fields if f.step == call):
                if fv.path in seen or isinstance(fv.value, (dict, list)) or fv.value in ("", None):
                    continue
                seen.add(fv.path)
                if _weight(fv) < 0:
                    continue
                if len(str(fv.value)) > 40 or len(str(fv.value).split()) > 4:
                    continue
                facts.append((-(_weight(fv) + (4 if in_last else 0)), len(facts), fv.path, fv.value))
        limit = 4 if len(facts) >= 4 and self.rng.random() < 0.4 else 3
        style = ph.pick(self.rng, ph.FACTS)
        items: list[str] = []
        labels: set[str] = set()
        values: set[str] = set()
        for _, _, path, value in sorted(facts):
            lbl, text = _field_label(path), ph.render(value)
            if lbl in labels or text in values:
                continue
            labels.add(lbl)
            values.add(text)
            items.append(style.format(l=lbl, v=text))
            if len(items) == limit:
                break
        opener = ph.pick(self.rng, ph.FINAL_OPENERS)
        body = ph.sentence(ph.join_words(items)) if items else "The tools returned no details to report."
        return ph.assemble([opener, body, ph.pick(self.rng, ph.FINAL_CLOSERS)])


def _weight(fv: FieldValue) -> int:
    last = snake(parse_path(fv.path)[-1][0])
    if last in GENERIC_CONTAINERS or last in {"get", "errors", "error", "parameters", "params"}:
        return -3  # envelope keys of RapidAPI examples say nothing about the answer
    if fv.concept.endswith("_id") or last in {"name", "title"} or fv.concept in {"amount", "price"}:
        return 3
    if last in {"status", "date", "total", "currency", "rating"} or fv.concept in {"date", "timestamp"}:
        return 2
    return 1 if not isinstance(fv.value, bool) else 0


def _field_label(path: str) -> str:
    parts = parse_path(path)
    container = next((singular(snake(k).split("_")[-1]) for k, d in reversed(parts[:-1]) if k), None)
    if container in GENERIC_CONTAINERS:
        container = None
    return ph.label(parts[-1][0], container)
