"""Which link fields of an answer are the link the call was sent, and which are other things' links.

A call sent a page's link (`url=https://…/p/REjCd9mM`) answers about that page: its own `url`,
`share_url` or `permalink` is that link. A link of another thing in the answer is not: the video
file (`mp4Url`), its cover (`coverUrls[].url`), its channel (`channel_url`), the author's avatar.
Readers rejected answers where every link was the page sent ("mp4Url and cover are the input link",
"channel_url is the video URL"). A link field repeats the sent link only when every word of its path,
besides link words and containers, names the page itself; no rule names a kind of thing.
"""

from __future__ import annotations

from collections.abc import Iterable

from datagen.lexicon import GENERIC_CONTAINERS
from datagen.registry.naming import singular, snake

LINK_WORDS = frozenset({"url", "urls", "link", "links", "href", "uri", "permalink"})
"""Last words of a field that holds a link."""

# Words of a link field's path that say the link is the page's own. Why each:
SAME_PAGE = frozenset({
    "web", "page", "canonical", "original", "source", "full", "public",  # the page as a browser opens it
    "share", "short",  # the page's link as it is shared
    "input", "request", "requested", "query",  # the request repeated
    "info", "detail", "details", "meta", "metadata", "own", "self",  # the wrapping of the page's own record
})


def path_words(path: str) -> list[str]:
    """The words of every segment of a field path (`data.coverUrls[].url` → data, cover, urls, url)."""
    return [w for segment in path.replace("[]", "").split(".") for w in snake(segment).split("_") if w]


def is_link(name: str) -> bool:
    """Whether a field's name says it holds a link (`mp4Url`, `channel_link`, `href`)."""
    parts = [w for w in snake(name).split("_") if w]
    return bool(parts) and parts[-1] in LINK_WORDS


def others_link(path: str, sent_names: Iterable[str], subject: str | None) -> bool:
    """Whether a link field names another thing's link than the page the call was sent: a word of its
    path that is no link word, no container, no word of the sent parameters' names or of the call's
    subject (`video.url` of a call about a video), and not one of `SAME_PAGE`."""
    own = {singular(w) for name in sent_names for w in snake(name).split("_") if w}
    if subject:
        own |= {singular(w) for w in snake(subject).split("_") if w}
    rest = [w for w in path_words(path) if w not in LINK_WORDS and w not in GENERIC_CONTAINERS
            and w not in SAME_PAGE and singular(w) not in own and not w.isdigit()]
    return bool(rest)
