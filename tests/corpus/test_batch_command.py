"""`newstrace batch` into a store: exit codes 0/1/2, the failures table, resume, --jsonl, and kill -9."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import duckdb

from newstrace.corpus.store import Store

from .conftest import BAD_LINES, CLI_MAIN, SRC, articles_between, run_cli, write_jsonl


def test_exit_codes_failures_table_and_resume(shared, tmp_path):
    good = articles_between(shared, 120, 160, 2)
    mixed = write_jsonl(tmp_path / "mixed.jsonl", good, BAD_LINES)
    db = tmp_path / "s.duckdb"

    first = run_cli("batch", mixed, "--db", db, "--workers", "1")
    assert first.returncode == 1, first.stderr
    assert "Traceback" not in first.stderr
    assert f"newstrace: skipped {mixed}:3: " in first.stderr and f"newstrace: skipped {mixed}:4: " in first.stderr
    assert "2 analysed, 2 skipped" in first.stderr
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 2
        failures = store.rows("SELECT source, reason FROM failures ORDER BY source")
    assert [f["source"] for f in failures] == [f"{mixed}:3", f"{mixed}:4"]
    assert 'no "text"' in failures[0]["reason"] and "not a JSON object" in failures[1]["reason"]

    again = run_cli("batch", mixed, "--db", db, "--workers", "1", "--jsonl", tmp_path / "again.jsonl")
    assert again.returncode == 1 and "0 analysed, 2 already stored, 2 skipped" in again.stderr
    docs = [json.loads(x) for x in (tmp_path / "again.jsonl").read_text().splitlines()]
    assert [d["article"]["outlet"] for d in docs] == [r["outlet"] for r in good]  # from the store, input order

    clean = write_jsonl(tmp_path / "clean.jsonl", good)
    ok = run_cli("batch", clean, "--db", db, "--workers", "1")
    assert ok.returncode == 0 and "0 analysed, 2 already stored, 0 skipped" in ok.stderr

    for usage in (
        ["batch", clean, "--db", db, "--published", "yesterday"],
        ["batch", "--db", db],
        ["batch", tmp_path / "missing.jsonl", "--db", db],
        ["batch", clean, "--jsonl", tmp_path / "no" / "x"],
    ):
        proc = run_cli(*usage)
        assert proc.returncode == 2, (usage, proc.stderr)
        assert "Traceback" not in proc.stderr


def test_jsonl_alone_uses_no_store(shared, tmp_path):
    src = write_jsonl(tmp_path / "one.jsonl", articles_between(shared, 120, 160, 1))
    proc = run_cli("batch", src, "--jsonl", "-", "--workers", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["schema"] == "newstrace/1"
    assert not (tmp_path / "newstrace.duckdb").exists()


def test_kill_9_loses_nothing_and_stores_nothing_twice(shared, tmp_path):
    records = articles_between(shared, 60, 120, 30)
    src = write_jsonl(tmp_path / "thirty.jsonl", records)
    db = tmp_path / "k.duckdb"
    wal = tmp_path / "k.duckdb.wal"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI_MAIN, "batch", str(src), "--db", str(db), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        # The tables are checkpointed into the file on creation, so the write-ahead log then grows by one
        # commit (~40 KB here) per article: past 50 KB, at least one article is in.
        while (
            not (wal.exists() and wal.stat().st_size > 50_000) and proc.poll() is None and time.monotonic() < deadline
        ):
            time.sleep(0.02)
        time.sleep(random.uniform(0, 1.5))
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    with Store(db, read_only=True) as store:
        stored_before = store.counts()["articles"]
    assert stored_before >= 1
    print("stored before the kill:", stored_before)

    rerun = run_cli("batch", src, "--db", db, "--workers", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{30 - stored_before} analysed, {stored_before} already stored" in rerun.stderr
    with Store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["articles"] == counts["documents"] == 30
        for table, key in (
            ("quotes", "article_id, id"),
            ("events", "article_id, id"),
            ("entities", "article_id, id"),
            ("voices", "article_id, id"),
        ):
            dupes = store.scalar(f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)")
            assert dupes == 0, table
        orphans = store.scalar("SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans == 0
    duckdb.connect(str(db)).close()  # opens fine for writing too
