"""The offline judge as the generator's second reader: which gates a finished conversation fails.

Read-audits found the offline rules right about most conversations they fail, and the generator's
own `validator` and `worth` checks blind to those faults (a timeline that contradicts itself, a
call nobody needs). `datagen generate` therefore hands this review to the generate job: an attempt
it flags gives way to the planner's next pick, exactly as a thin one does, and is kept only when
every candidate of the index and its reserves is flagged (the evaluator then fails it in the open).
The generator cannot import the evaluator, which comes after it, so the CLI passes the function in.
"""

from __future__ import annotations

from datagen.core.record import Record
from datagen.evaluator.job import score_record
from datagen.evaluator.offline_judge import OfflineJudge
from datagen.evaluator.scorer import ScorerSettings
from datagen.registry.models import Endpoint


def offline_review(record: Record, endpoints: dict[str, Endpoint]) -> list[str]:
    """The gates `datagen evaluate --offline` would fail this record on (empty: it passes)."""
    return score_record(record.to_dict(), OfflineJudge(endpoints), ScorerSettings()).failed_gates
