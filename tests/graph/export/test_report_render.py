"""The report's renderers on a brief made by hand (no database): names in other scripts survive into
the PDF's text, stored text never becomes markup or a script link in the HTML, and the drawing keeps
saved positions."""

from __future__ import annotations

import io

from lxml import html as lxml_html
from pypdf import PdfReader

from graph.export import chart, report_html, report_pdf
from graph.read.report import Brief, Link, Node, Quote, Source

RU, ZH = "Министерство внутренних дел", "中华人民共和国公安部"


def brief(**changes: object) -> Brief:
    made = Brief(
        kind="selection", title="Brief <b>one</b>", subtitle="2 entities and 1 link chosen on the chart",
        made_at="2026-01-01 00:00 UTC", made_by="analyst",
        nodes=[Node(id="a", name=RU, label="Actor", x=0, y=0),
               Node(id="b", name=ZH, label="Actor", x=10, y=5)],
        links=[Link(number=1, id="c1", source="a", source_name=RU, type="COOPERATES_WITH",
                    words="cooperates with", target="b", target_name=ZH, status="denied", i2_grade="3",
                    quotes=[Quote(text="<script>alert(1)</script>", source=1, status="denied")])],
        sources=[Source(number=1, id="d1", title="Доклад", publisher="Asia-Plus", published="2021-10-28",
                        url="javascript:alert(1)")])
    return made.model_copy(update=changes)


def test_the_pdf_keeps_cyrillic_and_chinese_names() -> None:
    words = " ".join(PdfReader(io.BytesIO(report_pdf.render(brief()))).pages[0].extract_text().split())
    assert f"1. {RU} cooperates with {ZH}" in words
    assert "1. Доклад, Asia-Plus, 2021-10-28" in words


def test_the_html_escapes_stored_text_and_links_only_web_addresses() -> None:
    page = report_html.render(brief())
    doc = lxml_html.fromstring(page)
    assert doc.find(".//h1").text_content() == "Brief <b>one</b>"
    assert not doc.xpath("//script") and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not doc.xpath('//a[starts-with(@href, "javascript")]')
    assert "javascript:alert(1)" in doc.xpath('//ol[@class="sources"]/li')[0].text_content()
    web = report_html.render(brief(sources=[brief().sources[0].model_copy(update={"url": "https://x.org/a"})]))
    assert lxml_html.fromstring(web).xpath('//ol[@class="sources"]/li/a/@href') == ["https://x.org/a"]


def test_the_drawing_keeps_saved_positions_and_dashes_denied_links() -> None:
    dots, lines = chart.layout(brief())
    a, b = dots
    assert a.x < b.x and a.y < b.y  # as saved: b right of and below a
    assert lines[0].dashed and (lines[0].x1, lines[0].x2) == (a.x, b.x)
