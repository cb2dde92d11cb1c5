"""Full rewrite: the plan rebuilt from a record (plus the registry) regenerates the same conversation.

Uses the generator on the seed_data registry (no server), so it checks the rebuild against whatever
the generator currently produces rather than against frozen bytes.
"""

from __future__ import annotations

import pytest

from datagen.core.plan import ParamRef
from datagen.evaluator.job import score_record
from datagen.evaluator.offline_judge import OfflineJudge
from datagen.evaluator.repair import derived_seed, rebuild_plan
from datagen.evaluator.scorer import ScorerSettings
from datagen.generator.conversation import generate_conversation
from datagen.generator.record import build_record

from tests.unit.test_generator_plans import make_plan, registry, walk_plan

CHAINS = [
    (("staynest_hotels::search_hotels", "staynest_hotels::get_hotel_details", "staynest_hotels::book_room"), None,
     [ParamRef(step=0, param="city")]),
    (("eventhorizon::search_events", "eventhorizon::get_event_details", "eventhorizon::get_venue"), [0, 0, 1], []),
]


@pytest.mark.parametrize("chain,groups,clarify", CHAINS)
def test_rebuilt_plan_reproduces_the_record(chain: tuple[str, ...], groups: list[int] | None,
                                            clarify: list[ParamRef]) -> None:
    index = registry().endpoint_index()
    plan = make_plan([index[i] for i in chain], 99, groups=groups, clarify=clarify, index=4)
    record = build_record(generate_conversation(plan), "b", "r").to_dict()
    rebuilt = rebuild_plan(record, {i: index[i] for i in chain}, seed=99)
    assert rebuilt.index == 4 and rebuilt.clarify == clarify
    assert build_record(generate_conversation(rebuilt), "b", "r").to_dict() == record


def test_rewrites_with_derived_seeds_are_new_valid_conversations() -> None:
    reg = registry()
    index = reg.endpoint_index()
    judge, gates = OfflineJudge(), ScorerSettings()
    for seed in range(5):
        record = build_record(generate_conversation(walk_plan(reg, seed, index=seed)), "b", "r").to_dict()
        ids = record["metadata"]["endpoint_ids"]
        plan = rebuild_plan(record, {i: index[i] for i in ids}, derived_seed(seed, 1))
        rewritten = build_record(generate_conversation(plan), "b", "r").to_dict()
        assert rewritten["metadata"]["endpoint_ids"] == ids
        assert rewritten["metadata"]["conversation_seed"] == derived_seed(seed, 1) != seed
        assert score_record(rewritten, judge, gates).failed_gates == []
    assert derived_seed(7, 1) != derived_seed(7, 2) and derived_seed(7, 1) == derived_seed(7, 1)
