"""Fixtures for the page's tests: the API on a free loopback port, and headless Debian Chromium."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from app.main import create_app
from graph.db import Db
from graph.server.localserver import free_port
from pactgraph.settings import PROJECT_ROOT, Settings

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class LiveApi:
    """create_app(settings, db) under uvicorn in a thread; ``url`` is where it answers."""

    def __init__(self, db: Db) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = app = create_app(Settings(PACTGRAPH_AUTH=False), db)  # type: ignore[call-arg]
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveApi:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"the API did not start on {self.url}")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_api(db: Db) -> Iterator[LiveApi]:
    with LiveApi(db) as api:
        yield api


@pytest.fixture
def page(live_api: LiveApi) -> Iterator[Any]:
    """A fresh headless Chromium page at 1366×768 (a laptop screen), its own profile, no network."""
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    profile = tempfile.mkdtemp(prefix="pactgraph-chromium-")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1366, "height": 768}, accept_downloads=True,
        )
        # the page must work without network: only the API's own origin is allowed
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(live_api.url)
                      else route.abort())
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.js_errors = errors  # type: ignore[attr-defined]
        try:
            yield tab
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)
