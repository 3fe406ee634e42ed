"""Hostile and odd input: one clear line and a non-zero exit, never a traceback; runaway articles and
killed batches leave nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newstrace.clean import make_article
from newstrace.errors import InputError
from newstrace.settings import Settings
from test_cli_errors import ENGLISH, assert_refused

NEWSTRACE = Path(sys.executable).parent / "newstrace"


def run(*args: str, cwd: Path, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    out = subprocess.run([str(NEWSTRACE), *args], cwd=cwd, input=stdin, capture_output=True, timeout=300, env=env)
    return subprocess.CompletedProcess(out.args, out.returncode, out.stdout.decode(), out.stderr.decode())


@pytest.mark.parametrize(
    ("arg", "fragment"),
    [
        ("", "empty input"),
        ("   ", "empty input"),
        ("my artcle.txt", "no such file"),
        ("data:text/html,<b>hi</b>", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("https://example.com/" + "a" * 3000, "URLs of at most"),
    ],
)
def test_what_is_neither_text_nor_file_nor_url_is_refused(tmp_path, arg, fragment):
    (tmp_path / "decoy.txt").write_text(ENGLISH)  # `analyze ""` must not pick up a file of the folder
    assert_refused(run("analyze", arg, cwd=tmp_path), fragment)


def test_a_file_named_like_a_glob_is_read_as_itself(tmp_path):
    (tmp_path / "report[1].txt").write_text(ENGLISH)
    out = run("analyze", "report[1].txt", cwd=tmp_path)
    assert out.returncode == 0 and '"schema": "newstrace/1"' in out.stdout


def test_usage_errors_are_one_line(tmp_path):
    assert_refused(run("analyze", "--no-such-option", cwd=tmp_path), "No such option")
    assert_refused(run("analyze", "x.txt", "--published", "2024-13-40", cwd=tmp_path), "YYYY-MM-DD")


def test_binary_and_nul_bytes_on_standard_input_are_refused(tmp_path):
    assert_refused(run("analyze", "-", cwd=tmp_path, stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary")
    assert_refused(run("analyze", "-", cwd=tmp_path, stdin=ENGLISH.encode() * 20 + b"\x00tail"), "binary")


def test_utf16_text_with_a_byte_order_mark_is_read(tmp_path):
    out = run("analyze", "-", cwd=tmp_path, stdin=ENGLISH.encode("utf-16"))
    assert out.returncode == 0, out.stderr
    assert "Mayor Jane Porter" in out.stdout


def test_an_article_over_the_size_cap_is_a_clear_error(tmp_path):
    env = {**os.environ, "NEWSTRACE_MAX_CHARS": "2000"}
    big = ENGLISH * 30
    (tmp_path / "big.txt").write_text(big)
    assert_refused(run("analyze", "big.txt", cwd=tmp_path, env=env), "NEWSTRACE_MAX_CHARS")


def test_the_size_cap_is_checked_before_any_parsing():
    from newstrace import pipeline

    article = make_article("Word " * 50_000, source="<big>")
    with pytest.raises(InputError, match="more than the 1,000"):
        pipeline.check_article(article, Settings(max_chars=1000))


def test_the_text_summary_shows_markup_and_escape_sequences_as_text(tmp_path):
    (tmp_path / "evil.txt").write_text(
        "Budget [/bold] passes [link=http://evil.example]click[/link]\n\n"
        "The council approved the budget on Tuesday, \x1b]0;owned\x07 officials said after the vote.\n"
    )
    out = run("analyze", "evil.txt", "--format", "text", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "[/bold]" in out.stdout and "[link=http://evil.example]" in out.stdout
    assert "\x1b" not in out.stdout and "\x07" not in out.stdout


def test_error_messages_do_not_echo_control_bytes(tmp_path):
    out = run("analyze", "no\x1b[31msuch.txt", cwd=tmp_path)
    assert out.returncode == 2 and "\x1b" not in out.stderr and "\\x1b" in out.stderr


@pytest.mark.parametrize("workers", [1, 2])  # '-j 1' too: one worker is a process under the same limits
def test_a_runaway_article_becomes_a_reported_failure_and_the_batch_goes_on(tmp_path, workers):
    from newstrace.corpus.batch import run_batch
    from newstrace.corpus.workers import local_executor

    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(ENGLISH.replace("Tuesday", f"day {n}"))
    failures = []
    settings = Settings(article_timeout=0.0001)  # every article runs over its time limit
    report = run_batch(
        [str(tmp_path)],
        None,
        None,
        None,
        settings,
        workers=workers,
        executor=local_executor,
        on_failure=failures.append,
    )
    assert report.failed == 3 and report.analysed == 0
    assert all("took longer than" in f.message for f in failures)


def test_workers_leave_when_a_batch_is_killed(tmp_path, shared):
    psutil = pytest.importorskip("psutil")
    src = shared / "corpus" / "articles.jsonl"
    proc = subprocess.Popen(
        [str(NEWSTRACE), "batch", str(src), "--db", str(tmp_path / "k.duckdb"), "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 120
    children = []
    while time.monotonic() < deadline and len(children) < 2:
        children = [c for c in parent.children(recursive=True) if "spawn_main" in " ".join(c.cmdline())]
        time.sleep(0.5)
    assert children, "the batch started no worker"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, f"workers still running after the batch was killed: {alive}"


def test_a_feed_link_to_a_private_address_is_refused_out_loud(tmp_path):
    teaser = "The harbour reopened on Tuesday after the strike ended, officials said."
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>'
        f"<item><title>Harbour reopens</title><link>http://127.0.0.1:9/story</link><description>{teaser}"
        "</description></item></channel></rss>"
    )
    out = run("analyze", "feed.rss", cwd=tmp_path)
    assert out.returncode == 0 and "harbour reopened" in out.stdout
    assert "newstrace: note: http://127.0.0.1:9/story: refusing to fetch from 127.0.0.1" in out.stderr


def test_a_page_nested_deeper_than_the_parser_follows_keeps_its_text():
    from newstrace.ingest import html

    body = "The council approved the budget on Tuesday after a long debate about schools. " * 4
    page = "<html><head><title>Deep</title></head><body>" + "<div>" * 2000 + f"<p>{body}</p>" + "</div>" * 2000
    assert "approved the budget" in html.parse_page(page.encode(), "deep.html").body


def test_knowledge_base_lines_of_the_wrong_types_are_one_line_errors(tmp_path):
    for n, line in enumerate(
        [
            '{"name": null}',
            '{"name": "Ann Bee", "roles": [{"role": "Mayor", "start": 2020}]}',
            '{"name": "Ann Bee", "aliases": [3]}',
        ]
    ):
        path = tmp_path / f"kb{n}.jsonl"
        path.write_text(line + "\n")
        assert_refused(run("kb", "lookup", "Ann Bee", "--kb", str(path), cwd=tmp_path), "not a knowledge-base entry")


def test_jsonl_output_onto_a_folder_a_pipe_or_a_symlink(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH)
    assert_refused(run("batch", str(article), "--jsonl", str(tmp_path), cwd=tmp_path), "is a folder")
    assert_refused(run("batch", str(article), "--jsonl", "/proc/no/such.jsonl", cwd=tmp_path), "does not exist")
    # a symlink stays a symlink; the file it points to gets the lines
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    out = run("batch", str(article), "--jsonl", str(link), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert link.is_symlink() and real.read_text().startswith('{"schema": "newstrace/1"')
    # a named pipe stays a pipe and its reader gets the lines
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    out = run("batch", str(article), "--jsonl", str(fifo), cwd=tmp_path)
    got = reader.communicate(timeout=60)[0]
    assert out.returncode == 0 and got.startswith(b'{"schema": "newstrace/1"') and fifo.is_fifo()


def test_a_killed_batch_leaves_no_temporary_file_behind_the_next_run(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH)
    stale = tmp_path / ".newstrace-999999-abc.jsonl"  # a dead process's leftover
    stale.write_text("half a line")
    out = run("batch", str(article), "--jsonl", str(tmp_path / "out.jsonl"), cwd=tmp_path)
    assert out.returncode == 0 and not stale.exists()
    assert not list(tmp_path.glob(".newstrace-*"))


def test_a_file_too_big_to_be_an_article_is_refused_unread(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(60_000_000)  # sparse: nothing is written, the size is what counts
    assert_refused(run("analyze", str(huge), cwd=tmp_path), "more than the 50,000,000")


def test_a_worker_memory_cap_too_low_is_one_line_not_a_traceback(tmp_path):
    for n in (1, 2):
        (tmp_path / f"a{n}.txt").write_text(ENGLISH)
    env = {**os.environ, "NEWSTRACE_WORKER_MEMORY_MB": "50"}
    out = run("batch", "a1.txt", "a2.txt", "--db", "s.duckdb", "-j", "2", cwd=tmp_path, env=env)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "NEWSTRACE_WORKER_MEMORY_MB=50 is too low" in out.stderr.strip().splitlines()[-1]
    # a cap the libraries fit in but the model does not: each article is a reported skip, never a traceback
    env["NEWSTRACE_WORKER_MEMORY_MB"] = "400"
    out = run("batch", "a1.txt", "a2.txt", "--db", "t.duckdb", "-j", "2", cwd=tmp_path, env=env)
    assert "Traceback" not in out.stderr
    skipped = [line for line in out.stderr.splitlines() if "skipped" in line and ".txt" in line]
    assert out.returncode == 0 or all("memory" in line for line in skipped), out.stderr
