"""Extraction throughput (KB/s on one core) and peak memory over a generated corpus.

usage: python -m bench.bench_extract [--mb 50] [--doc-kb 8] [--dir DIR] [--real-loops 20]
       python -m bench.bench_extract --curve [--sizes 1,5,20] [--no-tracemalloc]
       python -m bench.bench_extract --profile 5
The corpus is generated deterministically from the gazetteer and sentence templates into a
temporary folder (never committed). Peak RSS is sampled at 10 MB and at the end to show that
memory does not grow with corpus size. Templates are denser than news prose, so the hand-written
documents of corpus/eval (and the shared seed, when present) are also timed, in a loop.
CPU time (process_time) is the primary figure: the machine may be shared; wall time and the load
average are printed beside it.

``--curve`` times ONE document of 1, 5 and 20 MB of real prose (the articles of
../shared/corpus/real/docs and corpus/sample, concatenated and repeated at run time), each size in
a fresh interpreter so its peak RSS is its own, and says whether time and peak memory per MB stay
flat as the document grows. ``--profile MB`` runs cProfile over one such document.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from pactgraph.process import tune_gc

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
#: a curve is linear enough while time per MB at the largest size is within this of the smallest's
LINEAR_RATIO = 1.5

TEMPLATES = [
    "{A} and {B} signed an agreement on joint counterterrorism exercises in {Y}.",
    "The Ministry of Internal Affairs of {A} and the Ministry of Defence of {B} agreed to hold drills.",
    "{A} provided {N} million US dollars for a new border post in {R}.",
    "{A} delivered armoured vehicles to the Armed Forces of {B} in {Y}.",
    "{A}'s partnership with {B} has grown since {Y}, officials said.",
    "The Parliament of {A} ratified the agreement in October last year.",
    "{A} is building a training centre for the border troops of {B} near {R}.",
    "Special units from {A} and {B} carried out joint exercises at least once every two years.",
    "Analysts reported that {A} trains officers of the {B} army in mountain warfare.",
    "The weather in the capital was mild and markets were busy during the holiday week.",
    "Trade between the two countries rose by {N} percent, according to customs statistics.",
]


def generate(folder: Path, total_mb: int, doc_kb: int, seed: int = 7) -> list[Path]:
    """Write deterministic domain documents of about ``doc_kb`` KB until ``total_mb`` MB."""
    from loaders.names.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    states = sorted(e.name for e in gaz.entries.values() if e.label == "State")
    regions = sorted(e.name for e in gaz.entries.values() if e.label == "Region")
    rng = random.Random(seed)
    paths, written, i = [], 0, 0
    while written < total_mb * 1024 * 1024:
        parts, size = [f"Security cooperation report {i}\nPublished: 21 November 2022\n\n"], 0
        while size < doc_kb * 1024:
            a, b = rng.sample(states, 2)
            s = rng.choice(TEMPLATES).format(
                A=a, B=b, R=rng.choice(regions), Y=rng.randint(2005, 2023), N=rng.randint(2, 900)
            )
            parts.append(s + (" " if rng.random() < 0.8 else "\n\n"))
            size += len(s) + 1
        path = folder / f"doc{i:05d}.txt"
        data = "".join(parts)
        path.write_text(data, encoding="utf-8")
        paths.append(path)
        written += len(data.encode("utf-8"))
        i += 1
    return paths


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--doc-kb", type=int, default=8, help="size of one generated article")
    parser.add_argument("--dir", type=Path, help="use this folder of .txt files instead")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    parser.add_argument("--real-loops", type=int, default=20, help="passes over corpus/eval (0: skip)")
    parser.add_argument("--curve", action="store_true",
                        help="time one document of each --sizes MB of real prose, and check linearity")
    parser.add_argument("--sizes", default="1,5,20", help="document sizes in MB for --curve")
    parser.add_argument("--no-tracemalloc", action="store_true",
                        help="skip --curve's second, traced pass (Python heap peak; about 2x slower)")
    parser.add_argument("--profile", type=float, metavar="MB", help="cProfile one document of MB of prose")
    parser.add_argument("--point", type=float, help=argparse.SUPPRESS)  # one --curve size, in a child
    args = parser.parse_args(argv)
    tune_gc()  # as the CLI does where it starts
    if args.point:
        print(json.dumps(curve_point(args.point, traced=not args.no_tracemalloc)))
        return 0
    if args.curve:
        return curve([float(x) for x in args.sizes.split(",")], traced=not args.no_tracemalloc)
    if args.profile:
        return profile(args.profile)
    progress = not args.quiet
    from loaders import extract_path

    with tempfile.TemporaryDirectory(prefix="pactgraph-bench-") as tmp:
        paths = sorted(args.dir.glob("*.txt")) if args.dir else generate(Path(tmp), args.mb, args.doc_kb)
        extract_path(paths[0])  # warm the gazetteer so load time is not counted as throughput
        done = 0
        marks: dict[int, float] = {}
        started, cpu_started = time.perf_counter(), time.process_time()
        for path in paths:
            graph = extract_path(path)
            done += path.stat().st_size
            del graph
            for mark in (10, 50):
                if mark not in marks and done >= mark * 1024 * 1024:
                    marks[mark] = peak_rss_mb()
            if (
                progress
                and len(marks) < 2
                and done // (5 * 1024 * 1024) > (done - path.stat().st_size) // (5 * 1024 * 1024)
            ):
                print(f"  {done / 1048576:.0f} MB ...", file=sys.stderr, flush=True)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    kb = done / 1024
    # the machine may be shared: CPU time shows the extractor's own cost, wall time what a user waits
    print(
        f"documents {len(paths)}  text {kb / 1024:.1f} MB  wall {elapsed:.1f} s  cpu {cpu:.1f} s  "
        f"throughput {kb / elapsed:.0f} KB/s wall, {kb / cpu:.0f} KB/s cpu (one core)"
    )
    for mark, rss in sorted(marks.items()):
        print(f"peak RSS after {mark} MB: {rss:.0f} MB")
    print(f"peak RSS at end: {peak_rss_mb():.0f} MB")
    if args.real_loops > 0:
        real_documents(args.real_loops)
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


def real_documents(loops: int) -> None:
    """Throughput over the hand-written documents (news prose), each extracted ``loops`` times."""
    from loaders import extract_path
    from loaders.read.readers import is_supported

    root = Path(__file__).resolve().parents[1]
    paths = [p for p in sorted((root / "corpus" / "eval").iterdir()) if is_supported(p)]
    paths += sorted((root / ".." / "shared" / "corpus" / "seed").glob("*.txt"))
    if not paths:
        return
    kb = sum(p.stat().st_size for p in paths) / 1024 * loops
    for path in paths:  # warm: gazetteer, HTML/PDF readers' imports
        extract_path(path)
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(loops):
        for path in paths:
            extract_path(path)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"real documents {len(paths)} x {loops}  text {kb / 1024:.1f} MB  wall {elapsed:.1f} s  "
        f"cpu {cpu:.1f} s  "
        f"throughput {kb / elapsed:.0f} KB/s wall, {kb / cpu:.0f} KB/s cpu (one core)"
    )


# --- one large document: the time and memory curve ---


def prose(size_mb: float, seed: int = 7) -> str:
    """``size_mb`` MB (UTF-8) of article text: the real articles and the sample briefs, their
    ``KEY: value`` source headers dropped, shuffled and repeated until the size is reached."""
    files = sorted((ROOT.parent / "shared" / "corpus" / "real" / "docs").glob("*.txt"))
    files += sorted((ROOT / "corpus" / "sample").glob("*.txt"))
    if not files:
        raise SystemExit("bench_extract: no prose found in ../shared/corpus/real/docs or corpus/sample")
    header = re.compile(r"\A(?:[A-Z]+:[^\n]*\n)+\s*")
    articles = [header.sub("", f.read_text(encoding="utf-8")).strip().encode() for f in files]
    rng, target = random.Random(seed), int(size_mb * MB)
    chunks, size = [], 0
    while size < target:
        rng.shuffle(articles)
        for article in articles:
            chunks.append(article)
            size += len(article) + 2
    # cut at the byte size; a character split there is dropped
    return b"\n\n".join(chunks)[:target].decode("utf-8", errors="ignore")


def _reset_peak_rss() -> bool:
    """Linux: start VmHWM (peak RSS) again from the current RSS; False where that is not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _status_mb(field: str) -> float | None:
    """A memory figure of /proc/self/status (VmRSS now, VmHWM the peak) in MB; None off Linux."""
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return None
    found = [int(line.split()[1]) / 1024 for line in lines if line.startswith(field + ":")]
    return found[0] if found else None


def curve_point(size_mb: float, *, traced: bool) -> dict[str, float | int | None]:
    """Extract one ``size_mb`` MB document; its time, and its peak memory above what was held
    before (the text itself, the warm gazetteer). Meant for a fresh interpreter."""
    from loaders import extract_text

    text = prose(size_mb)
    # the per-document limit would refuse this on purpose: raise it for this process only
    os.environ["PACTGRAPH_MAX_TEXT_CHARS"] = str(len(text) + 1)
    extract_text(prose(0.01, seed=1), document_id="warm-up")  # gazetteer, lexicons, regexes
    held = _status_mb("VmRSS")
    exact = held is not None and _reset_peak_rss()
    started, cpu_started = time.perf_counter(), time.process_time()
    graph = extract_text(text, document_id=f"bench-{size_mb:g}mb")
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = _status_mb("VmHWM") if exact else None
    peak_rss = peak - held if peak is not None and held is not None else None
    point: dict[str, float | int | None] = {
        "mb": len(text.encode()) / MB, "wall": wall, "cpu": cpu, "peak_rss_mb": peak_rss,
        "nodes": len(graph.nodes), "relationships": len(graph.relationships), "traced_mb": None,
    }
    del graph
    if traced:
        print(f"    timed: {cpu:.1f} s cpu; again under tracemalloc ...", file=sys.stderr, flush=True)
        tracemalloc.start()
        extract_text(text, document_id=f"bench-{size_mb:g}mb")
        point["traced_mb"] = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
    return point


def _cell(value: float | None, width: int, per: float = 1.0) -> str:
    return f"{'-':>{width}}" if value is None else f"{value / per:>{width}.1f}"


def curve(sizes: list[float], *, traced: bool) -> int:
    """Each size in its own interpreter, then the table and the two linearity ratios."""
    points = []
    for size in sizes:
        print(f"  {size:g} MB ...", file=sys.stderr, flush=True)
        command = [sys.executable, "-m", "bench.bench_extract", "--point", str(size)]
        done = subprocess.run(command + (["--no-tracemalloc"] if not traced else []), cwd=ROOT,
                              stdout=subprocess.PIPE, text=True, check=False)
        if done.returncode != 0:
            print(f"bench_extract: the {size:g} MB run failed (its error is above)", file=sys.stderr)
            return 1
        points.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print("one document of real prose; cpu = process time on one core; peaks are above the text held")
    print(f"{'MB':>6} {'cpu s':>8} {'wall s':>8} {'KB/s cpu':>9} {'s/MB':>6} {'peak RSS MB':>12} "
          f"{'RSS/MB':>7} {'traced MB':>10} {'traced/MB':>10} {'nodes':>6} {'rels':>6}")
    for p in points:
        rss, traced = p["peak_rss_mb"], p["traced_mb"]
        print(f"{p['mb']:>6.1f} {p['cpu']:>8.1f} {p['wall']:>8.1f} {p['mb'] * 1024 / p['cpu']:>9.0f} "
              f"{p['cpu'] / p['mb']:>6.2f} {_cell(rss, 12)} {_cell(rss, 7, p['mb'])} "
              f"{_cell(traced, 10)} {_cell(traced, 10, p['mb'])} {p['nodes']:>6} {p['relationships']:>6}")
    first, last = points[0], points[-1]
    time_ratio = (last["cpu"] / last["mb"]) / (first["cpu"] / first["mb"])
    verdict = "linear" if time_ratio <= LINEAR_RATIO else "SUPERLINEAR"
    print(f"time per MB, {last['mb']:.3g} MB / {first['mb']:.3g} MB: {time_ratio:.2f} "
          f"({verdict}; linear up to {LINEAR_RATIO})")
    for key, name in (("peak_rss_mb", "peak RSS"), ("traced_mb", "traced peak")):
        if first[key] and last[key]:
            ratio = (last[key] / last["mb"]) / (first[key] / first["mb"])
            print(f"{name} per MB, {last['mb']:.3g} MB / {first['mb']:.3g} MB: {ratio:.2f} "
                  f"({'flat' if ratio <= LINEAR_RATIO else 'GROWING'})")
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


def profile(size_mb: float, top: int = 25) -> int:
    """cProfile over one ``size_mb`` MB document: the functions that take the time, own and total."""
    import cProfile
    import pstats

    from loaders import extract_text

    text = prose(size_mb)
    os.environ["PACTGRAPH_MAX_TEXT_CHARS"] = str(len(text) + 1)
    extract_text(prose(0.01, seed=1), document_id="warm-up")
    profiler = cProfile.Profile()
    profiler.runcall(extract_text, text, document_id=f"bench-{size_mb:g}mb")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
