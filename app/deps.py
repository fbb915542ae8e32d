"""Dependencies shared by the routers: the graph handle and settings, as Annotated aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph.db import Db
from pactgraph.settings import Settings


def get_db(request: Request) -> Db:
    db: Db = request.app.state.db
    request.app.state.ensure_schema()
    return db


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


DbDep = Annotated[Db, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
