"""corpus/query.py and corpus/export.py on a small store, and their commands."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import networkx as nx
import pytest
from typer.testing import CliRunner

from newstrace.cli import app
from newstrace.corpus import export, query
from newstrace.errors import StoreError

GDELT_61 = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles "
    "AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode "
    "Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type "
    "ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long "
    "ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_quotes_by_speaker(store):
    every = query.quotes(store, limit=None)
    assert len(every) == store.counts()["quotes"] > 0
    name = next(r["speaker"] for r in every if r["speaker"])
    part = name.split()[-1].lower()
    some = query.quotes(store, speaker=part, limit=None)
    assert some and all(part in r["speaker"].lower() for r in some)
    assert query.quotes(store, speaker="%no such speaker_") == []


def test_events_filters(store):
    every = query.events(store, limit=None)
    assert len(every) == store.counts()["events"] > 0
    ev = next(r for r in every if r["source"] and r["target"] and r["date"])
    picked = query.events(
        store,
        source=ev["source"],
        target=ev["target"],
        type=ev["type"].lower(),
        date_from=ev["date"],
        date_to=ev["date"],
        limit=None,
    )
    assert ev in picked
    assert all(r["type"] == ev["type"] and r["date"] == ev["date"] for r in picked)
    assert query.events(store, date_from="2999-01-01") == []


def test_claims_and_articles(store):
    claims = query.claims(store, limit=None)
    assert len(claims) == store.counts()["claims"]
    if claims:
        word = max(claims[0]["claim"].split(), key=len)
        assert all(word.lower() in r["claim"].lower() for r in query.claims(store, about=word, limit=None))
    arts = query.articles(store, limit=None)
    assert len(arts) == 4 and all(r["words"] > 0 for r in arts)
    outlet = arts[0]["outlet"]
    assert {r["id"] for r in query.articles(store, outlet=outlet.upper(), limit=None)} == {
        r["id"] for r in arts if r["outlet"] == outlet
    }
    title_word = max(arts[0]["title"].split(), key=len)
    assert arts[0]["id"] in {r["id"] for r in query.articles(store, search=title_word)}


def test_sql_is_read_only(store, small_store):
    assert query.sql(store, "SELECT count(*) AS n FROM articles") == [{"n": 4}]
    with pytest.raises(StoreError, match="query failed"):
        query.sql(store, "DELETE FROM articles")
    proc = invoke("query", "sql", "DROP TABLE articles", "--db", small_store)
    assert proc.exit_code == 2 and "query failed" in proc.output


def test_sql_reads_no_file_and_writes_none(store, small_store, tmp_path):
    written = tmp_path / "copy.csv"
    with pytest.raises(StoreError, match="query failed"):
        query.sql(store, f"COPY articles TO '{written}'")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the store's readers", encoding="utf-8")
    proc = invoke("query", "sql", f"SELECT * FROM read_text('{secret}')", "--db", small_store)
    assert proc.exit_code == 2 and "query failed" in proc.output and "not for" not in proc.output
    assert not written.exists()
    assert query.sql(store, "SELECT count(*) AS n FROM articles") == [{"n": 4}]


def test_an_unknown_event_type_is_refused_with_the_types(small_store):
    res = invoke("query", "events", "--type", "PARTY", "--db", small_store)
    assert res.exit_code == 2 and "no event type 'PARTY'" in res.output and "THREATEN" in res.output
    assert invoke("query", "events", "--type", "threaten", "--db", small_store).exit_code == 0


def test_format_help_lists_only_the_formats_a_command_takes():
    res = invoke("analyze", "--help")
    assert "[json|text]" in res.output and "tsv" not in res.output


def test_query_commands_formats(small_store):
    res = invoke("query", "articles", "--db", small_store, "--format", "json")
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.stdout)) == 4
    res = invoke("query", "events", "--db", small_store, "--format", "csv", "--limit", "2")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert res.exit_code == 0 and len(rows) == 2 and "trigger" in rows[0]
    res = invoke("query", "quotes", "--db", small_store)
    assert res.exit_code == 0 and "speaker" in res.stdout
    res = invoke("query", "events", "--db", small_store, "--from", "March 3")
    assert res.exit_code == 2


def test_tables_to_parquet_and_csv(store, tmp_path):
    counts = export.export_tables(store, tmp_path, "parquet")
    assert counts == store.counts()
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{tmp_path / 'events.parquet'}'").fetchone()[0] == counts["events"]
    n = export.export_table(store, "quotes", tmp_path / "quotes.csv", "csv")
    assert len(list(csv.DictReader((tmp_path / "quotes.csv").open(encoding="utf-8")))) == n
    with pytest.raises(StoreError, match="no table"):
        export.export_table(store, "nope", tmp_path / "x.csv", "csv")


def test_all_tables_into_a_new_folder_with_the_linked_ones(small_store, tmp_path):
    import shutil

    from newstrace.corpus import link
    from newstrace.corpus.store import Store

    copy = tmp_path / "linked.duckdb"
    shutil.copy(small_store, copy)
    with Store(copy) as writable:
        with pytest.raises(StoreError, match="no table 'stories'"):
            export.export_table(writable, "stories", tmp_path / "s.csv", "csv")
        link.relink(writable)
        counts = export.export_tables(writable, tmp_path / "dump", "csv")
    assert {"articles", "quotes", "stories", "copies", "corpus_statements", "corpus_events"} <= set(counts)
    assert sorted(p.name for p in (tmp_path / "dump").iterdir()) == sorted(f"{t}.csv" for t in counts)
    with pytest.raises(StoreError, match="does not exist"):
        with Store(copy, read_only=True) as store:
            export.export_tables(store, tmp_path / "no" / "dump", "csv")


def test_documents_as_json_lines(store, small_store, tmp_path):
    buf = io.StringIO()
    assert export.write_documents(store, buf) == 4
    assert all(json.loads(line)["schema"] == "newstrace/1" for line in buf.getvalue().splitlines())
    res = invoke("export", "documents", "--db", small_store, "--out", tmp_path / "docs.jsonl")
    assert res.exit_code == 0 and (tmp_path / "docs.jsonl").read_text() == buf.getvalue()


def test_gdelt_events_have_gdelts_61_columns_in_order(store, small_store, tmp_path):
    assert export.GDELT_COLUMNS == GDELT_61
    res = invoke("export", "events", "--db", small_store, "--format", "gdelt", "--out", tmp_path / "ev.tsv")
    assert res.exit_code == 0, res.output
    lines = (tmp_path / "ev.tsv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == store.counts()["events"] > 0
    rows = [dict(zip(GDELT_61, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    coded = next(r for r in rows if r["EventCode"])
    assert coded["EventRootCode"] == coded["EventCode"][:2] and coded["QuadClass"] in "1234"
    assert all(r["SQLDATE"] == "" or (len(r["SQLDATE"]) == 8 and r["MonthYear"] == r["SQLDATE"][:6]) for r in rows)
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)


def test_events_csv_from_a_store_and_from_a_file_still_work(store, small_store, tmp_path):
    res = invoke("export", "events", "--db", small_store)
    assert res.exit_code == 0 and res.stdout.startswith("GlobalEventID,")
    buf = io.StringIO()
    export.write_documents(store, buf)
    (tmp_path / "a.jsonl").write_text(buf.getvalue(), encoding="utf-8")
    res2 = invoke("export", "events", tmp_path / "a.jsonl")
    assert res2.exit_code == 0 and res2.stdout == res.stdout


def test_graphml_reads_back(store, small_store, tmp_path):
    out = tmp_path / "g.graphml"
    res = invoke("export", "graph", "--db", small_store, "--out", out)
    assert res.exit_code == 0, res.output
    graph = nx.read_graphml(out)
    expected = export.event_graph(store)
    assert graph.number_of_nodes() == expected.number_of_nodes() > 0
    assert graph.number_of_edges() == expected.number_of_edges() > 0
    _, _, data = next(iter(graph.edges(data=True)))
    assert data["weight"] >= 1 and data["type"]


def test_missing_store_is_a_usage_error(tmp_path):
    res = invoke("query", "articles", "--db", tmp_path / "none.duckdb")
    assert res.exit_code == 2 and "no such store" in res.output


@pytest.fixture()
def linked_copy(small_store, tmp_path):
    """A linked copy of the small store, with two stories of two articles each written in (which articles
    make a story is corpus/link.py's business, tested in test_link.py)."""
    import shutil

    from newstrace.corpus import link
    from newstrace.corpus.store import Store

    copy = tmp_path / "linked.duckdb"
    shutil.copy(small_store, copy)
    with Store(copy) as writable:
        link.relink(writable)
        ids = [r["id"] for r in writable.rows("SELECT id FROM articles ORDER BY id")]
        with writable.transaction():
            writable.execute("DELETE FROM stories")
            writable.insert(
                "stories", [(ids[0], "st1", 2), (ids[1], "st1", 2), (ids[2], "st2", 2), (ids[3], "st2", 2)], 3
            )
    return copy


def test_stories_limit_counts_stories_each_with_all_its_articles(linked_copy):
    res = invoke("query", "stories", "--db", linked_copy, "--limit", "1", "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["story_id"] for r in rows] == ["st1", "st1"]
    assert len(json.loads(invoke("query", "stories", "--db", linked_copy, "-f", "json").stdout)) == 4


def test_statements_csv_gives_the_first_appearance_as_json(linked_copy):
    res = invoke("query", "statements", "--db", linked_copy, "--format", "csv", "--limit", "3")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows
    for row in rows:
        first = json.loads(row["first_appearance"])
        assert set(first) == {"published", "outlet", "title", "article_id"} and first["article_id"]


def test_link_says_how_many_stories_over_how_many_articles(linked_copy):
    from newstrace.corpus.store import Store

    res = invoke("link", "--db", linked_copy)
    assert res.exit_code == 0, res.output
    with Store(linked_copy, read_only=True) as store:
        stories = store.scalar("SELECT count(DISTINCT story_id) FROM stories")
        articles = store.scalar("SELECT count(*) FROM stories")
    assert f"{stories} stories over {articles} articles" in res.output
    from newstrace.cli.corpus import _link_summary

    with Store(linked_copy) as store:  # two stories of two articles each: two stories, four articles
        with store.transaction():
            store.execute("DELETE FROM stories")
            ids = [r["id"] for r in store.rows("SELECT id FROM articles ORDER BY id")]
            store.insert("stories", [(i, f"st{n // 2}", 2) for n, i in enumerate(ids)], 3)
        counts = {"copies": 0, "corpus_statements": 5, "corpus_events": 3, "stories": len(ids)}
        shared = store.scalar("SELECT count(*) FROM corpus_statements WHERE n_articles >= 2")
        assert _link_summary(store, counts) == (
            f"0 wire copies, 5 statements ({shared} in several articles), 3 events, 2 stories over 4 articles"
        )


def test_link_refuses_a_missing_store_and_makes_none(tmp_path):
    missing = tmp_path / "typo.duckdb"
    res = invoke("link", "--db", missing)
    assert res.exit_code == 2 and "no such store" in res.output and len(res.output.strip().splitlines()) == 1
    assert not missing.exists() and not list(tmp_path.iterdir())


def test_ctrl_c_in_a_batch_says_what_is_stored_and_how_to_resume(small_store, tmp_path, monkeypatch):
    import shutil

    from newstrace.corpus import batch

    copy = tmp_path / "copy.duckdb"
    shutil.copy(small_store, copy)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "run_batch", interrupted)
    (tmp_path / "more.jsonl").write_text("")
    res = invoke("batch", tmp_path / "more.jsonl", "--db", copy)
    assert res.exit_code == 130
    assert res.output.strip().splitlines() == [
        f"newstrace: interrupted; 4 articles stored in {copy}, run the same command to resume"
    ]


def test_an_event_dated_to_a_year_or_month_falls_in_any_range_it_overlaps(tmp_path):
    from newstrace.corpus.store import Store
    from newstrace.model import ActorRef, Analysis, Article, Event

    def one(text: str, date: str, precision: str) -> Analysis:
        art = Article(id=text[:8] + "0" * 56, title="T", text=text, outlet="O", published="2024-03-22")
        ev = Event("ev1", "COERCE", ActorRef("Rebels", None, None), None, "seized", text, 0, 5, "192", date=date)
        ev.date_precision = precision
        return Analysis(article=art, events=[ev])

    with Store(tmp_path / "s.duckdb") as s:
        s.add(one("Rebels seized Ardo in 2019.", "2019-01-01", "year"))
        s.add(one("Troops seized Belo in March 2020.", "2020-03-01", "month"))
        s.add(one("Police seized Caro on 2 May 2020.", "2020-05-02", "day"))

        def evidence(date_from, date_to):
            return sorted(r["evidence"][:6] for r in query.events(s, date_from=date_from, date_to=date_to))

        assert evidence("2019-06-01", "2019-06-30") == ["Rebels"]
        assert evidence("2020-03-15", "2020-05-01") == ["Troops"]
        assert evidence("2020-04-01", "2020-12-31") == ["Police"]
        assert [r["date_precision"] for r in query.events(s)] == ["year", "month", "day"]


def test_a_date_range_that_ends_before_it_starts_is_refused(small_store):
    from newstrace.corpus.store import Store
    from newstrace.errors import InputError

    with Store(small_store, read_only=True) as s:
        with pytest.raises(InputError, match="after its end"):
            query.events(s, date_from="2020-05-01", date_to="2020-01-01")
        with pytest.raises(InputError, match="after its end"):
            query.articles(s, date_from="2020-05-01", date_to="2020-01-01")


def test_an_empty_csv_answer_still_has_its_header(tmp_path, capsys):
    from newstrace.cli.corpus import QueryFormat, render
    from newstrace.corpus.store import Store

    with Store(tmp_path / "s.duckdb") as s:
        rows = query.events(s, source="nobody")
    assert rows == [] and rows.columns[:2] == ["date", "date_precision"]
    render(rows, QueryFormat.csv)
    assert capsys.readouterr().out.splitlines() == [",".join(rows.columns)]
