"""The cited report as one HTML page (jinja2, autoescaped, from report.html beside this module): the
chart, each link in words with its quotes, status and grades, and the numbered sources; its own print
rules make it print as a brief."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from graph.export import chart
from graph.read.report import Brief

#: the template sits beside this module, so package data ("*.html") carries it into a wheel
TEMPLATES = Path(__file__).resolve().parent


def weburl(url: str | None) -> bool:
    """Only http(s) addresses become links (a stored URL is document metadata, not trusted)."""
    return bool(url) and urlsplit(str(url)).scheme in {"http", "https"}


@cache
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["weburl"] = weburl
    return env


def render(brief: Brief, chart_png: bytes | None = None) -> str:
    """The page; ``chart_png`` is the chart as drawn on the page, else the server draws it."""
    template = _environment().get_template("report.html")
    return template.render(
        brief=brief,
        chart_png=base64.b64encode(chart_png).decode() if chart_png else None,
        chart_svg=Markup(chart.svg(brief)),  # chart.svg escapes every text in it
    )
