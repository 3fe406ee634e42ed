"""The REST API under load, on loopback only: a server on 127.0.0.1 with a small store, and N concurrent
clients sending a mix of query requests and analyses for a bounded time (it stops by itself). Prints
requests per second, p50/p99 latency per kind and every error.

    .venv/bin/python benchmarks/load.py [--clients 16] [--seconds 30] [--analyse-share 0.1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

SHARED = Path(__file__).resolve().parents[2] / "shared"
NEWSTRACE = str(Path(sys.executable).parent / "newstrace")
MAX_REQUESTS = 20_000  # a hard bound, whatever the time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def texts(n: int) -> list[str]:
    out = []
    with open(SHARED / "corpus" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if 150 <= r.get("n_words", 0) <= 400:
                out.append(r["text"])
                if len(out) == n:
                    break
    return out


QUERIES = [
    "/api/articles?limit=20",
    "/api/articles?search=missile&limit=20",
    "/api/quotes?speaker=a&limit=50",
    "/api/events?limit=50",
    "/api/claims?limit=50",
    "/api/statements?limit=20",
    "/api/stories",
    "/api/copies",
    "/api/status",
]


async def client(base: str, until: float, share: float, bodies: list[str], log: list, budget: list) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=180) as http:
        while time.monotonic() < until and budget[0] > 0:
            budget[0] -= 1
            analyse = random.random() < share
            began = time.perf_counter()
            try:
                if analyse:
                    r = await http.post("/api/analyze", json={"text": random.choice(bodies)})
                else:
                    r = await http.get(random.choice(QUERIES))
                ok = r.status_code < 400
                note = "" if ok else f"HTTP {r.status_code} {r.text[:120]}"
            except httpx.HTTPError as exc:
                ok, note = False, f"{type(exc).__name__}: {exc}"
            log.append(("analyse" if analyse else "query", time.perf_counter() - began, ok, note))


async def run(base: str, clients: int, seconds: float, share: float, bodies: list[str]) -> list:
    log: list = []
    until = time.monotonic() + seconds
    budget = [MAX_REQUESTS]
    await asyncio.gather(*(client(base, until, share, bodies, log, budget) for _ in range(clients)))
    return log


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--analyse-share", type=float, default=0.1)
    a = ap.parse_args()
    random.seed(7)
    folder = Path(tempfile.mkdtemp(prefix="newstrace-load-"))
    bodies = texts(40)
    seed = folder / "seed.jsonl"
    seed.write_text("\n".join(json.dumps({"text": t}) for t in bodies[:20]) + "\n", encoding="utf-8")
    db = folder / "load.duckdb"
    subprocess.run([NEWSTRACE, "batch", str(seed), "--db", str(db), "-j", "1"], check=True, capture_output=True)
    port = free_port()
    server_log = open(folder / "server.log", "w")  # noqa: SIM115 (closed after the run)
    server = subprocess.Popen(
        [NEWSTRACE, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(base + "/api/status", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        began = time.perf_counter()
        log = asyncio.run(run(base, a.clients, a.seconds, a.analyse_share, bodies[20:]))
        spent = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=30)
    errors = [entry for entry in log if not entry[2]]
    print(
        f"clients {a.clients}, {spent:.1f} s, {len(log)} requests, {len(log) / spent:.1f} requests/s, "
        f"errors {len(errors)}"
    )
    for kind in ("query", "analyse"):
        times = sorted(t for k, t, ok, _ in log if k == kind)
        if times:
            p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
            print(
                f"  {kind:8s} n={len(times):5d}  p50 {statistics.median(times) * 1000:8.0f} ms  p99 {p99 * 1000:8.0f} ms"
            )
    for _, _, _, note in errors[:10]:
        print("  error:", note)
    server_log.close()
    if errors:
        log_text = (folder / "server.log").read_text()
        (Path(tempfile.gettempdir()) / "newstrace-load-server.log").write_text(log_text)
        print("server log: " + str(Path(tempfile.gettempdir()) / "newstrace-load-server.log"))
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
