"""Executors: analyse a stream of jobs and hand back (job, outcome) pairs in job order.

    Executor = (jobs: Iterable[Job], settings, workers) -> Iterator[(Job, Outcome)]
    Outcome  = str (the newstrace/1 document as one JSON line) | Failure | None (job had nothing to analyse)

A worker is a plain function of (Article, Settings) that sends back JSON, never spaCy objects, and does
not know its place in the batch; so a cluster executor (Dask) can replace `local_executor` by taking
the same arguments. Jobs are pulled lazily, at most a few per worker ahead, so memory stays flat
whatever the corpus size and the caller can decide about each job (resume) just before it is sent.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import traceback
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional, Union, cast

from ..errors import InputError
from ..model import Article
from ..settings import Settings

JOBS_AHEAD_PER_WORKER = 3  # enough to keep every worker busy while the main process writes


@dataclass
class Failure:
    """Why an input or article was skipped. source: the path/URL (and record); article_id when it had one."""

    source: str
    message: str
    article_id: Optional[str] = None


@dataclass
class Job:
    """One input item in order: an article to analyse, or (article None) one that passes straight through."""

    source: str
    article: Optional[Article] = None
    article_id: Optional[str] = None
    failure: Optional[Failure] = None  # set when the item failed before analysis (reader, bad record)
    already_stored: bool = False


Outcome = Union[str, Failure, None]
Executor = Callable[[Iterable[Job], Settings, int], Iterator[tuple[Job, Outcome]]]


def default_workers() -> int:
    """One worker per core this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def analyse_article(article: Article, settings: Settings) -> Union[str, Failure]:
    """The worker's job: the analysis as one JSON line, or a Failure (bad article, or a bug, with its trace)."""
    from .. import pipeline

    try:
        return pipeline.run(article, settings).to_json(indent=None)
    except InputError as exc:
        return Failure(article.source or "<input>", str(exc), article.id)
    except Exception as exc:  # a bug on one article: reported with its traceback, the batch goes on
        trace = traceback.format_exc(limit=-3).strip().splitlines()
        where = next((ln.strip() for ln in reversed(trace) if ln.strip().startswith("File ")), "")
        return Failure(article.source or "<input>", f"internal error {type(exc).__name__}: {exc} ({where})", article.id)


_worker_settings: Settings | None = None


def _start_worker(settings: Settings) -> None:
    """Runs once in each worker process: keep the settings and load the spaCy model now, not on the first job."""
    global _worker_settings
    _worker_settings = settings
    from .. import nlp

    try:
        nlp.load(settings.spacy_model)
    except InputError:
        pass  # a missing model: every job then reports it as its failure


def _run_in_worker(article: Article) -> Union[str, Failure]:
    return analyse_article(article, _worker_settings or Settings())


def serial_executor(jobs: Iterable[Job], settings: Settings, workers: int = 1) -> Iterator[tuple[Job, Outcome]]:
    """In this process, one job at a time (workers=1; also what tests use)."""
    for job in jobs:
        yield job, (analyse_article(job.article, settings) if job.article is not None else job.failure)


def local_executor(jobs: Iterable[Job], settings: Settings, workers: int = 0) -> Iterator[tuple[Job, Outcome]]:
    """On `workers` spawned processes (0: one per core; 1: serial_executor), results in job order.

    A worker that dies (killed, out of memory) fails the article it held; the pool is restarted and the
    other pending articles are sent again.
    """
    workers = workers or default_workers()
    if workers == 1:
        yield from serial_executor(jobs, settings)
        return
    ctx = multiprocessing.get_context("spawn")  # a clean interpreter per worker: no state copied by fork

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start_worker, initargs=(settings,))

    pool = new_pool()
    pending: collections.deque[tuple[Job, Any]] = collections.deque()  # (job, Future | immediate outcome)
    source = iter(jobs)
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < workers * JOBS_AHEAD_PER_WORKER:
                job = next(source, None)
                if job is None:
                    exhausted = True
                    break
                pending.append(
                    (job, pool.submit(_run_in_worker, job.article) if job.article is not None else job.failure)
                )
            if not pending:
                return
            job, result = pending.popleft()
            if not isinstance(result, Future):
                yield job, result
                continue
            try:
                outcome = result.result()
            except BrokenProcessPool:
                outcome = Failure(job.source, "the worker process analysing it died (out of memory?)", job.article_id)
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                pending = collections.deque((j, _resubmit(pool, j, r)) for j, r in pending)
            yield job, outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _resubmit(pool: ProcessPoolExecutor, job: Job, result: Any) -> Any:
    """After a pool broke: keep what finished well, send the rest again."""
    if not isinstance(result, Future) or (result.done() and result.exception() is None):
        return result
    return pool.submit(_run_in_worker, cast(Article, job.article))
