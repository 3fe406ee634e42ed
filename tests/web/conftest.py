"""Fixtures for the web tests: a small store of the shared corpus's North Korea missile cluster, built once per
session in this process (workers=1); each test module works on its own copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

NK_EVENT = "north_Korea_hokkaido_missile"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "rafah-2024-03.txt"


@pytest.fixture(scope="session")
def nk_store(shared, tmp_path_factory) -> Path:
    from newstrace.corpus.batch import run_batch
    from newstrace.corpus.store import Store
    from newstrace.settings import Settings

    records = []
    with open(shared / "corpus" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if (record.get("extra") or {}).get("event") == NK_EVENT and record.get("n_words", 0) < 700:
                records.append(line)
                if len(records) == 4:
                    break
    folder = tmp_path_factory.mktemp("nk")
    src = folder / "nk.jsonl"
    src.write_text("".join(records), encoding="utf-8")
    db = folder / "nk.duckdb"
    with Store(db) as store:
        report = run_batch([str(src)], store, None, None, Settings(), workers=1)
    assert report.analysed == 4
    return db


def copy_store(nk_store: Path, folder: Path) -> Path:
    target = folder / "web.duckdb"
    shutil.copy(nk_store, target)
    return target
