"""Readers: plain text, Markdown, HTML (article body only), PDF text layer, DOCX.

Every failure raises InputError naming the file, with one line saying what to do.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from charset_normalizer import from_bytes

from pactgraph.errors import InputError

#: larger files are refused before reading: extraction is per document, not per archive
MAX_BYTES = 20 * 1024 * 1024
#: a DOCX (a zip) may unpack to at most this many bytes in all, and no large part of it may
#: unpack to more than MAX_ZIP_RATIO times its compressed size (a decompression bomb)
MAX_UNZIPPED_BYTES = 64 * 1024 * 1024
MAX_ZIP_RATIO = 100
_RATIO_FLOOR = 1024 * 1024  # small parts (styles, settings) compress far better; only large ones count
#: default of PACTGRAPH_MAX_TEXT_CHARS: the most text one document may hold once read
MAX_TEXT_CHARS = 5_000_000
TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
HTML_EXT = {".html", ".htm", ".xhtml"}
SUPPORTED = TEXT_EXT | HTML_EXT | {".pdf", ".docx"}
_SIDE_EXT = (".meta.json", ".meta.yaml", ".meta.yml")


def check_file(path: Path) -> int:
    """Size and existence checks done before any byte is read."""
    if not path.is_file():
        raise InputError("no such file; check the path", source=str(path))
    size = path.stat().st_size
    if size == 0:
        raise InputError("file is empty; nothing to extract", source=str(path))
    if size > MAX_BYTES:
        raise InputError(
            f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit; "
            "split it into smaller documents",
            source=str(path),
        )
    return size


def max_text_chars() -> int:
    """The per-document text limit: ``PACTGRAPH_MAX_TEXT_CHARS`` or MAX_TEXT_CHARS."""
    raw = os.environ.get("PACTGRAPH_MAX_TEXT_CHARS", "").strip()
    try:
        return int(raw) if raw else MAX_TEXT_CHARS
    except ValueError as exc:
        raise InputError("set it to a whole number of characters", source="PACTGRAPH_MAX_TEXT_CHARS") from exc


def check_text_size(text: str, source: str | None) -> None:
    """Refuse text longer than the per-document limit, before extraction spends time on it."""
    limit = max_text_chars()
    if len(text) > limit:
        raise InputError(
            f"document holds {len(text):,} characters of text, over the {limit:,} limit "
            "(PACTGRAPH_MAX_TEXT_CHARS); split it into smaller documents",
            source=source,
        )


def read_raw(path: Path) -> tuple[str, str, dict]:
    """Return (text, format, metadata found inside the file) for a supported file."""
    check_file(path)
    ext = path.suffix.lower()
    data = path.read_bytes()
    if ext == ".pdf":
        return _pdf(data, path), "pdf", {}
    if ext == ".docx":
        return _docx(data, path)
    if ext not in TEXT_EXT | HTML_EXT:
        raise InputError(
            f"unsupported file type {ext or '(none)'}; use one of {', '.join(sorted(SUPPORTED))}",
            source=str(path),
        )
    if _looks_binary(data):
        raise InputError(
            "looks like a binary file, not text; convert it to text, PDF or DOCX", source=str(path)
        )
    text = decode(data, path)
    if ext in HTML_EXT:
        return _html(text, path)
    return text, "markdown" if ext in {".md", ".markdown"} else "text", {}


_CONTROL = bytes([*range(9), *range(14, 32)])


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    ctrl = len(head) - len(head.translate(None, _CONTROL))
    return ctrl > len(head) * 0.05


def decode(data: bytes, path: Path) -> str:
    """UTF-8 first, then the most likely legacy encoding (cp1251, latin-1, ...)."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(
        data[:200_000],
        cp_isolation=["cp1251", "koi8_r", "cp1252", "latin_1", "iso8859_5", "gb18030", "big5", "cp1250"],
    ).best()
    if best is None or best.encoding in {"utf_8"} or best.chaos > 0.3:
        raise InputError(
            "cannot decode text: not UTF-8 or a known legacy encoding "
            "(cp1251, koi8-r, latin-1, gb18030); re-save it as UTF-8",
            source=str(path),
        )
    return data.decode(best.encoding, errors="replace")


def _html(markup: str, path: Path) -> tuple[str, str, dict]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        markup, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if doc is not None and isinstance(doc, dict):
        body = doc.get("text")
    if not body or len(body.strip()) < 20:
        raise InputError(
            "HTML has no article text (only scripts, markup or boilerplate); "
            "save the article itself or its text",
            source=str(path),
        )
    meta = {}
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    for key, field in (
        ("title", "title"),
        ("author", "author"),
        ("publisher", "sitename"),
        ("published", "date"),
        ("language", "language"),
    ):
        if value := get(field):
            meta[key] = str(value)
    title = meta.get("title")
    return (f"{title}\n\n{body}" if title and not body.startswith(title) else body), "html", meta


def _pdf(data: bytes, path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PdfStreamError

    if not data.startswith(b"%PDF"):
        raise InputError("not a PDF (no %PDF header); check the file type", source=str(path))
    if b"%%EOF" not in data[-2048:]:
        raise InputError("PDF is truncated (no end-of-file marker); download it again", source=str(path))
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"PDF is damaged or truncated ({exc}); download it again", source=str(path)) from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputError("PDF has no text layer (scanned?); run OCR first", source=str(path))
    return text


def _check_zip(data: bytes, path: Path) -> None:
    """Refuse a zip that would unpack too large or too far beyond its size (a bomb), before any
    part of it is decompressed. zipfile stops each part at its declared size, so the declared
    sizes checked here bound what python-docx can unpack."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = 0
        for info in archive.infolist():
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > _RATIO_FLOOR and ratio > MAX_ZIP_RATIO:
                raise InputError(
                    f"DOCX part {info.filename[:80]!r} would unpack {ratio:.0f} times its size "
                    f"(over {MAX_ZIP_RATIO}x): refused as a likely decompression bomb",
                    source=str(path),
                )
            if total > MAX_UNZIPPED_BYTES:
                raise InputError(
                    f"DOCX would unpack to over {MAX_UNZIPPED_BYTES // (1024 * 1024)} MB: refused as a "
                    "likely decompression bomb; split the document",
                    source=str(path),
                )


def _docx(data: bytes, path: Path) -> tuple[str, str, dict]:
    import zipfile
    import zlib

    import docx

    try:
        _check_zip(data, path)
        document = docx.Document(io.BytesIO(data))
        text = "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
        props = document.core_properties
        meta = {k: v for k, v in (("title", props.title), ("author", props.author)) if v}
        if props.created:
            meta["published"] = props.created.date().isoformat()
    except InputError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        KeyError,
        ValueError,
        SyntaxError,
        EOFError,
        OSError,
    ) as exc:
        # lxml's XMLSyntaxError is a SyntaxError; a cut-off part is an EOFError or a zlib error
        raise InputError(
            f"DOCX is damaged or not a Word document ({type(exc).__name__}); re-save it as .docx",
            source=str(path),
        ) from exc
    return text, "docx", meta


def sidecar_for(path: Path) -> Path | None:
    """``<file>.meta.json`` / ``.meta.yaml`` next to the file, if present."""
    for ext in _SIDE_EXT:
        for cand in (path.with_name(path.name + ext), path.with_suffix(ext)):
            if cand.is_file():
                return cand
    return None


def is_supported(path: Path) -> bool:
    name = path.name.lower()
    return (
        path.suffix.lower() in SUPPORTED
        and not name.endswith(_SIDE_EXT)
        and not re.search(r"\.gold\.json$", name)
    )
