"""Bad input: one specific line naming the file, and the rest of the batch still extracts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from loaders import extract_path, extract_paths
from loaders.read.readers import MAX_BYTES
from pactgraph.errors import InputError
from tests.loaders.fixtures import write_pdf

GOOD = "Kazakhstan and Turkey signed a memorandum on military-technical cooperation."


def _bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    pdf = write_pdf(tmp_path / "full.pdf", ["Some text"]).read_bytes()
    (tmp_path / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (tmp_path / "badenc.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 400 + b"\xff\xfe\xfa" * 50)
    with (tmp_path / "huge.txt").open("wb") as fh:
        fh.seek(MAX_BYTES + 1024)
        fh.write(b"x")
    (tmp_path / "scripts.html").write_text(
        "<html><head><script>var a=1;</script></head><body><script>alert(1)</script>"
        "<script>track()</script></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


EXPECTED = {
    "empty.txt": "file is empty",
    "binary.txt": "binary file",
    "truncated.pdf": "PDF is truncated",
    "badenc.txt": "cannot decode text",
    "huge.txt": "MB limit",
    "scripts.html": "HTML has no article text",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_has_a_specific_error(tmp_path, name):
    folder = _bad_files(tmp_path)
    with pytest.raises(InputError) as info:
        extract_path(folder / name)
    message = str(info.value)
    assert EXPECTED[name] in message
    assert str(folder / name) in message
    assert "\n" not in message


def test_batch_continues(tmp_path):
    folder = _bad_files(tmp_path)
    results = {r.path.name: r for r in extract_paths([folder])}
    assert results["good.txt"].graph is not None and results["good.txt"].error is None
    for name, fragment in EXPECTED.items():
        assert results[name].graph is None and fragment in results[name].error


def test_cli_exit_codes_and_stderr_lines(tmp_path):
    folder = _bad_files(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "pactgraph.cli", "extract", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert '"nodes"' in run.stdout
    errors = [ln for ln in run.stderr.splitlines() if ln.startswith("pactgraph extract: /")]
    assert len(errors) == len(EXPECTED)
    none = subprocess.run(
        [sys.executable, "-m", "pactgraph.cli", "extract", str(folder / "empty.txt")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert none.returncode == 2 and none.stdout == ""
