"""Which judge scores a dataset: the Anthropic model when a key is set, else the offline rules.

Why here and not in the CLI: `evaluate` and `generate --evaluate` choose the same way, and library
callers (tests, notebooks) should get the same choice without going through click.
"""

from __future__ import annotations

from datagen.evaluator.anthropic_judge import AnthropicJudge, has_api_key
from datagen.evaluator.offline_judge import OfflineJudge
from datagen.evaluator.types import Judge
from datagen.registry.models import Endpoint


def make_judge(model: str, offline: bool, endpoints: dict[str, Endpoint] | None = None) -> Judge:
    """The Anthropic judge when ANTHROPIC_API_KEY is set (and not `offline`), else the offline rules.

    `endpoints` (the registry view) lets the offline rules check schemas and link scope by platform.
    """
    if offline or not has_api_key():
        return OfflineJudge(endpoints)
    return AnthropicJudge(model)
