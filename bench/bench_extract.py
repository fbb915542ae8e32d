"""Extraction throughput (KB/s on one core) and peak memory over a generated corpus.

usage: python -m bench.bench_extract [--mb 50] [--doc-kb 8] [--dir DIR] [--real-loops 20]
The corpus is generated deterministically from the gazetteer and sentence templates into a
temporary folder (never committed). Peak RSS is sampled at 10 MB and at the end to show that
memory does not grow with corpus size. Templates are denser than news prose, so the hand-written
documents of corpus/eval (and the shared seed, when present) are also timed, in a loop.
CPU time (process_time) is the primary figure: the machine may be shared; wall time and the load
average are printed beside it.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

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
    from loaders.gazetteer import load_gazetteer

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
    args = parser.parse_args(argv)
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
    from loaders.readers import is_supported

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


if __name__ == "__main__":
    sys.exit(main())
