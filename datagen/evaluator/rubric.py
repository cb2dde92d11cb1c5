"""The rubric gates of the offline judge: each rule a careful reader applies, as a named check.

Issue 9's readers rejected 83 of 85 conversations the score-only judge passed; these gates look for
what they saw, over the record and its lineage (`metadata.argument_sources`), and each failing gate
is named in `judge_scores.failed_gates` and counted in `evaluation_report.json`. The checks live in
`rubric_links` (between calls), `rubric_values` (within a call, with `value_rules`) and `prose` (turns):

- `scope_crossing` (R2): an identifier minted by one service sent to an unrelated tool. With the
  registry view (`endpoints`) the one link rule `registry.scope.may_link` decides, so the judge and
  the graph agree; without it, another tool id (the part before `::`) is another service. Also one
  value sent as two kinds of id (a player id passed as a problem id).
- `inverted_range` (R2): the two ends of one range the wrong way round (`min_price` above
  `max_price`, `check_out` before `check_in`).
- `wrong_type` (R3): `is_*`/`has_*`/`valid*` not a boolean, a count or amount not a number, a date
  that does not parse, in an output or an argument.
- `filler_value` (R3): a placeholder (`string`, `lorem`, `N/A` …) or a lone common word where a
  name, place, time zone, address or code is expected.
- `lookup_mismatch` (R3): a call given an identifier answers about another one.
- `hollow_output` (R3): a call about one thing answers with nothing but an id, a name and its own
  inputs echoed back (`get_weather(city)` → `{weather_id, name, city}`), where the registry does not
  document that shape.
- `turn_debris` (R5): API names, identifiers, markdown or description residue in a user or
  assistant turn.
- `unchosen_action` (R2): an action (buy, book, delete, send …) on one item of a list the user
  never chose: no user turn between the list and the action names the item; also an argument
  taken from one of two sibling objects (`match.awayTeam.id` beside `match.homeTeam.id`) that no
  user turn told apart.
- `final_answer_quality` (R4): a final answer that quotes none of the last outputs' values, lists
  raw keys, or quotes only ids, storage times, made names and texts about a stored row.

The second read-audit added (in `rubric_links` and `rubric_made`): `unasked_step` (R1, a call
nobody asked for whose answer nothing uses), `default_subject` (R2, what a call is about filled by
a default nobody gave), `filler_text` (R3, a text about a stored row, or a line of chat in a field
that tells a thing), `made_name` (R3, "Smith Review"), `opaque_code` (R3/R2, `8G23153` where a word
belongs), `repeated_item` (R3, one item listed twice under two ids), and `hollow_output` for an
endpoint named for a text that answers no sentence; `turn_debris` also reads description phrases
in user turns ("the pile you want to get information about").

Session 4's read-audit added (in `rubric_filters`): `filter_mismatch` (R3, a list answer whose items
contradict the call's range ends or id filters, or an item's own range ends) and `stuffed_filters`
(R2, optional filters copied from earlier outputs the user never pointed at); in `rubric_facts`,
`conflicting_facts` (R3, one id with two names, addresses or categories in one list or across
calls, or one server's clock running backwards or jumping days between calls).

Session 4's second read-audit added (in `rubric_copies`): `copied_answer` (R3, two different endpoints
answering one byte-identical payload) and `code_as_name` (R3, a lookup by a code answering with that
code as the thing's name: a country named "EUR").

Session 5's read-audit added (in `rubric_times`, `rubric_counts`, `rubric_labels`):
- `timeline_order` (R3): numbered parts of one thing out of time order (period 2 settled before period 1),
  or off their parent's start (a cutoff after the event starts, a period settled weeks after it).
- `timestamp_mismatch` (R3): two fields of one object naming one moment days apart (`taken_at` epoch
  2026-05-25 beside `device_timestamp` 2026-04-01), or a caption created weeks after its post.
- `count_mismatch` (R3): one entity with two counts (`pack_items` 12 for pack 255675, 26 on its icons),
  a grid of size 3 answering other than 9 points, `found_percent` 100 beside `found` 2 of 9.
- `field_label_answer` (R5): the final answer reads keys as labels ("…, Starts 2026-06-02", "has starts",
  "price min 374414.09", "can hide category: no").
"""

from __future__ import annotations

from datagen.evaluator.lineage import calls, final_answer
from datagen.evaluator.prose import debris, final_answer_problems, read_aloud, record_values
from datagen.evaluator.rubric_base import RUBRIC_GATES, Endpoints, Record, issue
from datagen.evaluator.rubric_links import (action_issues, consistency_issues, default_issues, identity_issues,
                                            lookup_issues, scope_issues, unasked_issues)
from datagen.evaluator.rubric_copies import code_name_issues, copied_issues
from datagen.evaluator.rubric_counts import count_issues
from datagen.evaluator.rubric_facts import fact_issues
from datagen.evaluator.rubric_filters import filter_issues, stuffed_issues
from datagen.evaluator.rubric_labels import label_issues
from datagen.evaluator.rubric_made import (filler_text_issues, made_name_issues, opaque_code_issues,
                                           repeated_item_issues, wordless_issues)
from datagen.evaluator.rubric_times import timeline_issues, timestamp_issues
from datagen.evaluator.rubric_values import hollow_issues, range_issues, value_issues
from datagen.evaluator.rubric_words import USER_DEBRIS
from datagen.evaluator.types import Issue

__all__ = ["RUBRIC_GATES", "action_issues", "code_name_issues", "consistency_issues", "copied_issues", "count_issues",
           "default_issues", "fact_issues", "failed_rules", "filler_text_issues", "filter_issues", "hollow_issues",
           "identity_issues", "label_issues", "lookup_issues", "made_name_issues", "opaque_code_issues",
           "range_issues", "repeated_item_issues", "rubric_issues", "scope_issues", "stuffed_issues", "text_issues",
           "timeline_issues", "timestamp_issues", "unasked_issues", "value_issues", "wordless_issues"]


def text_issues(record: Record) -> list[Issue]:
    """`turn_debris` in user and assistant turns, and `final_answer_quality` of the closing answer."""
    made = calls(record)
    values = record_values(made)
    messages = [m for m in record.get("messages") or [] if isinstance(m, dict)]
    answer = final_answer(record)
    found: list[Issue] = []
    for i, m in enumerate(messages):
        if m.get("role") not in ("user", "assistant") or not str(m.get("content") or "").strip():
            continue
        final = answer is not None and i == len(messages) - 1
        bad = debris(str(m.get("content")), made, values, final)
        if m.get("role") == "user":  # a user speaks of their own request, never of "the pile you want"
            bad += [f"description residue {p!r}" for p in USER_DEBRIS if p in str(m.get("content")).lower()]
            bad += read_aloud(str(m.get("content")), made)
        if bad:
            found.append(issue("turn_debris", f"message {i} ({m.get('role')}): {'; '.join(bad[:3])}"))
    if answer is not None and made:
        problems = final_answer_problems(answer, made)
        if problems:
            found.append(issue("final_answer_quality", "the final answer " + "; ".join(problems)))
    return found


def rubric_issues(record: Record, endpoints: Endpoints | None = None) -> list[Issue]:
    """Every rubric gate's problems, in the order of `RUBRIC_GATES`."""
    found = (unasked_issues(record) + scope_issues(record, endpoints) + identity_issues(record, endpoints)
             + default_issues(record) + range_issues(record) + value_issues(record, endpoints)
             + filler_text_issues(record) + made_name_issues(record) + opaque_code_issues(record, endpoints)
             + lookup_issues(record, endpoints) + consistency_issues(record) + repeated_item_issues(record)
             + hollow_issues(record, endpoints) + wordless_issues(record) + filter_issues(record, endpoints)
             + fact_issues(record, endpoints) + timeline_issues(record) + timestamp_issues(record)
             + count_issues(record) + copied_issues(record) + code_name_issues(record)
             + stuffed_issues(record, endpoints) + text_issues(record) + action_issues(record)
             + label_issues(record))
    return sorted(found, key=lambda i: RUBRIC_GATES.index(i.kind))


def failed_rules(issues: list[Issue]) -> list[str]:
    """The rubric gates among `issues`, once each, in the order of `RUBRIC_GATES`."""
    kinds = {i.kind for i in issues}
    return [g for g in RUBRIC_GATES if g in kinds]
