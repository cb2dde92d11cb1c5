"""Rubric gate over a final answer that reads field names out as labels: `field_label_answer` (R4/R5).

`final_answer_quality` catches raw keys (`price_min`); session 5's readers also rejected keys spelt
out as words but still read as labels: "For the markets, Starts 2026-06-02", "the top one has starts
2025-12-25", "the price is 440487.17 and price min 374414.09", "can hide category: no and can add fb
group link on profile: yes", "premium 0 and pack items 26". A humanised key that reads as English
("the price is 440,487", "the earnings date is …") is fine. What is read off a key of the outputs:

- a yes/no field read out as `<key words>: yes` (a settings dump, not a sentence);
- `has <key words> <value>` where the key's last word is a plural or verb form (`starts`): the
  field name, not a thing the item has;
- a key whose words end with a qualifier (`price min`, `pack items`, `league ids`, `page num`): the
  order of a field name, never of an English phrase;
- a one-word key spelt with a capital after a comma and followed by its value ("…, Starts
  2026-06-02", "…, Lat 55.68"): a label mid-sentence. Readers passed two-word labels there ("…, Away
  team New York", "…, Ex dividend date 2026-03-30"), which read as a noun phrase.
"""

from __future__ import annotations

import re
from datagen.evaluator.lineage import calls, final_answer, keys, loose
from datagen.evaluator.rubric_base import Record, issue, leaf_paths
from datagen.evaluator.types import Issue
from datagen.registry.naming import snake

# Last words of a field name that qualify the word before them; English puts them first or not at all.
_QUALIFIER_LAST = frozenset({"min", "max", "num", "ids", "items", "pct", "avg", "qty", "cnt"})


def _said(key: str) -> str:
    return " ".join(w for w in snake(key).split("_") if w)


def _values_by_key(record: Record) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for call in calls(record):
        for path, value in leaf_paths(call.output):
            if value is not None and not isinstance(value, (dict, list)):
                found.setdefault(path.rsplit(".", 1)[-1].replace("[]", ""), set()).add(loose(value).lower())
    return found


def _labels(answer: str, record: Record) -> list[str]:
    made = calls(record)
    values = _values_by_key(record)
    flags = {path.rsplit(".", 1)[-1].replace("[]", "") for c in made for path, v in leaf_paths(c.output)
             if isinstance(v, bool)}
    found: list[str] = []
    for key in sorted({k for c in made for k in keys(c.output)}):
        said = _said(key)
        words = said.split()
        if not words or len(said) < 3:
            continue
        spelt = re.escape(said)
        if key in flags:
            hit = re.search(rf"\b{spelt}: (?:yes|no|true|false)\b", answer, re.IGNORECASE)
            if hit:
                found.append(hit.group(0))
        if words[-1].endswith("s") and not words[-1].endswith("ss"):
            hit = re.search(rf"\bhas {spelt} \S", answer)
            if hit:
                found.append(hit.group(0)[:-2])
        if len(words) > 1 and words[-1] in _QUALIFIER_LAST:
            hit = re.search(rf"(?<![\w-]){spelt}(?![\w-])", answer, re.IGNORECASE)
            if hit:
                found.append(hit.group(0))
        capital = re.escape(said[:1].upper() + said[1:])
        for hit in [] if len(words) > 1 else re.finditer(rf", ({capital}) (\S[^,.;]*)", answer):
            if any(hit.group(2).lower().startswith(v) for v in values.get(key, set()) if v):
                found.append(hit.group(1))
                break
    return found


def label_issues(record: Record) -> list[Issue]:
    """`field_label_answer`: the final answer reads field names out as labels."""
    answer = final_answer(record)
    if answer is None:
        return []
    labels = _labels(answer, record)
    if not labels:
        return []
    return [issue("field_label_answer", f"the final answer reads field names as labels: {labels[:3]}")]
