"""Send one Messages request through the cache: an answer is paid for once, whatever happens after.

HTTP failures that may pass (429 rate limits, 529 overload, other 5xx, dropped connections) are
retried with backoff by the SDK (`max_retries`); one that outlasts them stops the run in one line
(`RealiserError`: what was written is kept, `--resume` continues and replays from the cache); a 400
refuses only that request, whose conversation is kept offline (`RequestRefused`). A
rejected key (401/403) or a model the API does not serve (404) is a `ConfigError` in one line, as
for the judge, since every later request would fail too. The key is read by the SDK from
`ANTHROPIC_API_KEY` and never logged, stored or put in a message.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import anthropic

from datagen.errors import DatagenError
from datagen.evaluator.api_errors import sdk_errors
from datagen.realiser.cache import ResponseCache, cache_key

log = logging.getLogger(__name__)


class RealiserError(DatagenError):
    """The API could not be reached or kept failing after the SDK's retries: the run stops."""


class RequestRefused(Exception):
    """The API refused this one request (HTTP 400: say a schema it cannot take): the conversation
    is kept offline, the run goes on."""


RESUME_HINT = "rerun the same command with --resume when the API answers again (answers already paid for are cached)"


@contextmanager
def api_errors(model: str, what: str) -> Iterator[None]:
    """The SDK's errors as the module doc says (shared by direct requests and the batch calls; the
    messages are the judge's, from `evaluator.api_errors`)."""
    with sdk_errors(model, "--realiser-model", what, RealiserError, f"; {RESUME_HINT}", RequestRefused):
        yield


class CachedMessages:
    """The SDK client behind the response cache; counts what was sent and what was found."""

    def __init__(self, model: str, cache: ResponseCache, *, timeout: float = 120.0, max_retries: int = 4,
                 client: anthropic.Anthropic | None = None) -> None:
        self.model = model
        self.cache = cache
        self.client = client or anthropic.Anthropic(timeout=anthropic.Timeout(timeout, connect=10.0),
                                                    max_retries=max_retries)
        self.requests = 0
        self.hits = 0

    def send(self, body: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """(the answer as JSON data, whether it was paid for now) for one request body."""
        key = cache_key(self.model, body)
        found = self.cache.get(key)
        if found is not None:
            self.hits += 1
            return found, False
        with api_errors(self.model, "the realiser's request"):
            response = self.client.messages.create(**body)
        self.requests += 1
        data: dict[str, Any] = response.model_dump(mode="json", warnings=False)
        self.cache.put(key, data)
        return data, True
