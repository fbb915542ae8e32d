"""Readers: every format, legacy encodings, metadata and sidecars."""

from __future__ import annotations

import json

from loaders import extract_path, read_document
from tests.loaders.fixtures import EVAL_DIR, write_docx, write_pdf

SENTENCE = "Russia and Tajikistan signed an agreement on the 201st military base in Dushanbe."


def test_plain_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"Base deal\nPublished: 3 March 2023\n\n{SENTENCE}\n", encoding="utf-8")
    doc = read_document(f)
    assert doc.format == "text"
    assert doc.meta.title == "Base deal"
    assert doc.meta.published == "2023-03-03"
    assert doc.meta.language == "en"


def test_markdown_title_and_author():
    doc = read_document(EVAL_DIR / "china-kyrgyzstan-border-training.md")
    assert doc.format == "markdown"
    assert doc.meta.title == "China Trains Kyrgyz Border Guards"
    assert doc.meta.published == "2023-06-05"


def test_html_drops_boilerplate_and_scripts():
    doc = read_document(EVAL_DIR / "pakistan-china-frigates.html")
    assert "China delivered two Type 054A/P frigates" in doc.text
    for junk in ("cookies", "dataLayer", "Most read", "All rights reserved", "Subscribe"):
        assert junk not in doc.text
    assert doc.meta.published == "2023-05-04"
    assert doc.meta.publisher == "South Asia Defence Review"


def test_pdf_text_layer(tmp_path):
    pdf = write_pdf(tmp_path / "a.pdf", ["Base deal", SENTENCE])
    doc = read_document(pdf)
    assert doc.format == "pdf"
    assert "201st military base" in doc.text
    graph = extract_path(pdf)
    assert graph.node("facility:ru-201st-base") is not None


def test_docx(tmp_path):
    f = write_docx(tmp_path / "a.docx", ["Base deal", SENTENCE], title="Base deal")
    doc = read_document(f)
    assert doc.format == "docx"
    assert doc.meta.title == "Base deal"
    assert "Dushanbe" in doc.text


def test_cp1251_cyrillic(tmp_path):
    f = tmp_path / "ru.txt"
    text = "Таджикистан и Китай договорились о совместных учениях. " * 5
    f.write_bytes(text.encode("cp1251"))
    doc = read_document(f)
    assert "Таджикистан" in doc.text
    assert doc.meta.language == "ru"
    graph = extract_path(f)
    assert graph.node("state:tajikistan") is not None and graph.node("state:china") is not None


def test_latin1(tmp_path):
    f = tmp_path / "l1.txt"
    f.write_bytes("Türkiye signed a memorandum with Kazakhstan on défense industry.".encode("latin-1"))
    doc = read_document(f)
    assert "Türkiye" in doc.text and "défense" in doc.text


def test_sidecar_wins(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"Untitled\n\n{SENTENCE}\n", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(
        json.dumps(
            {
                "title": "Lease",
                "publisher": "Asia-Plus",
                "author": "A. Writer",
                "published": "2022-11-21",
                "language": "en",
            }
        ),
        encoding="utf-8",
    )
    doc = read_document(f)
    assert (doc.meta.title, doc.meta.publisher, doc.meta.author) == ("Lease", "Asia-Plus", "A. Writer")
    assert (doc.meta.published, doc.meta.published_precision) == ("2022-11-21", "day")
    explicit = read_document(f, sidecar={"title": "Given"})
    assert explicit.meta.title == "Given"
