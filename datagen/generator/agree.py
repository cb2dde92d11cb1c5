"""Make the numbers and verdicts of one mock output agree where the relation is plain from the names.

Why: a reader rejects an output whose `converted_amount` is not `amount × rate`, whose `total` is not
the sum of its line items, or whose fat grams carry more energy than its calories. Each rule reads
field names only (generic words: amount, rate, quantity, unit price, total, tax, protein, fat, count,
min/max, start/end …), so it holds for any API. Rules run bottom-up on every object of an output,
after its leaves were drawn; they change values in place and never add or remove a key.
"""

from __future__ import annotations

import random
from typing import Any

from datagen.core.json_objects import inside_out
from datagen.generator.lifecycle import answers_after, staged
from datagen.generator.listed import averages, counts, found_rank, page_counts, ranked_items, sequence_numbers, shares
from datagen.generator.moments import (around_start, business_days, calendar_parts, one_moment, parts_after_whole,
                                       results_of_parts, server_time, within_window)
from datagen.generator.numeric import num, numeric_keys, ranged, set_number
from datagen.generator.places import address_parts, city_in_its_country, one_id_for_one_thing, virtual_or_placed
from datagen import reference
from datagen.generator.fake import Place, make as make_value, place_from
from datagen.generator.wholes import one_whole
from datagen.registry.naming import snake

_MONEY = ("total", "total_price", "total_amount", "grand_total", "subtotal", "sub_total", "line_total", "amount",
          "total_cost", "cost", "price")
_ITEM_MONEY = ("line_total", "total", "total_price", "amount", "subtotal", "price", "cost")
_VERDICT_KEYS = ("valid", "is_valid", "isvalid", "verified", "is_verified", "success", "passed", "result")
_REASON_KEYS = ("reason", "reasons", "message", "explanation", "details", "detail", "status_message")


def _first(names: dict[str, str], *candidates: str, contains: tuple[str, ...] = ()) -> str | None:
    for cand in candidates:
        if cand in names:
            return names[cand]
    for name, key in names.items():
        if any(word in name.split("_") for word in contains):
            return key
    return None


def agree(value: Any, sent: frozenset[str] = frozenset()) -> Any:
    """Apply every rule to every object of `value`, innermost first; returns `value`. `sent` holds
    the call's arguments as text: a ranked list places the thing the call asked about."""
    for obj in inside_out(value):
        ranked_items(obj, sent)
        sequence_numbers(obj)
        averages(obj)
        shares(obj)
        _conversion(obj)
        _line(obj)
        _sum_of_items(obj)
        _base_plus_tax(obj)
        _nutrition(obj)
        counts(obj)
        one_whole(obj)  # one amount in several units, parts within their whole, flags over items
        _ranges(obj)
        staged(obj)  # a record is made before it is changed, a span starts before it ends
        answers_after(obj)
        calendar_parts(obj, sent)
        _match_name(obj)
        _home_venue(obj)
        found_rank(obj)
        page_counts(obj)
        server_time(obj)
        _verdict(obj)
        _completion(obj)
        _within_own_range(obj)
        results_of_parts(obj)
        around_start(obj)
        business_days(obj)
        parts_after_whole(obj)
        one_moment(obj)
        address_parts(obj)
        city_in_its_country(obj)
        virtual_or_placed(obj)
        one_id_for_one_thing(obj)
        within_window(obj)
    return value


_DONE = frozenset({"delivered", "completed", "paid", "done", "closed", "final", "finished", "sold", "shipped"})


def _within_own_range(obj: dict[str, Any]) -> None:
    """`price` lies within its own `priceMin`/`priceMax` (`min_price`, `price_max` …)."""
    names = {snake(k): k for k, v in obj.items() if ranged(v)}
    for name, key in names.items():
        low = next((names[n] for n in (f"{name}_min", f"min_{name}", f"{name}_from") if n in names), None)
        high = next((names[n] for n in (f"{name}_max", f"max_{name}", f"{name}_to") if n in names), None)
        if low is None or high is None:
            continue
        values = sorted(float(obj[k]) for k in (low, key, high))
        middle = values[1]  # a range around one thing's price is narrow: within -15 % … +20 % of it
        values = [max(values[0], round(middle * 0.85, 2)), middle, min(values[2], round(middle * 1.2, 2))]
        for k, v in zip((low, key, high), values):
            obj[k] = (f"{v:.2f}" if "." in obj[k] else str(int(v))) if isinstance(obj[k], str) else (
                int(v) if isinstance(obj[k], int) else v)


def _completion(obj: dict[str, Any]) -> None:
    """`complete` beside a status says what the status says: a delivered order is complete."""
    status = next((v for k, v in obj.items() if snake(k) in ("status", "state") and isinstance(v, str)), None)
    if status is None:
        return
    for key, value in obj.items():
        if snake(key) in ("complete", "completed", "is_complete", "is_completed", "done") and isinstance(value, bool):
            obj[key] = status.lower() in _DONE


def _verdict(obj: dict[str, Any]) -> None:
    """A verdict and its reasons say the same thing: a pass gives no failure reason and vice versa."""
    verdict = next((k for k, v in obj.items() if isinstance(v, bool) and snake(k) in _VERDICT_KEYS), None)
    if verdict is None:
        return
    ok = bool(obj[verdict])
    for key, value in obj.items():
        name = snake(key)
        if name not in _REASON_KEYS:
            continue
        issues = 0 if ok else 1 + sum(map(ord, str(obj.get(key, "")))) % 3  # stable, no Random needed
        text = "no issues found" if ok else f"{issues} issue{'s' if issues > 1 else ''} found"
        if isinstance(value, list):
            obj[key] = [] if ok else [f"issue {i + 1} of {issues}" for i in range(issues)]
        elif isinstance(value, str):
            obj[key] = text


def _conversion(obj: dict[str, Any]) -> None:
    """`converted = amount × rate` (currency and unit converters)."""
    names = numeric_keys(obj)
    rate = _first(names, "rate", "exchange_rate", "conversion_rate", "fx_rate", contains=("rate",))
    result = _first(names, "converted_amount", "converted", "result", "conversion_result", "to_amount",
                    "converted_value", contains=("converted", "result"))
    amount = _first(names, "amount", "from_amount", "value", "input", "original_amount", "quantity")
    if rate and result and amount and len({rate, result, amount}) == 3:
        set_number(obj, result, obj[amount] * obj[rate])


def _line(obj: dict[str, Any]) -> None:
    """`total = quantity × unit price` on one line."""
    names = numeric_keys(obj)
    qty = _first(names, "quantity", "qty", "units")
    unit = _first(names, "unit_price", "price_per_unit", "unit_cost", "price_each", "price")
    total = _first(names, "line_total", "total", "total_price", "total_amount", "subtotal", "amount")
    if qty and unit and total and len({qty, unit, total}) == 3:
        set_number(obj, total, obj[qty] * obj[unit])


def _sum_of_items(obj: dict[str, Any]) -> None:
    """A total beside a list of priced items is their sum."""
    names = numeric_keys(obj)
    total = _first(names, "subtotal", "total", "total_price", "total_amount", "grand_total", "amount", "total_cost")
    if not total:
        return
    for value in obj.values():
        if isinstance(value, list) and value and all(isinstance(i, dict) for i in value):
            parts = [_first(numeric_keys(i), *_ITEM_MONEY) for i in value]
            if all(parts):
                set_number(obj, total, sum(i[p] for i, p in zip(value, parts) if p))
                return


def _base_plus_tax(obj: dict[str, Any]) -> None:
    """`total = base + tax + fees` when the parts sit beside the total."""
    names = numeric_keys(obj)
    total = _first(names, "total", "grand_total", "total_amount", "total_price")
    base = _first(names, "base", "base_price", "subtotal", "net", "base_fare", "net_amount")
    extras = [k for n, k in names.items() if n in ("tax", "taxes", "vat", "fee", "fees", "service_fee", "shipping")]
    if total and base and extras and total != base:
        set_number(obj, total, obj[base] + sum(obj[k] for k in extras))


def _nutrition(obj: dict[str, Any]) -> None:
    """Energy from the macros: 4 kcal per gram of protein and carbohydrate, 9 per gram of fat."""
    names = numeric_keys(obj)
    energy = _first(names, "calories", "kcal", "energy", "energy_kcal", contains=("calories", "kcal"))
    protein = _first(names, "protein", "proteins", "protein_g")
    carbs = _first(names, "carbs", "carbohydrates", "carbohydrate", "carbs_g", "total_carbohydrate")
    fat = _first(names, "fat", "total_fat", "fat_g", "fats")
    if energy and (protein or carbs or fat):
        grams = [(protein, 4.0), (carbs, 4.0), (fat, 9.0)]
        set_number(obj, energy, sum(obj[k] * f for k, f in grams if k))


def _ranges(obj: dict[str, Any]) -> None:
    """min ≤ max, low ≤ open/close ≤ high, winner's score ≥ loser's (numbers written as text too)."""
    texts = {snake(k): k for k, v in obj.items() if ranged(v) and not num(v)}
    for name, key in texts.items():
        words = name.split("_")
        for lo_word, hi_word in (("min", "max"), ("low", "high"), ("first", "last"), ("start", "end")):
            if lo_word in words:
                other = "_".join(hi_word if w == lo_word else w for w in words)
                if other in texts and float(obj[key]) > float(obj[texts[other]]):
                    obj[key], obj[texts[other]] = obj[texts[other]], obj[key]
    names = numeric_keys(obj)
    for lo_word, hi_word in (("min", "max"), ("low", "high"), ("lowest", "highest"), ("minimum", "maximum"),
                             ("first", "last"), ("start", "end"), ("from", "to"), ("since", "until")):
        for name, key in names.items():
            words = name.split("_")
            if lo_word in words:
                other = "_".join(hi_word if w == lo_word else w for w in words)
                if other in names and obj[key] > obj[names[other]]:
                    obj[key], obj[names[other]] = obj[names[other]], obj[key]
    high, low = names.get("high"), names.get("low")
    if high and low:
        for mid in ("open", "close", "last", "price"):
            if mid in names:
                obj[high] = max(obj[high], obj[names[mid]])
                obj[low] = min(obj[low], obj[names[mid]])
    won = next((k for n, k in names.items() if set(n.split("_")) & {"won", "winner", "win", "home_win"}), None)
    lost = next((k for n, k in names.items() if set(n.split("_")) & {"lose", "lost", "loser", "loss"}), None)
    if won and lost and obj[won] < obj[lost]:
        obj[won], obj[lost] = obj[lost], obj[won]
    for name, key in names.items():
        if set(name.split("_")) & {"percent", "percentage", "pct"} and not 0 <= obj[key] <= 100:
            set_number(obj, key, abs(obj[key]) % 100)


_SIDES = (("home_team", "away_team"), ("home", "away"), ("team1", "team2"), ("team_1", "team_2"),
          ("home_team_name", "away_team_name"))
_MATCH_NAMES = ("event_name", "match_name", "game_name", "name", "title", "fixture", "match")


def _match_name(obj: dict[str, Any]) -> None:
    """The name of a match beside its two sides is "<home> vs <away>"."""
    names = {snake(k): k for k in obj}
    for home, away in _SIDES:
        if home in names and away in names and all(isinstance(obj[names[s]], str) and obj[names[s]]
                                                   for s in (home, away)):
            if obj[names[home]] == obj[names[away]]:  # a side does not play itself
                obj[names[away]] = _other_side(obj[names[away]])
            for key in _MATCH_NAMES:
                if key in names and isinstance(obj[names[key]], str):
                    obj[names[key]] = f"{obj[names[home]]} vs {obj[names[away]]}"
            return


def _other_side(name: str) -> str:
    """Another side than `name`: a side called by its city plays the next largest city of its country
    (a side named otherwise gets its reserves), so one conversation still draws the same pair."""
    home = reference.city(name, other_names=False)
    if home is not None:
        cities = [c.name for c in reference.cities_of(home.country_code)[:10] if c.name != name]
        if cities:
            return cities[0]
    return f"{name} Reserves"


def _home_venue(obj: dict[str, Any]) -> None:
    """A game is played in its home side's city (`Chicago` at home: city Chicago, Chicago Arena)."""
    names = {snake(k): k for k in obj}
    sides = {h: obj[names[h]].get("name") if isinstance(obj[names[h]], dict) else obj[names[h]]
             for h, _ in _SIDES if h in names}
    home = next((v for v in sides.values() if isinstance(v, str)), None)
    row = _home_city(home) if isinstance(home, str) else None
    if row is not None and "city" not in names and isinstance(obj.get(names.get("country", "")), dict):
        # a match whose country is an object (`{code, name}`) is in its home team's country
        where = obj[names["country"]]
        for key, value in list(where.items()):
            if snake(key) in ("code", "country_code", "alpha2") and isinstance(value, str):
                where[key] = row.country_code
            elif snake(key) in ("name", "country_name") and isinstance(value, str):
                where[key] = row.country
        return
    if row is None or "city" not in names:
        return
    city, country = row.city, row.country
    old = obj[names["city"]]
    obj[names["city"]] = city
    if "country" in names and isinstance(obj[names["country"]], str):
        obj[names["country"]] = country
    for key in ("latitude", "lat", "longitude", "lng", "lon"):
        if key in names and num(obj[names[key]]):
            obj[names[key]] = round(row.latitude if key.startswith("lat") else row.longitude, 4)
    for key, value in obj.items():
        if isinstance(value, str) and isinstance(old, str) and old and value.startswith(old + " ") and key != names["city"] \
                and snake(key) in ("arena", "venue", "stadium", "venue_name"):
            obj[key] = city + value[len(old):]
    for key in ("postal_code", "postcode", "zip", "zip_code", "zipcode"):
        if key in names and isinstance(obj[names[key]], str) and old != city:
            # a code written the way the country it moved to writes them (its own digits seed it)
            seed = int("".join(c for c in obj[names[key]] if c.isdigit())[:12] or 0)
            code = make_value("postcode", random.Random(seed), row)
            if isinstance(code, str):
                obj[names[key]] = code


def _home_city(team: str) -> Place | None:
    """The real city a team is named after: the longest run of its first words that names a city
    (`New York City Hawks` → New York City; `Lisbon` → Lisbon)."""
    words = team.split()
    for size in range(len(words), 0, -1):
        found = reference.city(" ".join(words[:size]), other_names=False)
        if found is not None:
            return place_from(found)
    return None
