"""The UserProxy: the user's opening goal and, when asked, the answer to a clarification question.

The user holds every required value the chain needs that no earlier output can supply (no FEEDS
source, no matching concept in an earlier step's outputs). It decides those values once, through
`values.value_for`, stores them in `state.user_values` under `"step:param"`, and states them in the
opening message, except the ones the plan withholds (`plan.clarify`), which it gives only when the
assistant asks. Messages are assembled from independent template parts so they vary in shape.
"""

from __future__ import annotations

import logging
import random
import re
from datetime import date, timedelta
from typing import Any

from datagen.generator import phrases as ph
from datagen.generator.assistant import predicted_fed, role_pairs
from datagen.core.plan import ConversationState, ParamRef
from datagen.generator.fake import place_at
from datagen.generator.goal import GENERIC_WISH, ask_phrase
from datagen.generator.values import BASE_DATE, DATE_WINDOW_DAYS, coerce, different_value, knob_default, value_for
from datagen.registry.models import Parameter, ParamType
from datagen.registry.naming import snake

log = logging.getLogger(__name__)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STRICT = {ParamType.ENUM: 0, ParamType.BOOLEAN: 1, ParamType.INTEGER: 2, ParamType.NUMBER: 3, ParamType.DATE: 4}
_END_WORDS = frozenset({"end", "out", "checkout", "to", "until", "return", "departure", "last"})
# Concepts that name one thing the user has (their email, their city): stated once, reused.
_SHARED = frozenset({"email", "phone", "user_name", "city", "country", "country_code", "currency", "language",
                     "symbol", "postal_code", "address"})


_DATED = frozenset({"date", "time", "timestamp", "year", "month", "day"})
# Values that name what a request is about by themselves ("the earnings date for KQZR").
_NAMED_BY_VALUE = frozenset({"symbol", "ticker", "currency", "isbn", "vin", "iata_code", "domain"})


def stable_index(seed: int) -> int:
    """A place-table index from the conversation seed (drawn apart from the user's Random, so the
    user's other values do not move)."""
    return (seed * 2654435761) % 1_000_003


# Concepts whose value is somebody's handle on a platform ("the reels of @vfoster76").
_HANDLES = frozenset({"user_name", "screen_name", "handle", "username"})


def _about(tasks: str, subject: tuple[str, str]) -> str:
    """The wish said about the user's own thing: `look up @vfoster76` for a generic wish, else
    `get the reels for @vfoster76`, without a modifier the subject already says (`user reels`)."""
    if tasks == GENERIC_WISH:
        return f"look up {subject[1]}"
    said = {w for w in re.split(r"[\s_]+", subject[1].lower()) if w.isalpha()}
    if subject[1].startswith("@"):
        said |= {"user", "username"}  # a handle is a user's
    words = tasks.split()
    if len(words) >= 4 and words[1] == "the" and " and " not in tasks:
        words = words[:2] + [w for w in words[2:-1] if w.lower() not in said] + words[-1:]
    return f"{' '.join(words)} for {subject[1]}"


class UserProxy:
    """Writes the user's turns; owns `state.user_values`."""

    def __init__(self, state: ConversationState, rng: random.Random) -> None:
        self.state = state
        self.rng = rng
        self.plan = state.plan
        # One user lives in one place: their city, country, phone number and currency agree.
        self.place = place_at(stable_index(self.plan.seed))

    def withheld(self) -> list[ParamRef]:
        """The clarify refs that really need asking: existing required params no output supplies and
        whose default is not a structure the assistant sends as is."""
        fed = predicted_fed(self.plan)
        refs: list[ParamRef] = []
        for ref in self.plan.clarify:
            if not 0 <= ref.step < len(self.plan.endpoints) or (ref.step, ref.param) in fed:
                continue
            param = next((p for p in self.plan.endpoints[ref.step].parameters if p.name == ref.param), None)
            if param is not None and knob_default(param) is None:  # nobody dictates a JSON blob: it stays the default
                refs.append(ref)
        return refs

    def decide_values(self) -> None:
        """Choose a value for every required param the user must supply.

        A param with the same name, or the same identity-like concept, as one already chosen gets the
        same value (one user, one email); an end date follows the start date it pairs with.
        """
        fed = predicted_fed(self.plan)
        chosen: dict[str, Any] = {}
        withheld = {(r.step, r.param) for r in self.withheld()}
        pairs = {step: role_pairs(self.plan.endpoints[step]) for step in range(len(self.plan.endpoints))}
        wanted = [(step, param) for step in self.plan.call_order() for param in self.plan.endpoints[step].parameters
                  if (param.required and not param.control and (step, param.name) not in fed
                      and knob_default(param) is None)
                  or (step, param.name) in withheld]
        # The first end of a pair is decided before the second, whatever the parameter order.
        order = {step: i for i, step in enumerate(self.plan.call_order())}
        wanted.sort(key=lambda sp: (order[sp[0]], sp[1].name in pairs[sp[0]]))
        # Of params sharing a name, the strictest type decides the value, so `tickerId` is one value
        # whether a step wants it as a string or as an integer.
        leader: dict[str, tuple[int, Parameter]] = {}
        for step, param in wanted:
            key = snake(param.name)
            if key not in leader or _STRICT.get(param.type, 9) < _STRICT.get(leader[key][1].type, 9):
                leader[key] = (step, param)
        last_date: str | None = None
        for step, param in wanted:
            partner = pairs[step].get(param.name)
            free = partner is not None and (step, partner[0]) in fed  # its other end comes from memory
            # a value the user already said under this name stays theirs (the target currency they
            # named for the rate is the one they want converted into), even when the pair's other end
            # comes from memory; the assistant keeps the two ends apart at call time
            value = self._reuse(param, chosen, by_concept=partner is None and not free)
            reused = value is not None
            if value is None:
                value = self._fresh(step, param, leader[snake(param.name)])
                if isinstance(value, str) and _DATE.match(value):
                    if last_date and set(snake(param.name).split("_")) & _END_WORDS:
                        value = (date.fromisoformat(last_date) + timedelta(days=self.rng.randint(1, 7))).isoformat()
                    last_date = value
            if partner is not None and not (free and reused):
                value = self._apart(step, param, value, partner, fed)
            self.state.user_values[f"{step}:{param.name}"] = value
            chosen.setdefault(f"name:{snake(param.name)}", value)
            if param.concept.endswith("_id") or param.concept in _SHARED:
                chosen.setdefault(f"concept:{param.concept}", value)

    def _fresh(self, step: int, param: Parameter, leader: tuple[int, Parameter]) -> Any:
        lead_step, lead = leader
        # a documented default latitude is one half of somebody's example point: the user's own
        # coordinates come from where they are, both halves from one place
        # (a documented default date is somebody's example from years ago, in a format of its own)
        prefer = 0.0 if param.concept in ("latitude", "longitude") or param.concept in _DATED else 0.35
        value = value_for(lead, self.rng, endpoint=self.plan.endpoints[lead_step], prefer_default=prefer,
                          place=self.place)
        try:
            return coerce(value, param.type, param.enum)
        except ValueError:
            return value_for(param, self.rng, endpoint=self.plan.endpoints[step], prefer_default=prefer,
                             place=self.place)

    def _apart(self, step: int, param: Parameter, value: Any, partner: tuple[str, bool],
               fed: set[tuple[int, str]]) -> Any:
        """The second end of a pair, kept apart from the first: never the same value, and after
        it (a later date, a larger number) when its role says so."""
        first, after = partner
        endpoint = self.plan.endpoints[step]
        other = self.state.user_values.get(f"{step}:{first}")
        if other is None:
            if (step, first) not in fed:
                return value
            if after and isinstance(value, str) and _DATE.match(value):
                # the start comes from a tool output, somewhere in the mock date window: end after it
                late = BASE_DATE + timedelta(days=DATE_WINDOW_DAYS + self.rng.randint(1, 14))
                return coerce(late.isoformat(), param.type, param.enum)
            # the first end comes from memory, which may carry what the user said: say something else
            said = {ph.render(v) for k, v in self.state.user_values.items()}
            for _ in range(5):
                if ph.render(value) not in said:
                    break
                value = different_value(value, param, self.rng, endpoint=endpoint)
            return value
        clash = ph.render(value) == ph.render(other)
        if after and not clash:
            if isinstance(value, str) and isinstance(other, str) and _DATE.match(value) and _DATE.match(other):
                clash = value <= other
            elif isinstance(value, (int, float)) and isinstance(other, (int, float)) and not isinstance(value, bool):
                clash = value <= other
        return different_value(other, param, self.rng, endpoint=endpoint, after=after) if clash else value

    @staticmethod
    def _reuse(param: Parameter, chosen: dict[str, Any], by_concept: bool = True) -> Any:
        keys = [f"name:{snake(param.name)}"] + ([f"concept:{param.concept}"] if by_concept else [])
        for key in keys:
            if key in chosen:
                try:
                    return coerce(chosen[key], param.type, param.enum)
                except ValueError:
                    continue
        return None

    def clarified_keys(self) -> set[str]:
        """User-value keys given only in the clarification answer: the withheld params, and later
        params with the same name and value (the user said it once, when asked)."""
        withheld = {f"{r.step}:{r.param}" for r in self.withheld()}
        said = {(k.split(":", 1)[1], ph.render(self.state.user_values[k])) for k in withheld if k in self.state.user_values}
        return withheld | {k for k, v in self.state.user_values.items() if (k.split(":", 1)[1], ph.render(v)) in said}

    def _pairs(self, keys: list[str]) -> list[tuple[str, Any]]:
        pairs: list[tuple[str, Any]] = []
        seen: set[str] = set()
        for key in keys:
            step, name = key.split(":", 1)
            param = next(p for p in self.plan.endpoints[int(step)].parameters if p.name == name)
            value = self.state.user_values[key]
            label = ph.param_label(param, value)
            said = ph.render(value)
            if label not in seen and said not in seen:  # one value is said once, under one name
                seen |= {label, said}
                pairs.append((label, value))
        return pairs

    def opening(self, wanted: dict[int, list[str]] | None = None) -> str:
        """The first user message: greeting, the goal (the steps the user wants, not the means; a
        step in `wanted` by the labels of what its answer tells), the values only the user knows,
        and a closing."""
        withheld = self.clarified_keys()
        keys = [k for k in self.state.user_values if k not in withheld]
        wishes = ask_phrase(self.plan, wanted)
        rng = self.rng
        tasks = ph.join_words(wishes) if len(wishes) <= 2 else f"{', '.join(wishes[:-1])}, and {wishes[-1]}"
        subject = self._subject_key(keys) if len(wishes) == 1 else None
        held = self._subject_key(sorted(withheld & set(self.state.user_values)), bare=True) if len(wishes) == 1 else None
        if subject is not None:
            # "get the item for order 421454": the thing the user has, said with what they want
            keys.remove(subject[0])
            tasks = _about(tasks, subject)
        elif held is not None:
            tasks = _about(tasks, held)  # "the item for my order": the number comes when asked
        ask = ph.fill(ph.pick(rng, ph.ASKS), tasks=tasks)
        values = ph.values_phrase(self._pairs(keys), rng)
        greeting = ph.pick(rng, ph.GREETINGS)
        closing = ph.pick(rng, ph.CLOSINGS)
        parts = [greeting, values, ask, closing] if values and rng.random() < 0.3 else [greeting, ask, values, closing]
        return ph.assemble(parts)

    def _subject_key(self, keys: list[str], bare: bool = False) -> tuple[str, str] | None:
        """The one stated value the request is about (an id of the first call, a ticker, a code),
        as words for "… for <it>": `order 421454`, `KQZR`; None when there is no single one.
        `bare`: the value is not said yet (it is asked for later): `my order`."""
        first = self.plan.call_order()[0] if self.plan.endpoints else None
        found: list[tuple[str, str]] = []
        for key in keys:
            step, name = key.split(":", 1)
            param = next((p for p in self.plan.endpoints[int(step)].parameters if p.name == name), None)
            value = self.state.user_values[key]
            if param is None or int(step) != first or isinstance(value, (bool, list, dict)):
                continue
            text = ph.render(value)
            if param.concept.endswith("_id") and param.concept != "id" and len(text) <= 24:
                noun = ph.humanize(param.concept.removesuffix('_id'))
                found.append((key, f"my {noun}" if bare else f"{noun} {text}"))
            elif param.concept in _NAMED_BY_VALUE and len(text) <= 12 and not bare:
                found.append((key, text))
            elif param.concept in _HANDLES and re.fullmatch(r"@?[\w.]{2,30}", text) and not bare:
                found.append((key, f"@{text.lstrip('@')}"))  # a handle is said with its @
        return found[0] if len(found) == 1 else None

    def answer(self, refs: list[ParamRef]) -> str:
        """The reply to the clarification question: the withheld values, in a varied frame."""
        pairs = self._pairs([f"{r.step}:{r.param}" for r in refs])
        body, _ = ph.value_items(pairs, self.rng)
        return ph.sentence(ph.fill(ph.pick(self.rng, ph.ANSWERS), values=body).rstrip("."))
