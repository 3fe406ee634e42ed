#!/usr/bin/env python3
"""Kill a batch with SIGKILL at random points, again and again, then let it finish: the store must hold
every article exactly once and pass DuckDB's own checks.

    .venv/bin/python tools/kill_resume.py --articles 500 --cycles 20 [--workers 2]

Prints each cycle (when it was killed, articles stored so far) and the final counts.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
NEWSTRACE = str(Path(sys.executable).parent / "newstrace")


def count(db: Path) -> tuple[int, int]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        docs = con.execute("SELECT count(*) FROM documents").fetchone()
        assert row is not None and docs is not None and docs[0] == row[0], "documents and articles differ"
        return int(row[0]), int(row[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--cycles", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=20261130)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    folder = Path(tempfile.mkdtemp(prefix="newstrace-kill-"))
    seen, records = set(), []
    with open(SHARED / "corpus" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["text"] not in seen and 100 <= r.get("n_words", 0) <= 900:
                seen.add(r["text"])
                records.append(line)
            if len(records) == a.articles:
                break
    src = folder / "in.jsonl"
    src.write_text("".join(records), encoding="utf-8")
    db = folder / "store.duckdb"
    cmd = [NEWSTRACE, "batch", str(src), "--db", str(db), "-j", str(a.workers)]
    for cycle in range(1, a.cycles + 1):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        delay = rng.uniform(3, 15)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        n, distinct = count(db) if db.exists() else (0, 0)
        print(f"cycle {cycle:2d}: killed after {delay:4.1f} s; {n} articles stored, {distinct} distinct", flush=True)
        assert n == distinct
    began = time.perf_counter()
    final = subprocess.run(cmd, capture_output=True, text=True)
    n, distinct = count(db)
    print(
        f"final run: exit {final.returncode} in {time.perf_counter() - began:.0f} s; {final.stderr.strip().splitlines()[-1]}"
    )
    import duckdb

    # DuckDB checks each block's checksum as it reads it: a checkpoint and a full read of every table is
    # its own check that nothing on disk is corrupt.
    with duckdb.connect(str(db)) as con:
        con.execute("CHECKPOINT")
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        rows = sum(len(con.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables)
        # an article the batch refused (not English, say) is accounted for by its row in `failures`
        found = con.execute(
            "SELECT count(DISTINCT article_id) FROM failures WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()
        skipped = int(found[0]) if found else 0
    print(f"DuckDB read back {len(tables)} tables, {rows} rows, after a checkpoint: no error")
    print(
        f"articles stored {n}, distinct {distinct}, reported as skipped {skipped}, expected {len(records)}: "
        f"{'OK' if n == distinct and n + skipped == len(records) else 'MISMATCH'}"
    )


if __name__ == "__main__":
    main()
