"""neo4j.conf settings that make Neo4j Browser Pactgraph-ready on connect: style sheet and guide.

Neo4j 5.26 declares (and strict validation accepts) ``browser.post_connect_cmd`` and
``browser.remote_content_hostname_whitelist`` (the 5.x name; Browser reads exactly that key
from dbms.clientConfig). Browser fetches both files from the API (app/routers/web.py serves
them with CORS), so the API must be running for the style and guide to load.
"""

from __future__ import annotations

from pactgraph.settings import Settings

#: hosts Browser may always fetch guides from (its default), next to the API's own
_DEFAULT_ALLOWED = ("guides.neo4j.com", "localhost")


def api_base(settings: Settings) -> str:
    """The API's address as Browser (on the same machine) reaches it."""
    host = settings.api_host
    if host in ("0.0.0.0", "::", ""):  # a listen-on-all address is reached via loopback
        host = "127.0.0.1"
    return f"http://{host}:{settings.api_port}"


def browser_settings(settings: Settings) -> dict[str, str]:
    """Extra neo4j.conf lines: load the GraSS style and open the guide when Browser connects."""
    base = api_base(settings)
    host = base.split("://", 1)[1].rsplit(":", 1)[0]
    allowed = ",".join(dict.fromkeys([host, *_DEFAULT_ALLOWED]))
    return {
        "browser.post_connect_cmd": f"style {base}/browser/pactgraph.grass; play {base}/browser/guide.html",
        "browser.remote_content_hostname_whitelist": allowed,
    }
