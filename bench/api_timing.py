"""Timing helpers of bench/bench_api.py: a minimal HTTP client, interleaved arms, percentiles, and
the concurrent-clients phase."""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlencode

import httptools


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def interleaved(arms: Mapping[str, Callable[[int], Any]], n: int) -> dict[str, list[float]]:
    """Time each arm on the same inputs, alternating request by request, so that the load other
    processes put on the machine falls on every arm alike."""
    out: dict[str, list[float]] = {name: [] for name in arms}
    for i in range(n):
        for name, fn in arms.items():
            began = time.perf_counter()
            fn(i)
            out[name].append(time.perf_counter() - began)
    return out


class Client:
    """A minimal keep-alive HTTP/1.1 client: the request written out, the response parsed by
    httptools (the C parser the server uses too). What the API costs is measured, not a client
    library's own overhead: httpx adds about a millisecond a request here, and the standard
    library's header parsing (email.parser) about 0.1 ms."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.complete = False

    def on_message_complete(self) -> None:  # httptools callback
        self.complete = True

    def get(self, path: str, **params: Any) -> int:
        target = path + ("?" + urlencode(params, doseq=True) if params else "")
        self.sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode("latin-1"))
        parser = httptools.HttpResponseParser(self)
        self.complete = False
        while not self.complete:
            data = self.sock.recv(1 << 16)
            if not data:
                raise ConnectionError("the API closed the connection")
            parser.feed_data(data)
        return int(parser.get_status_code())

    def ok(self, path: str, **params: Any) -> None:
        if (status := self.get(path, **params)) != 200:
            raise SystemExit(f"GET {path} {params} answered {status}")


#: what a failed request raises
REQUEST_ERRORS = (OSError, httptools.HttpParserError)


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def concurrent(args: argparse.Namespace, port: int, ids: list[str], pairs: list[tuple[str, str]]) -> None:
    """Requests/s of --clients keep-alive clients, half neighbours and half shortest path; any
    status but 200, or a failed request, is an error. Stops at --concurrent-requests or --max-seconds."""
    errors, done = 0, 0
    deadline = time.monotonic() + args.max_seconds

    def one(i: int) -> None:
        nonlocal errors, done
        client = Client(port)
        for j in range(i, args.concurrent_requests, args.clients):
            if time.monotonic() > deadline:
                return
            try:
                if j % 2:
                    status = client.get(f"/entities/{ids[j % len(ids)]}/neighbours")
                else:
                    s, t = pairs[j % len(pairs)]
                    status = client.get("/paths", source=s, target=t, max_hops=6)
                errors += status != 200
            except REQUEST_ERRORS:
                errors += 1
                client = Client(port)
            done += 1

    began = time.perf_counter()
    with ThreadPoolExecutor(args.clients) as pool:
        list(pool.map(one, range(args.clients)))
    elapsed = time.perf_counter() - began
    print(
        f"\n{args.clients} concurrent clients: {done} requests (half neighbours, half shortest path) "
        f"in {elapsed:.1f}s = {done / elapsed:.0f} req/s, {errors} errors"
    )
