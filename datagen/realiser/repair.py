"""`evaluate --repair --repair-realiser anthropic`: the model rewrites only what the failed gates name.

Why: the surgical repair can only re-ground arguments, restore tool messages and write a stock final
answer; the full rewrite throws the whole conversation away. A model can fix a turn or an output a
gate names while everything else stays as it was. The request is the realiser's (`prompt.request_body`:
the same constant forced tool, the same per-conversation schema, fixed and stated values), plus
the offline judge's issues, each placed on the slots it concerns (`failed`). Only those slots are
taken from the answer, every other slot is put back from the record, so the rest stays fixed by
construction. The result then passes exactly the realiser's checks (`checks.problems`); when it does
not, the caller (`evaluator.repair`) goes on with the surgical and full repairs, unchanged. One
request per failing conversation, no retry: the deterministic repairs are the retry. Answers go
through the same response cache and are priced with the same table.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from datagen.core.record import RecordDict
from datagen.evaluator.lineage import calls
from datagen.evaluator.review import offline_review
from datagen.evaluator.types import Issue
from datagen.generator.realise import RealiserUsage
from datagen.realiser.anthropic_realiser import DEFAULT_REALISER_MODEL, REALISER_NAME, AnthropicRealiser
from datagen.realiser.checks import checked, read_answer
from datagen.realiser.client import CachedMessages, RequestRefused
from datagen.realiser.prompt import TOOL_NAME, request_body, request_text, slot
from datagen.registry.models import Endpoint

log = logging.getLogger(__name__)

REPAIR_KIND = "realiser"
"""The kind of the attempt in `metadata.repair_attempts`."""

# Issues without a call that name the final answer: every task_completion one (the outcome is what
# the final answer reports), and the naturalness kind about it (the surgical repair's list).
_ANSWER_DIMENSION = "task_completion"
_ANSWER_KINDS = {"template_echo"}

REPAIR_NOTE = (
    "Repair this conversation. It failed the checks listed under `failed` (slot, gate, problem). "
    "Rewrite ONLY the slots named there so the problems are gone; copy every other slot exactly as the "
    "draft has it. The rules above, `fixed` and `stated` still hold.\n\n")


def _tool_slots(record: RecordDict) -> list[int]:
    return [i for i, m in enumerate(record["messages"]) if m["role"] == "tool"]


def issue_slots(record: RecordDict, issue: Issue) -> list[str]:
    """The message slots an issue concerns: a call's output and the turn that made it; the final
    answer for answer problems; every user and assistant turn for wording with no place."""
    messages = record["messages"]
    if issue.call is not None:
        made = {c.index: c for c in calls(record)}
        tools = _tool_slots(record)
        found = [made[issue.call].message] if issue.call in made else []
        found += [tools[issue.call]] if issue.call < len(tools) else []
        return [slot(i) for i in sorted(set(found))]
    last = len(messages) - 1
    if (issue.dimension == _ANSWER_DIMENSION or issue.kind in _ANSWER_KINDS) and last >= 0 and messages[last]["role"] == "assistant":
        return [slot(last)]
    return [slot(i) for i, m in enumerate(messages) if m["role"] != "tool"]


def failed_slots(record: RecordDict, issues: list[Issue]) -> list[dict[str, Any]]:
    """`failed` as the model reads it: one item per issue that names a slot of this record."""
    items = []
    for issue in issues:
        slots = issue_slots(record, issue)
        if slots:
            items.append({"slots": slots, "gate": issue.kind, "problem": issue.message})
    return items


def repair_body(record: RecordDict, failed: list[dict[str, Any]], endpoints: dict[str, Endpoint],
                model: str) -> dict[str, Any]:
    """The realiser's request for `record`, its payload adding `failed` and its text asking for a repair."""
    body = request_body(record, endpoints, model)
    block = body["messages"][0]["content"][0]
    # the realiser's "Rewrite this conversation" note gives way to the repair note; the payload stays
    payload = json.loads(block["text"].split("\n\n", 1)[1]) | {"failed": failed}
    return {**body, "messages": [{"role": "user", "content": [{**block, "text": request_text(payload, REPAIR_NOTE)}]}]}


def _written(record: RecordDict, answer: dict[str, Any], allowed: set[str]) -> dict[str, Any]:
    """The answer (slot -> value) with every slot the failures do not name put back from the record."""
    kept: dict[str, Any] = {}
    for i, message in enumerate(record["messages"]):
        key = slot(i)
        if key in allowed and key in answer:
            kept[key] = answer[key]
        else:
            kept[key] = json.loads(message["content"]) if message["role"] == "tool" else message["content"]
    return kept


class RealiserRepair:
    """The model repair `evaluator.repair.repair` calls first (see the module doc)."""

    def __init__(self, home: Path, endpoints: dict[str, Endpoint] | None, model: str = DEFAULT_REALISER_MODEL,
                 *, messages: CachedMessages | None = None) -> None:
        self.realiser = AnthropicRealiser(home, model, review=offline_review, messages=messages)
        self.endpoints = endpoints or {}
        self.model = model

    @property
    def name(self) -> str:
        return self.realiser.name

    def usage(self) -> RealiserUsage:
        """Requests, cache hits, tokens and estimated cost so far; `realised`: repairs that passed the
        checks, `fell_back`: answers that did not (the deterministic repairs took over)."""
        return self.realiser.usage()

    def __call__(self, record: RecordDict, issues: list[Issue]) -> RecordDict | None:
        """The record with the named slots rewritten and checked, or None (the caller falls back)."""
        cid = record["conversation_id"]
        endpoints = {i: self.endpoints[i] for i in record["metadata"].get("endpoint_ids") or [] if i in self.endpoints}
        failed = failed_slots(record, issues)
        if not failed or len(endpoints) < len(set(record["metadata"].get("endpoint_ids") or [])):
            log.info("realiser repair: %s skipped (%s)", cid, "no issue names a slot" if not failed else "endpoints unknown")
            return None
        body = repair_body(record, failed, endpoints, self.model)
        try:
            response, paid = self.realiser.messages.send(body)
        except RequestRefused as exc:
            self._fell_back(cid, [str(exc)])
            return None
        self.realiser.account(response, paid)
        call = next((b.get("input") for b in response.get("content") or []
                     if isinstance(b, dict) and b.get("type") == "tool_use" and b.get("name") == TOOL_NAME), None)
        if call is None:
            self._fell_back(cid, [f"the answer has no {TOOL_NAME} tool call"])
            return None
        written, found = read_answer(call)
        if written is None:
            self._fell_back(cid, found)
            return None
        allowed = {s for item in failed for s in item["slots"]}
        repaired, found = checked(record, _written(record, written, allowed), endpoints, self.realiser.review)
        if repaired is None or found:
            self._fell_back(cid, found)
            return None
        self.realiser.counts.realised += 1
        repaired["metadata"]["realiser"] = REALISER_NAME
        repaired["metadata"]["model"] = self.model
        return repaired

    def _fell_back(self, cid: str, found: list[str]) -> None:
        self.realiser.counts.fell_back += 1
        log.info("realiser repair: %s failed a check, repairing without the model: %s", cid, "; ".join(found[:3]))
