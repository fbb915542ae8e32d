"""Screenshots of Neo4j Browser on the project's running server, for the README.

Needs `scripts/run.sh` running (Neo4j, and the API that serves the style and guide) and
Debian's chromium. Writes docs/screenshots/browser-guide.png and browser-graph.png.

    .venv/bin/python scripts/screenshot_browser.py
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from graph.connection import local_server
from pactgraph.settings import PROJECT_ROOT, get_settings

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUERY = ("MATCH p = (a:Entity {id: 'gov:tj-mvd'})-[*1..2]-(b) "
         "WHERE none(r IN relationships(p) WHERE type(r) = 'MENTIONS') RETURN p LIMIT 60")


def main() -> None:
    server = local_server(get_settings())
    out = PROJECT_ROOT / "docs" / "screenshots"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(server.browser_url)
        page.wait_for_timeout(4000)
        auth = page.locator("select").nth(1)
        auth.select_option(value="NO_AUTH")  # re-selecting shows the user/password fields
        auth.select_option(value="NATIVE")
        page.fill('input[data-testid="username"]', server.user)
        page.fill('input[data-testid="password"]', server.password())
        page.click('button[data-testid="connect"]')
        page.wait_for_timeout(8000)  # post-connect: style sheet and guide load from the API
        page.screenshot(path=str(Path(out) / "browser-guide.png"))
        page.locator(".monaco-editor").first.click()
        page.keyboard.type(QUERY)
        page.keyboard.press("Control+Enter")
        page.wait_for_timeout(6000)
        page.screenshot(path=str(Path(out) / "browser-graph.png"))
        browser.close()


if __name__ == "__main__":
    main()
