"""The worked examples in the realiser's system prompt: two drafts and their good rewrites.

Why: the rules alone say what a good conversation is; an example shows it, and a model follows an
example more closely than a rule. Each draft has the faults the offline generator's drafts have
(a goal in API words, placeholder values, a lookup that answers about something else, numbers that
disagree, a final answer with debris), and each rewrite fixes them while keeping the structure, the
fixed values and the stated values. Why here, constant, in the system prompt: it makes the shared
prefix (tools + system) long enough for the API to cache it (`prompt.SYSTEM`'s breakpoint), so every
conversation after the first reads it at the cache price instead of paying it again. The services
are invented (a library catalogue, a weather service); nothing here names a tool of the corpus.
"""

from __future__ import annotations

import json
from typing import Any

_LIBRARY_REQUEST: dict[str, Any] = {
    "conversation_id": "example_1",
    "apis": [{"name": "library_catalog::search_by_author", "about": "Search the catalogue for books by one author."},
             {"name": "library_catalog::get_copies",
              "about": "The copies of one book at one branch: how many exist, how many are on the shelf, "
                       "when the next one is due back."}],
    "draft": [
        {"slot": "m0", "role": "user", "text": "Hi. The author is Helen Marsh. I want to get the copies. Thanks."},
        {"slot": "m1", "role": "assistant", "text": "First, let me search by author.",
         "calls": [{"name": "library_catalog::search_by_author", "parameters": {"author": "Helen Marsh"}}]},
        {"slot": "m2", "role": "tool", "name": "library_catalog::search_by_author",
         "output": {"author": "Marsh", "books": [{"book_id": "bk_20417", "title": "Title", "year": 2025, "pages": 0},
                                                 {"book_id": "bk_18830", "title": "Title", "year": 2025, "pages": 0}],
                    "count": 5}},
        {"slot": "m3", "role": "assistant", "text": "Could you share the branch?"},
        {"slot": "m4", "role": "user", "text": "Sure, the branch is Northgate."},
        {"slot": "m5", "role": "assistant", "text": "That gives me book id bk_20417; now I'll get the copies.",
         "calls": [{"name": "library_catalog::get_copies", "parameters": {"book_id": "bk_20417", "branch": "Northgate"}}]},
        {"slot": "m6", "role": "tool", "name": "library_catalog::get_copies",
         "output": {"book_id": "bk_20417", "branch": "Central", "copies_total": 2, "copies_on_shelf": 3,
                    "copies_on_loan": 4, "next_due": "string"}},
        {"slot": "m7", "role": "assistant", "text": "All set. Title: the copies total is 2."},
    ],
    "fixed": [{"slot": "m2", "path": "books[].book_id", "value": "bk_20417", "used_by": "call 1 argument book_id"}],
    "stated": [{"slot": "m0", "value": "Helen Marsh"}, {"slot": "m4", "value": "Northgate"}],
    "schema": {"type": "object", "additionalProperties": False, "required": [f"m{i}" for i in range(8)], "properties": {
        "m0": {"type": "string", "minLength": 1, "description": "the user's opening goal"},
        "m1": {"type": "string", "minLength": 1, "description": "the assistant's turn before its call(s)"},
        "m2": {"type": "object", "additionalProperties": False, "description": "the answer of library_catalog::search_by_author",
               "properties": {"author": {"type": "string"}, "count": {"type": "integer", "description": "books returned"},
                              "books": {"type": "array", "items": {"type": "object", "additionalProperties": False,
                                                                   "properties": {"book_id": {"type": "string"},
                                                                                  "title": {"type": "string"},
                                                                                  "year": {"type": "integer"},
                                                                                  "pages": {"type": "integer"}}}}}},
        "m3": {"type": "string", "minLength": 1, "description": "the assistant's question"},
        "m4": {"type": "string", "minLength": 1, "description": "the user's reply"},
        "m5": {"type": "string", "minLength": 1, "description": "the assistant's turn before its call(s)"},
        "m6": {"type": "object", "additionalProperties": False, "description": "the answer of library_catalog::get_copies",
               "properties": {"book_id": {"type": "string"}, "branch": {"type": "string"},
                              "copies_total": {"type": "integer"}, "copies_on_shelf": {"type": "integer"},
                              "copies_on_loan": {"type": "integer"},
                              "next_due": {"type": "string", "description": "date the next copy is due back"}}},
        "m7": {"type": "string", "minLength": 1, "description": "the assistant's final answer"}}},
}

_LIBRARY_ANSWER: dict[str, Any] = {"messages": [
    {"slot": "m0", "text": "Hi! I'd like to borrow Helen Marsh's newest novel. Could you check whether a copy is on "
                           "the shelf at my branch?"},
    {"slot": "m1", "text": "Sure, let me look up her books first."},
    {"slot": "m2", "output": {"author": "Helen Marsh", "books": [
        {"book_id": "bk_20417", "title": "The Salt Road", "year": 2021, "pages": 342},
        {"book_id": "bk_18830", "title": "Winter Harbour", "year": 2017, "pages": 296}], "count": 2}},
    {"slot": "m3", "text": "Her newest is The Salt Road, from 2021. Which branch would you pick it up from?"},
    {"slot": "m4", "text": "Northgate, please, it's the closest to me."},
    {"slot": "m5", "text": "Let me see how many copies Northgate has on the shelf."},
    {"slot": "m6", "output": {"book_id": "bk_20417", "branch": "Northgate", "copies_total": 3, "copies_on_shelf": 1,
                              "copies_on_loan": 2, "next_due": "2025-03-14"}},
    {"slot": "m7", "text": "Good news: The Salt Road (2021) has 1 of its 3 copies on the shelf at Northgate right "
                           "now. The other 2 are on loan, and the next one is due back on 14 March 2025."},
]}

_LIBRARY_NOTES = """What the rewrite did, and why:
- m0 states a goal a person has (borrow the newest book, find a copy) in plain words, and states "Helen \
Marsh", the value `stated` lists for m0. "Northgate" is listed for m4, so the opening does not name the branch \
and the question in m3 has a reason to be asked.
- m1 and m5 say what the assistant is about to do in everyday words; they never name an API, an endpoint, a \
parameter or an id the user does not care about ("book id bk_20417" is gone from m5).
- m2 keeps the fixed value: "bk_20417" is still at books[].book_id, because the next call sends it. The search \
was for "Helen Marsh", so the answer's author is "Helen Marsh" (a lookup of X returns X). Placeholders became \
believable values: real-sounding titles, years in the past, page counts a novel has. `count` is the number of \
books listed, so it is 2, not 5. The first book is the newest, so the user's choice of it in m3 and m4 follows \
from what the search returned.
- m3 asks only for what the next call needs (the branch), and uses the search's answer (the title and year).
- m4 states "Northgate" as a person would.
- m6 answers about what was asked: book bk_20417 at branch Northgate (the draft said "Central"). Its numbers \
agree with each other: 1 on the shelf plus 2 on loan makes the 3 copies in total (the draft had 3 on the shelf \
of 2). The date is a real date in the right format.
- m7 answers the goal with values the outputs returned (title, year, 1 of 3, Northgate, 2 on loan, 14 March \
2025) and adds nothing they did not return."""

_WEATHER_REQUEST: dict[str, Any] = {
    "conversation_id": "example_2",
    "apis": [{"name": "weather_service::find_place", "about": "Find a place by name: its coordinates and country."},
             {"name": "weather_service::daily_forecast", "about": "Daily forecast for a point, for a number of days."}],
    "draft": [
        {"slot": "m0", "role": "user", "text": "Hello. The name is Lyon and the days is 3. I want to get the daily forecast."},
        {"slot": "m1", "role": "assistant", "text": "To begin, let me find the place.",
         "calls": [{"name": "weather_service::find_place", "parameters": {"name": "Lyon"}}]},
        {"slot": "m2", "role": "tool", "name": "weather_service::find_place",
         "output": {"name": "Lyon", "country_code": "DE", "latitude": 45.764, "longitude": 4.8357}},
        {"slot": "m3", "role": "assistant", "text": "Now I'll get the daily forecast.",
         "calls": [{"name": "weather_service::daily_forecast",
                    "parameters": {"latitude": 45.764, "longitude": 4.8357, "days": 3}}]},
        {"slot": "m4", "role": "tool", "name": "weather_service::daily_forecast",
         "output": {"latitude": 12.5, "longitude": 4.8357, "unit": "celsius", "days": [
             {"date": "2025-06-10", "min_temp": 24, "max_temp": 13, "rain_mm": -2},
             {"date": "2025-06-10", "min_temp": 15, "max_temp": 26, "rain_mm": 0}]}},
        {"slot": "m5", "role": "assistant", "text": "Done. The forecast is: {'days': [...]}. It will be sunny."},
    ],
    "fixed": [{"slot": "m2", "path": "latitude", "value": 45.764, "used_by": "call 1 argument latitude"},
              {"slot": "m2", "path": "longitude", "value": 4.8357, "used_by": "call 1 argument longitude"}],
    "stated": [{"slot": "m0", "value": "Lyon"}, {"slot": "m0", "value": 3}],
    "schema": {"type": "object", "additionalProperties": False, "required": [f"m{i}" for i in range(6)], "properties": {
        "m0": {"type": "string", "minLength": 1, "description": "the user's opening goal"},
        "m1": {"type": "string", "minLength": 1, "description": "the assistant's turn before its call(s)"},
        "m2": {"type": "object", "additionalProperties": False, "description": "the answer of weather_service::find_place",
               "properties": {"name": {"type": "string"}, "country_code": {"type": "string"},
                              "latitude": {"type": "number"}, "longitude": {"type": "number"}}},
        "m3": {"type": "string", "minLength": 1, "description": "the assistant's turn before its call(s)"},
        "m4": {"type": "object", "additionalProperties": False, "description": "the answer of weather_service::daily_forecast",
               "properties": {"latitude": {"type": "number"}, "longitude": {"type": "number"},
                              "unit": {"type": "string"},
                              "days": {"type": "array", "items": {"type": "object", "additionalProperties": False,
                                                                  "properties": {"date": {"type": "string"},
                                                                                 "min_temp": {"type": "number"},
                                                                                 "max_temp": {"type": "number"},
                                                                                 "rain_mm": {"type": "number"}}}}}},
        "m5": {"type": "string", "minLength": 1, "description": "the assistant's final answer"}}},
}

_WEATHER_ANSWER: dict[str, Any] = {"messages": [
    {"slot": "m0", "text": "I'm in Lyon from Tuesday. What will the weather be like for the next 3 days?"},
    {"slot": "m1", "text": "Let me find Lyon first."},
    {"slot": "m2", "output": {"name": "Lyon", "country_code": "FR", "latitude": 45.764, "longitude": 4.8357}},
    {"slot": "m3", "text": "Got it. Now the forecast for the next three days there."},
    {"slot": "m4", "output": {"latitude": 45.764, "longitude": 4.8357, "unit": "celsius", "days": [
        {"date": "2025-06-10", "min_temp": 14, "max_temp": 24, "rain_mm": 0},
        {"date": "2025-06-11", "min_temp": 15, "max_temp": 26, "rain_mm": 0},
        {"date": "2025-06-12", "min_temp": 16, "max_temp": 22, "rain_mm": 6}]}},
    {"slot": "m5", "text": "In Lyon it looks warm: 14 to 24 °C on 10 June and 15 to 26 °C on 11 June, both dry. "
                           "12 June is cooler, 16 to 22 °C, with about 6 mm of rain, so pack an umbrella for that day."},
]}

_WEATHER_NOTES = """What the rewrite did, and why:
- m0 states both listed values, "Lyon" and 3, inside a real reason to ask ("the next 3 days"), not as \
"the days is 3".
- m2 keeps the fixed latitude and longitude exactly (the next call sends them) and makes the rest agree with the \
real world: Lyon is in France, so its country code is "FR", not "DE".
- m4 answers about the point that was asked for: its latitude is the one sent (45.764, not 12.5). The call \
asked for 3 days, so there are 3 days, on 3 consecutive dates. Each minimum is below its maximum, rain is never \
negative, and all temperatures are in the one unit the answer names.
- m5 quotes what the forecast returned, day by day, in the answer's unit, and invents nothing: the forecast has \
no sky condition, so the rewrite does not say "sunny"; it says "dry" where the rain is 0 mm. No dict or list \
debris is left in the text."""


_CHECKS = """HOW AN ANSWER IS CHECKED. Every answer is read as slot -> value and checked by a program before \
it is used; an answer that fails is sent back once with the list of what failed, and you answer again with the \
whole conversation corrected. The checks, and what each asks of you:
- The answer's shape: one item per slot, no slot twice, no slot the draft lacks; `text` for a user or assistant \
slot, `output` for a tool slot. Each output fits its slot's schema in `schema`: only the keys it names, each of \
its type (an integer is written 3, not "3" or 3.0; a list stays a list, even of one item).
- The calls: the assistant's calls and their arguments are not yours to change; they are not even part of your \
answer. Write the turns so the calls make sense where they are.
- Fixed values: each value under `fixed` appears, exactly as given, at its path in that slot's output (for a \
path through a list, `books[].book_id`, in at least one item; keep it in the item the story needs).
- Stated values: each value under `stated` appears, as written, in that user slot's text.
- The structure: a question is answered before the call that needs the answer; nothing asked is left \
unanswered.
- A reader's gates, the ones the draft itself passes, each named in a failed check by its gate:
  lookup_mismatch: an output about something other than what was asked (a lookup of X must return X).
  conflicting_facts: one id with two names, addresses or categories, in one list or across outputs; or one \
clock running backwards or jumping days between calls.
  count_mismatch: one thing with two counts, or a count or share that disagrees with the items it counts.
  filter_mismatch: a list whose items contradict the call's range ends or filters (a price above the maximum \
asked for), or an item's own range ends.
  inverted_range: the two ends of one range the wrong way round (a minimum above its maximum, an end before its \
start).
  timeline_order / timestamp_mismatch: numbered parts of one thing out of time order, or two fields of one \
object naming one moment days apart.
  wrong_type: a flag that is not a boolean, a count or amount that is not a number, a date that does not parse.
  filler_value: a placeholder ("string", "Title", "N/A", "name_1") or a lone common word where a real name, \
place, address or code belongs.
  filler_text: a text that describes a stored row ("A book record from the catalogue, last updated 2022") \
instead of saying something.
  made_name: a name made by gluing a surname to the item's kind ("Marsh Book").
  opaque_code / code_as_name: an invented code in a field that names no code; a lookup by a code that answers \
with the code as the thing's name.
  repeated_item / copied_answer: one item listed twice under two ids; two different APIs answering the very \
same payload.
  hollow_output: an answer of nothing but an id, a name and the inputs echoed back, or an API named for a text \
(a review, a summary) answering no sentence.
  turn_debris: API names, parameter names, ids the user never saw, markdown or description residue in a turn.
  unchosen_action: acting on one item of a list the user never picked (the user's reply must name it).
  final_answer_quality / field_label_answer: a final answer that quotes none of the last outputs' values, lists \
raw keys or reads keys as labels ("has starts"), or gives only ids and storage times."""


def _block(title: str, request: dict[str, Any], answer: dict[str, Any], notes: str, note: str, tool: str) -> str:
    return (f"{title}\nThe request's text:\n{note}{json.dumps(request, ensure_ascii=False)}\n\n"
            f"A good answer (the input of the {tool} tool):\n{json.dumps(answer, ensure_ascii=False)}\n\n{notes}")


def worked_examples(note: str, tool: str) -> str:
    """How an answer is checked (the gates a retry names), then both examples as the system prompt shows them: each request written as a real one is (`note`
    then the JSON), a good answer as the tool's input, and what the rewrite changed and why."""
    return "\n\n".join([
        _CHECKS,
        _block("EXAMPLE 1: a library lookup with a question to the user.", _LIBRARY_REQUEST, _LIBRARY_ANSWER,
               _LIBRARY_NOTES, note, tool),
        _block("EXAMPLE 2: a place, then a forecast that uses its coordinates.", _WEATHER_REQUEST, _WEATHER_ANSWER,
               _WEATHER_NOTES, note, tool),
    ])
