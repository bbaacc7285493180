"""Articles → the rows of the entity and the event tables, natasha once per article.

Articles go through in batches: each batch is analysed once (``entities``), and the events are read
from the same analysis and entity rows (``events``) before the next batch, so only one batch's
analysis is held in memory at a time (per worker).

Batches are independent, so when there are enough of them they are spread over worker processes,
one per core (``DEFCOOP_WORKERS`` overrides), and only rows travel back. The rows are the same, in
the same order, as in one process.

The workers come from a fork server, a fresh process that loads natasha's models once
(``lang.preload``) and forks each worker from itself: they share the weights instead of loading
their own. Workers are not forked from the caller, whose other threads (DuckDB's allocator, a test
runner's pipe reader, Dagster's) may hold a lock at the fork that the child would wait on for ever.
A worker that dies (killed, out of memory) ends the call with ``BrokenProcessPool`` instead of a
wait for a result that never comes.

A caller that knows it will extract soon (a Dagster run, at its start) calls ``start_workers()``:
the fork server loads the models on another core while the caller does other work, and then even a
single batch goes to a worker, whose models are ready, instead of loading them here.
"""

import multiprocessing
import multiprocessing.forkserver
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, fields

# imported by the fork server (never here: importing it loads the models), named so the test sees a typo
PRELOAD = f"{__package__}.lang.preload"

WORKERS_VAR = "DEFCOOP_WORKERS"
FORKSERVER = "forkserver"
# fewer batches than this are not worth the workers' start (the fork server loads the models, ~2 s)
PARALLEL_MIN_BATCHES = 4

BATCH_SIZE = 32  # articles per natasha call; slovnet splits them further into its own batches
# A batch's analysis is held until its events are read (~250 bytes a character at the peak): long articles
# go in smaller batches. Batching does not change the results (slovnet masks its padding).
BATCH_CHARS = 400_000


@dataclass
class Extracted:
    mentions: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    person_mentions: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    meeting_countries: list[dict] = field(default_factory=list)
    meeting_participants: list[dict] = field(default_factory=list)
    agreements: list[dict] = field(default_factory=list)
    agreement_parties: list[dict] = field(default_factory=list)

    def add(self, *parts) -> None:
        for part in parts:
            for f in fields(part):
                if f.name in self.__dataclass_fields__:
                    getattr(self, f.name).extend(getattr(part, f.name))


def extract_articles(articles: list[dict], batch_size: int = BATCH_SIZE, workers: int | None = None) -> Extracted:
    """Rows of the eight tables for article rows (article_id, body, published, published_date,
    dateline_end, dateline_place); ``workers`` processes (default: one per core) when it pays."""
    batches = _by_length(articles, batch_size)
    wanted = workers or default_workers()
    workers = min(wanted, len(batches))
    out = Extracted()
    parallel = workers > 1 and len(batches) >= PARALLEL_MIN_BATCHES
    ready = _started and wanted > 1  # a started server takes even one batch, unless one process was asked for
    if not batches or not (parallel or ready) or not forkserver_available():
        for batch in batches:
            out.add(_extract_batch(batch))
        return out
    before = set(multiprocessing.active_children())
    with ProcessPoolExecutor(workers, mp_context=_server_context()) as pool:
        try:
            try:
                parts = pool.map(_extract_batch, batches)  # every batch is submitted here, workers started
            except OSError as e:  # a worker started as the pool broke (its queue closed under it), or no fork server
                raise BrokenProcessPool(f"a worker could not be started, or died as another was: {e}") from e
            for part in parts:  # in order: the rows come out as in one process
                out.add(part)
        except BrokenProcessPool:  # from a submit or from a result
            _end_started_since(before)  # before the pool's shutdown waits for them
            raise
    return out


def _end_started_since(before: set) -> None:
    """End this process's children started since ``before``: the pool's workers. CPython 3.11's pool,
    broken by a dead worker, ends the workers it knows and then waits for each to end. A worker that a
    ``submit`` was starting meanwhile is not ended, waits for a task that never comes, and so does the
    pool's shutdown (3 calls in 100 whose first worker was killed at once, here); or that ``submit``
    fails with ``OSError``, the pool's queue closed under it (about 1 call in 400). That can also end
    the fork server (it stops when a client goes mid-request): until it has exited (0.2 s to seconds,
    its models freed), a call fails at once; the next call starts a new one."""
    for child in set(multiprocessing.active_children()) - before:
        child.terminate()


_started = False  # start_workers() was called in this process


def forkserver_available() -> bool:
    return FORKSERVER in multiprocessing.get_all_start_methods()


def _server_context():
    context = multiprocessing.get_context(FORKSERVER)
    # read when the server starts (once per process); the server's models are the workers' (copy-on-write)
    context.set_forkserver_preload([PRELOAD])
    return context


def start_workers() -> bool:
    """Start the fork server now, without waiting for its models; later calls of ``extract_articles``
    in this process send even one batch to a worker. False where there is no fork server, or with
    ``DEFCOOP_WORKERS=1``."""
    global _started
    if not forkserver_available() or default_workers() <= 1:
        return False  # no fork server here, or one process asked for (DEFCOOP_WORKERS=1)
    _server_context()
    multiprocessing.forkserver.ensure_running()
    _started = True
    return True


def default_workers() -> int:
    value = os.environ.get(WORKERS_VAR, "").strip()
    if value:
        return max(1, int(value))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _extract_batch(batch: list[dict]) -> Extracted:
    """The rows of one batch: entities, then events from the same analysis (which stays here)."""
    # here, not at the top: a caller whose batches all go to workers never loads natasha itself
    from .entities.extract import extract
    from .events.rows import extract_all

    entities = extract(batch)
    events = extract_all(batch, entities.persons, entities.person_mentions, entities.mentions, entities.sentences)
    part = Extracted()
    part.add(entities, events)
    return part


def _by_length(articles: list[dict], size: int) -> list[list[dict]]:
    """Consecutive articles, ``size`` at most in a batch and BATCH_CHARS of body (or one article)."""
    out: list[list[dict]] = [[]]
    chars = 0
    for article in articles:
        if out[-1] and (len(out[-1]) >= size or chars + len(article["body"]) > BATCH_CHARS):
            out.append([])
            chars = 0
        out[-1].append(article)
        chars += len(article["body"])
    return [batch for batch in out if batch]
