"""The GDELT-style event table, from the library and from the CLI."""

import csv
import io
import json

from typer.testing import CliRunner

from newstrace.cli.app import app
from newstrace.corpus.events_table import COLUMNS, table_text


def test_table_rows(analyze_text):
    a = analyze_text("Canada condemned the Brazilian embargo on Tuesday.", published="2023-05-20")
    rows = list(csv.DictReader(io.StringIO(table_text([a]))))
    assert rows and list(rows[0].keys()) == COLUMNS
    row = next(r for r in rows if r["PLOVERType"] == "ACCUSE")
    assert row["SQLDATE"] == "20230516" and row["Actor1Code"] == "CAN"
    assert row["EventRootCode"] == row["EventCode"][:2] and float(row["GoldsteinScale"]) < 0
    assert row["SourceArticle"] == "<test>"


def test_cli_exports_a_jsonl_of_analyses(analyze_text, tmp_path):
    a = analyze_text("Russia and China vetoed the American resolution on Friday.", published="2024-03-23")
    src = tmp_path / "out.jsonl"
    src.write_text(json.dumps(a.to_dict()) + "\n", encoding="utf-8")
    out = tmp_path / "events.tsv"
    res = CliRunner().invoke(app, ["export", "events", str(src), "--format", "tsv", "--out", str(out)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert {r["Actor1Code"] for r in rows if r["PLOVERType"] == "REJECT"} >= {"RUS", "CHN"}
    assert all(r["SQLDATE"] == "20240322" for r in rows if r["PLOVERType"] == "REJECT")


def test_cli_bad_input_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema": "other"}\n', encoding="utf-8")
    res = CliRunner().invoke(app, ["export", "events", str(bad)])
    assert res.exit_code == 2 and "not a newstrace/1 document" in res.output
    res = CliRunner().invoke(app, ["export", "events", str(tmp_path / "missing.jsonl")])
    assert res.exit_code == 2 and "no such file" in res.output
