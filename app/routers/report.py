"""A cited report on a path, a selection or a saved investigation, as an HTML brief or a PDF.

GET takes the query string (the server draws the chart); POST takes a JSON body that may carry the
page's own picture of the chart (``chart_png``), so the report shows the chart as drawn."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.auth import Principal, ReaderDep
from app.deps import MAX_ID, DbDep, FiltersDep
from graph.db import Db
from graph.export import report_html, report_pdf
from graph.read import paths, report
from graph.read.readq import Filters
from graph.read.report import Brief
from pactgraph.errors import InputError

router = APIRouter(prefix="/report", tags=["report"])
Format = Literal["html", "pdf"]
#: the most entities or links a report may be asked for
MAX_ITEMS = 2000
#: a PNG of the chart, base64 (about 12 MB of picture)
MAX_CHART_CHARS = 16_000_000
_PNG = b"\x89PNG\r\n\x1a\n"
Id = Annotated[str, Field(min_length=1, max_length=MAX_ID)]


class ReportRequest(BaseModel):
    """One of: a path (``source`` and ``target``), a selection (``node_ids`` and/or ``relationship_ids``),
    or a saved investigation (``investigation``, optionally ``version``)."""

    model_config = ConfigDict(extra="forbid")

    source: Id | None = None
    target: Id | None = None
    mode: paths.Mode = "k_shortest"
    k: int = Field(default=3, ge=1, le=paths.MAX_K)
    filters: Filters = Field(default_factory=Filters, description="the path's analyst filters")
    node_ids: Annotated[list[Id], Field(max_length=MAX_ITEMS)] = []
    relationship_ids: Annotated[list[Id], Field(max_length=MAX_ITEMS,
                                                description="claim ids; only these links")] = []
    investigation: Annotated[str | None, Field(max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")] = None
    version: int | None = Field(default=None, ge=1)
    title: Annotated[str, Field(max_length=200)] = ""
    chart_png: Annotated[str | None, Field(
        max_length=MAX_CHART_CHARS, description="the chart as drawn: a PNG, base64 or a data URL")] = None


def _png(value: str | None) -> bytes | None:
    if not value:
        return None
    data = value.split(",", 1)[1] if value.startswith("data:") else value
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InputError("not base64", source="chart_png") from exc
    if not raw.startswith(_PNG):
        raise InputError("not a PNG picture", source="chart_png") from None
    return raw


def _brief(db: Db, body: ReportRequest, who: Principal) -> Brief:
    asked = [name for name, given in (("path", body.source or body.target),
                                      ("selection", body.node_ids or body.relationship_ids),
                                      ("investigation", body.investigation)) if given]
    if len(asked) != 1:
        raise InputError("give one of: source and target (a path), node_ids or relationship_ids "
                         "(a selection), or investigation", source="source" if not asked else asked[1])
    if asked == ["path"]:
        if not (body.source and body.target):
            missing = "target" if body.source else "source"
            raise InputError("a path needs both source and target", source=missing)
        return report.for_path(db, body.source, body.target, who=who.name, mode=body.mode, k=body.k,
                               filters=body.filters)
    if asked == ["selection"]:
        return report.for_selection(db, body.node_ids, body.relationship_ids, who=who.name, title=body.title)
    assert body.investigation is not None
    return report.for_investigation(db, body.investigation, who=who.name, version=body.version)


def _answer(brief: Brief, fmt: Format, chart_png: bytes | None) -> Response:
    if fmt == "pdf":
        return Response(report_pdf.render(brief, chart_png), media_type="application/pdf",
                        headers={"Content-Disposition": 'attachment; filename="pactgraph-report.pdf"'})
    return HTMLResponse(report_html.render(brief, chart_png))


_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": {"text/html": {}, "application/pdf": {}}, "description": "the report"}
}


@router.post("/{fmt}", response_class=Response, responses=_RESPONSES)
def post_report(fmt: Format, body: ReportRequest, db: DbDep, who: ReaderDep) -> Response:
    """The report on what the body names, with the page's picture of the chart when it sends one."""
    chart_png = _png(body.chart_png)
    return _answer(_brief(db, body, who), fmt, chart_png)


@router.get("/{fmt}", response_class=Response, responses=_RESPONSES)
def get_report(
    fmt: Format,
    db: DbDep,
    who: ReaderDep,
    filters: FiltersDep,
    source: Annotated[str | None, Query(min_length=1, max_length=MAX_ID)] = None,
    target: Annotated[str | None, Query(min_length=1, max_length=MAX_ID)] = None,
    mode: paths.Mode = "k_shortest",
    k: Annotated[int, Query(ge=1, le=paths.MAX_K)] = 3,
    node_ids: Annotated[list[str], Query(max_length=MAX_ITEMS)] = [],  # noqa: B006
    relationship_ids: Annotated[list[str], Query(max_length=MAX_ITEMS)] = [],  # noqa: B006
    investigation: Annotated[str | None, Query(max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")] = None,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """The report as a link can ask for it: a path, a selection or an investigation; the chart drawn by
    the server (an investigation's nodes where they were saved)."""
    try:
        body = ReportRequest(source=source, target=target, mode=mode, k=k, filters=filters, node_ids=node_ids,
                             relationship_ids=relationship_ids, investigation=investigation, version=version)
    except ValidationError as exc:  # an id in a list too long: 422 naming it, as for the body
        raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in exc.errors()]) from exc
    return _answer(_brief(db, body, who), fmt, None)
