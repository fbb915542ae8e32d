"""The cited report as PDF (fpdf2, pure Python): the same brief as the HTML page, with the page's picture
of the chart or the server's drawing of it, each link in words with its quotes, status and grades, and
the numbered sources with their addresses as links."""

from __future__ import annotations

import io
import logging
from functools import cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from graph.export import chart
from graph.read.report import Brief

#: TrueType fonts that cover the reports' scripts (Latin, Cyrillic; Chinese through the fallback):
#: Debian's fonts-dejavu-core and fonts-wqy-zenhei. Without them the core Helvetica is used.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
GREY, INK = (75, 85, 99), (17, 24, 39)
# fontTools says on every report that it cannot subset the Chinese font's bitmap strikes (it drops
# them; the outlines are kept): a warning per request that tells an operator nothing
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)


@cache
def _have_dejavu() -> bool:
    return all((DEJAVU / f"DejaVuSans{s}.ttf").exists() for s in ("", "-Bold", "-Oblique"))


class _Report(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        if _have_dejavu():
            for style, suffix in (("", ""), ("B", "-Bold"), ("I", "-Oblique")):
                self.add_font("DejaVu", style, str(DEJAVU / f"DejaVuSans{suffix}.ttf"))
            self.face = "DejaVu"
            if WQY.exists():
                self.add_font("WQY", "", str(WQY))
                self.set_fallback_fonts(["WQY"], exact_match=False)
        else:
            self.face = "helvetica"

    def text_of(self, value: str) -> str:
        """What the current font can show: core fonts take Latin-1 only."""
        return value if self.face != "helvetica" else value.encode("latin-1", "replace").decode("latin-1")

    def para(self, value: str, *, size: float = 10, style: str = "", colour: tuple[int, int, int] = INK,
             indent: float = 0, gap: float = 1.0, link: str | None = None) -> None:
        self.set_font(self.face, style, size)
        self.set_text_color(*colour)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, size * 0.5, self.text_of(value), align="L", link=link or "",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)

    def heading(self, value: str) -> None:
        self.ln(2)
        self.para(value, size=13, style="B", gap=0.5)
        self.set_draw_color(209, 213, 219)
        self.line(self.l_margin, self.get_y(), self.l_margin + self.epw, self.get_y())
        self.ln(2)

    def draw_chart(self, brief: Brief) -> None:
        """The server's drawing of the chart (graph/export/chart.py's layout), as vector shapes."""
        dots, lines = chart.layout(brief)
        scale = self.epw / chart.WIDTH
        top, left = self.get_y(), self.l_margin
        height = chart.HEIGHT * scale
        if top + height > self.page_break_trigger:
            self.add_page()
            top = self.get_y()
        self.set_draw_color(229, 231, 235)
        self.rect(left, top, self.epw, height)

        def at(x: float, y: float) -> tuple[float, float]:
            return left + x * scale, top + y * scale

        self.set_font(self.face, "", 6.5)
        for line in lines:
            self.set_draw_color(*_rgb(line.colour))
            self.set_line_width(0.5)
            self.set_dash_pattern(dash=1.5, gap=1) if line.dashed else self.set_dash_pattern()
            self.line(*at(line.x1, line.y1), *at(line.x2, line.y2))
            mx, my = at((line.x1 + line.x2) / 2, (line.y1 + line.y2) / 2)
            self.set_text_color(*GREY)
            self.text(mx, my, str(line.number))
        self.set_dash_pattern()
        for dot in dots:
            x, y = at(dot.x, dot.y)
            self.set_fill_color(*_rgb(dot.colour))
            self.circle(x, y, chart.RADIUS * scale, style="F")
            self.set_text_color(*INK)
            name = self.text_of(chart.short(dot.name))
            width = self.get_string_width(name) + 2
            self.set_xy(x - width / 2, y + chart.RADIUS * scale + 0.5)
            self.cell(width, 3, name, align="C")  # a cell, not text(): it takes the fallback font
        self.set_y(top + height + 2)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def render(brief: Brief, chart_png: bytes | None = None) -> bytes:
    """The PDF's bytes; ``chart_png`` is the chart as drawn on the page, else the server draws it."""
    pdf = _Report()
    pdf.set_title(brief.title)
    pdf.set_creator("Pactgraph")
    pdf.add_page()
    pdf.para(brief.title, size=17, style="B", gap=1)
    pdf.para(f"{brief.subtitle}. Report made {brief.made_at} by {brief.made_by} from Pactgraph.",
             size=9, colour=GREY, gap=3)
    if chart_png:
        pdf.image(io.BytesIO(chart_png), x=pdf.l_margin, w=pdf.epw, h=pdf.epw * 0.6, keep_aspect_ratio=True)
        pdf.ln(2)
    elif brief.nodes:
        pdf.draw_chart(brief)
    pdf.para(f"{len(brief.nodes)} entities, {len(brief.links)} links.", size=8, colour=GREY, gap=2)
    if brief.notes:
        pdf.heading("Investigation notes")
        pdf.para(brief.notes)
    pdf.heading("Links")
    if not brief.links:
        pdf.para("No links.", colour=GREY)
    for link in brief.links:
        pdf.para(f"{link.number}. {link.source_name} {link.words} {link.target_name}", size=10.5, style="B",
                 gap=0.3)
        pdf.para(f"{link.source_name} {link.type} {link.target_name}", size=8, colour=GREY, indent=5, gap=0.3)
        grades = [f"Status: {link.status}", *([f"Date: {link.date}"] if link.date else []),
                  f"Source reliability: {link.reliability or 'not graded'}",
                  f"Information credibility: {link.credibility or 'not graded'}",
                  f"Confidence: {link.confidence if link.confidence is not None else 'not computed'}",
                  f"i2 grade: {link.i2_grade}"]
        pdf.para(" · ".join(grades), size=8.5, indent=5, gap=0.5)
        for quote in link.quotes:
            said = f" ({quote.status})" if quote.status and quote.status != link.status else ""
            pdf.para(f"“{quote.text}” [{quote.source}]{said}", size=9.5, style="I", indent=8, gap=0.5)
        if not link.quotes:
            pdf.para("No quote recorded.", size=9, colour=GREY, indent=8)
        for note in link.notes:
            pdf.para(f"Note: {note.text} — {note.author}, {note.at}", size=8.5, colour=GREY, indent=8)
        pdf.ln(1.5)
    if brief.truncated:
        pdf.para(f"Only the first {len(brief.links)} links are in this report.", size=9, colour=GREY)
    noted = [(node.name, note) for node in brief.nodes for note in node.notes]
    if noted:
        pdf.heading("Notes on entities")
        for name, note in noted:
            pdf.para(f"{name}: {note.text} — {note.author}, {note.at}", size=9)
    pdf.heading("Sources")
    if not brief.sources:
        pdf.para("No sources.", colour=GREY)
    for source in brief.sources:
        parts = [source.title, source.publisher, source.published]
        line = f"{source.number}. " + ", ".join(p for p in parts if p)
        if source.reliability:
            line += f" (reliability {source.reliability})"
        pdf.para(line, size=9.5, gap=0.2)
        if source.url:
            web = source.url.startswith(("http://", "https://"))
            pdf.para(source.url, size=8.5, colour=(37, 99, 235) if web else GREY, indent=5,
                     link=source.url if web else None)
        pdf.ln(0.8)
    return bytes(pdf.output())
