"""The page's files and Neo4j Browser's style and guides, as the API serves them (no database needed)."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.routers.web import STATIC
from graph.server import browser_guides
from graph.server.browser_config import browser_settings
from pactgraph import vocabulary as vocab
from pactgraph.settings import PROJECT_ROOT, Settings

GRASS = PROJECT_ROOT / "browser" / "pactgraph.grass"


@pytest.fixture
def client() -> TestClient:
    # no `with`: the lifespan (which reaches for Neo4j) does not run; these routes need none
    return TestClient(create_app(Settings()), follow_redirects=False)


def test_root_redirects_to_the_page(client: TestClient) -> None:
    for path in ("/", "/ui"):
        response = client.get(path)
        assert response.status_code == 307
        assert response.headers["location"] == "/ui/"


def test_page_and_every_file_it_loads_are_served(client: TestClient) -> None:
    page = client.get("/ui/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    wanted = set(re.findall(r'(?:src|href)="([^"#:]+)"', page.text))
    for script in STATIC.glob("*.js"):
        wanted |= set(re.findall(r'from "\./([^"]+)"', script.read_text()))
        wanted |= set(re.findall(r'fetch\("([^"]+)"\)', script.read_text()))
    assert {"vendor/cytoscape.min.js", "vendor/topojson-client.min.js", "app.js", "style.css",
            "vendor/countries-50m.json", "api.js", "panel.js"} <= wanted
    for rel in sorted(wanted):
        response = client.get(f"/ui/{rel}")
        assert response.status_code == 200, rel
        assert response.content, rel
    assert client.get("/ui/app.js").headers["content-type"].startswith("text/javascript")


def test_nothing_outside_the_static_folder_is_served(client: TestClient) -> None:
    for rel in ("%2e%2e/main.py", "..%2Fmain.py", "vendor/%2e%2e/%2e%2e/main.py", "missing.js"):
        response = client.get(f"/ui/{rel}")
        assert response.status_code == 404, rel
        assert response.headers["content-type"].startswith("application/problem+json")


def test_vendored_libraries_are_the_pinned_npm_packages() -> None:
    manifest = json.loads((STATIC / "vendor" / "MANIFEST.json").read_text())
    lock = json.loads((PROJECT_ROOT / "web" / "package-lock.json").read_text())
    pins = json.loads((PROJECT_ROOT / "web" / "package.json").read_text())["dependencies"]
    assert set(pins) == {"cytoscape", "topojson-client", "world-atlas"}
    for name, entry in manifest["files"].items():
        data = (STATIC / "vendor" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], f"{name} differs from MANIFEST.json"
        assert pins[entry["package"]] == entry["version"], f"{name}: package.json pins another version"
        assert lock["packages"][f"node_modules/{entry['package']}"]["version"] == entry["version"]
    # exact pins only: a range would let `npm install` drift from the committed copies
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in pins.values())


def test_style_and_guides_are_served_to_neo4j_browser_with_cors(client: TestClient) -> None:
    for name, kind in (("pactgraph.grass", "text/plain"), ("guide.html", "text/html"),
                       ("favourites.html", "text/html")):
        response = client.get(f"/browser/{name}", headers={"Origin": "http://127.0.0.1:7474"})
        assert response.status_code == 200, name
        assert response.headers["content-type"].startswith(kind)
        assert response.headers["access-control-allow-origin"] == "*"
        preflight = client.options(f"/browser/{name}", headers={
            "Origin": "http://127.0.0.1:7474", "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "pragma,cache-control"})
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "*"
    guide = client.get("/browser/guide.html").text
    assert "{{api}}" not in guide
    assert ":style http://testserver/browser/pactgraph.grass" in guide
    assert client.get("/browser/secrets.txt").status_code == 404


def test_style_sheet_gives_every_label_the_page_colour() -> None:
    grass = GRASS.read_text()
    rules = dict(re.findall(r"node\.(\w+) \{[^}]*?color: (#[0-9a-fA-F]{6});", grass))
    model = (STATIC / "model.js").read_text()
    page = dict(re.findall(r'  (\w+): \["(#[0-9a-f]{6})"', model))
    for label in vocab.ALL_LABELS - {"Other"} | {"Document"}:
        assert label in rules, f"no GraSS rule for {label}"
    for label, colour in page.items():
        assert rules[label].lower() == colour, f"{label}: GraSS {rules[label]} vs page {colour}"
    assert "caption: '{name}'" in grass and "caption: '<type>'" in grass
    assert "/*" not in grass  # Browser's GraSS parser has no comments


def test_favourites_guide_holds_the_read_only_queries_with_param_examples() -> None:
    names = {path.stem for path in browser_guides.favourite_files()}
    assert {"search_entities", "shortest_path"} <= names
    assert not names & {"upsert_nodes", "upsert_relationships", "clear_database", "api_key_lookup"}
    page = browser_guides.render_favourites()
    assert page.count("<slide") == len(names) + 1
    assert ":param source =&gt; &#x27;gov:tj-mvd&#x27;" in page
    assert browser_guides.param_lines("MATCH (n {id: $id}) RETURN n LIMIT $limit") == [
        ":param id => 'gov:tj-mvd'", ":param limit => 25"]


def test_browser_settings_load_style_and_guide_from_the_api() -> None:
    conf = browser_settings(Settings(PACTGRAPH_API_HOST="0.0.0.0", PACTGRAPH_API_PORT=8123))  # type: ignore[call-arg]
    assert conf["browser.post_connect_cmd"] == (
        "style http://127.0.0.1:8123/browser/pactgraph.grass; play http://127.0.0.1:8123/browser/guide.html")
    assert conf["browser.remote_content_hostname_whitelist"].split(",")[0] == "127.0.0.1"
