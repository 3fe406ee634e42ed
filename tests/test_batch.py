"""`newstrace batch`: many inputs, results in input order whatever the number of workers, bad inputs
reported and skipped, and an output file that is written whole or not at all."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent / "newstrace"


@pytest.fixture(scope="module")
def inputs(shared, tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch-in")
    texts = sorted((shared / "corpus" / "text").glob("bbc_*.txt"))[:3]
    for n, src in enumerate(texts):
        shutil.copy(src, folder / f"{n}-{src.name}")
    (folder / "9-empty.txt").write_text("")
    return folder


def run(*args):
    return subprocess.run([str(BIN), "batch", *map(str, args)], capture_output=True, text=True, timeout=600)


def test_two_workers_give_the_same_documents_in_input_order(inputs, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    p1 = run(inputs, "--jsonl", one, "--workers", "1")
    p2 = run(inputs, "--jsonl", two, "--workers", "2")
    assert p1.returncode == 1 and p2.returncode == 1, p1.stderr + p2.stderr  # 1: some input was skipped
    docs1 = [json.loads(x) for x in one.read_text().splitlines()]
    docs2 = [json.loads(x) for x in two.read_text().splitlines()]
    assert [Path(d["article"]["source"]).name for d in docs1] == sorted(
        p.name for p in inputs.iterdir() if p.stat().st_size
    )
    assert docs1 == docs2
    assert "1 skipped" in p2.stderr and "9-empty.txt" in p2.stderr and "Traceback" not in p2.stderr


def test_nothing_readable_means_exit_2_and_no_output_file(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_text("")
    out = tmp_path / "out.jsonl"
    proc = run(bad, "--jsonl", out)
    assert proc.returncode == 2
    assert not out.exists()
    assert "Traceback" not in proc.stderr


def test_an_existing_output_survives_a_failed_run(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n")
    proc = run(tmp_path / "missing-folder", "--jsonl", out)
    assert proc.returncode == 2
    assert out.read_text() == "keep me\n"


def test_the_last_articles_go_out_in_small_chunks_in_order():
    from newstrace.corpus.workers import Job, _chunks

    jobs = [Job(str(i), article=None if i % 5 == 4 else object()) for i in range(60)]  # type: ignore[arg-type]
    chunks = list(_chunks(iter(jobs), 8, finish=16))
    assert [j for c in chunks for j in c] == jobs
    # 48 articles: the last 16 two at a time (the pass-through job at the end rides alone)
    assert [sum(j.article is not None for j in c) for c in chunks] == [8, 8, 8, 8] + [2] * 8 + [0]
    assert [sum(j.article is not None for j in c) for c in _chunks(iter(jobs), 8)] == [8] * 6 + [0]


def test_the_main_process_of_a_batch_reads_and_cleans_without_importing_spacy(tmp_path):
    # the workers parse; the main process only reads, cleans and stores, and starts them sooner without it
    (tmp_path / "a.txt").write_text("The harbour reopened on Monday after a week of repairs, the port authority said.")
    code = (
        "import sys\n"
        "from newstrace.cli import corpus\n"
        "from newstrace.corpus import batch, link, store, workers\n"
        "from newstrace.settings import Settings\n"
        "jobs = list(batch.read_jobs([sys.argv[1]], None, Settings()))\n"
        "assert jobs[0].article is not None, jobs[0].failure\n"
        "print('spacy' in sys.modules)\n"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "", "PYTHONPATH": src},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_the_same_text_from_another_outlet_is_kept_as_a_sighting_not_lost(tmp_path):
    import duckdb

    text = "The harbour board said on Monday that the ferry would resume its crossings next week, officials said."
    records = tmp_path / "in.jsonl"
    records.write_text(
        json.dumps({"id": "w1", "text": text, "outlet": "Coast Wire", "published": "2024-05-06"})
        + "\n"
        + json.dumps(
            {
                "id": "p2",
                "text": text,
                "outlet": "Bay Herald",
                "published": "2024-05-07",
                "url": "https://herald.example/f",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    for _ in range(2):  # a re-run (resume) adds no second sighting
        assert run(records, "--db", db, "-j", "1").returncode == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT outlet FROM articles").fetchall() == [("Coast Wire",)]
        rows = con.execute("SELECT outlet, published, url FROM sightings").fetchall()
    assert rows == [("Bay Herald", "2024-05-07", "https://herald.example/f")]
    out = subprocess.run(
        [
            str(BIN),
            "export",
            "table",
            "sightings",
            "--db",
            str(db),
            "--format",
            "csv",
            "--out",
            str(tmp_path / "s.csv"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0 and "Bay Herald" in (tmp_path / "s.csv").read_text()


def test_the_jsonl_output_is_an_ordinary_file_for_the_umask(inputs, tmp_path):
    import os
    import stat

    out = tmp_path / "out.jsonl"
    run(next(iter(sorted(inputs.glob("0-*")))), "--jsonl", out)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask  # not mkstemp's 0600
