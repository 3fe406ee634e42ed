"""ingest/jsonl.py: records become RawDocuments, a bad line is one error and reading goes on."""

from __future__ import annotations

from pathlib import Path

from newstrace import ingest
from newstrace.corpus.batch import job_for
from newstrace.settings import Settings


def test_records_bad_lines_and_fallbacks(tmp_path):
    path = tmp_path / "in.ndjson"
    path.write_text(
        '{"id": "a1", "text": "Body one.", "title": "T", "authors": "Jane Roe", "date": "2020-01-02"}\n'
        "\n{broken\n"
        '{"text": "Body two.", "authors": ["A", "B"], "published": "2021-03-04", "outlet": "X"}\n'
        "[1, 2]\n",
        encoding="utf-8",
    )
    docs = list(ingest.read(str(path), Settings()))
    assert len(docs) == 4
    a, broken, b, array = docs
    assert (a.body, a.title, a.authors, a.published, a.source) == (
        "Body one.",
        "T",
        ["Jane Roe"],
        "2020-01-02",
        f"{path}#a1",
    )
    assert (
        broken.error
        == f"{path}:3: not a JSON object (Expecting property name enclosed in double quotes: line 1 column 2)"
    )
    assert (b.authors, b.published, b.outlet, b.title, b.error) == (["A", "B"], "2021-03-04", "X", "", None)
    assert array.error and array.error.startswith(f"{path}:5:")


def test_a_malformed_record_gets_jsons_whole_reason_and_a_wrong_text_its_own(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"text": "Good."}\n{"id": "q", "text": "tab\x01here"}\n{"text": 2024}\n{"text": {"body": "x"}}\n{"text": " "}\n'
    )
    _, control, number, nested, blank = (d.error for d in ingest.read(str(path), Settings()))
    assert control == f"{path}:2: not a JSON object (Invalid control character at: line 1 column 25)"
    assert number == f'{path}:3: "text" must be a string, not a number'
    assert nested == f'{path}:4: "text" must be a string, not an object'
    assert blank == f'{path}:5: "text" is empty'


def test_sniffing_a_json_lines_file_without_the_suffix(tmp_path):
    path = tmp_path / "records.txt"
    path.write_text('{"text": "A body.", "title": "Hello"}\n', encoding="utf-8")
    assert ingest.sniff(path, path.read_bytes()[:4096]) == "jsonl"
    assert ingest.sniff(Path("x.txt"), b'{"no": "text key"}\n') == "text"
    assert ingest.sniff(Path("x.txt"), b"Plain words.\n") == "text"


def test_a_records_own_date_wins_over_published(tmp_path):
    dated = ingest.RawDocument(body="Some text.", source="s", title="", published="2019-05-06")
    undated = ingest.RawDocument(body="Some text.", source="s", title="")
    assert job_for(dated, "2024-01-01").article.published == "2019-05-06"
    assert job_for(undated, "2024-01-01").article.published == "2024-01-01"
    assert job_for(ingest.RawDocument(body="", source="s", error="s: bad"), None).failure.message == "s: bad"


def test_a_day_that_does_not_exist_is_a_bad_record_and_a_note_is_no_date(tmp_path):
    import pytest

    import newstrace
    from newstrace.dates import normalise

    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"text": "Body one.", "published": "2025-02-29"}\n'
        '{"text": "Body two.", "date": "n.d. (undated)"}\n'
        '{"text": "Body three.", "date": "2024-02-29"}\n',
        encoding="utf-8",
    )
    impossible, undated, leap = ingest.read(str(path), Settings())
    assert impossible.error and "2025-02-29" in impossible.error and "not a day" in impossible.error
    assert undated.error is None and normalise(undated.published) is None
    assert leap.error is None and normalise(leap.published) == "2024-02-29"
    assert normalise("2026-13-01") is None
    with pytest.raises(newstrace.InputError, match="2026-02-30"):
        newstrace.analyze("The mayor said on Monday that the bridge would reopen.", published="2026-02-30")


def test_an_unreadable_date_is_no_date_with_a_note_and_never_read_against_today(tmp_path, caplog):
    from newstrace.dates import normalise

    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "Body one.", "published": "not-a-date"}\n', encoding="utf-8")
    with caplog.at_level("WARNING", logger="newstrace"):
        (record,) = ingest.read(str(path), Settings())
    assert record.error is None and record.published is None
    assert "not-a-date" in caplog.text and "in.jsonl:1" in caplog.text
    # a value without a year would be read against the day the command runs
    for value in ("n.d.", "yesterday", "Tuesday", "2 days ago"):
        assert normalise(value) is None, value
    assert normalise("2024") == "2024-01-01"
    assert normalise("March 2024") == "2024-03-01"
    assert normalise("Mon, 04 Mar 2024 10:00:00 GMT") == "2024-03-04"
