"""What an endpoint does, as a short verb phrase a person would say: `search the course catalogue`.

Taken from the description when its first clause reads as a command, else from the humanised name;
documentation voice ("for a specific country"), markup, paths and instructions to the caller are
left out, so the phrase can stand in a user's request or an assistant's announcement.
"""

from __future__ import annotations

import re

from datagen.generator.phrases import PARENS, article, humanize
from datagen.registry.models import Endpoint
from wordfreq import zipf_frequency

from datagen.lexicon import DOC_VOICE_WORDS, PREPOSITIONS
from datagen.registry.naming import plain_name, snake

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
    "discover explore browse view display visualize visualise".split()
)
_THIRD = {"returns": "get", "gets": "get", "provides": "get", "retrieves": "retrieve", "fetches": "fetch",
          "lists": "list", "finds": "find", "searches": "search", "shows": "show", "checks": "check",
          "gives": "get", "creates": "create", "sends": "send", "converts": "convert", "calculates": "calculate",
          "generates": "generate", "validates": "validate", "allows": "", "lets": ""}
_LEAD = re.compile(r"^(?:this|the|an?)\s+(?:endpoint|api|tool|service|method|route|function|call)\s+"
                   r"(?:will\s+|can\s+|is used to\s+|helps?\s+(?:you\s+)?(?:to\s+)?)?", re.I)
# A description that instructs the caller ("the pile you want to get information about") says how to
# call the endpoint, not what it does: the name says that better.
_ADDRESSED = re.compile(r"\byou\s+(?:want|need|wish|would|can|must|should|have)\b|\b(?:enter|provide|pass|insert)\s+(?:the|a|an|your)\b", re.I)
_YOU_TO = re.compile(r"^(?:you|users?|developers?)\s+to\s+", re.I)
MAX_INTENT = 90
_DETERMINERS = frozenset("the a an all some any my your their its this these every each".split())
_DANGLING = frozenset("and or the a an of to for with between in on by if is from at as that which".split())
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|\n")
_CLAUSE = re.compile(r"\s*(?:;|:|\s[-–—]+\s|\s--\s|\be\.g\b|\bi\.e\b|\betc\b|\bex\.)", re.I)
_TAIL_CLAUSE = re.compile(r"\s+(?:by (?:providing|passing|specifying|giving|entering|sending|supplying)|based on|"
                          r"using (?:the|a|an|its|their)|via (?:the|a|an)|according to|in order to|so that|"
                          r"with the help of)\b.*$", re.I)
_LONG_CLAUSE = re.compile(r",\s|\s(?:that|which|where|who|whose|when|if|including|like|such as)\s", re.I)
_DANGLING = _DANGLING | frozenset("providing using based like such including via per its their your".split())
INTENT_SOFT_MAX = 60
_USED_TO = re.compile(r"\b(?:used|allows? you|lets? you|helps? you|designed|meant|enables? you)\s+to\s+(\w.{3,})$", re.I)


def _shorten(text: str) -> str:
    if len(text) <= MAX_INTENT:
        words = text.split()
    else:
        words = text[:MAX_INTENT].rsplit(" ", 1)[0].split()
    while len(words) > 2 and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    cut = " ".join(words)
    return cut.rstrip(",;:-—– ")


def _untitle(words: list[str]) -> list[str]:
    """`Generate Password` → `generate password`: Title Case is a heading, not a proper noun; words
    in capitals (`ISBN`, `IP`) keep their case."""
    alpha = [w for w in words if w[:1].isalpha()]
    if len(alpha) >= 2 and all(w[:1].isupper() for w in alpha):
        return [w if (w.isupper() and len(w) > 1) else w.lower() for w in words]
    return [words[0] if words[0].isupper() and len(words[0]) > 1 else words[0].lower()] + words[1:] if words else words


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


def _clause(text: str) -> str:
    """The first sentence and clause of a description, without notes in brackets."""
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    first = PARENS.sub("", first)
    first = re.split(r"\s*[(\[]", first, maxsplit=1)[0]
    first = _CLAUSE.split(first, maxsplit=1)[0]
    first = _TAIL_CLAUSE.sub("", first)
    if len(first) > INTENT_SOFT_MAX:
        match = next((m for m in _LONG_CLAUSE.finditer(first) if len(first[:m.start()].split()) >= 3), None)
        if match is not None:
            first = first[:match.start()]
    return first.strip().rstrip(".!?:,")


def intent(endpoint: Endpoint) -> str:
    """A short verb phrase for what the endpoint does: `search the course catalogue`."""
    text = re.sub(r"\s{2,}", " ", _MARKUP.sub("", _intent(endpoint))).strip()
    text = re.sub(r"\bfor sell\b", "for sale", text)  # a slip of many listings' docs
    return _articles(_VAGUE.sub("the ", _at_point(_by_key(_lower_common(text), endpoint), endpoint)))


_AT_POINT = re.compile(r"\s+at\s+(?:the\s+|a\s+)?(?:coordinates?|geo ?point|lat(?:itude)? ?/? ?l(?:ng|on)g?(?:itude)?)"
                       r"(?:\s+points?)?$", re.I)


def _at_point(text: str, endpoint: Endpoint) -> str:
    """`run a keyword search at the coordinate point` → `run a keyword search`: where a call that
    takes a latitude and a longitude runs is a pair of values the user gives, not words of the wish."""
    concepts = {p.concept for p in endpoint.parameters}
    return _AT_POINT.sub("", text) if {"latitude", "longitude"} <= concepts else text


def _lower_common(text: str) -> str:
    """`get Channel Cumulated Views` → `get channel cumulated views`, `get a Country` → `get a
    country`: capitals on a run of common words, or on a common word right after an article, are a
    heading's; a lone name (`weather in Paris`) and acronyms keep theirs."""
    words = text.split()

    def capital(i: int) -> bool:
        w = words[i] if 0 < i < len(words) else ""
        return w[:1].isupper() and w[1:].islower() and zipf_frequency(w.lower(), "en") >= COMMON_ZIPF

    out = list(words)
    for i in range(1, len(words)):
        if capital(i) and (capital(i - 1) or capital(i + 1) or words[i - 1].lower() in ("a", "an", "the")):
            out[i] = words[i].lower()
    return " ".join(out)


def _by_key(text: str, endpoint: Endpoint) -> str:
    """`get the order by id` → `get the order`: how the API is addressed (by which key) is not part
    of what a person asks for; they give the key as a value."""
    match = re.search(r"\s+by\s+(.+)$", text)
    if match is None:
        return text
    keys = {"id", "ids", "key", "code", "name", "number"} | {w for p in endpoint.parameters for w in snake(p.name).split("_")}
    head = text[:match.start()]
    keys |= {w.lower() for w in head.split()}  # `highlight details by highlight id`
    tail = {w.lower() for w in match.group(1).split()} - {"the", "a", "an", "its", "their", "and"}
    return head if tail and tail <= keys and len(head.split()) >= 2 else text


_MARKUP = re.compile(r"[*`\"“”#]+")  # markdown emphasis and quoted parameter names in descriptions


# "for a specific country": documentation voice; a person says "for the country" (they named it).
_VAGUE = re.compile(r"\b(?:an?|the|any)\s+(?:specific|specified|given|particular|certain|provided|desired|single)\s+", re.I)
_NAME_NOISE = re.compile(r"\{[^}]*\}|\b(?:api|rest|v\d+|json|xml|endpoint)\b", re.I)


_A_BEFORE = re.compile(r"\b([Aa]n?) ([A-Za-z]\w*)")


def _articles(text: str) -> str:
    """`create a offer` → `create an offer` (descriptions are not always proofread)."""
    def fix(m: re.Match[str]) -> str:
        right = article(m.group(2))
        return f"{right[:1].upper() + right[1:] if m.group(1)[:1] == 'A' else right} {m.group(2)}"
    return _A_BEFORE.sub(fix, text)


COMMON_ZIPF = 1.5
"""Zipf frequency (wordfreq) from which a capitalised word inside a phrase is a common word in a
heading (`Country`, `Views`), not a name."""

DESCRIPTION_MAX_WORDS = 7
"""A description clause longer than this reads as documentation: a plain name says it better."""


def _intent(endpoint: Endpoint) -> str:
    from_description = _from_description(endpoint)
    if from_description is not None and (not plain_name(endpoint.name) or (
            len(from_description.split()) <= DESCRIPTION_MAX_WORDS
            and not {w.lower().strip(",.;:") for w in from_description.split()} & DOC_VOICE_WORDS)):
        return from_description
    return _from_name(endpoint)


def _from_description(endpoint: Endpoint) -> str | None:
    """The verb phrase of the description's first clause, or None when it does not start with a verb."""
    first = _YOU_TO.sub("", _LEAD.sub("", _clause(endpoint.description)))
    used = _USED_TO.search(first)
    if used and not _base_verb(first.split()[0]):
        first = used.group(1)  # "Main API endpoint used to generate GIFs" → generate GIFs
    words = first.split()
    if words and "http" not in first and not re.search(r"[{}<>|`=\\]|/\w", first) and not _ADDRESSED.search(first):
        head = words[0].lower()
        if head in _THIRD:
            words = ([_THIRD[head]] if _THIRD[head] else []) + words[1:]
            words = words[1:] if words and words[0].lower() in {"you", "users", "to"} else words
            words = words[1:] if words and words[0].lower() == "to" else words
            head = words[0].lower() if words else ""
        if head in VERBS and len(words) >= 2:
            words = _untitle(words)
            if words[1].lower() == "of":  # "List of domains" is a noun phrase, not a command
                return _shorten("get the " + " ".join(words))
            return _shorten(" ".join(words))
    return None


def _from_name(endpoint: Endpoint) -> str:
    """A verb phrase from the endpoint's name: `team_season_statistics` → get the team season statistics."""
    tokens = humanize(_NAME_NOISE.sub(" ", endpoint.name)).split() or humanize(endpoint.name).split()
    while tokens and re.fullmatch(r"v\d+|\d+", tokens[0]):
        tokens = tokens[1:]  # `2.Getavailablecurrencies`, `v1_list`
    if not tokens:
        return "run the request"
    glued = next((v for v in ("get", "list", "search", "find", "fetch", "create", "update", "delete")
                  if tokens[0].startswith(v) and len(tokens[0]) >= len(v) + 4), None)
    if glued is not None and _base_verb(tokens[0]) is None:
        tokens = [glued, tokens[0][len(glued):]] + tokens[1:]  # `getavailablecurrencies`
    verb = _base_verb(tokens[0], followed=len(tokens) > 1)
    if verb is not None and len(tokens) > 1 and tokens[1].lower() in PREPOSITIONS and tokens[0].lower() != verb:
        return _shorten(f"get the {' '.join(tokens)}")  # `ranking_at_point` names a ranking: no "rank at point"
    if verb is not None:
        rest = tokens[1:]
        if rest and rest[0].lower() == verb:
            rest = rest[1:]  # `get_get_user` → get user
        if rest and verb in ("get", "fetch", "retrieve", "find") and rest[0].lower() not in _DETERMINERS:
            rest = ["the"] + rest  # `getorderbyid` → get the order
        return _shorten(" ".join([verb] + rest)) if rest else f"{verb} the results"
    prep = next((i for i, t in enumerate(tokens) if i > 0 and t.lower() in PREPOSITIONS), None)
    if prep is not None and tokens[prep - 1].lower() in ("search", "lookup", "scan") and prep + 1 < len(tokens):
        what, where = " ".join(tokens[:prep]), " ".join(tokens[prep + 1:])
        return _shorten(f"run {article(what)} {what} {tokens[prep]} the {where}")  # `keyword_search_at_point`
    agent = _agent_verb(tokens[-1])
    if agent is not None and len(tokens) > 1:
        return _shorten(f"{agent} the {' '.join(tokens[:-1])}")  # `vin_decoder` → decode the vin
    if tokens[-1].lower() in ("search", "lookup", "scan", "check") and len(tokens) > 1:
        what = " ".join(tokens)
        return _shorten(f"run {article(what)} {what}")  # `advanced_search` → run an advanced search
    if tokens[0].lower() in {"where", "what", "who", "when", "how", "which", "whether", "is", "can"}:
        return _shorten(f"find out {' '.join(tokens)}")
    if tokens[0].lower() in {"has", "have", "does", "are"} and len(tokens) > 1:
        return _shorten(f"check whether it {' '.join(tokens)}")  # `hasEvents`
    named_after_input = {snake(" ".join(tokens))} & {snake(p.name) for p in endpoint.parameters} | (
        {snake(" ".join(tokens))} & {p.concept for p in endpoint.parameters})
    if named_after_input and endpoint.tool_id:
        # `news_sentiment::url(url)`: the endpoint is named after what it takes; the tool says what it gives
        return _shorten(f"get the {humanize(endpoint.tool_id)} for the {' '.join(tokens)}")
    return _shorten(f"get the {' '.join(tokens)}")
