"""Fixtures for the corpus tests: a few real articles from ../shared/corpus/articles.jsonl, a small store
built once per session (in this process, workers=1), and a runner of the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

CLI_MAIN = "from newstrace.cli import main; main()"  # whatever module the CLI lives in

BAD_LINES = ['{"title": "no text here"}', "{not json"]


def articles_between(shared: Path, low: int, high: int, n: int) -> list[dict]:
    """n English news records of low..high words, in file order (short ones keep the tests fast)."""
    out = []
    with open(shared / "corpus" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if low <= record.get("n_words", 0) <= high:
                out.append(record)
                if len(out) == n:
                    break
    return out


def write_jsonl(path: Path, records: list[dict], bad: list[str] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(bad)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_cli(*args, cwd: Path | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """`newstrace ARGS` from this worktree's source, in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-c", CLI_MAIN, *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def sample_records(shared) -> list[dict]:
    """Four articles of 300-500 words (they carry quotes, events and claims)."""
    return articles_between(shared, 300, 500, 4)


@pytest.fixture(scope="session")
def small_store(sample_records, tmp_path_factory) -> Path:
    """A store of the four sample articles and two bad lines, built in this process."""
    from newstrace.corpus.batch import run_batch
    from newstrace.corpus.store import Store
    from newstrace.corpus.workers import serial_executor
    from newstrace.settings import Settings

    folder = tmp_path_factory.mktemp("store")
    src = write_jsonl(folder / "sample.jsonl", sample_records, BAD_LINES)
    db = folder / "small.duckdb"
    with Store(db) as store:
        report = run_batch([str(src)], store, None, None, Settings(), workers=1, executor=serial_executor)
    assert (report.analysed, report.failed) == (4, 2)
    return db


@pytest.fixture()
def store(small_store):
    from newstrace.corpus.store import Store

    with Store(small_store, read_only=True) as s:
        yield s
