"""Export a subgraph: graph JSON, GraphML, GEXF (Gephi), i2 CSV (zip) or FollowTheMoney JSON lines, with
the analysts' notes on its entities, links and cited documents."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from app.auth import ReaderDep
from app.deps import DbDep, FiltersDep
from graph import export
from graph.db import Db
from graph.read import neighbourhood, subgraph
from graph.read.readq import Filters

router = APIRouter(tags=["export"])
Format = Literal["json", "graphml", "gexf", "i2", "ftm"]
MAX_EXPORT_NODES = 5000


class ExportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    node_ids: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=300)]],
        Field(min_length=1, max_length=MAX_EXPORT_NODES),
    ]
    as_of: Annotated[str | None, Field(max_length=10)] = None


def _download(db: Db, data: dict[str, Any], fmt: str, stem: str) -> Response:
    """``data`` with the analysts' notes on its items, in ``fmt``, as a file to save."""
    return Response(
        export.render(export.add_notes(db, data), fmt),
        media_type=export.MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{stem}.{export.EXTENSIONS[fmt]}"'},
    )


@router.post("/export/{fmt}")
def export_nodes(fmt: Format, body: ExportRequest, db: DbDep, who: ReaderDep) -> Response:
    """The subgraph induced by ``node_ids`` (their links and evidence) in the chosen format."""
    as_of = Filters(as_of=body.as_of).as_of
    data = subgraph.induced(db, list(dict.fromkeys(body.node_ids)), as_of=as_of).to_dict(db)
    return _download(db, data, fmt, "pactgraph-subgraph")


@router.get("/entities/{entity_id}/neighbours/export/{fmt}")
def export_neighbours(
    db: DbDep,
    who: ReaderDep,
    fmt: Format,
    filters: FiltersDep,
    entity_id: Annotated[str, Path(min_length=1, max_length=300)],
    depth: Annotated[int, Query(ge=1, le=neighbourhood.MAX_DEPTH)] = 1,
    limit: Annotated[int, Query(ge=1, le=neighbourhood.MAX_NODES)] = 200,
) -> Response:
    """An entity's neighbourhood (as GET /entities/{id}/neighbours) in the chosen format."""
    data = neighbourhood.neighbours(db, entity_id, filters, depth=depth, limit=limit).to_dict(db)
    return _download(db, data, fmt, "pactgraph-neighbours")
