"""Layers point one way: pactgraph's core imports nothing of ours, graph/ never imports app/ or the
CLI, app/ never imports the CLI, and nothing but the CLI itself imports the CLI (its composition
root). Read from the source, so a lazy import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

from pactgraph.settings import PROJECT_ROOT

CORE = {"pactgraph", "pactgraph.errors", "pactgraph.models", "pactgraph.process", "pactgraph.settings",
        "pactgraph.vocabulary"}
OURS = ("app", "bench", "graph", "loaders", "pactgraph", "tests")


def imports(path: Path) -> set[str]:
    """Every module of ours that ``path`` imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] in OURS}


def modules(package: str) -> dict[str, set[str]]:
    return {str(path.relative_to(PROJECT_ROOT)): imports(path)
            for path in sorted((PROJECT_ROOT / package).rglob("*.py"))}


def offenders(package: str, allowed: set[str] | None = None, banned: tuple[str, ...] = ()) -> list[str]:
    out = []
    for where, names in modules(package).items():
        for name in sorted(names):
            if (allowed is not None and name not in allowed) or name.split(".")[0] in banned \
                    or name.startswith(tuple(f"{b}." for b in banned)) or name in banned:
                out.append(f"{where} imports {name}")
    return out


def test_the_core_imports_only_the_core() -> None:
    core_files = [PROJECT_ROOT / (m.replace(".", "/") + ".py") for m in CORE - {"pactgraph"}]
    bad = [f"{f.name} imports {n}" for f in core_files for n in imports(f) if n not in CORE]
    assert bad == []


def test_graph_never_imports_app_or_the_cli() -> None:
    assert offenders("graph", banned=("app", "pactgraph.cli")) == []


def test_app_and_loaders_never_import_the_cli() -> None:
    assert offenders("app", banned=("pactgraph.cli",)) == []
    assert offenders("loaders", banned=("app", "graph", "pactgraph.cli")) == []


def test_only_the_cli_imports_the_cli() -> None:
    for package in ("app", "graph", "loaders", "bench"):
        assert offenders(package, banned=("pactgraph.cli",)) == []


def test_the_cli_loads_no_web_framework() -> None:
    """``pactgraph keys`` and friends must not pull FastAPI in (app/ is the only place it lives)."""
    for where, names in modules("pactgraph/cli").items():
        assert not any(n == "app" or n.startswith("app.") for n in names), where
