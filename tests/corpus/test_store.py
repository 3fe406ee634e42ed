"""corpus/store.py: one transaction per article, a schema version, and clear errors for unusable stores."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest

from newstrace.corpus.store import Store
from newstrace.errors import StoreError
from newstrace.model import ActorRef, Analysis, Article, Event

from .conftest import SRC, run_cli


def tiny_analysis(text: str = "Russia vetoed the resolution.") -> Analysis:
    import hashlib

    art = Article(
        id=hashlib.sha256(text.encode()).hexdigest(), title="T", text=text, outlet="O", published="2024-03-22"
    )
    ev = Event(
        id="ev1",
        type="REJECT",
        source=ActorRef("Russia", None, "RUS"),
        target=None,
        trigger="vetoed",
        evidence=text,
        start=7,
        end=13,
        cameo="129",
    )
    return Analysis(article=art, events=[ev])


def test_an_article_is_stored_once_with_its_rows_and_document(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        a = tiny_analysis()
        assert store.add(a) is True
        assert store.add(a) is False  # already there: nothing written twice
        assert store.has_article(a.article.id)
        assert Analysis.from_json(store.document(a.article.id)) == a
        counts = store.counts()
        assert counts["articles"] == counts["documents"] == counts["events"] == 1
        row = store.rows('SELECT source_name, source_code, type, "end" FROM events')[0]
        assert row == {"source_name": "Russia", "source_code": "RUS", "type": "REJECT", "end": 13}


def test_stored_ids_answers_for_many_ids_at_once(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        a, b = tiny_analysis(), tiny_analysis("China abstained in the vote.")
        store.add(a)
        assert store.stored_ids([a.article.id, b.article.id, "nothing"]) == {a.article.id}
        assert store.stored_ids([]) == set()


def test_a_failure_is_recorded_once_and_cleared_when_the_article_goes_in(tmp_path):
    a = tiny_analysis()
    with Store(tmp_path / "s.duckdb") as store:
        store.add_failure("f.txt", "bad", a.article.id)
        store.add_failure("f.txt", "still bad", a.article.id)
        assert store.rows("SELECT reason FROM failures") == [{"reason": "still bad"}]
        store.add(a)
        assert store.counts()["failures"] == 0


def test_another_schema_version_is_refused(tmp_path):
    db = tmp_path / "old.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'store_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        Store(db)


def _as_version_1(db) -> None:
    """Make a store look as version 1 wrote it: no events.date_precision column."""
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE events DROP COLUMN date_precision")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'store_version'")
    con.close()


def test_a_version_1_store_is_upgraded_in_place_with_its_rows_kept(tmp_path):
    db = tmp_path / "v1.duckdb"
    a = tiny_analysis()
    a.events[0].date, a.events[0].date_text = "2019-01-01", "in 2019"
    with Store(db) as store:
        store.add(a)
    _as_version_1(db)
    with pytest.raises(StoreError, match="schema version 1; run 'newstrace link"):
        Store(db, read_only=True)
    with Store(db) as store:  # a writing open upgrades
        assert store.scalar("SELECT value FROM meta WHERE key = 'store_version'") == "2"
        assert store.rows("SELECT date, date_precision FROM events") == [
            {"date": "2019-01-01", "date_precision": "year"}
        ]
        assert store.add(tiny_analysis("China abstained in the vote.")) is True
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == 2


def test_unusable_files_give_clear_errors(tmp_path):
    (tmp_path / "junk.duckdb").write_text("not a database" * 100)
    with pytest.raises(StoreError, match="not a newstrace store"):
        Store(tmp_path / "junk.duckdb")
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no-folder" / "s.duckdb")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(StoreError, match="not a newstrace store"):
        Store(other)


def test_a_store_locked_by_another_writer(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(SRC)!r})
        from newstrace.corpus.store import Store
        s = Store({str(db)!r}); print("open", flush=True); time.sleep(60)"""),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="in use by another process"):
            Store(db)
        proc = run_cli("query", "articles", "--db", db)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert proc.stderr.startswith("newstrace: ") and "in use by another process" in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    finally:
        holder.kill()
        holder.wait()
