"""Linking time (copies, statements, events, stories) for 1,000 articles and for every stored article,
from a store made by `newstrace batch ../shared/corpus/articles.jsonl --db FILE`; near-linear growth
shows as a time per article that stays flat.

    .venv/bin/python benchmarks/link.py --db corpus.duckdb
"""

from __future__ import annotations

import argparse
import time

from newstrace.corpus.link import compute_links
from newstrace.corpus.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--sizes", default="250,1000", help="subset sizes timed before the whole store")
    a = ap.parse_args()
    with Store(a.db, read_only=True) as store:
        ids = [r["id"] for r in store.rows("SELECT id FROM articles ORDER BY published NULLS LAST, id")]
        sizes = [int(x) for x in a.sizes.split(",") if int(x) < len(ids)] + [len(ids)]
        print(f"{'articles':>9} {'seconds':>8} {'ms/article':>11}  rows")
        for n in sizes:
            began = time.perf_counter()
            rows = compute_links(store, set(ids[:n]) if n < len(ids) else None)
            spent = time.perf_counter() - began
            summary = ", ".join(f"{len(v)} {k}" for k, v in rows.items())
            print(f"{n:>9} {spent:>8.2f} {spent / n * 1000:>11.2f}  {summary}")


if __name__ == "__main__":
    main()
