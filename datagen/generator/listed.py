"""Numbers about a list agree with the list: its count, its ranks and places, the shares and
averages of its items, and the paging block beside it.

Why: a reader rejects `comment_count: 7` beside three comments when nothing says more exist, ranks
44, 54 and 58 in a three-item ranking, an average rank below every rank listed. Each rule reads
field names only (generic words: count, total, num, rank, order, average, percent, page …), so it
holds for any API; `generator.agree` applies them object by object, innermost first.
"""

from __future__ import annotations

import re
from typing import Any

from datagen.generator.numeric import num, numeric_keys, set_number
from datagen.registry.naming import singular, snake


_COUNT_KEYS = ("count", "total_count", "total_results", "num_results", "results_count", "result_count",
               "number_of_results", "total_items", "item_count", "items_count", "found", "total")
_MORE = (("has_more", "a flag that more items exist"), ("has_next", "a flag that a next page exists"),
         ("has_next_page", "a flag that a next page exists"), ("more", "a flag that more items exist"),
         ("next", "a link or cursor to the next page"), ("next_page", "the next page's number or link"),
         ("next_cursor", "a cursor to the next page"), ("next_page_token", "a token for the next page"),
         ("next_url", "a link to the next page"), ("total_pages", "more than one page"),
         ("page_count", "more than one page"), ("pages", "more than one page"),
         ("page", "a page after the first"), ("current_page", "a page after the first"),
         ("page_number", "a page after the first"), ("offset", "items skipped before this list"))
"""Paging fields beside a list, each with what it says when more items exist than the list shows."""
_PAGES = frozenset({"total_pages", "page_count", "pages", "page", "current_page", "page_number"})


def more_exist(obj: dict[str, Any]) -> bool:
    """Whether paging fields beside a list say more items exist than it shows."""
    more = dict(_MORE)
    for key, value in obj.items():
        name = snake(key)
        if name not in more or value is None or value in ("", [], {}, False):
            continue
        if value is True or not num(value):
            return True  # a set flag, a link or a cursor to what follows
        if value > (0 if name == "offset" else 1):
            return True  # a second page, more than one page, items skipped before these
    return False


def counted_list(name: str, lists: dict[str, list[Any]]) -> list[Any] | None:
    """The list a count-like name counts: `comments_count`, `comment_count`, `num_comments`,
    `total_comments` beside `comments` (a singular and a plural are one noun)."""
    words = name.split("_")
    for listed, items in lists.items():
        one = singular(listed)
        if listed in words or name in (f"{listed}_count", f"{one}_count", f"num_{listed}", f"number_of_{listed}",
                                       f"total_{listed}", f"{one}_total"):
            return items
    return None


def counts(obj: dict[str, Any]) -> None:
    """`count` (or `<list>_count`, `<item>_count`, `num_<list>`) beside a list is its length, or no
    less than it when paging fields beside it say more exist."""
    lists = {snake(k): v for k, v in obj.items() if isinstance(v, list)}
    objects = [v for v in lists.values() if v and all(isinstance(i, dict) for i in v)]
    if not lists:
        return
    more = more_exist(obj)
    for name, key in numeric_keys(obj).items():
        if isinstance(obj[key], float) or isinstance(obj[key], bool):
            continue
        named = counted_list(name, lists)
        if named is None and name in _COUNT_KEYS and (len(lists) == 1 or len(objects) == 1):
            named = next(iter(lists.values())) if len(lists) == 1 else objects[0]
            if name == "total" and any(isinstance(i, dict) and _priced(i) for i in named):
                continue  # a `total` beside priced items is their sum (`agree._sum_of_items`), not a count
        if named is not None:
            set_number(obj, key, max(obj[key], len(named)) if more else len(named))


def _priced(item: dict[str, Any]) -> bool:
    return any(set(snake(k).split("_")) & {"price", "amount", "cost", "total", "subtotal"} for k in item)


_RANK_KEYS = ("rank", "position", "ranking")


def ranked_items(obj: dict[str, Any], sent: frozenset[str]) -> None:
    """A ranked list runs 1, 2, 3 … in its order; the rank an answer gives beside the list is the one
    of the listed thing the call asked about."""
    for value in obj.values():
        if not (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)):
            continue
        key = next((k for k in value[0] if snake(k) in _RANK_KEYS and num(value[0][k])), None)
        if key is None or not all(num(v.get(key)) for v in value):
            continue
        names = {snake(k) for k in value[0]}
        if names & {"lat", "latitude"} and not names & {"name", "title", "place_id", "id"}:
            continue  # one thing's rank at several points of a map, not a ranking of several things
        ranks = list(range(1, len(value) + 1))  # the places of a result list are its positions
        value.sort(key=lambda v: v[key])
        for item, rank in zip(value, ranks):
            item[key] = rank
        mine = next((v for v in value if sent & {str(x) for x in v.values() if isinstance(x, (str, int))}), None)
        own = next((k for k in obj if snake(k) == snake(key) and num(obj[k])), None)
        if mine is not None and own is not None:
            obj[own] = mine[key]


_SEQUENCE_KEYS = frozenset({"order", "index", "seq", "sequence", "step", "period_number"})


# Lists whose items are parts of one whole, where a bare `number` is the part's place (not a flight's).
_PARTS = frozenset({"periods", "period_results", "rounds", "steps", "instructions", "stages", "sets",
                    "quarters", "halves", "legs", "episodes", "chapters"})


def sequence_numbers(obj: dict[str, Any]) -> None:
    """Items of one list numbered by their place (`periods[].number`, `instructions[].order`) run
    1, 2, 3: never 44, 54 and 58 or the same number twice."""
    for name, value in obj.items():
        if not (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)):
            continue
        keys = _SEQUENCE_KEYS | ({"number"} if snake(name) in _PARTS else set())
        key = next((k for k in value[0] if snake(k) in keys and num(value[0][k])), None)
        if key is not None and all(num(v.get(key)) for v in value):
            for i, item in enumerate(value):
                item[key] = i + 1


def shares(obj: dict[str, Any]) -> None:
    """`found` beside a list whose items say `found: true` counts them, and `found_percent` is their
    share of the list (`top_3_rank_percent`: the share ranked 3 or better)."""
    lists = [v for v in obj.values() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
    if len(lists) != 1:
        return
    items = lists[0]
    for key, value in list(obj.items()):
        name = snake(key)
        if num(value) and not isinstance(value, float) and all(isinstance(i.get(key), bool) for i in items):
            obj[key] = sum(1 for i in items if i.get(key))
        if not (num(value) and name.endswith("_percent")):
            continue
        stem = name.removesuffix("_percent")
        top = re.match(r"^top_(\d+)_rank$", stem)
        if top is not None:
            ranks = [i.get("rank") for i in items if num(i.get("rank"))]
            if ranks:
                set_number(obj, key, 100 * sum(1 for r in ranks if r <= int(top.group(1))) / len(items))
            continue
        count = next((obj[k] for k in obj if snake(k) == stem and num(obj[k])), None)
        if count is not None and count <= len(items):
            set_number(obj, key, 100 * count / len(items))


def averages(obj: dict[str, Any]) -> None:
    """`average_rank` beside a list of items with a `rank` is their mean."""
    lists = [v for v in obj.values() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
    for key, value in obj.items():
        parts = snake(key).split("_")
        if not num(value) or len(parts) < 2 or parts[0] not in ("average", "avg", "mean"):
            continue
        field = "_".join(parts[1:])
        for items in lists:
            numbers = [i[k] for i in items for k in i if snake(k) == field and num(i[k])]
            if len(numbers) == len(items):
                set_number(obj, key, sum(numbers) / len(numbers))
                break


def found_rank(obj: dict[str, Any]) -> None:
    """A thing that has a rank or a position was found: `found` beside a number rank is true."""
    names = numeric_keys(obj)
    found = next((k for k in obj if snake(k) in ("found", "is_found") and isinstance(obj[k], bool)), None)
    if found is not None and any(n in names for n in ("rank", "position", "ranking")):
        obj[found] = True


_PAGING = frozenset({"metadata", "meta", "pagination", "paging", "page_info", "info"})


def page_counts(obj: dict[str, Any]) -> None:
    """A `metadata: {count, total}` beside a list counts that list: count is its length, total no less."""
    lists = [v for v in obj.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    if len(lists) != 1:
        return
    size = len(lists[0])
    for key, value in obj.items():
        if snake(key) in _PAGING and isinstance(value, dict):
            names = numeric_keys(value)
            for name, inner in names.items():
                if name in ("count", "page_count", "results", "returned", "size") and not isinstance(value[inner], float):
                    value[inner] = size
            for name, inner in names.items():
                if name in ("total", "total_count", "total_results") and value[inner] < size:
                    value[inner] = size
