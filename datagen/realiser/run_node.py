"""Store a generate invocation's realiser counts on its (:Run) node.

Why apart from the generate job: the job knows nothing of the realiser beyond its protocol; the CLI
calls this after the run with the Run node's id (the counts are added, so a resumed run sums them).
"""

from __future__ import annotations

from neo4j import Driver

from datagen.db.queries import load
from datagen.db.run import write
from datagen.generator.realise import RealiserUsage


def store_usage(driver: Driver, database: str, run_node: str, realiser: str, model: str,
                usage: RealiserUsage) -> None:
    """Add the counts, tokens and estimated cost to the Run node."""
    counts = usage.model_dump(exclude={"cost_usd"})
    write(driver, database, load("realiser/add_run_usage"), id=run_node, realiser=realiser, model=model,
          counts=counts, cost=usage.cost_usd)
