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
from datagen.core.paths import output_path, parse_path
from datagen.core.plan import ArgumentSource, ConversationPlan, ConversationState, FieldValue, ParamRef, SourceKind
from datagen.generator.values import ROLE_WORDS, clean_default, coerce, knob_default, value_for
from datagen.registry.models import Endpoint, Parameter, ParamType, ResponseField
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
        via = _via(plan, step)
        for param in endpoint.parameters:
            if param.control:
                continue
            by_via = [f for f in fields if output_path(f.path) == via.get(param.name)]
            by_concept = [f for f in fields if linkable(param.concept) and f.concept == param.concept]
            if any(compatible(f.type, param) for f in by_via + by_concept):
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

    def lookup_all(self, step: int, param: Parameter) -> list[tuple[FieldValue, Any]]:
        """Every memory value that can fill a param, best first: the via pair, then the same
        concept; most recent call first, and within a call in output order. Coerced to its type.

        Memory holds the outputs of every call made so far, so a step after a parallel group sees
        the outputs of all the calls of that group, not only the last one.
        """
        memory = self.state.accumulated_fields
        wanted = _via(self.plan, step).get(param.name)
        calls = sorted({fv.step for fv in memory}, reverse=True)
        candidates = [fv for c in calls for fv in memory if fv.step == c and wanted is not None and fv.path == wanted]
        if linkable(param.concept):
            candidates += [fv for c in calls for fv in memory if fv.step == c and fv.concept == param.concept]
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
            log.warning(message)
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
        knob = knob_default(param) if param.required else None
        if knob is not None:
            return ArgumentSource(call=call, param=param.name, source=SourceKind.DEFAULT, value=knob)
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
            hint = ph.plain(param.description.strip().split("\n", 1)[0]).rstrip(".")
            label = ph.param_label(param)
            useful = 0 < len(hint) <= 60 and snake(hint) not in (snake(param.name), snake(label))
            items.append(f"the {label}" + (f" ({hint[:1].lower() + hint[1:]})" if useful else ""))
        return ph.fill(ph.pick(self.rng, ph.QUESTIONS), what=ph.join_words(items))

    def call_text(self, calls: list[int], steps: list[int], after_answer: bool) -> str:
        """The words of an assistant turn that makes these calls (parallel when more than one)."""
        rng = self.rng
        intents = [ph.intent(self.plan.endpoints[s]) for s in steps]
        if len(steps) >= 2:
            text = ph.fill(ph.pick(rng, ph.CALL_PARALLEL), a=intents[0], b=ph.join_words(intents[1:]))
        else:
            grounded = [s for s in self.state.argument_sources if s.call == calls[0] and s.source is SourceKind.STEP_OUTPUT
                        and len(ph.render(s.value)) <= 60 and not isinstance(s.value, (dict, bool))]
            if grounded:
                src = min(grounded, key=lambda s: (not s.param.lower().endswith("id"), not isinstance(s.value, str)))
                options = ph.CALL_GROUNDED if isinstance(src.value, str) else ph.CALL_GROUNDED[:3]
                param = next(p for p in self.plan.endpoints[steps[0]].parameters if p.name == src.param)
                text = ph.fill(ph.pick(rng, options), l=ph.param_label(param, src.value), v=ph.render(src.value),
                               intent=intents[0])
            elif calls[0] == 0:
                # after "Thanks!" a second interjection ("Sure —", "Okay,") reads twice
                plain = [t for t in ph.CALL_FIRST if not after_answer or t.startswith(("Let me", "I'll", "First"))]
                text = ph.fill(ph.pick(rng, plain), intent=intents[0])
            else:
                text = ph.fill(ph.pick(rng, ph.CALL_NEXT), intent=intents[0])
        if after_answer:
            text = ph.pick(rng, ["Thanks! ", "Perfect. ", "Great, thanks. ", ""]) + text
        return ph.sentence(text)

    def final_answer(self, last_calls: list[int]) -> str:
        """The closing message: 1–4 concrete values quoted from the tool outputs.

        Candidates are ranked in tiers: short informative leaves (ids, names, prices, statuses,
        dates) first, then short envelope values, flags and short lists, then longer text (a long
        text is quoted by its first words only when nothing shorter was returned). The last calls'
        outputs come first, values the user already gave come last, so the answer reports what
        the tools found.
        """
        candidates: list[tuple[int, int, int, str, str, bool]] = []
        seen: set[str] = set()
        for call in reversed(range(len(self.state.tool_outputs))):
            in_last = call in last_calls
            sent = {ph.render(v) for v in (self.state.tool_calls[call].get("parameters") or {}).values()} \
                if call < len(self.state.tool_calls) else set()
            for fv in (f for f in self.state.accumulated_fields if f.step == call):
                if fv.path in seen or isinstance(fv.value, dict) or fv.value in ("", None, []):
                    continue
                if isinstance(fv.value, list) and any(isinstance(v, (dict, list)) for v in fv.value):
                    continue
                seen.add(fv.path)
                text = ph.render(fv.value).strip()
                if not text or "{" in text or "}" in text:
                    continue
                weight = _weight(fv) + (4 if in_last else 0) - (2 if text in sent else 0)
                short = len(text) <= 40 and len(text.split()) <= 4
                flag = isinstance(fv.value, bool)
                if short and not flag and not isinstance(fv.value, list) and _weight(fv) >= 0:
                    tier = 0
                elif short or len(text) <= 60 and len(text.split()) <= 8:
                    tier = 1
                else:
                    tier, text = 2, _first_words(text)
                candidates.append((tier, -weight, len(candidates), _field_label(fv.path), text, flag))
        limit = 4 if len(candidates) >= 4 and self.rng.random() < 0.4 else 3
        style = ph.pick(self.rng, ph.FACTS)
        items: list[str] = []
        labels: set[str] = set()
        values: set[str] = set()
        best = min((c[0] for c in candidates), default=0)  # weaker tiers only when nothing better came back
        for tier, _, _, lbl, text, flag in sorted(candidates):
            if lbl in labels or text in values or (items and tier > best):
                continue
            labels.add(lbl)
            values.add(text)
            colon = flag or lbl.split()[-1] in _PREPOSITIONS or tier == 2
            items.append(ph.fill("{l}: {v}" if colon else style, l=lbl, v=text))
            if len(items) == limit:
                break
        opener = ph.pick(self.rng, ph.FINAL_OPENERS)
        body = ph.sentence(ph.join_words(items)) if items else "The calls went through, but they returned no fields."
        return ph.assemble([opener, body, ph.pick(self.rng, ph.FINAL_CLOSERS)])


_PREPOSITIONS = frozenset("at by on in of to for from with per".split())


def _first_words(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]).rstrip(",;:") + ("…" if len(parts) > words else "")


def _weight(fv: FieldValue) -> int:
    last = snake(parse_path(fv.path)[-1][0])
    if last in GENERIC_CONTAINERS or last in {"get", "errors", "error", "parameters", "params"}:
        return -3  # envelope keys of RapidAPI examples say nothing about the answer
    words = set(last.split("_"))
    if fv.concept.endswith("_id") or last in {"id", "name", "title"} or fv.concept in {"amount", "price"} \
            or words & {"price", "amount", "cost", "total", "fee", "balance", "fare"}:
        return 3
    if last in {"status", "state", "date", "currency", "rating", "score", "symbol", "code"} \
            or fv.concept in {"date", "timestamp"} or words & {"status", "date", "rating", "count"}:
        return 2
    return 1 if not isinstance(fv.value, bool) else 0


def _field_label(path: str) -> str:
    parts = parse_path(path)
    container = next((singular(snake(k).split("_")[-1]) for k, d in reversed(parts[:-1]) if k), None)
    if container in GENERIC_CONTAINERS:
        container = None
    return ph.label(parts[-1][0], container)
