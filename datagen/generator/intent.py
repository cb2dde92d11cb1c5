"""What the user wants from an endpoint, as a short phrase built from what the endpoint returns.

A request names the thing the endpoint gives back: its name read as a noun phrase (modifiers and a
head noun: `stop_sequence_of_trip` → "the stop sequence"), else the first list or object its response
holds, with the verb a person uses for it ("get", "find"); an endpoint that acts (sends, books,
converts) keeps that act on its object ("send the sms"). How the API is addressed (`by id`, `with
username`) is left out: the user gives those as values. The description is never read: its first
clause is documentation ("This endpoint returns…", "Optimize and recommend…") as often as a request.
When the words left are not a plain English noun phrase (a word under the wordfreq plain-word bar,
or a verb as its head), the request falls back to a generic, true one: "look that up".
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Sequence
from typing import NamedTuple

from wordfreq import zipf_frequency

from datagen.generator.glued import field_words, name_words, plain as _plain
from datagen.generator.phrases import article, plural
from datagen.lexicon import (ACTION_VERBS, ENVELOPE_KEYS, GENERIC_CONTAINERS, PREPOSITIONS, REQUEST_ECHO_KEYS,
                             TRAILING_ADJECTIVES, VERSION_WORDS)
from datagen.registry.models import Endpoint
from datagen.registry.naming import singular, snake

VERBS = frozenset(
    "search get find list retrieve fetch look lookup check validate verify send post add create book cancel "
    "convert calculate translate generate enrol enroll track update delete return show download upload "
    "compare schedule subscribe register reserve obtain detect extract analyze analyse predict query "
    "buy order pay rate submit remove set save share publish scan parse resolve identify estimate "
    "recommend suggest summarize summarise read compute count shorten format join start stop "
    "request apply log make purchase capture verify register login logout sign transfer withdraw deposit "
    "upload play pause follow unfollow like unlike block unblock invite accept decline reject approve "
    "assign close open edit modify rename move copy mark archive restore refresh reset test ping "
    "encode decode encrypt decrypt hash sort filter merge split resize crop compress render print "
    "draw classify tag label lookup locate geocode notify remind review confirm complete finish "
    "end begin enable disable activate deactivate connect disconnect sync import export run execute "
    "call charge refund rent hire reply forward redeem claim place transcribe measure monitor watch "
    "solve evaluate rank score match describe explain define spell correct paraphrase rewrite revise "
    "autocomplete suggest predict transform shorten expand recognize recognise take give decode detect "
    "discover explore browse view display visualize visualise sell".split()
)
_THIRD = {"returns": "get", "gets": "get", "provides": "get", "retrieves": "retrieve", "fetches": "fetch",
          "lists": "list", "finds": "find", "searches": "search", "shows": "show", "checks": "check",
          "gives": "get", "creates": "create", "sends": "send", "converts": "convert", "calculates": "calculate",
          "generates": "generate", "validates": "validate", "allows": "", "lets": ""}
def _base_verb(token: str, followed: bool = False) -> str | None:
    """The verb of a name's first token: `search` → search, `getting` → get, `returns` → get; a
    plural before another word is a noun (`rates_stats` is about rates, not "rate stats")."""
    token = token.lower()
    if followed and token.endswith("s") and not token.endswith("ss") and token not in _THIRD and token[:-1] in VERBS:
        return None
    if token in VERBS:
        return token
    if token in _THIRD and _THIRD[token]:
        return _THIRD[token]
    if token.endswith("s") and token[:-1] in VERBS:
        return token[:-1]
    if token.endswith("ing") and len(token) > 5:
        stem = token[:-3]
        for cand in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
            if cand in VERBS:
                return cand
    return None


def _agent_verb(token: str) -> str | None:
    """The verb of a tool noun: `decoder` → decode, `converter` → convert, `validator` → validate."""
    token = token.lower()
    if not token.endswith(("er", "or")) or len(token) < 6:
        return None
    for cand in (token[:-2], token[:-1], token[:-2] + "e", token[:-3] + "e"):
        if cand in VERBS:
            return cand
    return None


# Verbs a person keeps when asking, because the endpoint does something to what they give it (the
# lexicon's acting verbs, plus making and transforming ones); any other leading verb of a name either
# reads (dropped: "get the …") or is a noun there (`stop_sequence`, `rate_stats`).
DOING_VERBS = ACTION_VERBS | frozenset(
    "convert translate calculate compute generate validate verify shorten create upload download compare "
    "track detect predict analyze analyse summarize summarise transcribe encode decode encrypt decrypt "
    "resize compress parse extract geocode classify recognize recognise identify estimate spell paraphrase "
    "rewrite correct format merge split crop render post publish share save update edit rename "
    "solve evaluate check request".split())
LOOKUP_VERBS = frozenset("get retrieve fetch list show return obtain view display give read query lookup look "
                         "search find browse discover explore".split())
"""Verbs of reading: the request is the thing read ("find" for searching verbs, "get" for the rest)."""
_FINDING = frozenset({"search", "find", "browse", "discover", "explore", "lookup", "look"})
# Verbs of VERBS that are nouns as often (`the exchange rate`, `the match`): a head word among
# them is still a noun; any other verb as the last word makes the phrase a command, not a thing.
NOUN_VERBS = frozenset("search list check match rate score rank order review tag label share hash print count "
                       "view display play watch block call charge refund rent hire reply forward claim transfer "
                       "deposit test ping sort filter split crop copy move log sign scan export import record "
                       "report set start stop end post return format place mark run measure monitor "
                       "take read estimate schedule update download upload archive restore sync "
                       "like follow time lookup query book".split())
_VERB_SUFFIX = re.compile(r"\w{4,}(?:ize|ify)$")  # optimize, classify: verbs by their form
_STOP = frozenset("the a an and or all my".split()) | PREPOSITIONS
_ADDRESSING = frozenset({"by", "with", "using", "via", "per", "from"})
_QUESTIONS = frozenset({"where", "what", "who", "when", "how", "which", "whether", "is", "can"})
_HAS = frozenset({"has", "have", "does", "are"})
_ADJECTIVES_ALONE = frozenset({"historical", "full", "short", "detailed", "basic", "general", "main", "other"})
_VAGUE_NOUNS = frozenset({"info", "information", "data", "details", "detail", "list", "news", "summary", "all"})
"""Nouns that say only that something is told, not what: they need the thing named beside them."""
GENERIC = "look that up"
"""The request when the name says nothing plain: true of every endpoint."""


class Request(NamedTuple):
    """A request: a verb and its object noun phrase (`get`, `stop sequence`), or a whole phrase of
    its own (`check whether it has events`); `generic` when nothing plain could be said. `tails` are
    the plain phrases the name addresses it by (`for rent`, `by year`); `told` is the one said,
    chosen only when it tells the endpoint from another said beside it (`request(…, among)`)."""

    verb: str
    noun: str = ""
    whole: str = ""
    generic: bool = False
    tails: tuple[str, ...] = ()
    told: str = ""

    def thing(self) -> str | None:
        """The object as said in a lead-in ("For the property for rent, …"), or None for an act."""
        if self.whole or self.generic or not self.noun or self.verb not in ("get", "find"):
            return None
        return f"the {self.noun} {self.told}" if self.told else f"the {self.noun}"

    def phrase(self) -> str:
        if self.whole:
            return self.whole
        if self.generic or not self.noun:
            return GENERIC
        tail = f" {self.told}" if self.told else ""
        if self.verb in ("get", "find"):
            return f"{self.verb} the {self.noun}{tail}"
        made = self.verb in ("generate", "create", "add", "book", "make", "register", "reserve", "schedule")
        head = self.noun.split()[-1]
        return f"{self.verb} {article(self.noun) if made and singular(head) == head else 'the'} {self.noun}{tail}"


def english_order(words: list[str]) -> list[str]:
    """An endpoint name's words in the order English says them: without version words
    (`product_beta` → product), adjectives it puts last moved before the noun
    (`electricity_price_hourly` → hourly electricity price), and a plural noun that modifies
    another in the singular, as English compounds take it (`properties_estimate` → property estimate).
    A phrase with `and`/`or` is left as it is: its parts are phrases of their own."""
    words = [w for w in words if w not in VERSION_WORDS] or list(words)
    if any(w in ("and", "or") or w in PREPOSITIONS for w in words):
        return words
    moved = 0
    while len(words) > 1 and moved < 2 and words[-1] in TRAILING_ADJECTIVES:
        words = [words[-1], *words[:-1]]
        moved += 1
    return [w if i == len(words) - 1 or w in TRAILING_ADJECTIVES else _modifier(w) for i, w in enumerate(words)]


def _modifier(word: str) -> str:
    """A plural noun before another in the singular, unless the plural is a word of its own as
    often (`earnings`, `sales`, `users`: wordfreq says the singular is not clearly the commoner)."""
    one = singular(word)
    return one if one != word and zipf_frequency(one, "en") >= zipf_frequency(word, "en") + SINGULAR_MARGIN else word


SINGULAR_MARGIN = 0.3  # zipf: `properties` 4.65 → `property` 5.11 is a plural; `earnings` 4.27 / 4.23 is not


def noun_phrase(words: list[str]) -> str | None:
    """The words as a noun phrase (without article), or None when they are not one: a word under
    the plain-word bar, a word twice, or a verb as the head ("optimize and recommend")."""
    words = english_order([w for w in words if w not in ("all", "the", "a", "an")])
    if not words or words[-1] in _STOP or len(words) > 6 or len(set(words)) < len(words):
        return None
    if all(w in TRAILING_ADJECTIVES | _ADJECTIVES_ALONE for w in words):
        return None  # `historical_daily`: adjectives with no noun name nothing a person asks for
    if all(w in _VAGUE_NOUNS - {"news", "summary"} for w in words):
        return None  # `get_list`, `info`: says that something is told, not what
    heads = [words[i - 1] for i, w in enumerate(words) if w in ("and", "or") and i > 0] + [words[-1]]
    for word in words:
        if word not in _STOP and not _plain(word):
            return None
    if any(_verb_head(h) for h in heads):
        return None
    return " ".join(words)


def _verb_head(word: str) -> bool:
    return word in VERBS and word not in NOUN_VERBS or bool(_VERB_SUFFIX.fullmatch(word))


def returned_noun(endpoint: Endpoint) -> str | None:
    """The noun of what the response holds: its first list or object that is not a generic wrapper
    (`reels[]` → reels, `data.user.name` → user), or None."""
    for field in endpoint.response_fields:
        for segment_ in field.path.split(".")[:-1] or field.path.split("."):
            key = snake(segment_.replace("[]", ""))
            if not key or key in GENERIC_CONTAINERS | ENVELOPE_KEYS | REQUEST_ECHO_KEYS:
                continue
            phrase = noun_phrase(key.split("_"))
            if phrase is not None and ("." in field.path):
                return phrase
            break
    return None


@lru_cache(maxsize=8192)
def _from_words(words: tuple[str, ...], many: bool = False, method: str = "GET") -> Request | None:
    """The request a name's words make, or None when they make no plain one."""
    tokens = list(words)
    if not tokens:
        return None
    if tokens[0] in _QUESTIONS and len(tokens) > 1 and noun_phrase(tokens[1:]) is not None or tokens[0] in ("where", "how"):
        return Request("find", whole=f"find out {' '.join(tokens)}") if all(_plain(t) for t in tokens) else None
    if tokens[0] in _HAS and len(tokens) > 1:
        has = noun_phrase(tokens[1:])
        return Request("check", whole=f"check whether it {tokens[0]} {has}") if has else None
    inner = next((i for i, t in enumerate(tokens) if 0 < i < len(tokens) - 1 and _verb_head(t)), None)
    if inner is not None:
        group, tokens = tokens[:inner], tokens[inner:]  # `teams_get_team_by_id`: a group, then what it returns
        if all(t in _VAGUE_NOUNS for t in tokens[1:]) and noun_phrase(group) is not None:
            tokens = tokens[:1] + [singular(t) for t in group] + tokens[1:]  # `matches/get-info` → match info
    cut = next((i for i, t in enumerate(tokens) if i > 0 and t in _ADDRESSING), len(tokens))
    tokens, dropped = tokens[:cut], tokens[cut:]  # `user_reel_with_username`: how it is addressed, not what it is
    verb = _base_verb(tokens[0], followed=len(tokens) > 1)
    if verb is not None and len(tokens) > 1 and tokens[1] == verb:
        tokens = tokens[1:]
    # a verb that is a noun as often (`order_book`, `share_price`) acts only when the call writes
    doing = (verb in DOING_VERBS or verb is not None and verb not in LOOKUP_VERBS) and (
        verb not in NOUN_VERBS or method.upper() != "GET")
    if doing and verb is not None and len(tokens) > 2 and tokens[1] in PREPOSITIONS and tokens[1] not in _ADDRESSING:
        obj = noun_phrase(tokens[2:])  # `enroll_in_course` → enroll in the course
        return Request(verb, whole=f"{verb} {tokens[1]} the {obj}") if obj else None
    if doing and verb is not None and len(tokens) > 1 and tokens[1] not in PREPOSITIONS:
        rest = tokens[1:]
        cut = next((i for i, t in enumerate(rest) if t in PREPOSITIONS and t != "to"), len(rest))
        obj = noun_phrase(rest[:cut])
        return Request(verb, obj, tails=_tails(rest[cut:] + dropped)) if obj else None
    if verb in LOOKUP_VERBS or verb in DOING_VERBS and len(tokens) == 1:
        tokens = tokens[1:]
    elif verb is not None and len(tokens) >= 3 and tokens[0] in VERBS and singular(tokens[-1]) != tokens[-1]:
        tokens, verb = tokens[1:], None  # `filter_german_cities`: how the API narrows a list of cities
    else:
        verb = None  # `stop_sequence`, `ranking_at_point`: a noun phrase from its first word
    if "of" in tokens and all(t in GENERIC_CONTAINERS | {"list", "set", "all"} for t in tokens[:tokens.index("of")]):
        tokens = tokens[tokens.index("of") + 1:]  # `list_of_markets` → markets
    if len(tokens) >= 2 and tokens[-1] in ("search", "lookup", "scan", "check"):
        what = noun_phrase(tokens)
        return Request("run", whole=f"run {article(what)} {what}") if what else None
    if len(tokens) >= 2 and (agent := _agent_verb(tokens[-1])) is not None:
        obj = noun_phrase(tokens[:-1])
        return Request(agent, obj) if obj else None  # `vin_decoder` → decode the vin
    cut = next((i for i, t in enumerate(tokens) if i > 0 and t in PREPOSITIONS), len(tokens))
    if cut < len(tokens) and tokens[cut - 1] in ("search", "lookup", "scan"):
        what = noun_phrase(tokens[:cut])
        return Request("run", whole=f"run {article(what)} {what}") if what else None
    phrase = noun_phrase(tokens[:cut])
    if phrase is None:
        return None
    if many and not {singular(w) != w for w in phrase.split()} - {False} and phrase.split()[-1] not in _VAGUE_NOUNS \
            and not phrase.endswith("ing") and zipf_frequency(plural(phrase.split()[-1]), "en") >= 3.0:
        *mods, head = phrase.split()
        phrase = " ".join(mods + [head if singular(head) != head else plural(head)])  # a list of them
    return Request("find" if verb in _FINDING else "get", phrase, tails=_tails(tokens[cut:] + dropped))


def _tails(dropped: list[str]) -> tuple[str, ...]:
    """The prepositional phrases a name's request left out (`of the day`, `by category`), each a
    plain noun phrase of at most three words."""
    out: list[str] = []
    starts = [i for i, t in enumerate(dropped) if t in PREPOSITIONS] + [len(dropped)]
    for start, end in zip(starts, starts[1:]):
        obj = dropped[start + 1:end]
        if 0 < len([t for t in obj if t not in ("the", "a", "an")]) <= 3 and noun_phrase(obj):
            out.append(" ".join(dropped[start:end]))
    return tuple(out)


def _returns_list(endpoint: Endpoint) -> bool:
    """Whether the response is a list of things (at the top or in a generic wrapper: `results[]`)."""
    first = endpoint.response_fields[0].path if endpoint.response_fields else ""
    head = first.split(".", 1)[0]
    return head.endswith("[]") and snake(head[:-2]) in GENERIC_CONTAINERS | {""}


def request(endpoint: Endpoint, among: Sequence[Endpoint] = ()) -> Request:
    """What a person asks of the endpoint: from its name, else from what it returns, else generic.
    Beside other endpoints (`among`: the conversation's), a request that would read as another's
    says the tail that tells them apart ("find the property for rent")."""
    req = _own_request(endpoint)
    if not req.tails or req.whole or req.generic:
        return req
    for other in among:
        if other.id != endpoint.id:
            theirs = _own_request(other)
            told = [t for t in req.tails if t not in theirs.tails]
            if theirs.phrase() == req.phrase() and told:
                return req._replace(told=told[0])
    return req


def _own_request(endpoint: Endpoint) -> Request:
    spelled = field_words([f.path for f in endpoint.response_fields])
    words = tuple(name_words(endpoint.name, spelled))
    found = _from_words(words, _returns_list(endpoint), endpoint.method)
    if found is not None:
        return found
    noun = returned_noun(endpoint)
    return Request("get", noun) if noun else Request("look up", generic=True)


def intent(endpoint: Endpoint, among: Sequence[Endpoint] = ()) -> str:
    """A short phrase for what the endpoint does, as the assistant announces it: `get the stop
    sequence`, `send the sms`, `look that up`."""
    return request(endpoint, among).phrase()
