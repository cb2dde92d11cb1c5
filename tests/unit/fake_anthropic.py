"""A fake Anthropic Messages API on 127.0.0.1 for the judge tests: real HTTP, the real `anthropic` client.

It also serves the Message Batches endpoints (`POST /v1/messages/batches`, `GET .../{id}` and the
results JSONL at the batch's `results_url`): a batch stays "in_progress" for `polls_before_end`
polls (or while `batches_run` is set), then each request is answered by the script, as a direct one
would be (a 200 becomes a "succeeded" result, anything else an "errored" one).

The server answers `POST /v1/messages` from a thread with scripted answers (a proper tool_use, a 429,
a 500, a 401, malformed tool input, a reply slower than the client's timeout); a script entry may
also be a function of the request body (the realiser's tests answer from the draft they are sent);
the key and base URL reach the SDK through the environment, as in production. `closed_port` gives an address where nothing
listens (connection refused), for outage tests.

Prompt caching is simulated as the API does it, by prefix: the request is read in the API's order
(tools, then system blocks, then message blocks) and each block carrying `cache_control` ends a
marked prefix. A marked prefix at least the model's minimum long (`prices.min_cache_tokens`) that an
earlier answered request marked too is read from the cache (`cache_read_input_tokens`: the longest
such prefix); the rest up to the last marked prefix is written (`cache_creation_input_tokens`), and
`input_tokens` is what is left. Tokens are the fake's one rule, about 4 characters a token over the
JSON (`tokens`). Answers through a batch are counted the same way; entries never expire here.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from datagen.evaluator.anthropic_judge import TOOL_NAME
from datagen.realiser.prices import min_cache_tokens

SECRET = "sk-ant-test-secret-0123456789"
GOOD = {"tool_correctness": 5, "task_completion": 4, "naturalness": 4, "reasoning": "Grounded and complete."}


def message(tool_input: Any, name: str = TOOL_NAME, usage: dict[str, int] | None = None) -> dict[str, Any]:
    return {"id": "msg_test", "type": "message", "role": "assistant", "model": "claude-test",
            "content": [{"type": "tool_use", "id": "toolu_test", "name": name, "input": tool_input}],
            "stop_reason": "tool_use", "stop_sequence": None,
            "usage": usage or {"input_tokens": 10, "output_tokens": 10}}


def tokens(value: Any) -> int:
    """The fake's token count: about 4 characters a token over the JSON."""
    return len(json.dumps(value)) // 4


def marked_prefixes(body: dict[str, Any]) -> list[tuple[str, int]]:
    """(key, tokens) of each prefix the request marks for caching, shortest first: the blocks in the
    API's order (tools, system, messages) up to each block that carries `cache_control`."""
    blocks: list[Any] = list(body.get("tools") or [])
    system = body.get("system")
    blocks += system if isinstance(system, list) else [system] if system else []
    for message in body.get("messages") or []:
        content = message.get("content")
        items = content if isinstance(content, list) else [{"type": "text", "text": content}]
        blocks += [{"role": message.get("role"), **item} for item in items]
    marked = []
    for end, block in enumerate(blocks, 1):
        if isinstance(block, dict) and "cache_control" in block:
            prefix = json.dumps([body.get("model"), blocks[:end]], sort_keys=True)
            marked.append((hashlib.sha256(prefix.encode()).hexdigest(), tokens(blocks[:end])))
    return marked


Answer = tuple[int, dict[str, Any], float]
Scripted = Answer | Callable[[dict[str, Any]], Answer]


class FakeAPI:
    """Scripted answers, one per request: (status, body, delay seconds) or a function of the request
    body returning one; the last one repeats."""

    def __init__(self) -> None:
        self.script: list[Scripted] = [(200, message(GOOD), 0.0)]
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.door = threading.Event()
        """While set, a new request is held before its body is read, then dropped unread: a request
        cut off in transit (the kill tests stop a client there, with nothing answered or half-sent)."""
        self.held = threading.Event()
        """Set once a request is held at the door."""
        self.batches: list[dict[str, Any]] = []
        """Submitted batches: id, requests (custom_id and params), polls so far."""
        self.polls_before_end = 1
        self.batches_run = threading.Event()
        """While set, every batch stays in progress (a batch in flight when its client is killed)."""
        self.batch_bodies: list[dict[str, Any]] = []
        """Request bodies answered through a batch (the direct ones are in `requests`)."""
        self.prompt_cache: set[str] = set()
        """Keys of the marked prefixes answered requests wrote (see the module doc)."""
        self.usages: list[dict[str, Any]] = []
        """The usage of each answered request that marked a prefix, in answer order."""

    def cached(self, body: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        """An answer's usage split as the API's prompt cache would (unchanged for a request that marks
        nothing or an answer that is no message)."""
        marked = marked_prefixes(body)
        if not marked or not isinstance(payload.get("usage"), dict):
            return payload
        marks = [(key, n) for key, n in marked if n >= min_cache_tokens(str(body.get("model")))]
        total = tokens(body)
        read = max((n for key, n in marks if key in self.prompt_cache), default=0)
        written = max(0, marks[-1][1] - read) if marks else 0
        self.prompt_cache.update(key for key, _ in marks)
        usage = {**payload["usage"], "input_tokens": max(0, total - read - written),
                 "cache_creation_input_tokens": written, "cache_read_input_tokens": read}
        self.usages.append(usage)
        return {**payload, "usage": usage}

    def batch_view(self, batch: dict[str, Any], base: str) -> dict[str, Any]:
        """The MessageBatch object for a poll (ended once its polls are spent and it may end)."""
        total = len(batch["requests"])
        ended = batch["polls"] > self.polls_before_end and not self.batches_run.is_set()
        done = total if ended else 0
        return {"id": batch["id"], "type": "message_batch", "processing_status": "ended" if ended else "in_progress",
                "request_counts": {"processing": total - done, "succeeded": done, "errored": 0, "canceled": 0,
                                   "expired": 0},
                "created_at": "2026-01-01T00:00:00Z", "expires_at": "2026-01-02T00:00:00Z",
                "ended_at": "2026-01-01T01:00:00Z" if ended else None, "cancel_initiated_at": None,
                "archived_at": None, "results_url": f"{base}/v1/messages/batches/{batch['id']}/results" if ended else None}

    def batch_results(self, batch: dict[str, Any]) -> bytes:
        """The results JSONL: each request answered by the script, in reverse order (the API keeps none)."""
        lines = []
        for item in reversed(batch["requests"]):
            status, payload, _ = self.next(item["params"])
            payload = self.cached(item["params"], payload) if status == 200 else payload
            self.batch_bodies.append(item["params"])
            result = {"type": "succeeded", "message": payload} if status == 200 else {"type": "errored", "error": payload}
            lines.append(json.dumps({"custom_id": item["custom_id"], "result": result}))
        return ("\n".join(lines) + "\n").encode()

    def next(self, body: dict[str, Any] | None = None) -> Answer:
        entry = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        return entry(body or {}) if callable(entry) else entry


def error(status: int, kind: str, text: str) -> tuple[int, dict[str, Any], float]:
    """A scripted API error answer."""
    return status, {"type": "error", "error": {"type": kind, "message": text}}, 0.0


@contextmanager
def serve(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeAPI]:
    """Run the fake API and point the SDK at it (key and base URL through the environment)."""
    fake = FakeAPI()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            if fake.door.is_set():
                fake.held.set()
                while fake.door.is_set():
                    time.sleep(0.02)
                self.close_connection = True
                return
            body = json.loads(self.rfile.read(int(self.headers["content-length"])))
            if self.path.rstrip("/").endswith("/messages/batches"):
                batch = {"id": f"msgbatch_{len(fake.batches):04d}", "requests": body["requests"], "polls": 0}
                fake.batches.append(batch)
                self._send(200, fake.batch_view(batch, self._base()))
                return
            fake.requests.append(body)
            fake.headers.append({k.lower(): v for k, v in self.headers.items()})
            status, payload, delay = fake.next(body)
            payload = fake.cached(body, payload) if status == 200 else payload
            time.sleep(delay)
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                if status == 429:
                    self.send_header("retry-after", "0.05")
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            parts = self.path.split("?")[0].strip("/").split("/")
            batch = next((b for b in fake.batches if b["id"] in parts), None)
            if batch is None:
                self._send(*error(404, "not_found_error", "no such batch")[:2])
            elif parts[-1] == "results":
                data = fake.batch_results(batch)
                self.send_response(200)
                self.send_header("content-type", "application/binary")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            else:
                batch["polls"] += 1
                self._send(200, fake.batch_view(batch, self._base()))

        def _base(self) -> str:
            return f"http://127.0.0.1:{self.server.server_address[1]}"

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("ANTHROPIC_API_KEY", SECRET)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}")
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def draft_of(body: dict[str, Any]) -> dict[str, Any]:
    """The JSON payload of a realiser request (the draft, fixed and stated values), from its first message."""
    text = body["messages"][0]["content"][0]["text"]
    return dict(json.loads(text.split("\n\n", 1)[1]))


def as_messages(written: dict[str, Any], draft: dict[str, Any]) -> dict[str, Any]:
    """Slot -> value as the realiser's tool input: one item per slot, `output` for a tool slot."""
    roles = {item["slot"]: item["role"] for item in draft["draft"]}
    return {"messages": [{"slot": key, "output" if roles.get(key) == "tool" else "text": value}
                         for key, value in written.items()]}


def writer(edit: Callable[[dict[str, Any]], dict[str, Any]] | None = None, name: str = "write_conversation") -> Callable[[dict[str, Any]], Answer]:
    """A fake realiser model: answers each request with its draft (through `edit`, which sees and
    returns slot -> value), as the tool's list of slot items, with token counts from the sizes (about
    4 characters a token; the server splits the input by its prompt cache), so costs have a basis."""
    def answer(body: dict[str, Any]) -> Answer:
        draft = draft_of(body)
        written = {item["slot"]: item["output"] if item["role"] == "tool" else item["text"] for item in draft["draft"]}
        if edit is not None:
            written = edit(written)
        tool_input = as_messages(written, draft)
        usage = {"input_tokens": tokens(body), "output_tokens": tokens(tool_input),
                 "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}
        return 200, message(tool_input, name=name, usage=usage), 0.0
    return answer
