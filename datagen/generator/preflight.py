"""Checks before a generate run makes any file or node: a catalog to generate from, a seed write-back can store.

Why a module of its own: both refuse in one line before `run_generate` creates its `.partial`, lock
or Run node, so a refused run leaves nothing that blocks the next one.
"""

from __future__ import annotations

from neo4j import Driver

from datagen.db.queries import load
from datagen.db.run import read
from datagen.errors import ConfigError, GraphError


def graph_state(driver: Driver, database: str) -> tuple[str, str]:
    """The build id and key of the catalog in use; `GraphError` when there is none to generate from."""
    record = read(driver, database, load("generate/current_build"))[0]
    if record["catalog"] is None:
        if record["building"] is not None:
            raise GraphError(f"the graph has no finished catalog: build {record['building']} did not finish "
                             f"(killed or failed); rerun `datagen build` before generating")
        raise GraphError("the graph has no catalog built by this datagen: run `datagen build` first")
    if not record["endpoints"] or not record["feeds"]:
        raise GraphError("the graph has no endpoints or no FEEDS edges: run `datagen build` first")
    if not record["starts"]:
        raise GraphError("the graph was built by an older datagen (its endpoints have no sampler start keys): "
                         "rerun `datagen build`")
    return str(record["build_id"]), str(record["catalog"])


INT64 = range(-2**63, 2**63)
"""The integers a Neo4j property holds: write-back stores the seed on the Run and each Conversation."""


def check_seed(seed: int, write_back: bool) -> None:
    """Refuse, before any file or node is made, a seed that write-back could not store.

    Raises:
        ConfigError: the seed is outside Neo4j's 64-bit integers and write-back is on.
    """
    if write_back and seed not in INT64:
        raise ConfigError(f"--seed {seed} does not fit Neo4j's 64-bit integers, where write-back stores "
                          f"it: choose a seed between -2^63 and 2^63 - 1, or pass --no-write-back")
