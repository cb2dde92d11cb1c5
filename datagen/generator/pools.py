"""Small fixed pools of values (cities with their country and currency, names, currencies, sentences,
search topics) that the value makers draw from with the conversation's seeded Random.

No pool names a company, a ticker, a coin, a league or a brand: a value of one of those is made
from the field's generic shape (`semantic`), since a list of them would be tuned to the tools read."""

from __future__ import annotations

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

# Two-letter US state codes (a location written `Detroit_MI` is a US city).
US_STATES = frozenset("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
                      "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split())

# The state of each US city of the table (a location key is written `Chicago_IL`).
US_CITY_STATES: dict[str, str] = {"New York": "NY", "Chicago": "IL", "San Francisco": "CA", "Austin": "TX"}

# Postal code patterns of the table's cities (`#` a digit, `?` a capital letter).
POSTCODES: dict[str, str] = {
    "Paris": "750##", "Lisbon": "1###-###", "Berlin": "10###", "Madrid": "280##", "Rome": "001##",
    "Amsterdam": "10## ??", "Vienna": "1###", "Dublin": "D0# ?###", "London": "W1? #??", "Edinburgh": "EH# #??",
    "New York": "100##", "Chicago": "606##", "San Francisco": "941##", "Austin": "787##", "Toronto": "M#? #?#",
    "Vancouver": "V#? #?#", "Mexico City": "06###", "São Paulo": "01###-###", "Buenos Aires": "C1###???",
    "Tokyo": "1##-####", "Osaka": "5##-####", "Seoul": "0####", "Singapore": "######", "Bangkok": "10###",
    "Mumbai": "4000##", "Bangalore": "5600##", "Sydney": "2000", "Melbourne": "3000", "Auckland": "10##",
    "Cape Town": "80##", "Nairobi": "00100", "Cairo": "11###", "Istanbul": "34###", "Dubai": "00000",
    "Stockholm": "1## ##", "Oslo": "0###", "Copenhagen": "1###", "Zurich": "80##", "Warsaw": "00-###",
    "Prague": "1## 00",
}

# Faker locales whose street addresses read like the country's (by ISO code; Faker pinned).
STREET_LOCALES: dict[str, str] = {
    "DE": "de_DE", "PL": "pl_PL", "FR": "fr_FR", "ES": "es_ES", "IT": "it_IT", "NL": "nl_NL", "PT": "pt_PT",
    "GB": "en_GB", "IE": "en_IE", "AT": "de_AT", "CH": "de_CH", "SE": "sv_SE", "NO": "no_NO", "DK": "da_DK",
    "CZ": "cs_CZ", "MX": "es_MX", "BR": "pt_BR", "AR": "es_AR", "CA": "en_CA", "AU": "en_AU", "NZ": "en_NZ",
    "IN": "en_IN", "KR": "ko_KR", "TH": "th_TH",
}
