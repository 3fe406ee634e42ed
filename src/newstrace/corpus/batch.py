"""Many inputs -> analyses -> a store and/or JSON lines, resumable, in input order.

The main process reads every input (readers fetch URLs and walk archives) and cleans each raw document
with make_article, so the article id (sha256 of the cleaned text) is known before analysis; an id already
in the store (or seen earlier in this run) is not analysed again, which is what makes a rerun resume.
Analysis runs on an executor (corpus/workers.py); the outcomes come back in input order and are written
by the store's single writer, in small groups of articles, one transaction each (never half an article),
each followed by the articles' copy signatures (corpus/link.py), made here while the workers analyse. A bad input or article is reported through
`on_failure` and recorded in the `failures` table; the batch goes on.

Dates: a record's own date wins; `published` (--published) only fills in a missing one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional, TextIO, cast

from .. import dates, ingest
from ..api import article_of
from ..errors import InputError
from ..model import Analysis
from ..settings import Settings
from . import link
from .progress import Progress
from .store import Store
from .workers import Executor, Failure, Job, local_executor


@dataclass
class BatchReport:
    """What a batch did: articles analysed and stored (or written), already stored, skipped; words analysed."""

    analysed: int = 0
    already_stored: int = 0
    failed: int = 0
    words: int = 0

    @property
    def exit_code(self) -> int:
        """0: everything went in; 1: some inputs skipped; 2: nothing could be read at all (a wrong path, say)."""
        if not self.failed:
            return 0
        return 1 if self.analysed or self.already_stored else 2


def read_jobs(inputs: Iterable[str], published: Optional[str], settings: Settings) -> Iterator[Job]:
    """One Job per article behind the inputs, in order, cleaned here; a failure is a Job with .failure.

    Each file of a directory or glob is read on its own, so one unreadable file does not hide the rest.
    """
    for spec in inputs:
        try:
            paths = None if ingest.is_url(spec) else ingest.expand(spec)
        except InputError as exc:
            yield Job(spec, failure=Failure(spec, str(exc)))
            continue
        readers = (
            [(spec, lambda spec=spec: ingest.read(spec, settings))]
            if paths is None
            else [(str(p), lambda p=p: ingest.read_file(p, settings)) for p in paths]
        )
        for name, reader in readers:
            try:
                for raw in reader():
                    yield job_for(raw, published)
            except InputError as exc:
                yield Job(name, failure=Failure(name, str(exc)))


def job_for(raw: ingest.RawDocument, published: Optional[str]) -> Job:
    """The Job of one raw document: its cleaned Article, dated by the document itself, else by `published`."""
    if raw.error:
        return Job(raw.source, failure=Failure(raw.source, raw.error))
    article = article_of(raw, None if dates.normalise(raw.published) else published)
    return Job(raw.source, article=article, article_id=article.id)


def count_inputs(inputs: Iterable[str]) -> int:
    """A cheap estimate of the number of articles, for the progress bar: lines of JSON-lines files, one
    per other file or URL (a feed or WARC with more raises the total as it goes)."""
    from ..ingest.jsonl import looks_like_jsonl

    total = 0
    for spec in inputs:
        try:
            paths = [] if ingest.is_url(spec) else ingest.expand(spec)
        except InputError:
            paths = []
        if not paths:
            total += 1
        for path in paths:
            try:
                with open(path, "rb") as fh:
                    if looks_like_jsonl(path.name.lower(), fh.read(4096)):
                        fh.seek(0)
                        total += sum(1 for line in fh if line.strip())
                        continue
            except OSError:
                pass
            total += 1
    return total


# Analysed articles are written in groups, one transaction each (all of a group or none of it): a kill
# loses at most the group in hand, which the next run analyses again. Small groups keep that loss small.
WRITE_GROUP = 16
WRITE_GROUP_SECONDS = 2.0
# Articles looked up in the store together (is it stored already?): one query each cost more than cleaning them.
LOOKUP_GROUP = 8


def _groups(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    """Jobs in order, in lists of `size` (the last one shorter)."""
    group: list[Job] = []
    for job in jobs:
        group.append(job)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def run_batch(
    inputs: list[str],
    store: Optional[Store],
    jsonl_out: Optional[TextIO],
    published: Optional[str],
    settings: Settings,
    workers: int = 0,
    executor: Executor = local_executor,
    on_failure: Callable[[Failure], None] = lambda f: None,
    progress: Optional[Progress] = None,
) -> BatchReport:
    """Analyse every article behind inputs into store (if any) and jsonl_out (if any); see the module doc.

    Without a store every article is analysed (no resume), as `newstrace batch DIR --jsonl OUT` always did.
    With both, an article already stored is written to jsonl_out from the store, so the lines are complete.
    Raises StoreError when the store cannot be written (disk full): what was committed stays.
    """
    report = BatchReport()
    seen: set[str] = set()

    def jobs() -> Iterator[Job]:
        for group in _groups(read_jobs(inputs, published, settings), LOOKUP_GROUP):
            stored = set()
            if store is not None:
                stored = store.stored_ids([j.article.id for j in group if j.article is not None])
            for job in group:
                if store is not None and job.article is not None:
                    article_id = job.article.id
                    if article_id in seen or article_id in stored:
                        job.seen_again, job.article, job.already_stored = job.article, None, True  # not analysed again
                    seen.add(article_id)
                yield job

    pending: list[tuple[Analysis, str]] = []  # analysed, not yet written: one transaction per group
    pending_since = time.monotonic()

    def flush() -> None:
        if store is not None and pending:
            store.add_many(pending)
            # made now, while the workers analyse, so the link at the end does not make them
            link.save_signatures(store, [(analysis.article.id, analysis.article.text) for analysis, _ in pending])
        pending.clear()

    for job, outcome in executor(jobs(), settings, workers):
        words = 0
        if isinstance(outcome, Failure):
            report.failed += 1
            if store is not None:
                store.add_failure(outcome.source, outcome.message, outcome.article_id)
            on_failure(outcome)
        elif job.already_stored:
            report.already_stored += 1
            if store is not None and job.seen_again is not None:
                flush()  # the first appearance may still be waiting to be written
                store.add_sighting(job.seen_again)
            if jsonl_out is not None:
                flush()  # it may be a repeat of an article still waiting to be written
                _write_line(jsonl_out, cast(Store, store).document(cast(str, job.article_id)))
        elif outcome is not None:
            analysis = Analysis.from_json(outcome)
            words = len(analysis.article.text.split())
            if store is not None:
                if not pending:
                    pending_since = time.monotonic()
                pending.append((analysis, outcome))
                if len(pending) >= WRITE_GROUP or time.monotonic() - pending_since > WRITE_GROUP_SECONDS:
                    flush()
            if jsonl_out is not None:
                _write_line(jsonl_out, outcome)
            report.analysed += 1
            report.words += words
        if progress is not None:
            progress.advance(words)
    flush()
    return report


def _write_line(out: TextIO, document: Optional[str]) -> None:
    if document is not None:
        out.write(document + "\n")
        out.flush()  # a reader of `--jsonl -` sees each document as it is done
