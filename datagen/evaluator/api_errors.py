"""The Anthropic SDK's errors as datagen's, in one line each: one mapping for the judge and the realiser.

Why one: both talk to the same API through the same SDK, and a refused key, an unknown model or an
outage must read the same whichever of them met it (two copies of the messages drifted apart before).
Why here: the evaluator is the lower of the two layers, so the realiser may import it and not the
other way round. What differs between the callers is passed in: the flag that names the model, what
the request was, the error a passing failure becomes (the judge records a `JudgeError` in the record
and goes on; the realiser stops the run with its own error so `--resume` continues) with a hint to
add, and what an HTTP 400 becomes (the realiser keeps that one conversation offline; for the judge
it is one more failed request). A rejected key (401/403) or a model the API does not serve (404) is
a `ConfigError`, since every later request would fail too. No message ever holds the key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import anthropic

from datagen.errors import ConfigError

KEY_REFUSED = "the Anthropic API refused the key (HTTP {status}): check ANTHROPIC_API_KEY"
MODEL_UNKNOWN = "the Anthropic API does not serve model {model!r}: check {flag}"


@contextmanager
def sdk_errors(model: str, flag: str, what: str, failed: Callable[[str], Exception], hint: str = "",
               refused: Callable[[str], Exception] | None = None) -> Iterator[None]:
    """Map the SDK's errors raised inside the block (the SDK has already retried 429, 529 and 5xx).

    Args:
        model: the model asked, named when the API does not serve it.
        flag: the option that sets the model (`--model`, `--realiser-model`).
        what: the request in words ("the judge's request"), the subject of a failure's message.
        failed: the error a timeout, a dropped connection or an HTTP error after retries becomes.
        hint: added to those messages (say, how to resume).
        refused: the error an HTTP 400 becomes; None: it is a failure like any other status.
    """
    try:
        yield
    except (anthropic.AuthenticationError, anthropic.PermissionDeniedError) as exc:
        raise ConfigError(KEY_REFUSED.format(status=exc.status_code)) from exc
    except anthropic.NotFoundError as exc:
        raise ConfigError(MODEL_UNKNOWN.format(model=model, flag=flag)) from exc
    except anthropic.APITimeoutError as exc:
        raise failed(f"{what} timed out after the SDK's retries{hint}") from exc
    except anthropic.APIConnectionError as exc:
        raise failed(f"cannot reach the Anthropic API ({type(exc).__name__}){hint}") from exc
    except anthropic.APIStatusError as exc:
        if refused is not None and isinstance(exc, anthropic.BadRequestError):
            raise refused(f"the API refused {what} (HTTP 400: {exc.message[:200]})") from exc
        raise failed(f"{what} failed with HTTP {exc.status_code} after retries{hint}") from exc
