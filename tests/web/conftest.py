"""Fixtures for the web tests: a small store of the shared corpus's North Korea missile cluster plus one wire
copy of its Kremlin article (another outlet, a day later, one quote reworded), built once per session in this
process (workers=1) and linked (copies, stories, statements across articles); each test module works on its own
copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

NK_EVENT = "north_Korea_hokkaido_missile"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "rafah-2024-03.txt"
WIRE_OUTLET = "newswire.example"
WIRE_TITLE = "Kremlin says new DPRK launch worsens tensions"


def wire_copy(record: dict) -> dict:
    """A later article of another outlet made of `record`'s text under its own headline, one quote reworded."""
    body = record["text"].split("\n", 2)[2]  # without the headline and the byline
    return dict(
        record,
        id="test_wire_copy",
        outlet=WIRE_OUTLET,
        date="2017-09-16",
        url="https://newswire.example/2017/09/16/kremlin-dprk-launch",
        title=WIRE_TITLE,
        text=WIRE_TITLE + "\n" + body.replace("deeply worried over", "deeply concerned about"),
    )


@pytest.fixture(scope="session")
def nk_store(shared, tmp_path_factory) -> Path:
    from newstrace.corpus.batch import run_batch
    from newstrace.corpus.link import relink
    from newstrace.corpus.store import Store
    from newstrace.corpus.workers import serial_executor
    from newstrace.settings import Settings

    records = []
    with open(shared / "corpus" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if (record.get("extra") or {}).get("event") == NK_EVENT and record.get("n_words", 0) < 700:
                records.append(record)
                if len(records) == 4:
                    break
    kremlin = next(r for r in records if r["outlet"] == "europe.chinadaily.com.cn")
    records.append(wire_copy(kremlin))
    folder = tmp_path_factory.mktemp("nk")
    src = folder / "nk.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = folder / "nk.duckdb"
    with Store(db) as store:
        report = run_batch([str(src)], store, None, None, Settings(), workers=1, executor=serial_executor)
        assert report.analysed == 5
        counts = relink(store)
    assert counts["copies"] == 1 and counts["stories"] >= 1
    return db


def copy_store(nk_store: Path, folder: Path) -> Path:
    target = folder / "web.duckdb"
    shutil.copy(nk_store, target)
    return target
