"""The words of the conversations: templates, and helpers that turn names into English.

Texts are assembled from independent parts (greeting, request, value listing, context, closing),
each drawn from its own pool with the conversation's seeded Random, so two conversations over
similar chains differ in shape, not only in the values. Endpoint intents come from descriptions
when they read as a command ("Search the course catalogue"), else from the humanised name.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

import inflect
from wordfreq import zipf_frequency

from datagen.registry.models import Parameter, ParamType
from datagen.registry.naming import snake

_BARE = frozenset({"from", "to", "since", "until", "start", "end"})

GREETINGS = ["", "", "Hi!", "Hello.", "Hey there,", "Hi there —", "Good morning!", "Hey!", "Hello there."]
ASKS = ["Can you {tasks}?", "Could you please {tasks}?", "I need to {tasks}.", "I'd like to {tasks}.",
        "Please {tasks}.", "I'm trying to {tasks}.", "Would you {tasks} for me?", "Help me {tasks}, please.",
        "I want to {tasks}.", "Could you help me {tasks}?", "Is it possible to {tasks}?",
        "I was hoping you could {tasks}."]
VALUE_INTROS = ["", "", "For reference, ", "Just so you know, ", "In case it helps, "]
VALUE_ITEMS = ["the {l} is {v}", "the {l} is {v}", "{l}: {v}"]
CLOSINGS = ["", "", "Thanks!", "Thank you.", "Appreciate it!", "Let me know what you find.",
            "Thanks in advance.", "Cheers.", "Thanks a lot."]
QUESTIONS = ["Before I start, could you tell me {what}?", "Sure, I can help with that. What's {what}?",
             "Happy to help — could you share {what} first?", "One thing before I begin: can you give me {what}?",
             "To get started I need a bit more info. What is {what}?", "Got it. Could you let me know {what}?"]
ANSWERS = ["Sure, {values}.", "Of course — {values}.", "Yes: {values}.", "Oh right, {values}. Thanks!",
           "Sorry, forgot that: {values}.", "Good point — {values}.", "Ah, {values}.", "No problem: {values}."]
CALL_FIRST = ["Let me {intent}.", "I'll {intent} now.", "First, I'll {intent}.", "Okay, I'm going to {intent}.",
              "Sure — let me {intent}.", "On it: I'll {intent}.", "Alright, starting to {intent}."]
CALL_GROUNDED = ["Using the {l} {v} from that result, I'll {intent}.", "Got it — {l} {v}. Next I'll {intent}.",
                 "Now I'll {intent} with {l} {v}.", "Next, let me {intent} for {v}.",
                 "That gives me {l} {v}; now I'll {intent}.", "With {v} in hand, I'll {intent}."]
CALL_MEANS = ["To get there, I'll first {intent}.", "First I need to {intent}.",
              "To begin, let me {intent}."]
CALL_NEXT = ["Next, I'll {intent}.", "Now let me {intent}.", "Then I'll {intent}.", "Moving on: I'll {intent}.",
             "Okay, next step — {intent}."]
CALL_PARALLEL = ["I'll {a} and {b} at the same time.", "These don't depend on each other, so I'll {a} and {b} together.",
                 "Let me run two things in parallel: {a}, and {b}.", "I'm going to {a} and, in parallel, {b}."]
FINAL_CLOSERS = ["", "Anything else you need?", "Let me know if you want to change anything.",
                 "Happy to dig further if needed.", "Want me to do anything else with this?"]


def humanize(name: str) -> str:
    """`search_hotels` / `searchHotels` → `search hotels`; `check_in` → `check in`."""
    return " ".join(w for w in snake(name).split("_") if w) or name.strip()


PARENS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_NOT_A_LABEL = re.compile(r"[:;=<>{}\[\]()|`\"]|\be\.g\b|\bi\.e\b|\bex\b|https?|\d{3,}", re.I)


def plain(text: str) -> str:
    """Text without parenthetical notes (closed or left open) and without a leading article."""
    text = PARENS.sub("", text)
    text = re.split(r"\s*[(\[]", text, maxsplit=1)[0]
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I).strip()


def param_label(param: Parameter, value: Any = None) -> str:
    """How a person names a parameter: a cryptic name (`o1`, `q`) gives way to a short description
    or the concept."""
    name = snake(param.name)
    desc = plain(param.description.strip().split("\n", 1)[0]).rstrip(".")
    if name in ("id", "ids") and param.concept.endswith("_id") and param.concept != "id":
        return humanize(param.concept)  # `id` of a recipe: the recipe id
    if param.concept in ("latitude", "longitude"):
        return param.concept  # not "coordinate point latitude value"
    if name in ("before_date", "until_date", "cutoff_date", "date_before"):
        return "cutoff date"  # "the before date is …" is the parameter's name read aloud
    cryptic = len(name) <= 3 or any(c.isdigit() for c in name)
    if (cryptic and 3 < len(desc) <= 40 and not _NOT_A_LABEL.search(desc) and len(desc.split()) <= 6
            and re.search(r"[A-Za-z]{3}", desc) and not DOC_VOICE.search(desc)
            and desc.split()[0].lower() not in _INSTRUCTION_VERBS):
        return desc[:1].lower() + desc[1:] if not desc[:2].isupper() else desc
    if len(name) <= 2 and param.concept and len(param.concept) > 2:
        return humanize(param.concept)
    if name in _BARE and (param.type is ParamType.DATE or "date" in param.description.lower()
                          or isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value)):
        return f"{name} date"
    words = [_ABBREVIATIONS.get(w, w) for w in humanize(param.name).split()]
    if words and value is not None and not isinstance(value, (list, tuple)) and words[-1] in ("ids", "keys", "codes"):
        words[-1] = words[-1][:-1]  # one value: "the league id 787854", not "league ids"
    return " ".join(words)


_INSTRUCTION_VERBS = frozenset("provide specify enter insert give choose select retrieve fetch returns pass "
                               "supply indicate define".split())
"""First words of a description that tells the caller what to do ("Enter any movie name to search"):
an instruction is no name for the value ("what's the enter any movie name to search?")."""


# Short forms in parameter names, said in full ("the page num is 6" reads as the name read aloud).
_ABBREVIATIONS = {"num": "number", "nb": "number", "qty": "quantity", "amt": "amount", "desc": "description",
                  "img": "image", "msg": "message", "addr": "address", "cat": "category", "lang": "language",
                  "dob": "date of birth", "tz": "time zone"}


_ENGLISH = inflect.engine()

# Words of a parameter's documentation, not of a person asking for it ("do NOT edit this field").
DOC_VOICE = re.compile(r"\b(?:not|edit|required|optional|default|example|e\.g|format|field|enter|put|must|should|"
                       r"please|param(?:eter)?|value|string|integer|boolean)\b|[_:=/\[\]{}<>|]", re.I)


def plural(noun: str) -> str:
    """`series` → `series`, `country` → `countries` (inflect)."""
    return str(_ENGLISH.plural_noun(noun)) if noun else noun


def count_noun(noun: str) -> str:
    """The plural a person counts things by ("3 tracks"); "entries" when the word is no noun of
    things (`published`, `0`, `data`, `fbo`, `m`): "I found 3 publisheds", "3 0S", "2 datas" and
    "2 ms" read as code, not speech."""
    words = noun.split()
    last = words[-1] if words else ""
    if not last.isalpha() or len(last) <= 2 or last.endswith(("ed", "ing")) \
            or last in ("data", "info", "information", "details"):
        return "entries"  # a letter or two (`m` of `m_id` → "2 ms") is an abbreviation, not a noun
    many = last if singular_of(last) != last else plural(last)  # `tracks` is a plural already
    if zipf_frequency(many, "en") < COUNT_NOUN_ZIPF:
        return "entries"
    return " ".join([*words[:-1], many])


COUNT_NOUN_ZIPF = 2.5
"""wordfreq bar for the plural a count is said in (`fboes` 0, `browses` 2.1 fail; `tracks` 4.6 passes)."""


def singular_of(noun: str) -> str:
    """`hotels` → `hotel`; a word inflect does not see as plural stays as it is."""
    single = _ENGLISH.singular_noun(noun) if noun else False
    return str(single) if single else noun


def ordinal(number: int) -> str:
    """1 → `first`."""
    return str(_ENGLISH.number_to_words(_ENGLISH.ordinal(str(number))))


def join_words(items: Sequence[str], conj: str = "and") -> str:
    """`a`, `a and b`, `a, b and c`."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def render(value: Any) -> str:
    """A value as a person would write it (never with template braces in it)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(render(v) for v in value[:3])
    if isinstance(value, dict):
        return ", ".join(f"{k} {render(v)}" for k, v in list(value.items())[:3])
    return str(value).replace("{", "(").replace("}", ")")


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


def fill(template: str, **values: Any) -> str:
    """`template` with its `{name}` slots filled; a slot with no value becomes empty, never stays
    a placeholder, and braces inside values cannot reach the text."""
    safe = _Blank({k: str(v).replace("{", "(").replace("}", ")") for k, v in values.items()})
    text = template.format_map(safe)
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", text))
    return text.strip()


def article(phrase: str) -> str:
    """`a` or `an` for the phrase that follows it (inflect: `an hour`, `a user`, `an SMS`)."""
    word = phrase.strip()
    return str(_ENGLISH.a(word)).split(" ", 1)[0] if word else "a"


def pick(rng: random.Random, options: Sequence[str]) -> str:
    """One template (a thin wrapper so every draw goes through the conversation's Random)."""
    return options[rng.randrange(len(options))]


def value_items(pairs: list[tuple[str, Any]], rng: random.Random) -> tuple[str, bool]:
    """`the city is Paris, date: 2026-04-11 and 2 as the guests` (one item style per message),
    and whether the text starts with a raw value (then it must not open a sentence)."""
    item = pick(rng, VALUE_ITEMS)
    return join_words([fill(item, l=lbl, v=stated(v)) for lbl, v in pairs]), item.startswith("{v}")


def stated(value: Any) -> str:
    """A value as the user types it into a request: a list of single tokens (ids, codes) is pasted
    comma-separated, as it would be sent."""
    if isinstance(value, list) and value and all(isinstance(v, (str, int)) and not isinstance(v, bool)
                                                  and len(str(v).split()) == 1 for v in value):
        return ",".join(render(v) for v in value)
    return render(value)


def sentence(text: str) -> str:
    """Capitalised, with a final stop unless it already ends a sentence."""
    text = text.strip()
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def values_phrase(pairs: list[tuple[str, Any]], rng: random.Random) -> str:
    """The user's values as one sentence with an optional lead-in."""
    if not pairs:
        return ""
    body, value_first = value_items(pairs, rng)
    head = pick(rng, VALUE_INTROS[1:] if value_first else VALUE_INTROS)
    return sentence(f"{head}{body}" if head else body)


def assemble(parts: list[str]) -> str:
    """Join message parts; after a greeting ending in `,` or `—` the next part starts lower-case."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out.endswith((",", "—")) and not part.startswith(("I ", "I'")):
            part = part[:1].lower() + part[1:]
        out = f"{out} {part}" if out else part
    return out
