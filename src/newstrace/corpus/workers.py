"""Many articles at once: read every input in order, analyse on local worker processes (one spaCy model
each), and hand back results in input order. A bad input or article is reported, never fatal.

The readers run in the calling process (they fetch URLs and walk archives); only analysis is spread out,
so a worker is a plain function of (document, date, settings) and a cluster executor can replace the
process pool later.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from .. import ingest
from ..errors import InputError
from ..settings import Settings


@dataclass
class Failure:
    source: str
    message: str


Result = Union[str, Failure]  # a newstrace/1 document as one JSON line, or why an input was skipped


def _documents(inputs: Iterable[str], settings: Settings) -> Iterator[Union[ingest.RawDocument, Failure]]:
    for spec in inputs:
        try:
            yield from ingest.read(spec, settings)
        except InputError as exc:
            yield Failure(spec, str(exc))


def _analyse(job) -> Result:
    raw, published, settings = job
    if isinstance(raw, Failure):
        return raw
    from ..api import analyze_document

    if published and not raw.published:  # --published only fills in a date the document does not carry
        raw = dataclasses.replace(raw, published=published)
    try:
        return analyze_document(raw, None, settings).to_json(indent=None)
    except InputError as exc:
        return Failure(raw.source, str(exc))


def default_workers() -> int:
    return max(
        1,
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1),
    )


def analyse_all(
    inputs: Iterable[str],
    published: Optional[str],
    settings: Settings,
    workers: int = 0,
) -> Iterator[Result]:
    """Results in input order; workers=0 means one process per available core, 1 means in this process."""
    workers = workers or default_workers()
    jobs = ((raw, published, settings) for raw in _documents(inputs, settings))
    if workers == 1:
        yield from map(_analyse, jobs)
        return
    ctx = multiprocessing.get_context("spawn")  # a clean interpreter per worker: no state copied by fork
    with ctx.Pool(workers) as pool:
        yield from pool.imap(_analyse, jobs, chunksize=1)
