"""Neo4j Browser guides: the walkthrough (browser/guide.html) and a favourites guide made from cypher/.

The favourites guide lists the project's read-only queries straight from cypher/, each with
``:param`` lines to set first, so it never drifts from the code; an analyst runs one and stars it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from graph.queries import CYPHER_DIR, LINK_TYPES
from pactgraph.settings import PROJECT_ROOT

GUIDE = PROJECT_ROOT / "browser" / "guide.html"
_WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP|FOREACH|LOAD\s+CSV)\b", re.IGNORECASE)
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
#: files that are plumbing (schema, keys, audit, fragments, stores), not questions an analyst asks
_PLUMBING = ("api_key_", "schema_", "show_", "store_", "create_", "audit_", "clear_", "ping")
#: example values (Cypher literals) for parameters, in the loaders' id scheme
EXAMPLES: dict[str, str] = {
    "id": "'gov:tj-mvd'", "source": "'gov:tj-mvd'", "target": "'gov:cn-mps'",
    "ids": "['gov:tj-mvd', 'gov:cn-mps', 'state:tajikistan']", "query": "'Tajik AND MVD'",
    "label": "null", "limit": "25", "skip": "0", "max_hops": "4", "depth": "1", "k": "3",
    "as_of": "null", "date_from": "null", "date_to": "null", "min_confidence": "0", "status": "[]",
    "types": "[" + ", ".join(f"'{t}'" for t in LINK_TYPES) + "]",
    "labels": "[]", "state": "'state:tajikistan'", "actor": "'state:china'",
    "a": "'gov:tj-mvd'", "b": "'gov:cn-mps'", "frontier": "['gov:tj-mvd']",
    "parties": "['state:tajikistan', 'state:china']", "pairs": "[['gov:tj-mvd', 'gov:cn-mps']]",
    "per_pair": "10", "per_node": "10", "context_types": "['FUNDS', 'PROVIDES_FOR', 'APPROVED', 'BUILDS']",
    "context_labels": "['Agreement', 'Event']", "docs": "[]", "refs": "[]", "rows": "[]", "key": "null",
    "roles": "['FUNDS', 'BUILDS', 'OPERATES']", "candidates": "[{a: 'gov:tj-mvd', b: 'gov:cn-mps'}]",
}


def render_guide(api: str) -> str:
    """The walkthrough guide with the API's address filled in (for :style, :play and links)."""
    return GUIDE.read_text(encoding="utf-8").replace("{{api}}", api.rstrip("/"))


def favourite_files(cypher_dir: Path = CYPHER_DIR) -> list[Path]:
    """Every read-only query an analyst can run as written (each file runs so; the shared parts of
    cypher/shared/ and the plumbing are left out)."""
    chosen = []
    for path in sorted(cypher_dir.rglob("*.cypher"), key=lambda p: p.name):
        text = path.read_text(encoding="utf-8")
        body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
        if path.stem.startswith(_PLUMBING) or path.parent.name == "shared" or _WRITES.search(body):
            continue
        chosen.append(path)
    return chosen


def param_lines(text: str) -> list[str]:
    """``:param`` commands for every parameter a query uses, with an example value."""
    names = dict.fromkeys(_PARAM.findall(text))
    return [f":param {name} => {EXAMPLES.get(name, 'null')}" for name in names]


def render_favourites(cypher_dir: Path = CYPHER_DIR) -> str:
    """One slide per query: what it answers (its header comment), its :param lines, the query."""
    slides = []
    for path in favourite_files(cypher_dir):
        text = path.read_text(encoding="utf-8").strip()
        shown = str(path.relative_to(cypher_dir.parent))
        about = " ".join(line.lstrip("/ ").strip() for line in text.splitlines() if line.startswith("//"))
        params = "".join(f'<pre mode="cypher" class="runnable">{html.escape(line)}</pre>\n'
                         for line in param_lines(text))
        slides.append(
            f'<slide class="row-fluid"><div class="col-sm-12">\n<h3>{html.escape(shown)}</h3>\n'
            f"<p>{html.escape(about)}</p>\n{params}"
            f'<pre mode="cypher" class="runnable">{html.escape(text)}</pre>\n'
            "<p>Run it, then press the star in the editor to keep it among your favourites.</p>\n"
            "</div></slide>"
        )
    intro = ('<slide class="row-fluid"><div class="col-sm-12">\n<h3>Pactgraph queries as favourites</h3>\n'
             f"<p>{len(slides)} read-only queries from the project's <code>cypher/</code> folder follow, "
             "one a slide. Set the parameters with the <code>:param</code> lines (examples use the "
             "loaders' ids, e.g. <code>gov:tj-mvd</code>), run the query, and star it. To keep them all at "
             "once, drag the <code>.cypher</code> files onto Browser's Favorites drawer.</p>\n</div></slide>")
    return ('<article class="guide">\n<carousel class="deck container-fluid">\n'
            + "\n".join([intro, *slides]) + "\n</carousel>\n</article>\n")
