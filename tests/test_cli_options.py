"""Options and settings of the command line: what the help promises, which formats an error offers, and
NEWSTRACE_* variables that cannot be read."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newstrace.cli import app
from newstrace.errors import InputError
from newstrace.settings import Settings


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def one_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newstrace: "), result.output
    return lines[0]


def test_profile_help_says_milliseconds_as_it_prints():
    out = " ".join(invoke("analyze", "--help").output.split())
    assert "Print the milliseconds each stage took" in out


@pytest.mark.parametrize("value", ["xml", "csv", "tsv"])
def test_an_unknown_format_is_refused_with_only_the_commands_formats(tmp_path, value):
    article = tmp_path / "a.txt"
    article.write_text("The council met on Tuesday.\n", encoding="utf-8")
    res = invoke("analyze", str(article), "--format", value)
    assert res.exit_code == 2
    text = " ".join(res.output.replace("│", " ").split())  # CliRunner shows Typer's box; main() prints one line
    assert f"'{value}' is not one of json, text for this command" in text
    assert "'csv'" not in text.replace(f"'{value}'", "") and "tsv," not in text


def test_a_known_format_still_reaches_the_command(tmp_path):
    res = invoke("kb", "lookup", "Paris", "--format", "text")
    assert res.exit_code in (0, 1), res.output  # found or not found, but the format was taken
    assert "not one of" not in res.output


@pytest.mark.parametrize(
    "name,value",
    [
        ("NEWSTRACE_MAX_CHARS", "abc"),
        ("NEWSTRACE_MAX_CHARS", "0"),
        ("NEWSTRACE_WORKER_MEMORY_MB", "3GB"),
        ("NEWSTRACE_ARTICLE_TIMEOUT", "soon"),
        ("NEWSTRACE_ARTICLE_TIMEOUT", "nan"),
    ],
)
def test_an_unreadable_numeric_setting_is_an_error_naming_it(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(InputError, match=f"{name}='{value}'"):
        Settings()


def test_readable_numeric_settings_are_taken(monkeypatch):
    monkeypatch.setenv("NEWSTRACE_MAX_CHARS", " 5000 ")
    monkeypatch.setenv("NEWSTRACE_ARTICLE_TIMEOUT", "2.5")
    monkeypatch.setenv("NEWSTRACE_WORKER_MEMORY_MB", "")
    settings = Settings()
    assert (settings.max_chars, settings.article_timeout, settings.worker_memory_mb) == (5000, 2.5, 3000)


def test_the_cli_reports_an_unreadable_setting_on_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The council met on Tuesday.\n", encoding="utf-8")
    line = one_error_line(invoke("analyze", str(article), env={"NEWSTRACE_MAX_CHARS": "abc"}))
    assert "NEWSTRACE_MAX_CHARS='abc'" in line
