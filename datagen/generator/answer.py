"""The final answer: what the last calls returned, said in words.

Each call's output is said by `generator.facts`; this module puts the parts together: a lead-in
that names which request a part answers ("For the property for rent, …", the same noun phrase the
assistant announced the call with), the outcome of an act that returned only its id, "it found no
…" for an empty list, and the topic the user gave ("Here's what I found for KQZR").
"""

from __future__ import annotations

import random
import re
from typing import Any

from wordfreq import zipf_frequency

from datagen.generator import phrases as ph
from datagen.generator.facts import describe, empty_list, has_content, is_id, is_tally, scalar, scalars_of
from datagen.generator.intent import request as request_of
from datagen.generator.labels import field_label
from datagen.generator.timeline import cutoff_of
from datagen.core.plan import ConversationState
from datagen.lexicon import ENVELOPE_KEYS, PREPOSITIONS
from datagen.registry.naming import GENERIC_CONTAINERS, singular, snake, subject_noun

__all__ = ["describe", "final_answer", "has_content", "is_tally"]

def _subject_of(state: ConversationState, call: int) -> str | None:
    """What one call is about, by its endpoint's name (`getbookbyid` → book)."""
    order = state.plan.call_order()
    if call >= len(order):
        return None
    endpoint = state.plan.endpoints[order[call]]
    return subject_noun(endpoint.name, endpoint.slug)


def _object_of(state: ConversationState, call: int) -> str | None:
    """What a call was asked for, as the object the assistant announced it with (`get the
    property for rent` → the property for rent); None for an act or a generic request."""
    order = state.plan.call_order()
    if call >= len(order):
        return None
    thing = request_of(state.plan.endpoints[order[call]], state.plan.endpoints).thing()
    return thing if thing is not None and len(thing.split()) <= 7 else None


def _head_of(state: ConversationState, call: int) -> str | None:
    """The head noun of a call's endpoint name, its last plain word (`latest_big_deal` → deal,
    `public_trading_records` → record), to name a generic list ("3 deals", not "3 results")."""
    order = state.plan.call_order()
    if call >= len(order):
        return None
    words = [w for w in snake(state.plan.endpoints[order[call]].name).split("_") if w.isalpha()]
    cut = next((i for i, w in enumerate(words) if i > 0 and w in PREPOSITIONS), len(words))
    words = [w for w in words[:cut] if len(w) > 2]  # `property_for_rent` is about a property
    last = singular(words[-1]) if words else None
    return last if last and last not in GENERIC_CONTAINERS and zipf_frequency(last, "en") >= 3.0 else None


def final_answer(state: ConversationState, last_calls: list[int], rng: random.Random,
                 asked: dict[int, list[str]] | None = None) -> str:
    """The closing message over the last group's outputs (one sentence or two per call). For each
    call told by the facts of one thing (not a list, not an item the user picked), the labels of
    those facts go to `asked[call]`, so the opening can ask for what the answer tells."""
    parts: list[str] = []
    said: set[str] = set()  # values an earlier part reported are not reported again
    for call in last_calls:
        if call >= len(state.tool_outputs):
            continue
        sent = {ph.render(v) for v in (state.tool_calls[call].get("parameters") or {}).values()}
        output = state.tool_outputs[call]["output"]
        picked = [item for key, item in sorted(state.choices.items()) if key.split("|", 1)[0] == str(call)]
        if picked:
            output = picked[0]  # the user chose one of these: the answer is about that one, not the list
        several = len(last_calls) > 1
        thing = _object_of(state, call) if several else None
        chosen: list[str] = []
        text = describe(output, sent | said, rng, noun=_subject_of(state, call),
                        head="entry" if thing else _head_of(state, call), chosen=chosen)
        text = _with_cutoff(text, output, state.tool_calls[call].get("parameters") or {})
        if thing and text and not _names_its_request(thing, text):
            # several answers in one message: each says which request it answers (unless it already does)
            first_word = text.split(" ", 1)[0]
            # names keep their capital; a sentence's own first word ("The", a field's label) does not
            lower = first_word in ("The", "It", "A", "An", "There") or first_word.lower() in _label_words(output)
            text = f"For {thing}, {text[:1].lower() + text[1:] if lower else text}"
        if not text and parts and describe(output, sent, random.Random(0)):
            continue  # everything it found was already said
        again = re.match(r"^I found (.+?) \((.+)\)\.$", text)
        if again and again.group(1) in said:  # the same place twice: its new facts, not a second find
            text = f"{again.group(1)} also shows {again.group(2)}."
        said |= {ph.render(v) for _, v in scalars_of(output)}
        if not text:
            # nothing found is said as such, never as a tally or the envelope ("status: ok")
            empty = empty_list(output)
            if isinstance(output, dict) and empty is None:
                text = _outcome(state, call, output)
            elif empty is not None:
                head = _head_of(state, call)
                noun = empty or (ph.count_noun(head) if head else "results")
                text = ph.sentence(f"it found no {noun}")
        if text and text not in parts:  # two calls that answered alike are reported once
            parts.append(text)
            if asked is not None and chosen and not picked:
                asked[call] = chosen
    opener = ph.pick(rng, ["Here's what I found.", "Done.", "All set.", "Here you go.", "Okay, that's done."])
    topic = _topic(state, last_calls)
    if topic and parts:
        opener = f"{opener[:-1]} for {topic}." if opener.startswith("Here") else f"{opener} For {topic}:"
    body = " ".join(parts) if parts else "The request went through, but it returned nothing to report."
    return ph.assemble([opener, body, ph.pick(rng, ph.FINAL_CLOSERS)])


_FAILED = frozenset({"error", "failed", "failure", "fail", "false", "no", "denied", "rejected", "invalid"})


def _outcome(state: ConversationState, call: int, output: dict[str, Any]) -> str:
    """An answer that only says how the request went, said as the outcome of what was asked, with
    the id it made ("The request to book an appointment went through; its appointment id is app_7")."""
    order = state.plan.call_order()
    if call >= len(order):
        return ""
    verdicts = [ph.render(v).lower() for k, v in output.items() if snake(k) in ENVELOPE_KEYS and scalar(v)
                and snake(k) not in ("message", "msg", "request_id", "time_now")]
    failed = any(v in _FAILED for v in verdicts)
    ids = [(k, v) for k, v in output.items() if is_id(k) and scalar(v) and snake(k) != "request_id"]
    req = request_of(state.plan.endpoints[order[call]])
    phrase = req.phrase()
    if req.generic or req.verb in ("get", "find") and not ids or not verdicts and not ids:
        return ""
    if failed:
        return ph.sentence(f"the request to {phrase} did not go through")
    tail = f"; its {field_label(ids[0][0])} is {ph.render(ids[0][1])}" if ids else ""
    return ph.sentence(f"the request to {phrase} went through{tail}")


def _names_its_request(thing: str, text: str) -> bool:
    """Whether a part of the answer already says which request it answers: the request's object
    or its last two words ("the ex dividend date is …" answers "the next ex dividend date")."""
    words = thing.removeprefix("the ").lower().split()
    lower = text.lower()
    return " ".join(words) in lower or len(words) >= 2 and " ".join(words[-2:]) in lower


def _with_cutoff(text: str, output: Any, arguments: dict[str, Any]) -> str:
    """A has-verdict about one side of a date says the date: "it has no events before 2026-05-15",
    not a bare "it has no events" beside the event dates the other calls listed."""
    side = cutoff_of(arguments)
    if side is None or not isinstance(output, dict):
        return text
    for key, value in output.items():
        label = field_label(key)
        if isinstance(value, bool) and label.startswith("has "):
            said = f"it has {'' if value else 'no '}{label[4:]}"
            for head in (said, said[:1].upper() + said[1:]):
                if head in text:
                    return text.replace(head, f"{head} {side[0]} {side[1].isoformat()}", 1)
    return text


def _label_words(output: Any) -> set[str]:
    """The words of every field label in an output (to tell "Starts 2026-06-02" from a name)."""
    words: set[str] = set()
    stack = [output]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                words |= set(field_label(str(key)).split())
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return words


_NUMERIC = re.compile(r"^[-+]?\d")
"""A coordinate or a number is no topic ("Here you go for -57.6574"); nor is a two-letter code ("For en:")."""


def _topic(state: ConversationState, calls: list[int]) -> str | None:
    """What the user asked about, as they said it (a ticker, a search phrase, an email), so the
    answer is about their request: "Here's what I found for KQZR." Only a short value the user stated."""
    stated = {ph.render(v) for k, v in state.user_values.items()}
    for call in calls[:1]:
        if call >= len(state.tool_calls):
            continue
        for name, value in (state.tool_calls[call].get("parameters") or {}).items():
            text = ph.render(value)
            if isinstance(value, str) and text in stated and 3 < len(text) <= 40 and not is_id(name) \
                    and not text.startswith(("http://", "https://")) and not _NUMERIC.match(text):
                return f'"{text}"' if " " in text else text
    return None
