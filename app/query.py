"""The hottest read routes (neighbours, paths) without per-parameter dependency resolution.

FastAPI resolves each declared parameter and dependency on its own at every request: it inspects
the annotation, picks the value out of the request and validates it, one by one. On the neighbours
route that was about 0.3 ms a request, a fifth of what the neighbourhood query itself takes. These
routes (``lean_get``) take only the request and are served without FastAPI's per-request handler
(``LeanRoute``): ``lean_read`` checks the key, validates the whole query string against one
pydantic model in one call and hands over the reader; ``query_openapi`` documents the model's
fields, the path parameters and the key as FastAPI would have, so clients, the docs and the fuzz
test see the same operation. Errors keep their form: 401/403 for the key, 422 naming the parameter.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from typing import Any, TypeVar, get_origin

from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError

from app.auth import SECURITY, Role, authorize
from app.deps import GraphReader, get_reader
from pactgraph.errors import InputError

#: the longest entity id a path parameter may carry
MAX_ID = 300

M = TypeVar("M", bound=BaseModel)


def _list_fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(name for name, f in model.model_fields.items() if get_origin(f.annotation) is list)


def parse_query(model: type[M]) -> Callable[[Request], Awaitable[M]]:
    """A parser of the request's query string as ``model`` (a repeated key fills a list field;
    keys the model lacks are ignored, as FastAPI ignores undeclared parameters). A bad value is a
    422 naming the parameter, in the same form as FastAPI's own."""
    fields = frozenset(model.model_fields)
    lists = _list_fields(model)

    async def parse(request: Request) -> M:
        query = request.query_params
        data = {key: query.getlist(key) if key in lists else query[key] for key in query if key in fields}
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            errors = [{**e, "loc": ("query", *e["loc"])} for e in exc.errors(include_url=False)]
            raise RequestValidationError(errors) from exc

    return parse


async def lean_read(request: Request, parse: Callable[[Request], Awaitable[M]],
                    role: Role = Role.reader) -> tuple[GraphReader, M]:
    """What the route's dependencies did, in one call: the key checked, the query string parsed,
    the schema ensured, and the reader to run the plan on."""
    await authorize(request, role)
    query = await parse(request)
    return await get_reader(request), query


Endpoint = Callable[[Request], Coroutine[Any, Any, Response]]


class LeanRoute(APIRoute):
    """A route whose endpoint takes the request and returns its response: FastAPI documents it
    from its declaration but resolves nothing per request (a custom ``get_route_handler``, the
    extension point FastAPI documents for custom routes)."""

    def get_route_handler(self) -> Endpoint:
        endpoint: Endpoint = self.endpoint
        return endpoint


#: the lean routes, added to the app itself ahead of the included routers (app/main.py), so a
#: request reaches them without passing through an included router's matching
LEAN = APIRouter()


def lean_get(path: str, model: type[BaseModel], *, tags: list[str], enums: Mapping[str, Sequence[str]],
             path_params: Mapping[str, str] | None = None, response_class: type[Response],
             ) -> Callable[[Endpoint], Endpoint]:
    """``@app.get(path)`` for a lean endpoint ``(request) -> response`` whose query string is
    ``model`` and whose path parameters are ``path_params`` (name: description)."""

    def register(endpoint: Endpoint) -> Endpoint:
        LEAN.add_api_route(path, endpoint, methods=["GET"], response_class=response_class, tags=list(tags),
                           openapi_extra=query_openapi(model, enums=enums, path=path_params),
                           route_class_override=LeanRoute)
        return endpoint

    return register


def path_id(request: Request, name: str) -> str:
    """An id from the path, within the documented length."""
    value: str = request.path_params[name]
    if len(value) > MAX_ID:
        raise InputError(f"an id has at most {MAX_ID} characters", source=name)
    return value


def query_openapi(model: type[BaseModel], *, enums: Mapping[str, Sequence[str]],
                  path: Mapping[str, str] | None = None) -> dict[str, Any]:
    """``openapi_extra`` for a lean route: ``path`` (name: description) and ``model``'s fields as
    its parameters, and the API key; ``enums`` gives the allowed values of fields the model checks
    in a validator (vocabulary names)."""
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    lists = _list_fields(model)
    parameters: list[dict[str, Any]] = [
        {"name": name, "in": "path", "required": True, "description": description,
         "schema": {"type": "string", "minLength": 1, "maxLength": MAX_ID}}
        for name, description in (path or {}).items()
    ]
    for name, prop in schema["properties"].items():
        prop = {k: v for k, v in prop.items() if k not in ("title", "description")}
        if name in enums:
            allowed = {"type": "string", "enum": list(enums[name])}
            prop = {"type": "array", "items": allowed, "default": []} if name in lists else allowed
        parameter: dict[str, Any] = {"name": name, "in": "query", "required": name in required,
                                     "schema": prop}
        description = model.model_fields[name].description
        if description:
            parameter["description"] = description
        parameters.append(parameter)
    return {"parameters": parameters, "security": SECURITY}
