"""Executors: analyse a stream of jobs and hand back (job, outcome) pairs in job order.

    Executor = (jobs: Iterable[Job], settings, workers) -> Iterator[(Job, Outcome)]
    Outcome  = str (the newstrace/1 document as one JSON line) | Failure | None (job had nothing to analyse)

A worker is a plain function of (Article, Settings) that sends back JSON, never spaCy objects, and does
not know its place in the batch; so a cluster executor (Dask) can replace `local_executor` by taking
the same arguments. Jobs are pulled lazily, at most a few chunks per worker ahead (and one chunk per
worker more, held back so that the last articles can go out in small chunks), so memory stays flat
whatever the corpus size and the caller can decide about each job (resume) just before it is sent.
"""

from __future__ import annotations

import atexit
import collections
import logging
import multiprocessing
import os
import sys
import threading
import time
import traceback
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from ..errors import InputError
from ..model import Article
from ..settings import Settings

CHUNK_SIZE = 8  # articles a worker parses in one nlp.pipe call
CHUNKS_AHEAD_PER_WORKER = 2  # enough to keep every worker busy while the main process writes
DASK_CONNECT_SECONDS = 20


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
    seen_again: Optional[Article] = None  # an already stored text as this input gave it: a sighting to keep


Outcome = Union[str, Failure, None]
Executor = Callable[[Iterable[Job], Settings, int], Iterator[tuple[Job, Outcome]]]


def default_workers() -> int:
    """One worker per core this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _failure(article: Article, exc: BaseException) -> Failure:
    if isinstance(exc, InputError):
        return Failure(article.source or "<input>", str(exc), article.id)
    # a bug on one article: reported with where it happened, the batch goes on
    trace = traceback.format_exception(exc, limit=-3)
    where = next((ln.strip().splitlines()[0] for ln in reversed(trace) if ln.strip().startswith("File ")), "")
    return Failure(article.source or "<input>", f"internal error {type(exc).__name__}: {exc} ({where})", article.id)


def analyse_article(article: Article, settings: Settings) -> Union[str, Failure]:
    """The worker's job for one article: its analysis as one JSON line, or a Failure."""
    from .. import pipeline

    try:
        return pipeline.run(article, settings).to_json(indent=None)
    except Exception as exc:
        return _failure(article, exc)


MIN_WORKER_MEMORY_MB = 400  # address space for Python with spaCy imported; loading the model needs more


def analyse_chunk(articles: list[Article], settings: Settings) -> list[Union[str, Failure]]:
    """The worker's job for a chunk: texts and titles parsed in one `nlp.pipe` call (far cheaper than one
    call per text), then the stages per article; one outcome per article, in order."""
    from .. import nlp, pipeline

    outcomes: list[Union[str, Failure, None]] = [None] * len(articles)
    ready = []
    for n, article in enumerate(articles):
        try:
            pipeline.check_article(article, settings)
            ready.append(n)
        except InputError as exc:
            outcomes[n] = _failure(article, exc)
    try:
        model = nlp.load(settings.spacy_model)
        # Texts and titles in one batch: the CNN pipeline does not pad a batch to its longest text, so a
        # title costs its few tokens, where a call of its own cost 4% of the chunk's parsing. A parse does
        # not depend on the texts beside it.
        parsed = list(
            model.pipe(
                [articles[n].text for n in ready] + [articles[n].title or "" for n in ready],
                batch_size=max(16, 2 * len(ready)),
            )
        )
        docs, titles = parsed[: len(ready)], parsed[len(ready) :]
    except Exception:  # one text the parser refuses: parse them one by one so only that article fails
        return [o if o is not None else analyse_article(a, settings) for o, a in zip(outcomes, articles)]
    for k, n in enumerate(ready):
        try:
            ctx = pipeline.analyse_parsed(articles[n], docs[k], titles[k], settings)
            outcomes[n] = ctx.analysis.to_json(indent=None)
        except Exception as exc:
            outcomes[n] = _failure(articles[n], exc)
    return [o if o is not None else Failure("<input>", "no outcome") for o in outcomes]


_worker_settings: Settings | None = None


def _start_worker(settings: Settings, parent: int) -> None:
    """Runs once in each worker process: cap its memory, make it leave when its parent is gone (a
    `kill -9` of the batch must not leave workers running), skip the interpreter's teardown at its end,
    keep the settings, load the model now."""
    global _worker_settings
    _worker_settings = settings
    atexit.register(_exit_now)
    _limit_memory(settings.worker_memory_mb)
    _exit_with_parent(parent)
    try:
        from .. import nlp

        nlp.load(settings.spacy_model)
    except (InputError, ImportError, MemoryError):
        pass  # a missing model, or a memory cap below what it needs: every job then reports it as its failure


def _exit_now() -> None:
    """A worker's last act (registered when it starts, atexit runs it after every later handler): its
    results are sent by then, so leave without tearing the interpreter down. Freeing the model's objects
    one by one took about a second at the end of every batch, with the main process waiting for it."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _limit_memory(megabytes: int) -> None:
    """Cap this process's address space: a runaway article then raises MemoryError (a reported failure)
    instead of eating the machine."""
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform, or a lower hard limit already: keep what there is


def _exit_with_parent(parent: int) -> None:
    """Leave as soon as the batch process (parent) is gone, even if it died before this worker started."""
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newstrace-parent-watch", daemon=True).start()


def _run_chunk_in_worker(articles: list[Article]) -> list[Union[str, Failure]]:
    return analyse_chunk(articles, _worker_settings or Settings())


def serial_executor(jobs: Iterable[Job], settings: Settings, workers: int = 1) -> Iterator[tuple[Job, Outcome]]:
    """In this process, in chunks, with no time or memory cap: for callers that already hold the model
    (tests, the Python API). The CLI's batch always uses worker processes (local_executor)."""
    for chunk in _chunks(jobs, CHUNK_SIZE):
        outcomes = iter(analyse_chunk([j.article for j in chunk if j.article is not None], settings))
        for job in chunk:
            yield job, (next(outcomes) if job.article is not None else job.failure)


def _chunks(jobs: Iterable[Job], size: int, finish: int = 0) -> Iterator[list[Job]]:
    """Jobs in order, cut into lists holding at most `size` articles (pass-through jobs ride along).

    finish > 0: the last `finish` articles or more go out in chunks of a quarter of `size`, so that the
    workers finish together instead of one parsing a whole chunk while the others wait (their order, and
    what each article becomes, are unchanged: a parse does not depend on the texts parsed beside it)."""
    ahead: collections.deque[list[Job]] = collections.deque()
    held = 0  # articles in `ahead`
    for chunk in _cut(jobs, size):
        ahead.append(chunk)
        held += _articles(ahead[-1])
        while ahead and held - _articles(ahead[0]) >= finish:
            held -= _articles(ahead[0])
            yield ahead.popleft()
    yield from _cut([job for chunk in ahead for job in chunk], max(1, size // 4))


def _articles(chunk: list[Job]) -> int:
    return sum(job.article is not None for job in chunk)


def _cut(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    chunk: list[Job] = []
    articles = 0
    for job in jobs:
        chunk.append(job)
        articles += job.article is not None
        if articles >= size:
            yield chunk
            chunk, articles = [], 0
    if chunk:
        yield chunk


def local_executor(jobs: Iterable[Job], settings: Settings, workers: int = 0) -> Iterator[tuple[Job, Outcome]]:
    """On `workers` spawned processes (0: one per core), results in job order. One worker is a process
    too, so that NEWSTRACE_ARTICLE_TIMEOUT and NEWSTRACE_WORKER_MEMORY_MB hold whatever `-j` says.

    Articles go out in chunks of CHUNK_SIZE. A worker that dies (killed, out of memory) takes its chunk
    with it: the pool is restarted, every article of that chunk is sent again alone, and an article whose
    worker dies again is reported as a failure; the other pending chunks are sent again as they were.
    """
    workers = workers or default_workers()
    if settings.worker_memory_mb < MIN_WORKER_MEMORY_MB:  # a worker could not even import its libraries
        raise InputError(
            f"NEWSTRACE_WORKER_MEMORY_MB={settings.worker_memory_mb} is too low: a worker needs at least "
            f"{MIN_WORKER_MEMORY_MB} MB to start"
        )
    ctx = multiprocessing.get_context("spawn")  # a clean interpreter per worker: no state copied by fork
    # After a kill -9 of the batch, multiprocessing's resource tracker frees the pool's semaphores itself;
    # its two-line warning about them would be the only output, so it is silenced (flags reach the tracker).
    quiet = "ignore::UserWarning:multiprocessing.resource_tracker"
    if quiet not in sys.warnoptions:
        sys.warnoptions.append(quiet)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers, mp_context=ctx, initializer=_start_worker, initargs=(settings, os.getpid())
        )

    pool = new_pool()
    pending: collections.deque[tuple[list[Job], Any, bool]] = collections.deque()  # (jobs, future, retried alone)
    source = _chunks(jobs, CHUNK_SIZE, finish=CHUNK_SIZE * workers)
    exhausted = False

    def submit(chunk: list[Job]) -> Any:
        arts = [j.article for j in chunk if j.article is not None]
        return pool.submit(_run_chunk_in_worker, arts) if arts else None

    try:
        while True:
            while not exhausted and len(pending) < workers * CHUNKS_AHEAD_PER_WORKER:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append((chunk, submit(chunk), False))
            if not pending:
                return
            chunk, future, alone = pending.popleft()
            n_articles = sum(j.article is not None for j in chunk)
            try:
                outcomes = iter(future.result(timeout=settings.article_timeout * n_articles) if future else [])
            except (BrokenProcessPool, FutureTimeout, CancelledError) as exc:
                timed_out = isinstance(exc, FutureTimeout)
                if timed_out:  # a runaway article: its worker is killed and replaced, like one that died
                    for process in list(getattr(pool, "_processes", {}).values()):
                        process.kill()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                rest = [(c, _resubmit(submit, c, f), a) for c, f, a in pending]
                if alone:  # it died again on this article alone: that article is the failure
                    job = next(j for j in chunk if j.article is not None)
                    reason = (
                        f"its analysis took longer than {settings.article_timeout:g} s (NEWSTRACE_ARTICLE_TIMEOUT)"
                        if timed_out
                        else "the worker process analysing it died (out of memory?)"
                    )
                    died = Failure(job.source, reason, job.article_id)
                    for j in chunk:
                        yield j, (died if j is job else j.failure)
                    pending = collections.deque(rest)
                else:  # send each article of the chunk again alone, in order, to find the one that kills
                    pending = collections.deque([([j], submit([j]), True) for j in chunk] + rest)
                continue
            except Exception as exc:  # the chunk's job itself raised in a sound worker (a MemoryError under
                # a low NEWSTRACE_WORKER_MEMORY_MB): each of its articles is a reported failure, the batch goes on
                reason = _job_error(exc, settings)
                for job in chunk:
                    yield job, (Failure(job.source, reason, job.article_id) if job.article is not None else job.failure)
                continue
            for job in chunk:
                yield job, (next(outcomes) if job.article is not None else job.failure)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _job_error(exc: Exception, settings: Settings) -> str:
    if isinstance(exc, MemoryError):
        return f"its worker ran out of memory (NEWSTRACE_WORKER_MEMORY_MB={settings.worker_memory_mb})"
    return f"its analysis failed: {type(exc).__name__}: {exc}"


def _resubmit(submit: Callable[[list[Job]], Any], chunk: list[Job], future: Any) -> Any:
    """After a pool broke: keep what finished well, send the rest again."""
    if future is None or (future.done() and not future.cancelled() and future.exception() is None):
        return future
    return submit(chunk)


def dask_executor(scheduler: str) -> Executor:
    """An executor on a Dask distributed cluster: `tcp://HOST:8786` (an existing scheduler) or `local[:N]`
    (a LocalCluster of N worker processes, default one per core). The readers stay in this process;
    chunks go to the workers (each loads the model once, on its first chunk) and results come back in
    input order, to be written by the one store writer. A worker that dies loses nothing: the scheduler
    runs its chunks again elsewhere (a chunk whose workers keep dying is reported as failed).
    Raises InputError when the scheduler cannot be reached."""

    def run(jobs: Iterable[Job], settings: Settings, workers: int = 0) -> Iterator[tuple[Job, Outcome]]:
        from distributed import Client, LocalCluster
        from distributed.client import FutureCancelledError

        cluster = None
        try:
            if scheduler.startswith("local"):
                n = int(scheduler.partition(":")[2] or 0) or workers or default_workers()
                cluster = LocalCluster(
                    n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
                )
                client = Client(cluster)
            else:
                client = Client(scheduler, timeout=DASK_CONNECT_SECONDS)
        except (OSError, TimeoutError, ValueError) as exc:
            if cluster is not None:
                cluster.close()
            raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
        try:
            ahead = max(2, len(client.scheduler_info().get("workers", {})) * CHUNKS_AHEAD_PER_WORKER)
            pending: collections.deque[tuple[list[Job], Any]] = collections.deque()
            source = _chunks(jobs, CHUNK_SIZE)
            exhausted = False
            while True:
                while not exhausted and len(pending) < ahead:
                    chunk = next(source, None)
                    if chunk is None:
                        exhausted = True
                        break
                    arts = [j.article for j in chunk if j.article is not None]
                    future = client.submit(analyse_chunk, arts, settings, pure=False, retries=1) if arts else None
                    pending.append((chunk, future))
                if not pending:
                    return
                chunk, future = pending.popleft()
                try:
                    outcomes = iter(future.result() if future is not None else [])
                except (FutureCancelledError, Exception) as exc:  # KilledWorker: its workers kept dying
                    reason = f"the Dask workers analysing it died ({type(exc).__name__})"
                    outcomes = iter([Failure(j.source, reason, j.article_id) for j in chunk if j.article is not None])
                for job in chunk:
                    yield job, (next(outcomes) if job.article is not None else job.failure)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return run
