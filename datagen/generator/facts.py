"""What one call's output says, in words: the thing found, its name, two or three of its facts.

A person answering "what did you find?" names the thing found and two or three of its facts, or,
for a list, how many there are and their names. Field names become words (`is_valid` → "it is
valid", `price_usd` → "price usd"), booleans become yes/no sentences, and every value quoted is a
value a tool really returned (the judge checks that). `generator.answer` puts the parts of several
calls together into the closing message.
"""

from __future__ import annotations

import random
from datetime import datetime, timezone
from typing import Any

from datagen.generator import phrases as ph
from datagen.generator.choice import noun_for
from datagen.generator.labels import VERB_NOUNS, bool_fact, field_label
from datagen.lexicon import COORDINATE_KEYS, ENVELOPE_KEYS, NUMBER_LEADS, PREPOSITIONS, RELATION_WORDS, REQUEST_ECHO_KEYS, \
    TIME_FIELD_WORDS
from datagen.registry.naming import GENERIC_CONTAINERS, sayable, singular, snake

MAX_FACTS = 3
_VERDICT_FIELDS = 6
"""An answer of at most this many fields is small enough for its yes/no fields to be its verdict."""
# Field names that are verbs: "starts 2026-03-08", never "the starts is".
_NAMEISH = frozenset({"name", "title", "full_name", "display_name", "label", "headline"})



def scalar(value: Any) -> bool:
    return value is not None and not isinstance(value, (dict, list)) and ph.render(value).strip() != ""


def _main(output: Any) -> tuple[str, Any]:
    """The part of an output the answer is about: descend through generic wrappers (`data`, `results`)
    and one-key objects to the list or the object that carries the content."""
    key, node = "", output
    for _ in range(4):
        if not isinstance(node, dict):
            break
        content = {k: v for k, v in node.items() if snake(k) not in ENVELOPE_KEYS}
        lists = [(k, v) for k, v in content.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
        scalars = [k for k, v in content.items() if scalar(v)]
        if lists and (len(scalars) <= 1 or snake(lists[0][0]) in GENERIC_CONTAINERS):
            key, node = lists[0]
            break
        nested = [(k, v) for k, v in content.items() if isinstance(v, dict) and snake(k) not in REQUEST_ECHO_KEYS]
        if not [k for k in scalars if not is_id(k)] and len(nested) == 1:
            key, node = nested[0]
            continue
        break
    return key, node


# Words of a field that counts or pages what came back (`total_results`, `per_page`): a tally of the
# answer, never one of its facts ("the number of results is 5" beside no results at all).
_COUNTING = NUMBER_LEADS | frozenset("count counts total totals page pages per limit offset".split())
_TALLY_WORDS = _COUNTING | GENERIC_CONTAINERS | frozenset("of size found hits matches returned available".split())


def is_tally(key: str, value: Any = 0) -> bool:
    """Whether a whole-number field counts or pages the results (`num_results`, `total`, `per_page`);
    a price `total` of 59.9 is a fact, and a `data` list is content."""
    words = set(snake(key).split("_"))
    counted = isinstance(value, int) and not isinstance(value, bool)
    # a whole number under a container's name (`results: 5`, `items: 12`) counts them too
    return counted and (bool(words & _COUNTING) or words <= GENERIC_CONTAINERS) and words <= _TALLY_WORDS


def empty_list(output: Any) -> str | None:
    """The name of an empty list the output holds (`reels: []`), "" for a generic one, or None."""
    stack = [("", output)]
    while stack:
        key, node = stack.pop()
        if isinstance(node, list) and not node:
            name = snake(key)
            return "" if not name or name in GENERIC_CONTAINERS else ph.humanize(key)
        if isinstance(node, dict):
            stack.extend((k, v) for k, v in node.items() if snake(k) not in ENVELOPE_KEYS)
    return None


def is_id(key: str) -> bool:
    name = snake(key)
    return name == "id" or name.endswith(("_id", "_ids", "uuid", "_key"))


def _said(key: str, value: Any) -> Any:
    """A value as a person says it: a Unix time under a time-like key becomes its date."""
    if isinstance(value, int) and not isinstance(value, bool) and 1_000_000_000 <= value < 2_000_000_000 \
            and set(snake(key).split("_")) & TIME_FIELD_WORDS:
        return datetime.fromtimestamp(value, tz=timezone.utc).date().isoformat()
    return value


_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "km", "miles", "meters",
                    "metres", "kg", "grams", "calories", "kcal", "percent"})
"""Units a label may end in: said after the number, as people do."""


def _facts(item: dict[str, Any], skip: set[str], sent: set[str], rng: random.Random, bare: bool = False,
           chosen: list[str] | None = None) -> list[str]:
    """Up to three facts of one object, informative fields first: never an identifier (a person
    reports what a thing is, not its key), never its name again ("United Kingdom: translated name
    United Kingdom"), and echoes of what was sent only when nothing else is left. The labels of the
    facts told as "label value" (not yes/no verdicts) are added to `chosen`: what the user asked for."""
    ranked: list[tuple[int, int, str]] = []
    named = {ph.render(item[k]).lower() for k in skip if scalar(item.get(k))}
    for pos, (key, value) in enumerate(item.items()):
        name = snake(key)
        if key in skip or name in ENVELOPE_KEYS or not scalar(value) or is_id(key) or is_tally(key, value):
            continue
        text = ph.render(value)
        if len(text) > 80 or text.startswith(("http://", "https://")) or text.lower() in named:
            continue
        if not sayable(field_label(key, value)):
            continue  # "zz rate", "place name ru": a field a person cannot read out in words
        coordinate = name in COORDINATE_KEYS or name.endswith(("_lat", "_lng", "_lon"))
        if isinstance(value, bool) and name.split("_")[0] not in ("is", "has", "was", "are"):
            continue  # a yes/no setting ("can hide category: no") is not what anyone asked; a verdict (is_valid) is
        # what a thing is (a text, a number, a date) before where it is, before what it was sent; in a
        # small answer a yes/no is its verdict ("it is not valid"), in a record of many fields one of
        # its settings ("it is not direct roll call enabled"), said only when nothing else is left
        # a verdict is never an echo: "true" said earlier (or sent) is another field's yes, not this one's
        fresh = isinstance(value, bool) or text not in sent
        weight = 0 if fresh and not coordinate else 1 if fresh else 2
        ranked.append((3 if isinstance(value, bool) and len(item) > _VERDICT_FIELDS else weight, pos, key))
    best = min((weight for weight, _, _ in ranked), default=0)
    ranked = [r for r in ranked if r[0] == best]  # what the call found before where it is, before what it was sent
    facts: list[str] = []
    for _, _, key in sorted(ranked)[:MAX_FACTS]:
        value = _said(key, item[key])
        label = field_label(key, value)
        label = VERB_NOUNS.get(label, label)
        if label.endswith(" date") and isinstance(value, str) and ":" in value:
            label = label.replace(" date", " time")
        if isinstance(value, bool):
            facts.append(bool_fact(label, value))  # a verdict ("it is valid") is not asked as "the X of it"
        else:
            # "delivered at 2026-05-18", "released 2026-05-09": no "the released is"
            plain = bare or label.split()[-1] in PREPOSITIONS or label.endswith("ed")
            style = "{l} {v}" if plain else ph.pick(rng, ["the {l} is {v}", "{l} {v}", "the {l} is {v}"])
            text = ph.render(value)
            # a sentence's full stop goes ("based in Singapore., and"), an abbreviation's stays ("D.C.")
            if text.endswith(".") and text.split() and "." not in text.split()[-1][:-1]:
                text = text[:-1]
            *rest, unit = label.split()
            if unit in _UNITS and isinstance(value, (int, float)) and not isinstance(value, bool):
                # "the runtime is 166 minutes", not "the runtime minutes is 166"
                label, text = " ".join(rest), f"{text} {unit}"
                style = "{v}" if not label else "{l} {v}" if label.endswith("ed") else "the {l} is {v}"
            facts.append(ph.fill(style, l=label, v=text))
            if chosen is not None and label and best < 2:  # an echo of what was sent was not asked for
                chosen.append(label)
    return facts


def _spread(items: list[dict[str, Any]], sent: set[str]) -> str | None:
    """How a person sums up unnamed results: the range of their first telling number ("prices from
    71.83 to 177.1"), if every item has one and they differ."""
    for key, value in items[0].items():
        name = snake(key)
        if is_id(key) or name in COORDINATE_KEYS or name in ENVELOPE_KEYS or isinstance(value, bool):
            continue
        numbers: list[float] = [n for n in (i.get(key) for i in items)
                                if isinstance(n, (int, float)) and not isinstance(n, bool)]
        if len(numbers) == len(items) and len(set(numbers)) > 1 and not all(ph.render(n) in sent for n in numbers):
            label = ph.plural(ph.humanize(key)) if not ph.humanize(key).endswith("s") else ph.humanize(key)
            low, high = _said(key, min(numbers)), _said(key, max(numbers))  # Unix times as dates
            return f"{label} from {ph.render(low)} to {ph.render(high)}"
    return None


def _name_of(item: dict[str, Any]) -> str | None:
    """An item's own name or title, if it has one (never an id, a URL or another field's text); a
    match is named by its two sides (`homeTeam.name` vs `awayTeam.name`)."""
    sides = {snake(k): v.get("name") if isinstance(v, dict) else v for k, v in item.items()}
    for home, away in (("home_team", "away_team"), ("home", "away"), ("home_team_name", "away_team_name")):
        if isinstance(sides.get(home), str) and isinstance(sides.get(away), str):
            return f"{sides[home]} vs {sides[away]}"
    for key, value in item.items():
        if snake(key) in _NAMEISH or snake(key).endswith(("_name", "_title")) and not is_id(key):
            if isinstance(value, str) and value.strip() and not value.startswith(("http://", "https://")):
                return value.strip()
    return None


def _naming_keys(item: dict[str, Any], name: str | None) -> set[str]:
    """The fields a thing's name already says (its `name`, or the two sides of "A vs B"): not facts."""
    parts = set(name.split(" vs ")) if name else set()
    return {k for k, v in item.items() if snake(k) in _NAMEISH or isinstance(v, str) and v in parts
            or isinstance(v, dict) and v.get("name") in parts}


def _list_noun(key: str, item: dict[str, Any]) -> str:
    """The plural noun for a returned list: its own name (`hotels`), else its items' own id field
    (`hotel_id` → hotels), else "results"."""
    if {snake(k) for k in item} & {"lat", "latitude"} and not {snake(k) for k in item} & _NAMEISH:
        return "points"  # unnamed places on a map (a grid's points), not "3 searches"
    word = snake(key).split("_")[-1] if key else ""
    if word and word not in GENERIC_CONTAINERS and len(word) > 2 and singular(word) != word:
        return word
    ids = [snake(k) for k in item if snake(k).endswith("_id")]
    own = [i for i in ids if not set(i.split("_")) & RELATION_WORDS]  # `game_id`, not `home_team_id`
    noun = noun_for("results[]", own[0]) if len(own) == 1 else "option"
    return noun if noun != "option" else "results"


def describe(output: Any, sent: set[str], rng: random.Random, noun: str | None = None,
             head: str | None = None, chosen: list[str] | None = None) -> str:
    """One or two sentences about one call's output: what was found, by name when things have names,
    else by the facts of the first one; never a list of ids or of the same value repeated. When the
    output is one thing told by its facts, their labels go to `chosen` (a list is told by its items,
    and adds none)."""
    key, node = _main(output)
    if isinstance(node, list):
        items = [i for i in node if isinstance(i, dict)]
        if not items:
            scalars = list(dict.fromkeys(ph.render(v) for v in node if scalar(v)))
            return ph.sentence(f"it returned {ph.join_words(scalars[:3])}") if scalars else ""
        if len(items) == 1 and not _name_of(items[0]):
            return describe(items[0], sent, rng, noun=noun, head=head, chosen=chosen)  # one thing: say what it is
        names = [_name_of(i) for i in items]
        listed = _list_noun(key, items[0])
        # "I found 3 trades", not "3 results": a generic list is named after what the call is about
        noun = listed if listed != "results" or not head else head if head.endswith("s") else ph.plural(head)
        noun = ph.count_noun(noun) if noun != "results" else noun  # "3 publisheds" is no way to count
        noun = "results" if noun in ("searches", "lookups", "queries") else noun  # a search's items are results
        first = [f for f in _facts(items[0], _naming_keys(items[0], names[0]),
                                   sent, rng, bare=True)
                 if not f.startswith("it ")][:2]
        distinct = list(dict.fromkeys(n for n in names if n))
        if len(distinct) < len(items):  # things without names (or with one name for all): their facts
            if len(items) == 1 or not first:
                return ph.sentence(ph.join_words(first)) if first else ""
            spread = _spread(items, sent)
            if spread:
                return ph.sentence(f"I found {len(items)} {noun}, with {spread}")
            facts = [f for f in _facts(items[0], _naming_keys(items[0], None), sent, rng) if not f.startswith("it ")][:2]
            return ph.sentence(f"I found {len(items)} {noun}; for the first one, {ph.join_words(facts or first)}")
        if len(items) == 1:
            tail = f" ({ph.join_words(first)})" if first else ""
            return ph.sentence(f"I found {distinct[0]}{tail}")
        more = f" and {len(items) - 3} more" if len(items) > 3 else ""
        head = f"I found {len(items)} {noun}: {ph.join_words(distinct[:3])}{more}"
        tail = f". {distinct[0]} comes first, with " + ph.join_words(first) if first else ""
        return ph.sentence(head + tail)
    if not isinstance(node, dict):
        return ph.sentence(f"the result is {ph.render(node)}") if scalar(node) else ""
    nested = [(k, v) for k, v in node.items() if isinstance(v, dict) and snake(k) not in REQUEST_ECHO_KEYS
              and (_name_of(v) or _facts(v, set(), sent, random.Random(0)))]
    if not _facts(node, set(), sent, random.Random(0)) and len(nested) == 1 and not _name_of(node):
        # a highlight whose content is its match: say what the match was
        key, inner = nested[0]
        return describe(inner, sent, rng, noun=singular(snake(key).split("_")[-1]), chosen=chosen)
    subject = _name_of(node) or ""
    facts = _facts(node, _naming_keys(node, subject), sent, rng, chosen=chosen)
    if not facts:
        if subject and noun:
            return ph.sentence(f"the {noun.replace('_', ' ')} is {subject}")  # "The dog is Deborah."
        return ph.sentence(f"it came back as {subject}") if subject else ""
    body = ph.join_words(facts)
    return ph.sentence(f"{subject}: {body}" if subject else body)


def has_content(output: Any, sent: frozenset[str] = frozenset(), listed: bool = False) -> bool:
    """Whether an output says something beyond ids, the envelope (`status`, `message`) and the
    arguments it was sent: `{"status": "ok", "x_id": ...}` or `{"book_id": 1, "chapter": 5}` for a
    chapter tells the user nothing, and neither do listed things that have only an id and a flag
    (`options: [{id, isDefault}]`): a flag is an answer only about the one thing asked."""
    if isinstance(output, dict):
        return any(has_content(v, sent, listed) for k, v in output.items()
                   if snake(k) not in ENVELOPE_KEYS and not is_id(k) and not is_tally(k, v))
    if isinstance(output, list):
        return any(has_content(v, sent, True) for v in output)
    if listed and isinstance(output, bool):
        return False
    return scalar(output) and not str(output).startswith(("http://", "https://")) and ph.render(output) not in sent


def scalars_of(value: Any, key: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in scalars_of(v, k)]
    if isinstance(value, list):
        return [pair for v in value for pair in scalars_of(v, key)]
    return [(key, value)] if scalar(value) else []
