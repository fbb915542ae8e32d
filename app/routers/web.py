"""The link-analysis page (/ui/) and Neo4j Browser's style sheet and guide (/browser/...).

These routes serve only files shipped with the project, never graph data, so they take no
API key: the page sends the analyst's key with its own API calls, and Neo4j Browser (another
origin, 127.0.0.1:7474) fetches the style and guide with a plain cross-origin GET.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from graph.server import browser_guides
from pactgraph.errors import NotFoundError
from pactgraph.settings import PROJECT_ROOT

STATIC = Path(__file__).resolve().parent.parent / "static"
BROWSER = PROJECT_ROOT / "browser"
#: what Neo4j Browser may fetch from here, and as which media type
BROWSER_FILES = {
    "pactgraph.grass": "text/plain; charset=utf-8",
    "guide.html": "text/html; charset=utf-8",
    "favourites.html": "text/html; charset=utf-8",
}
_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
}

router = APIRouter(tags=["web"], include_in_schema=False)


def _inside(root: Path, rel: str) -> Path:
    """The file ``rel`` under ``root``, refusing anything that climbs out of it."""
    try:
        path = (root / rel).resolve()
        found = root.resolve() in path.parents and path.is_file()
    except (ValueError, OSError):  # a NUL byte, a name too long for the file system
        found = False
    if not found:
        raise NotFoundError(f"no file {rel[:100]!r} in the page's static files")
    return path


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/ui/", status_code=307)


@router.get("/ui")
def ui_slash() -> RedirectResponse:
    return RedirectResponse("/ui/", status_code=307)


@router.get("/ui/{rel:path}")
def ui(rel: str) -> FileResponse:
    """The page and its assets; vendored libraries are immutable per version, so cache them."""
    path = _inside(STATIC, rel or "index.html")
    cache = "public, max-age=86400" if rel.startswith("vendor/") else "no-cache"
    return FileResponse(path, media_type=_TYPES.get(path.suffix), headers={"Cache-Control": cache})


@router.api_route("/browser/{name}", methods=["GET", "OPTIONS"])
def browser_file(name: str, request: Request) -> Response:
    """The GraSS style and the guides, readable cross-origin by Neo4j Browser (they hold no data)."""
    if name not in BROWSER_FILES:
        raise NotFoundError(f"no Browser file {name!r}; there are {sorted(BROWSER_FILES)}")
    api = str(request.base_url).rstrip("/")
    if name == "guide.html":
        body = browser_guides.render_guide(api).encode()
    elif name == "favourites.html":
        body = browser_guides.render_favourites().encode()
    else:
        body = (BROWSER / name).read_bytes()
    headers = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET",
        "Access-Control-Allow-Headers": "*",
        "Cache-Control": "no-cache",
    }
    return Response(body, media_type=BROWSER_FILES[name], headers=headers)
