"""The user picks one item of a returned list before the assistant acts on it.

When a later call would take an argument from an item of a list an earlier call returned (a search
gave three hotels, the next call books one), a person would not let the assistant silently act on
the first result. The assistant shows the options (by their names), the user picks one, and only
the picked item's fields ground the next call. The pick is recorded in `state.choices`, which the
Assistant's memory lookup reads.
"""

from __future__ import annotations

import random
import re
from typing import Any

from pydantic import BaseModel

from datagen.generator import phrases as ph
from datagen.generator.labels import field_label
from datagen.core.paths import values_at
from datagen.core.plan import ConversationState, FieldValue
from datagen.lexicon import PLACE_WORDS, RELATION_WORDS
from datagen.registry.naming import GENERIC_CONTAINERS, singular, snake, subject_noun

MAX_OPTIONS = 4
_NAME_KEYS = ("name", "title", "full_name", "display_name", "label", "headline", "username", "user_name")


def item_slot(path: str) -> tuple[str, str] | None:
    """`results[].hotel_id` → (`results[]`, `hotel_id`): the list a field is a direct member of."""
    cut = path.rfind("[].")
    if cut < 0:
        return None
    key = path[cut + 3:]
    if "." in key or "[" in key:
        return None
    return path[:cut + 2], key


def choice_key(call: int, container: str) -> str:
    return f"{call}|{container}"


def items_of(state: ConversationState, call: int, container: str) -> list[dict[str, Any]]:
    """The dict items of one returned list."""
    output = state.tool_outputs[call]["output"] if call < len(state.tool_outputs) else None
    return [item for item in values_at(output, container) if isinstance(item, dict)]


def keeps(state: ConversationState, fv: FieldValue) -> bool:
    """Whether a remembered value may ground a later call: false for items the user did not pick."""
    slot = item_slot(fv.path)
    if slot is None:
        return True
    picked = state.choices.get(choice_key(fv.step, slot[0]))
    return picked is None or picked.get(slot[1]) == fv.value


def picked(state: ConversationState, fv: FieldValue) -> bool:
    """Whether a remembered value is a field of an item the user picked."""
    slot = item_slot(fv.path)
    if slot is None:
        return False
    chosen = state.choices.get(choice_key(fv.step, slot[0]))
    return chosen is not None and chosen.get(slot[1]) == fv.value


def item_name(item: dict[str, Any], fallback_key: str) -> str:
    """How a person names an item: its name or title, else a text field that reads as a proper
    name (`team: "North Juliefort Athletic"`), else the value the call needs."""
    sides = {snake(k): v for k, v in item.items() if isinstance(v, str) and v}
    for home, away in (("home_team", "away_team"), ("home", "away"), ("home_team_name", "away_team_name")):
        if home in sides and away in sides:
            return f"{sides[home]} vs {sides[away]}"  # a game is named by its two sides
    for key, value in item.items():
        if snake(key) in _NAME_KEYS or snake(key).endswith("_name") and isinstance(value, str):
            if isinstance(value, str) and value.strip():
                return value.strip()
    for key, value in item.items():
        if isinstance(value, str) and _PROPER.match(value) and not snake(key).endswith(("_id", "_url", "_at")) \
                and not set(snake(key).split("_")) & PLACE_WORDS:  # a country is where a thing is, not its name
            return value
    # nothing names it: two of its facts tell it apart ("list date 2026-05-04, price 85.43"), not its key
    facts = [_fact(k, v) for k, v in item.items()
             if k != fallback_key and not snake(k).endswith(("_id", "id", "_url", "url", "link"))
             and v is not None and not isinstance(v, (dict, list, bool)) and 0 < len(ph.render(v)) <= 40][:2]
    return ", ".join(facts) if facts else ph.render(item.get(fallback_key, "")).strip()


_UNITS = frozenset("m km mi ft cm mm kg g lb lbs s ms sec min h hr hrs mph kmh kph pct".split())
"""Unit abbreviations that end field names (`distance_m`): said after the value ("8 m")."""


def _fact(key: str, value: Any) -> str:
    """`distance_m: 8` → "distance 8 m"; `list_date: …` → "list date …"."""
    words = field_label(key, value).split()
    if len(words) > 1 and words[-1] in _UNITS:
        return f"{' '.join(words[:-1])} {ph.render(value)} {words[-1]}"
    return f"{' '.join(words)} {ph.render(value)}"


def named(item: dict[str, Any]) -> bool:
    """Whether an item has a name of its own (a name field or a proper-name text), not only facts."""
    if any(snake(k) in _NAME_KEYS or snake(k).endswith("_name") for k, v in item.items() if isinstance(v, str) and v.strip()):
        return True
    return any(isinstance(v, str) and _PROPER.match(v) and not snake(k).endswith(("_id", "_url", "_at"))
               and not set(snake(k).split("_")) & PLACE_WORDS for k, v in item.items())


_ID_LIKE = re.compile(r"^(?:[a-z]{2,4}_)?\d+$|^[0-9a-f-]{16,}$", re.I)  # `ply_26204`, `150096`, a uuid
_PROPER = re.compile(r"^[A-Z][a-z]+(?: [A-Z][A-Za-z]+){1,4}$")


def noun_for(container: str, key: str) -> str:
    """The plural noun of the listed things: the list's own name, else the field's (`hotel_id`)."""
    name = snake(container.rsplit(".", 1)[-1].replace("[]", ""))
    word = name.split("_")[-1] if name else ""
    if not word or word in GENERIC_CONTAINERS:
        stem = snake(key)
        stem = stem[:-3] if stem.endswith("_id") else stem
        word = stem.split("_")[-1] if stem else "option"
        if word in {"id", "name", "title", "key", "code", "uuid", ""}:
            word = "option"
    return ph.count_noun(singular(word))


class Choice(BaseModel):
    """An open choice: which call's list, which key feeds the next call, the options."""

    call: int
    container: str
    key: str
    items: list[dict[str, Any]]
    subject: str | None = None

    def names(self) -> list[str]:
        """The options as the user sees them: by name, told apart by the value the next call needs
        when two share a name."""
        shown = self.items[:MAX_OPTIONS]
        names = [item_name(item, self.key) for item in shown]
        return [f"{n} ({ph.render(item.get(self.key, ''))})" if names.count(n) > 1 else n
                for n, item in zip(names, shown)]

    def noun(self) -> str:
        """What the items are: named by their own id field (`hotel_id`), else the list, else the key."""
        keys = {snake(k) for k in self.items[0]}
        # a game's own `game_id`, not its `home_team_id`; an item with a bare `id` has its own, and a
        # `team_id` beside it names the team it belongs to ("3 teams: Diego Fischer, …" were players)
        own = None if keys & {"id", "uuid", "pk"} else next(
            (k for k in self.items[0] if snake(k).endswith("_id") and not set(snake(k).split("_")) & RELATION_WORDS), None)
        if own is not None:
            return noun_for("results[]", own)  # `team_id` → teams, whatever the list is called
        if {snake(k) for k in self.items[0]} & {"lat", "latitude"}:
            return "points"  # unnamed places on a map
        if self.subject and self.container.rsplit(".", 1)[-1].replace("[]", "") in GENERIC_CONTAINERS:
            return ph.count_noun(self.subject)  # `search_symbols` → symbols
        return noun_for(self.container, self.key)


def open_choice(state: ConversationState, grounded: list[FieldValue]) -> Choice | None:
    """The first list of two or more named items that would feed the next call, if any.

    `grounded` are the memory values the next call's arguments would take (the Assistant's lookup).
    """
    for fv in grounded:
        slot = item_slot(fv.path)
        if slot is None or choice_key(fv.step, slot[0]) in state.choices:
            continue
        items = items_of(state, fv.step, slot[0])
        if len(items) < 2 or len({ph.render(i.get(slot[1])) for i in items}) < 2:
            continue  # one item, or every item carries the same value: there is nothing to choose
        source = state.plan.endpoints[state.plan.call_order()[fv.step]]
        choice = Choice(call=fv.step, container=slot[0], key=slot[1], items=items,
                        subject=subject_noun(source.name, source.slug))
        names = choice.names()
        # options a person can tell apart by reading them: never a list of links or bare ids
        if len(set(names)) == len(names) and all(names) and not any(
                n.startswith(("http://", "https://")) or n == ph.render(i.get(choice.key)) and _ID_LIKE.match(n)
                for n, i in zip(names, choice.items)):
            return choice
    return None


def ask(choice: Choice, rng: random.Random) -> str:
    """The assistant's question listing the options."""
    names = choice.names()
    more = len(choice.items) - len(names)
    listed = ph.join_words(names, "or") if not more else f"{', '.join(names)} (and {more} more)"
    noun = choice.noun()
    template = ph.pick(rng, [
        "I found {n} {noun}: {listed}. Which one should I use?",
        "There are {n} {noun} to choose from: {listed}. Which one would you like?",
        "That returned {n} {noun}: {listed}. Which one do you mean?",
    ])
    return ph.fill(template, n=len(choice.items), noun=noun, listed=listed)


def pick(state: ConversationState, choice: Choice, rng: random.Random) -> str:
    """The user's pick: recorded in `state.choices`; returns the user's reply."""
    index = rng.randrange(min(len(choice.items), MAX_OPTIONS))
    state.choices[choice_key(choice.call, choice.container)] = choice.items[index]
    name = choice.names()[index]
    if not named(choice.items[index]):
        # an option known only by its facts is picked by its place: "distance m 8 looks right" recites
        template = ph.pick(rng, ["The {nth} one, please.", "Let's go with the {nth} one.", "I'll take the {nth} one."])
        return ph.sentence(ph.fill(template, nth=ph.ordinal(index + 1)))
    template = ph.pick(rng, ["{name}, please.", "Let's go with {name}.", "The {nth} one: {name}.",
                             "I'll take {name}.", "{name} looks right."])
    return ph.sentence(ph.fill(template, name=name, nth=ph.ordinal(index + 1)))
