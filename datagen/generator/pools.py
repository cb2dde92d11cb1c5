"""Small fixed pools of values (names, currencies, sentences,
search topics) that the value makers draw from with the conversation's seeded Random.

No pool names a company, a ticker, a coin, a league or a brand: a value of one of those is made
from the field's generic shape (`semantic`), since a list of them would be tuned to the tools read."""

from __future__ import annotations

FIRST = ("Maria Liam Aisha Noah Sofia Mateo Yuki Omar Elena Lucas Priya Ethan Chloe Diego Amara Felix Hana "
         "Jonas Leila Marco Nadia Oscar Rosa Samir Tara Victor Zoe Kenji Ingrid Tomás Fatima Arjun").split()
LAST = ("Lopez Chen Okafor Novak Rossi Müller Tanaka Haddad Silva Kowalski Nguyen Patel Dubois Johansson "
        "García Kim Andersen Moreau Costa Schneider Ibrahim Fischer Reyes Walsh Sato Larsen Mendes Baker").split()
CURRENCIES = "USD EUR GBP JPY CHF CAD AUD SEK NOK INR BRL MXN SGD ZAR".split()
SENTENCES = [
    "Looking forward to it, see you soon.", "Please confirm the details when you can.",
    "Great work on the last release, thanks everyone.", "Reminder: the meeting moved to Thursday.",
    "Can we review the draft before Friday?", "Thanks for the quick turnaround!",
    "The package arrived in perfect condition.", "Happy to help with the next steps.",
]
# Search phrases by topic words of the endpoint; plain topics, never a brand or a title.
TOPICS: list[tuple[str, list[str]]] = [
    ("business local nearby coordinate rank review", ["coffee shop", "pizza restaurant", "dentist", "hair salon", "car repair", "bakery"]),
    ("course learn tutorial class lesson skill", ["python for data analysis", "intro to machine learning", "public speaking", "watercolor basics", "spanish for beginners"]),
    ("recipe food meal dish cook restaurant", ["vegetarian lasagna", "thai green curry", "gluten free pancakes", "sourdough bread"]),
    ("job career hiring employ resume", ["data engineer", "remote ux designer", "product manager", "nurse practitioner"]),
    ("music song artist track album playlist lyric", ["lofi beats", "jazz piano", "summer road trip songs", "indie folk"]),
    ("news article headline press", ["climate policy", "electric vehicles", "central bank rates", "space exploration"]),
    ("movie film show series anime tv", ["heist thrillers", "space documentaries", "romantic comedies", "animated family films"]),
    ("book novel author library", ["science fiction classics", "desert planet novels", "productivity books", "historical fiction"]),
    ("product shop store price buy item", ["wireless earbuds", "standing desk", "running shoes", "espresso machine"]),
    ("video channel stream", ["home workout", "guitar lessons", "travel vlog japan", "web design tutorial"]),
    ("stock crypto coin market finance trading", ["electric car makers", "large cap tech", "renewable energy stocks", "dividend funds"]),
    ("station place location address map city hotel travel airport flight", ["main train station", "old town square", "central station", "riverside park"]),
    ("image photo picture", ["sunset beach", "mountain lake", "city skyline at night"]),
    ("word dictionary definition translate language", ["serendipity", "ephemeral", "resilience"]),
    ("game player team match league sport", ["home team", "top scorers", "season standings", "cup final"]),
    ("domain website url web seo", ["small business website", "open source analytics", "site speed"]),
]
GENERIC_QUERIES = ["best practices", "latest updates", "beginner guide", "top rated", "weekend ideas", "open data"]

