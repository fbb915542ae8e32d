"""One router per resource; ROUTERS is what app.main includes, in this order."""

from app.routers import entities, health, paths, web

ROUTERS = [health.router, entities.router, paths.router]
ROUTERS.append(web.router)  # the page and Neo4j Browser files


# link analysis, exports, the read-only Cypher console and API keys (API engineer)
from app.routers import analytics, cypher_console, domain, export, keys, network  # noqa: E402

ROUTERS.extend(
    [domain.router, network.router, analytics.router, export.router, cypher_console.router, keys.router]
)

# documents (upload, read, withdraw) and analyst curation with the audit log (graph-store engineer)
from app.routers import curation, documents  # noqa: E402

ROUTERS.extend([documents.router, curation.router])

# the analyst's workbench: saved investigations (issue 16)
from app.routers import investigations, notes  # noqa: E402

ROUTERS.extend([investigations.router, notes.router])

# curation from the page: the duplicate queue, merge previews, an entity's history (issue 16)
from app.routers import curation_queue  # noqa: E402

ROUTERS.append(curation_queue.router)
# the cited report on a path, a selection or an investigation, as HTML or PDF (issue 16)
from app.routers import report  # noqa: E402

ROUTERS.append(report.router)
