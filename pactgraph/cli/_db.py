"""The database handle of a command: the configured Neo4j, schema applied, closed at the end."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager

from graph.db import Db
from pactgraph.settings import get_settings


@contextmanager
def open_db() -> Iterator[Db]:
    """The configured Neo4j with the schema applied; the driver is closed afterwards."""
    from graph.connection import make_driver, target
    from graph.schema import apply_schema

    settings = get_settings()
    driver = make_driver(target(settings))
    try:
        db = Db(driver, settings.neo4j_database)
        apply_schema(db)
        yield db
    finally:
        driver.close()


def who_default() -> str:
    return f"cli:{getpass.getuser()}"


