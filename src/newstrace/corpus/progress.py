"""Progress of a batch on standard error: a Rich bar (count, rate, ETA) on a terminal, else one line
every LINE_EVERY seconds, so logs of long runs stay readable.

    with Progress(total_estimate) as progress:
        progress.advance(words=812)          # one article done (stored, already stored or skipped)
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

LINE_EVERY = 10.0  # seconds between progress lines when stderr is not a terminal


class Progress:
    def __init__(self, total: int | None, stream: TextIO | None = None, enabled: bool = True):
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.words = 0
        self.started = time.monotonic()
        self.last_line = self.started
        self.enabled = enabled
        self.bar = None
        if enabled and self.stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            self.bar = RichProgress(
                TextColumn("analysing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=False,
            )
            self.task = self.bar.add_task("batch", total=total, rate="")

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.stop()

    def rate(self) -> float:
        """Articles per second so far."""
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def advance(self, words: int = 0) -> None:
        self.done += 1
        self.words += words
        if self.total is not None and self.done > self.total:
            self.total = self.done  # the estimate was low (a feed or WARC held more articles)
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(self.task, advance=1, total=self.total, rate=f"{self.rate():.2f} art/s")
            return
        now = time.monotonic()
        if now - self.last_line >= LINE_EVERY:
            self.last_line = now
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        rate = self.rate()
        of = f"/{self.total}" if self.total else ""
        eta = ""
        if self.total and rate > 0:
            left = max(0, self.total - self.done) / rate
            eta = f", ETA {int(left // 60)}m{int(left % 60):02d}s"
        return f"newstrace: {self.done}{of} articles, {rate:.2f} articles/s{eta}"
