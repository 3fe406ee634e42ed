"""The same batch on a Dask cluster: identical stores to a serial run, and a worker killed mid-batch
loses no article and stores none twice."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from newstrace.corpus.batch import run_batch
from newstrace.corpus.store import Store
from newstrace.corpus.workers import CHUNK_SIZE, dask_executor, serial_executor
from newstrace.settings import Settings

from .conftest import articles_between, write_jsonl

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def records(shared) -> list[dict]:
    return articles_between(shared, 120, 260, 3 * CHUNK_SIZE)


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40) as c:
        with Client(c) as client:
            yield c, client


def contents(db) -> dict:
    with Store(db, read_only=True) as store:
        docs = store.rows("SELECT article_id, document FROM documents ORDER BY article_id")
        counts = store.counts()
    return {"documents": docs, "counts": counts}


def test_a_local_cluster_stores_exactly_what_a_serial_run_stores(tmp_path, records, cluster):
    src = write_jsonl(tmp_path / "in.jsonl", records)
    with Store(tmp_path / "serial.duckdb") as store:
        run_batch([str(src)], store, None, None, Settings(), workers=1, executor=serial_executor)
    address = cluster[0].scheduler_address
    with Store(tmp_path / "dask.duckdb") as store:
        report = run_batch([str(src)], store, None, None, Settings(), executor=dask_executor(address))
    assert report.analysed == len(records) and report.failed == 0
    assert contents(tmp_path / "dask.duckdb") == contents(tmp_path / "serial.duckdb")


class KillAWorker:
    """A progress hook that SIGKILLs one Dask worker process after the first article is written."""

    def __init__(self, client):
        self.client, self.done, self.killed = client, 0, False

    def advance(self, words: int) -> None:
        self.done += 1
        if self.done == 1 and not self.killed:
            pids = self.client.run(os.getpid)
            os.kill(next(iter(pids.values())), signal.SIGKILL)
            self.killed = True


def test_a_worker_killed_mid_batch_loses_nothing_and_stores_nothing_twice(tmp_path, records, cluster):
    c, client = cluster
    src = write_jsonl(tmp_path / "in.jsonl", records)
    hook = KillAWorker(client)
    db = tmp_path / "killed.duckdb"
    result = {}

    def go():
        with Store(db) as store:
            result["report"] = run_batch(
                [str(src)], store, None, None, Settings(), executor=dask_executor(c.scheduler_address), progress=hook
            )

    t = threading.Thread(target=go)
    t.start()
    t.join(timeout=600)
    assert hook.killed
    report = result["report"]
    with Store(db, read_only=True) as store:
        ids = [r["id"] for r in store.rows("SELECT id FROM articles")]
    assert len(ids) == len(set(ids)) == report.analysed
    assert report.analysed + report.failed == len(records)
    assert report.failed == 0, "the scheduler should have run the dead worker's chunks elsewhere"
