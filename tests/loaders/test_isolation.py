"""One bad file never sinks a batch: whatever a reader, a parser library or a sidecar raises
becomes that file's one escaped line; zip bombs and oversized text are refused with a clear line."""

from __future__ import annotations

import json
import pickle
import zipfile
from pathlib import Path

import pytest

from loaders import extract_isolated, extract_path, extract_paths
from loaders.read import readers
from pactgraph.errors import InputError, one_line
from tests.loaders.fixtures import write_docx

GOOD = "Kazakhstan and Turkey signed a memorandum on military-technical cooperation."


def truncated_docx(path: Path) -> Path:
    """A DOCX whose zip is valid but whose word/document.xml is cut off half-way."""
    whole = write_docx(path.with_name("whole-" + path.name), [GOOD] * 20)
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            cut = info.filename == "word/document.xml"
            dst.writestr(info.filename, data[: len(data) // 2] if cut else data)
    whole.unlink()
    return path


def bomb_docx(path: Path, unpacked: int = 4 * 1024 * 1024) -> Path:
    """A small DOCX whose document.xml unpacks to ``unpacked`` bytes of one repeated paragraph."""
    whole = write_docx(path.with_name("whole-" + path.name), [GOOD])
    paragraph = b"<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>"
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                head, tail = data.split(b"<w:body>", 1)
                data = head + b"<w:body>" + paragraph * (unpacked // len(paragraph)) + tail
            dst.writestr(info.filename, data)
    whole.unlink()
    return path


def test_a_truncated_docx_is_one_line_naming_the_file_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    truncated_docx(tmp_path / "b-cut.docx")
    (tmp_path / "c-good.txt").write_text(GOOD, encoding="utf-8")
    results = list(extract_paths([tmp_path]))
    assert [r.path.name for r in results] == ["a-good.txt", "b-cut.docx", "c-good.txt"]
    assert results[0].graph is not None and results[2].graph is not None
    error = results[1].error
    assert results[1].graph is None and error is not None
    assert str(tmp_path / "b-cut.docx") in error and "DOCX is damaged" in error and "\n" not in error
    pickle.loads(pickle.dumps(results[1]))  # what a worker process sends back


def test_a_bad_sidecar_fails_its_file_with_the_field_named(tmp_path: Path) -> None:
    cases = {
        "not-a-date": ({"published": "not-a-date"}, "'published' is not a date"),
        "far-future": ({"published": "99999-99-99"}, "'published' is not a date"),
        "no-month-13": ({"published": "2022-13-01"}, "'published' is not a date"),
        "long-title": ({"title": "t" * 100_000}, "'title' is 100000 characters long"),
        "language": ({"language": "english please"}, "'language' must be a language code"),
        "nested": ({"author": {"name": "x"}}, "'author' must be a single value"),
    }
    for name, (sidecar, _) in cases.items():
        (tmp_path / f"{name}.txt").write_text(GOOD, encoding="utf-8")
        (tmp_path / f"{name}.txt.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (tmp_path / "fine.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "fine.txt.meta.json").write_text(json.dumps({"published": "2022-11-21", "title": "T"}))
    results = {r.path.stem: r for r in extract_paths([tmp_path])}
    for name, (_, fragment) in cases.items():
        assert results[name].graph is None, name
        assert fragment in str(results[name].error) and f"{name}.txt.meta.json" in str(results[name].error)
    doc = next(n for n in results["fine"].graph.nodes if "Document" in n.labels)  # type: ignore[union-attr]
    assert doc.properties["published"] == "2022-11-21" and doc.properties["title"] == "T"


def test_any_exception_of_a_reader_is_isolated_with_its_type_named(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(data: bytes, path: Path) -> str:
        raise RecursionError("maximum recursion depth exceeded\nwhile parsing")

    monkeypatch.setattr(readers, "_pdf", explode)
    pdf = tmp_path / "deep.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF")
    result = extract_isolated(pdf)
    assert result.graph is None and result.error is not None
    assert result.error.startswith(str(pdf)) and "RecursionError" in result.error and "\n" not in result.error


def test_file_names_are_escaped_in_failure_lines(tmp_path: Path) -> None:
    name = "evil\nname\u202egnp.txt"
    (tmp_path / name).write_bytes(b"")
    error = extract_isolated(tmp_path / name).error
    assert error is not None and "\n" not in error and "\u202e" not in error
    assert "evil\\nname\\u202egnp.txt" in error
    assert one_line("a\r\nb\u2066c\td") == "a\\r\\nb\\u2066c\\td"


def test_a_decompression_bomb_is_refused_before_it_unpacks(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = bomb_docx(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 200_000
    with pytest.raises(InputError, match="decompression bomb") as info:
        extract_path(bomb)
    assert str(bomb) in str(info.value) and "times its size" in str(info.value)
    monkeypatch.setattr(readers, "MAX_ZIP_RATIO", 10_000)
    monkeypatch.setattr(readers, "MAX_UNZIPPED_BYTES", 1024 * 1024)
    with pytest.raises(InputError, match=r"unpack to over 1 MB"):
        extract_path(bomb)


def test_text_over_the_configured_limit_is_refused_with_the_setting_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "long.txt"
    path.write_text((GOOD + "\n") * 100, encoding="utf-8")
    assert extract_path(path) is not None
    monkeypatch.setenv("PACTGRAPH_MAX_TEXT_CHARS", "1000")
    with pytest.raises(InputError, match="over the 1,000 limit") as info:
        extract_path(path)
    assert "PACTGRAPH_MAX_TEXT_CHARS" in str(info.value) and str(path) in str(info.value)
