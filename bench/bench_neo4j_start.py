"""Neo4j provisioning and start-up times for the project's own server.

Cold provisioning resolves the server from Maven Central into an empty local Maven
repository (nothing cached); warm provisioning reuses the machine's Maven cache; first start
includes the initial password; warm start is a restart of an existing instance.

    .venv/bin/python -m bench.bench_neo4j_start [--starts 3] [--skip-cold]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from graph.server.localserver import LocalNeo4j, free_ports, provision_lib


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    began = time.monotonic()
    fn()
    return time.monotonic() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=3, help="warm restarts to time")
    parser.add_argument("--skip-cold", action="store_true", help="skip the empty-Maven-cache download")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pactgraph-bench-") as tmp:
        root = Path(tmp)
        if not args.skip_cold:
            saved = os.environ.get("MAVEN_OPTS")
            os.environ["MAVEN_OPTS"] = f"-Dmaven.repo.local={root / 'm2'}"
            cold = timed(lambda: provision_lib(root / "cold-lib"))
            os.environ.pop("MAVEN_OPTS") if saved is None else os.environ.__setitem__("MAVEN_OPTS", saved)
            print(f"cold provisioning (empty Maven cache, from Central): {cold:6.1f} s")
        lib = root / "lib"
        warm = timed(lambda: provision_lib(lib))
        print(f"provisioning with the machine's Maven cache:          {warm:6.1f} s")
        bolt, http = free_ports(2)
        server = LocalNeo4j(home=root / "home", lib_dir=lib, bolt_port=bolt, http_port=http,
                            heap="1g", pagecache="512m")
        first = timed(server.start)
        print(f"first start (new instance, initial password, Bolt up): {first:6.1f} s")
        starts = []
        for _ in range(args.starts):
            server.stop()
            starts.append(timed(server.start))
        server.stop()
        print(f"warm start until Bolt answers (n={len(starts)}): median {statistics.median(starts):.1f} s, "
              f"min {min(starts):.1f} s, max {max(starts):.1f} s")


if __name__ == "__main__":
    main()
