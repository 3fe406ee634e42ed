"""The command line refuses bad input with one `newstrace: ...` line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

NEWSTRACE = Path(sys.executable).parent / "newstrace"

GERMAN = (
    "Der Stadtrat hat am Dienstag einen neuen Haushalt beschlossen. Die Bürgermeisterin sagte, die Stadt "
    "müsse in den kommenden Jahren deutlich mehr Geld für Schulen und Brücken ausgeben. Die Opposition "
    "kritisierte die geplanten Steuererhöhungen scharf. Eine endgültige Abstimmung soll im Frühjahr folgen.\n"
)

ENGLISH = (
    "City council approves new budget\n\n"
    "The city council approved a new budget on Tuesday after a long debate. Mayor Jane Porter said the city "
    "would spend more on schools and bridges over the next three years.\n\n"
    "Opposition members criticised the planned tax increases and called for a public vote.\n"
)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(NEWSTRACE), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def assert_refused(result: subprocess.CompletedProcess, fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newstrace: ") and fragment in lines[0], result.stderr
    assert result.stdout == ""


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "no-files").mkdir()
    (tmp_path / "german.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "english.txt").write_text(ENGLISH, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "name,fragment",
    [
        ("missing.txt", "no such file"),
        ("empty.txt", "empty"),
        ("image.bin", "binary file"),
        ("no-files", "directory has no files"),
        ("german.txt", "English only"),
    ],
)
def test_bad_input_is_refused_in_one_line(inputs, name, fragment):
    assert_refused(run("analyze", name, cwd=inputs), fragment)


def test_impossible_date_is_refused_without_traceback(inputs):
    result = run("analyze", "english.txt", "--published", "2024-13-45", cwd=inputs)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "2024-13-45" in result.stderr
    assert result.stdout == ""


def test_short_english_text_gives_a_newstrace_document(inputs):
    result = run("analyze", "english.txt", "--published", "2024-03-05", cwd=inputs)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "newstrace/1"
    assert doc["article"]["title"] == "City council approves new budget"
    assert doc["article"]["text"].startswith("The city council approved a new budget")
    assert doc["article"]["published"] == "2024-03-05"


def test_analyze_refuses_a_folder_of_several_articles(tmp_path):
    for n in (1, 2):
        (tmp_path / f"story{n}.txt").write_text(ENGLISH)
    out = run("analyze", str(tmp_path), cwd=tmp_path)
    assert out.returncode == 2 and "newstrace batch" in out.stderr and "Traceback" not in out.stderr


def test_analyze_refuses_a_folder_or_a_json_lines_file_of_several_articles(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(2):
        (folder / f"a{n}.txt").write_text(ENGLISH)
    assert_refused(run("analyze", str(folder), cwd=tmp_path), "newstrace batch")
    records = tmp_path / "two.jsonl"
    records.write_text("".join(json.dumps({"text": ENGLISH, "id": str(n)}) + "\n" for n in range(2)))
    assert_refused(run("analyze", str(records), cwd=tmp_path), "JSON-lines file of several articles")
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"text": ENGLISH}) + "\n")
    assert run("analyze", str(one), cwd=tmp_path).returncode == 0


def test_batch_of_inputs_that_do_not_exist_makes_no_store(tmp_path):
    result = run("batch", "nosuch.jsonl", "gone/", "--db", "s.duckdb", cwd=tmp_path)
    assert_refused(result, "nosuch.jsonl: no such file or folder (nor 1 other input)")
    assert not (tmp_path / "s.duckdb").exists()
