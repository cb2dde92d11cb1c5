"""One thing, one identity in a conversation: the rules an answer passes after it is built, in order.

Why one place: the rules read the same earlier answers and must run in this order. A thing's
description is carried from where its key was shown (`identity.carry`). A list of things related to
the one asked about, and the things inside the one looked up, are cleared of that thing (`itself`)
before the names the conversation knows are given back to every object that names itself by a
known value (`known`), so that the redrawn items are not renamed after it: first the names earlier
answers showed (before this answer's own ids are learnt, or the looked-up thing would count as
another thing), then, for a value this answer shows twice, the first name it shows. Long titles are
made to agree last (`titles`).
"""

from __future__ import annotations

import random
from typing import Any

from datagen.generator.identity import carry
from datagen.generator.itself import not_itself, others_inside
from datagen.generator.known import keep_known, known_names, learn
from datagen.generator.titles import titles_agree


def one_identity(output: dict[str, Any], arguments: dict[str, Any], earlier: list[Any],
                 earlier_arguments: list[dict[str, Any]], call_name: str, rng: random.Random) -> None:
    """Make one answer agree with what the conversation's earlier answers (each with the arguments of
    its call) said about the things it names."""
    carry(output, arguments, earlier, earlier_arguments)
    known = known_names(list(zip(earlier, earlier_arguments)))
    not_itself(output, arguments, call_name, known, rng)
    others_inside(output, arguments, rng)
    keep_known(output, arguments, known)  # what the earlier answers showed
    learn(known, output, arguments)
    keep_known(output, arguments, known)  # a value this answer shows twice: its first name
    titles_agree(output)
