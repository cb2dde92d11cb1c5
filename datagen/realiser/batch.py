"""`generate --realiser anthropic --batch`: a run's first requests answered through the Message Batches API.

Why two passes: the job decides and writes each conversation in index order, and the direct path
(`anthropic_realiser`) realises it right there; a batch needs every request before any answer. The
job is deterministic, so the run goes over it twice. Pass one (`job_collect`) runs it with a
`Collector` as its realiser, which keeps each offline line as it is and notes the request the direct
path would send for it (nothing is written back; its file is thrown away). The requests whose answer
is not cached yet are submitted as one batch (custom_id: the conversation id), polled until it ends,
and each succeeded answer is stored in the response cache under the very key the direct request has
(`cache_key` of the same body). Pass two is the direct path itself: every first answer is a cache
hit, so the checks, retry, fallback, cache and output bytes are those of a direct run given the same
answers, and a rerun without `--batch` is free.

The retry is a direct request, sent by pass two exactly as in a direct run: its body holds the first
answer and the checks it failed, known only once pass two has checked it; few conversations need
one; and a second batch would add a second wait (up to 24 hours) for those few. A request the batch
did not answer (errored, expired, canceled) is sent directly by pass two as well.

Resume: the batch ids and the custom_id → cache key map are written to `<output>.batch.json` before
polling starts; a run killed while its batch is in flight, rerun with `--resume`, polls that batch
instead of submitting again (pass one is not repeated). The file is removed once the answers are in
the cache; an answer already there is neither stored nor counted again.
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from anthropic.types.messages import MessageBatchSucceededResult
from neo4j import Driver
from pydantic import BaseModel

from datagen.core.atomic import write_atomic
from datagen.errors import ConfigError
from datagen.generator.attempts import Review
from datagen.generator.job import GenerateSettings, run_generate
from datagen.generator.realise import RealiserUsage
from datagen.realiser.anthropic_realiser import AnthropicRealiser
from datagen.realiser.cache import ResponseCache, cache_key
from datagen.realiser.client import RealiserError, RequestRefused, api_errors
from datagen.realiser.prompt import PROMPT_VERSION, request_body
from datagen.registry.models import Endpoint

log = logging.getLogger(__name__)

STATE_SUFFIX = ".batch.json"
"""`<output>.batch.json`: the batches a run submitted and has not collected yet."""
WORK_FOLDER = "realiser-batch"
"""Under DATAGEN_HOME: pass one's throw-away output."""
POLL_SECONDS = 30.0
"""Between two polls of a batch: most end within the hour, and a poll costs nothing but a request."""
MAX_REQUESTS = 5_000
"""Requests per batch: well inside the API's limits (100,000 requests, 256 MB) for bodies of ~20 kB."""

Progress = Callable[[str, int, int], None]


class Collector:
    """Pass one's realiser: each line unchanged, the request noted when its answer is not cached.

    Its name is the direct realiser's, so pass one's run id, and with it every offline line and
    request body, are those of pass two."""

    def __init__(self, name: str, model: str, cache: ResponseCache) -> None:
        self._name = name
        self.model = model
        self.cache = cache
        self.requests: dict[str, dict[str, Any]] = {}
        """custom_id (the conversation id) → request body, in index order."""

    @property
    def name(self) -> str:
        return self._name

    def realise(self, line: str, endpoints: dict[str, Endpoint]) -> str:
        offline = orjson.loads(line)
        body = request_body(offline, endpoints, self.model)
        if self.cache.get(cache_key(self.model, body)) is None:
            self.requests[str(offline["conversation_id"])] = body
        return line

    def exhausted(self) -> bool:
        return False

    def usage(self) -> RealiserUsage:
        return RealiserUsage()


Collect = Callable[[Collector], None]


class Fetched(BaseModel):
    """What the batch step did: for the summary lines."""

    batches: list[str] = []
    resumed: bool = False
    """The batches were submitted by an earlier, interrupted invocation and polled here."""
    answered: int = 0
    """Requests the batches answered (their answers are in the cache now)."""
    failed: int = 0
    """Requests the batches did not answer (errored, expired, canceled): pass two asks them directly."""


class BatchState:
    """`<output>.batch.json`: batch ids, model, prompt version and custom_id → cache key."""

    def __init__(self, output: Path) -> None:
        self.path = output.with_name(output.name + STATE_SUFFIX)

    def load(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{self.path} is unreadable ({exc}): remove it to submit the batch again") from exc
        return data if isinstance(data, dict) else None

    def save(self, batches: list[str], model: str, keys: dict[str, str]) -> None:
        write_atomic(self.path, json.dumps({"batches": batches, "model": model, "prompt_version": PROMPT_VERSION,
                                            "keys": keys}))

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


def prefetch(realiser: AnthropicRealiser, output: Path, collect: Collect, *, resume: bool, overwrite: bool,
             poll_seconds: float = POLL_SECONDS, progress: Progress | None = None,
             sleep: Callable[[float], None] = time.sleep) -> Fetched:
    """Have the run's uncached first requests answered through batches, into the response cache.

    Raises:
        ConfigError: a batch of an earlier run is still to collect and neither --resume nor
            --overwrite says what to do with it, or it was made for another model or prompt.
        RealiserError: the API refused the batch or stopped answering (the state file is kept, so
            `--resume` polls the same batch).
    """
    state = BatchState(output)
    saved = state.load()
    if saved is not None and not resume:
        if not overwrite:
            raise ConfigError(f"{state.path} names Message Batch(es) {', '.join(saved.get('batches') or [])} not "
                              f"collected yet: continue with --resume, or pass --overwrite to submit anew")
        state.clear()
        saved = None
    if saved is not None and (saved.get("model"), saved.get("prompt_version")) != (realiser.model, PROMPT_VERSION):
        raise ConfigError(f"{state.path} was submitted for {saved.get('model')!r} ({saved.get('prompt_version')}): "
                          f"rerun with that --realiser-model, or with --overwrite to submit anew")
    client = realiser.messages.client
    if saved is None:
        collector = Collector(realiser.name, realiser.model, realiser.messages.cache)
        collect(collector)
        if not collector.requests:
            return Fetched()
        keys = {cid: cache_key(realiser.model, body) for cid, body in collector.requests.items()}
        batches = _submit(realiser, collector.requests)
        state.save(batches, realiser.model, keys)
    else:
        batches, keys = list(saved["batches"]), dict(saved["keys"])
    fetched = Fetched(batches=batches, resumed=saved is not None)
    for batch_id in batches:
        _wait(realiser.model, client, batch_id, poll_seconds, progress, sleep)
    for batch_id in batches:
        _store(realiser, batch_id, keys, fetched)
    state.clear()
    return fetched


def _submit(realiser: AnthropicRealiser, requests: dict[str, dict[str, Any]]) -> list[str]:
    items = [{"custom_id": cid, "params": body} for cid, body in requests.items()]
    batches = []
    for start in range(0, len(items), MAX_REQUESTS):
        try:
            with api_errors(realiser.model, "the Message Batch"):
                batch = realiser.messages.client.messages.batches.create(
                    requests=items[start:start + MAX_REQUESTS])  # type: ignore[misc,arg-type,unused-ignore]
        except RequestRefused as exc:
            raise RealiserError(f"{exc}; leave out --batch to send the requests one by one") from exc
        log.info("realiser: submitted Message Batch %s (%d requests)", batch.id, len(items[start:start + MAX_REQUESTS]))
        batches.append(batch.id)
    return batches


def _wait(model: str, client: Any, batch_id: str, poll_seconds: float, progress: Progress | None,
          sleep: Callable[[float], None]) -> None:
    """Poll until the batch's processing_status is "ended" (a progress bar of requests done)."""
    while True:
        with api_errors(model, "polling the Message Batch"):
            batch = client.messages.batches.retrieve(batch_id)
        counts = batch.request_counts
        done = counts.succeeded + counts.errored + counts.canceled + counts.expired
        if progress is not None:
            progress("waiting for the Message Batch", done, done + counts.processing)
        if batch.processing_status == "ended":
            return
        sleep(poll_seconds)


def _store(realiser: AnthropicRealiser, batch_id: str, keys: dict[str, str], fetched: Fetched) -> None:
    """Each succeeded answer into the cache under its direct request's key, paid at the batch price."""
    cache = realiser.messages.cache
    with api_errors(realiser.model, "fetching the Message Batch's results"):
        results = list(realiser.messages.client.messages.batches.results(batch_id))
    for item in results:
        key = keys.get(item.custom_id)
        if key is None:
            continue
        if not isinstance(item.result, MessageBatchSucceededResult):
            fetched.failed += 1
            log.info("realiser: batch request %s %s: asked directly instead", item.custom_id, item.result.type)
            continue
        fetched.answered += 1
        if cache.get(key) is not None:
            continue  # stored by an earlier collection of this batch: not paid (or counted) twice
        data: dict[str, Any] = item.result.message.model_dump(mode="json", warnings=False)
        cache.put(key, data)
        realiser.account(data, batch=True)
        realiser.counts.batched += 1


def job_collect(driver: Driver, database: str, settings: GenerateSettings, review: Review | None, home: Path,
                progress: Progress | None = None) -> Collect:
    """Pass one over the generate job: the same settings, nothing written back, the file thrown away."""
    def collect(collector: Collector) -> None:
        work = home / WORK_FOLDER
        work.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="collect-", dir=work) as tmp:
            scratch = settings.model_copy(update={"output": Path(tmp) / "drafts.jsonl", "write_back": False,
                                                  "resume": False, "overwrite": True})
            run_generate(driver, database, scratch, review=review, realiser=collector,
                         progress=None if progress is None else
                         lambda done, total: progress("collecting the batch's requests", done, total))
    return collect
