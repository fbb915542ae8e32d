"""Every .cypher file of the project runs as written: Neo4j parses and plans each one (``EXPLAIN``)
on the real server, the statements under cypher/, those beside the tests and the benchmarks, and the
shared parts; and every copy of a shared part equals its source."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import queries
from graph.db import Db
from pactgraph.settings import PROJECT_ROOT

FILES = sorted(p for folder in ("cypher", "tests", "bench")
               for p in (PROJECT_ROOT / folder).rglob("*.cypher"))


def test_there_are_statements_to_check() -> None:
    assert len(FILES) >= 80 and any(p.parent.name == "shared" for p in FILES)


@pytest.mark.neo4j
def test_neo4j_plans_every_cypher_file_as_written(db: Db) -> None:
    failures = []
    with db.driver.session(database=db.database) as session:
        for path in FILES:
            text = path.read_text(encoding="utf-8")
            try:
                session.run("EXPLAIN " + text).consume()  # type: ignore[arg-type]
            except Exception as exc:  # noqa: BLE001 - every failing file is listed, not just the first
                failures.append(f"{path.relative_to(PROJECT_ROOT)}: {exc}")
    assert failures == [], "\n".join(failures)


def test_every_copy_of_a_shared_part_is_in_step() -> None:
    assert queries.out_of_step() == [], "run `python -m graph.queries --sync`"


def test_browser_favourites_hold_every_read_statement() -> None:
    from graph.server.browser_guides import favourite_files

    chosen = {p.stem for p in favourite_files()}
    assert {"paths", "paths_open", "neighbours_first", "neighbours_step", "timeline", "actor_sites",
            "agreements_between", "connecting_network", "common_neighbours", "entity_profile"} <= chosen
    assert not any(Path(p).parent.name == "shared" for p in favourite_files())
