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

from datagen.registry.models import Endpoint, Parameter, ParamType
from datagen.registry.naming import snake

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
_DANGLING = frozenset("and or the a an of to for with between in on by if is from at as that which".split())
_BARE = frozenset({"from", "to", "since", "until", "start", "end"})

# (city, country, ISO code, currency, lat, lng)
CITIES: list[tuple[str, str, str, str, float, float]] = [
    ("Paris", "France", "FR", "EUR", 48.8566, 2.3522), ("Lisbon", "Portugal", "PT", "EUR", 38.7223, -9.1393),
    ("Berlin", "Germany", "DE", "EUR", 52.52, 13.405), ("Madrid", "Spain", "ES", "EUR", 40.4168, -3.7038),
    ("Rome", "Italy", "IT", "EUR", 41.9028, 12.4964), ("Amsterdam", "Netherlands", "NL", "EUR", 52.3676, 4.9041),
    ("Vienna", "Austria", "AT", "EUR", 48.2082, 16.3738), ("Dublin", "Ireland", "IE", "EUR", 53.3498, -6.2603),
    ("London", "United Kingdom", "GB", "GBP", 51.5074, -0.1278), ("Edinburgh", "United Kingdom", "GB", "GBP", 55.9533, -3.1883),
    ("New York", "United States", "US", "USD", 40.7128, -74.006), ("Chicago", "United States", "US", "USD", 41.8781, -87.6298),
    ("San Francisco", "United States", "US", "USD", 37.7749, -122.4194), ("Austin", "United States", "US", "USD", 30.2672, -97.7431),
    ("Toronto", "Canada", "CA", "CAD", 43.6532, -79.3832), ("Vancouver", "Canada", "CA", "CAD", 49.2827, -123.1207),
    ("Mexico City", "Mexico", "MX", "MXN", 19.4326, -99.1332), ("São Paulo", "Brazil", "BR", "BRL", -23.5505, -46.6333),
    ("Buenos Aires", "Argentina", "AR", "ARS", -34.6037, -58.3816), ("Tokyo", "Japan", "JP", "JPY", 35.6762, 139.6503),
    ("Osaka", "Japan", "JP", "JPY", 34.6937, 135.5023), ("Seoul", "South Korea", "KR", "KRW", 37.5665, 126.978),
    ("Singapore", "Singapore", "SG", "SGD", 1.3521, 103.8198), ("Bangkok", "Thailand", "TH", "THB", 13.7563, 100.5018),
    ("Mumbai", "India", "IN", "INR", 19.076, 72.8777), ("Bangalore", "India", "IN", "INR", 12.9716, 77.5946),
    ("Sydney", "Australia", "AU", "AUD", -33.8688, 151.2093), ("Melbourne", "Australia", "AU", "AUD", -37.8136, 144.9631),
    ("Auckland", "New Zealand", "NZ", "NZD", -36.8485, 174.7633), ("Cape Town", "South Africa", "ZA", "ZAR", -33.9249, 18.4241),
    ("Nairobi", "Kenya", "KE", "KES", -1.2921, 36.8219), ("Cairo", "Egypt", "EG", "EGP", 30.0444, 31.2357),
    ("Istanbul", "Turkey", "TR", "TRY", 41.0082, 28.9784), ("Dubai", "United Arab Emirates", "AE", "AED", 25.2048, 55.2708),
    ("Stockholm", "Sweden", "SE", "SEK", 59.3293, 18.0686), ("Oslo", "Norway", "NO", "NOK", 59.9139, 10.7522),
    ("Copenhagen", "Denmark", "DK", "DKK", 55.6761, 12.5683), ("Zurich", "Switzerland", "CH", "CHF", 47.3769, 8.5417),
    ("Warsaw", "Poland", "PL", "PLN", 52.2297, 21.0122), ("Prague", "Czech Republic", "CZ", "CZK", 50.0755, 14.4378),
]
FIRST = ("Maria Liam Aisha Noah Sofia Mateo Yuki Omar Elena Lucas Priya Ethan Chloe Diego Amara Felix Hana "
         "Jonas Leila Marco Nadia Oscar Rosa Samir Tara Victor Zoe Kenji Ingrid Tomás Fatima Arjun").split()
LAST = ("Lopez Chen Okafor Novak Rossi Müller Tanaka Haddad Silva Kowalski Nguyen Patel Dubois Johansson "
        "García Kim Andersen Moreau Costa Schneider Ibrahim Fischer Reyes Walsh Sato Larsen Mendes Baker").split()
TICKERS = "AAPL MSFT GOOGL AMZN NVDA TSLA META NFLX JPM V KO PEP DIS NKE INTC AMD IBM ORCL SAP BABA".split()
CURRENCIES = "USD EUR GBP JPY CHF CAD AUD SEK NOK INR BRL MXN SGD ZAR".split()
ADJ = "Golden Silver Blue Green Red Royal Urban Quiet Bright Northern Coastal Little Grand Hidden Old".split()
NOUN = "Harbor Pine River Garden Summit Lantern Bridge Maple Meadow Stone Oak Cedar Willow Falcon Comet".split()
COLORS = "red blue green black white orange purple teal".split()
WORDS = ("sunrise velvet harbor quantum maple orbit lantern cobalt meadow ember aurora summit canyon "
         "nebula pebble horizon atlas willow falcon prism delta juniper meridian tundra coral").split()
SENTENCES = [
    "Looking forward to it, see you soon.", "Please confirm the details when you can.",
    "Great work on the last release, thanks everyone.", "Reminder: the meeting moved to Thursday.",
    "Can we review the draft before Friday?", "Thanks for the quick turnaround!",
    "The package arrived in perfect condition.", "Happy to help with the next steps.",
]
TOPICS: list[tuple[str, list[str]]] = [
    ("course learn tutorial class lesson skill", ["python for data analysis", "intro to machine learning", "public speaking", "watercolor basics", "spanish for beginners"]),
    ("recipe food meal dish cook restaurant", ["vegetarian lasagna", "thai green curry", "gluten free pancakes", "sourdough bread"]),
    ("job career hiring employ resume", ["data engineer", "remote ux designer", "product manager", "nurse practitioner"]),
    ("music song artist track album playlist lyric", ["lofi beats", "jazz piano", "Daft Punk", "indie folk"]),
    ("news article headline press", ["climate policy", "electric vehicles", "central bank rates", "space exploration"]),
    ("movie film show series anime tv", ["Inception", "space documentaries", "romantic comedies", "Studio Ghibli"]),
    ("book novel author library", ["science fiction classics", "Dune", "productivity books", "historical fiction"]),
    ("product shop store amazon price buy item", ["wireless earbuds", "standing desk", "running shoes", "espresso machine"]),
    ("video youtube channel stream", ["home workout", "guitar lessons", "travel vlog japan", "react tutorial"]),
    ("stock crypto coin market finance trading", ["tesla", "bitcoin", "renewable energy stocks", "dividend etf"]),
    ("station place location address map city hotel travel airport flight", ["Berlin Hauptbahnhof", "Eiffel Tower", "central station", "Lisbon old town"]),
    ("image photo picture", ["sunset beach", "mountain lake", "city skyline at night"]),
    ("word dictionary definition translate language", ["serendipity", "ephemeral", "resilience"]),
    ("game player team match league sport", ["Real Madrid", "LeBron James", "champions league", "grand slam"]),
    ("domain website url web seo", ["example.com", "open source analytics", "site speed"]),
]
GENERIC_QUERIES = ["best practices", "latest updates", "beginner guide", "top rated", "weekend ideas", "open data"]

GREETINGS = ["", "", "Hi!", "Hello.", "Hey there,", "Hi there —", "Good morning!", "Hey!", "Hello there."]
ASKS = ["Can you {tasks}?", "Could you please {tasks}?", "I need to {tasks}.", "I'd like to {tasks}.",
        "Please {tasks}.", "I'm trying to {tasks}.", "Would you {tasks} for me?", "Help me {tasks}, please.",
        "I want to {tasks}.", "Could you help me {tasks}?", "Is it possible to {tasks}?",
        "I was hoping you could {tasks}."]
JOIN_2 = ["{a} and then {b}", "{a}, then {b}", "first {a}, and after that {b}", "{a} and {b}",
          "{a}; once that's done, {b}"]
JOIN_N = ["{head}, and finally {last}", "first {head}, and then {last}", "{head}, and at the end {last}"]
JOIN_PARALLEL = ["{a} and also {b}", "{a} as well as {b}", "{a} and, at the same time, {b}"]
VALUE_INTROS = ["", "", "For reference, ", "Just so you know, ", "In case it helps, "]
VALUE_ITEMS = ["the {l} is {v}", "the {l} is {v}", "{l}: {v}"]
CONTEXTS = ["", "", "", "It's for some {d} stuff I'm sorting out.", "This is {d}-related.",
            "I'm working on {a_d} task.", "Context: {d}."]
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
FINAL_OPENERS = ["Here's what I found:", "All done.", "Done!", "Everything went through.", "Here are the results.",
                 "That's finished.", "Okay, here's the summary."]
FACTS = ["the {l} is {v}", "{l}: {v}", "{l} {v}"]
FINAL_CLOSERS = ["", "Anything else you need?", "Let me know if you want to change anything.",
                 "Happy to dig further if needed.", "Want me to do anything else with this?"]


def humanize(name: str) -> str:
    """`search_hotels` / `searchHotels` → `search hotels`; `check_in` → `check in`."""
    return " ".join(w for w in snake(name).split("_") if w) or name.strip()


def label(name: str, context: str | None = None) -> str:
    """A readable label for a parameter or field; a bare `id`/`name` gets its noun (`course id`)."""
    words = humanize(name)
    if context and words in {"id", "name", "title", "status", "type", "value", "code"}:
        return f"{humanize(context)} {words}"
    return words


_PARENS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_NOT_A_LABEL = re.compile(r"[:;=<>{}\[\]()|`\"]|\be\.g\b|\bi\.e\b|\bex\b|https?|\d{3,}", re.I)


def plain(text: str) -> str:
    """Text without parenthetical notes (closed or left open) and without a leading article."""
    text = _PARENS.sub("", text)
    text = re.split(r"\s*[(\[]", text, maxsplit=1)[0]
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I).strip()


def param_label(param: Parameter, value: Any = None) -> str:
    """How a person names a parameter: a cryptic name (`o1`, `q`) gives way to a short description
    or the concept."""
    name = snake(param.name)
    desc = plain(param.description.strip().split("\n", 1)[0]).rstrip(".")
    if name in ("id", "ids") and param.concept.endswith("_id") and param.concept != "id":
        return humanize(param.concept)  # `id` of a recipe: the recipe id
    cryptic = len(name) <= 3 or any(c.isdigit() for c in name)
    if (cryptic and 3 < len(desc) <= 40 and not _NOT_A_LABEL.search(desc) and len(desc.split()) <= 6
            and re.search(r"[A-Za-z]{3}", desc)):
        return desc[:1].lower() + desc[1:] if not desc[:2].isupper() else desc
    if len(name) <= 2 and param.concept and len(param.concept) > 2:
        return humanize(param.concept)
    if name in _BARE and (param.type is ParamType.DATE or "date" in param.description.lower()
                          or isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value)):
        return f"{name} date"
    return humanize(param.name)


_ENGLISH = inflect.engine()

# Words of a parameter's documentation, not of a person asking for it ("do NOT edit this field").
DOC_VOICE = re.compile(r"\b(?:not|edit|required|optional|default|example|e\.g|format|field|enter|put|must|should|"
                       r"please|param(?:eter)?|value|string|integer|boolean)\b|[_:=/\[\]{}<>|]", re.I)


def plural(noun: str) -> str:
    """`series` → `series`, `country` → `countries` (inflect)."""
    return str(_ENGLISH.plural_noun(noun)) if noun else noun


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


def _base_verb(token: str) -> str | None:
    """The verb of a name's first token: `search` → search, `getting` → get, `returns` → get."""
    token = token.lower()
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


def _clause(text: str) -> str:
    """The first sentence and clause of a description, without notes in brackets."""
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    first = _PARENS.sub("", first)
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
    return _articles(_VAGUE.sub("the ", text))


_MARKUP = re.compile(r"[*`\"“”#]+")  # markdown emphasis and quoted parameter names in descriptions


# "for a specific country": documentation voice; a person says "for the country" (they named it).
_VAGUE = re.compile(r"\b(?:an?|the|any)\s+(?:specific|specified|given|particular|certain|provided|desired)\s+", re.I)
_NAME_NOISE = re.compile(r"\{[^}]*\}|\b(?:api|rest|v\d+|json|xml|endpoint)\b", re.I)


_A_BEFORE = re.compile(r"\b([Aa]n?) ([A-Za-z]\w*)")


def _articles(text: str) -> str:
    """`create a offer` → `create an offer` (descriptions are not always proofread)."""
    def fix(m: re.Match[str]) -> str:
        right = article(m.group(2))
        return f"{right[:1].upper() + right[1:] if m.group(1)[:1] == 'A' else right} {m.group(2)}"
    return _A_BEFORE.sub(fix, text)


def _intent(endpoint: Endpoint) -> str:
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
    tokens = humanize(_NAME_NOISE.sub(" ", endpoint.name)).split() or humanize(endpoint.name).split()
    while tokens and re.fullmatch(r"v\d+|\d+", tokens[0]):
        tokens = tokens[1:]  # `2.Getavailablecurrencies`, `v1_list`
    if not tokens:
        return "run the request"
    glued = next((v for v in ("get", "list", "search", "find", "fetch", "create", "update", "delete")
                  if tokens[0].startswith(v) and len(tokens[0]) >= len(v) + 4), None)
    if glued is not None and _base_verb(tokens[0]) is None:
        tokens = [glued, tokens[0][len(glued):]] + tokens[1:]  # `getavailablecurrencies`
    verb = _base_verb(tokens[0])
    if verb is not None:
        rest = tokens[1:]
        if rest and rest[0].lower() == verb:
            rest = rest[1:]  # `get_get_user` → get user
        return _shorten(" ".join([verb] + rest)) if rest else f"{verb} the results"
    if tokens[0].lower() in {"where", "what", "who", "when", "how", "which", "whether", "is", "can"}:
        return _shorten(f"find out {' '.join(tokens)}")
    named_after_input = {snake(" ".join(tokens))} & {snake(p.name) for p in endpoint.parameters} | (
        {snake(" ".join(tokens))} & {p.concept for p in endpoint.parameters})
    if named_after_input and endpoint.tool_id:
        # `news_sentiment::url(url)`: the endpoint is named after what it takes; the tool says what it gives
        return _shorten(f"get the {humanize(endpoint.tool_id)} for the {' '.join(tokens)}")
    return _shorten(f"get the {' '.join(tokens)}")


def pick(rng: random.Random, options: Sequence[str]) -> str:
    """One template (a thin wrapper so every draw goes through the conversation's Random)."""
    return options[rng.randrange(len(options))]


def tasks_phrase(intents: list[str], parallel_groups: list[list[str]], rng: random.Random) -> str:
    """The chain as one request: parallel groups joined with 'and also', steps with 'then'."""
    parts: list[str] = []
    for group in parallel_groups:
        if len(group) >= 2:
            parts.append(fill(pick(rng, JOIN_PARALLEL), a=group[0], b=join_words(group[1:])))
        else:
            parts.extend(group)
    parts = parts or intents
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return fill(pick(rng, JOIN_2), a=parts[0], b=parts[1])
    return fill(pick(rng, JOIN_N), head=", ".join(parts[:-1]), last=parts[-1])


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
