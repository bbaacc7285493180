"""Extraction spread over worker processes gives the same rows, in the same order, as one process."""

import os
import signal
import threading
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from defcoop_dagster.core.extraction import extract_articles
from defcoop_dagster.core.ingest.articles import article_rows
from defcoop_dagster.core.ingest.sources import scan

from .processes import command_line, live_processes, wait

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_workers_give_the_rows_of_one_process():
    articles = article_rows([s for s in scan(SEEDS) if s["status"] == "accepted"])
    one = extract_articles(articles, batch_size=1, workers=1)
    two = extract_articles(articles, batch_size=1, workers=2)  # five batches: the workers are used
    assert one.meetings and one.agreements and one.mentions
    assert one == two


def test_only_sentences_with_names_are_parsed():
    """The dependency parse is read only around names: a sentence holding none keeps no heads."""
    from defcoop_dagster.core.lang.analysis import analyse

    doc = analyse("Погода в выходные будет тёплой. Министр обороны Сергей Петров прибыл в Казань.")
    plain, named = doc.sents
    assert all(t.head_id is None and t.rel is None for t in plain.tokens)
    assert all(t.head_id is not None and t.rel for t in named.tokens)
    assert [s.type for s in doc.spans] == ["PER", "LOC"]


def _children(pids: set[int]) -> set[int]:
    """The running processes whose parent is one of ``pids`` (from /proc; not those ended, zombies)."""
    return {pid for pid, (state, parent) in live_processes().items() if parent in pids and state != "Z"}


def _extraction_workers() -> set[int]:
    """The processes forked by this process's fork server: under pytest-xdist this worker may have
    other grandchildren (an earlier test's helpers), which are no extraction worker to kill."""
    servers = {pid for pid in _children({os.getpid()}) if "multiprocessing.forkserver" in (command_line(pid) or "")}
    return _children(servers)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
@pytest.mark.parametrize("attempt", range(4))
def test_a_killed_worker_fails_the_call_instead_of_hanging(attempt):
    """The first worker is killed as soon as it exists, while the pool may be starting the second:
    the moment at which CPython 3.11's pool, left to itself, may wait for ever (3 times in 100 here)."""
    articles = article_rows([s for s in scan(SEEDS) if s["status"] == "accepted"])
    many = [dict(a, article_id=f"{a['article_id']}-{k}") for k in range(8) for a in articles]
    done: dict = {}

    def call():
        try:
            done["rows"] = extract_articles(many, batch_size=1, workers=2)
        except BaseException as e:  # noqa: BLE001 - handed to the test's thread
            done["error"] = e

    # a daemon thread: were the call to wait for ever, the test fails below instead of hanging
    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    # the workers are forked by the fork server, a child of this process, not by this process. A call
    # may also end before any worker is seen: the fork server, which CPython's pool can leave dead when
    # an earlier attempt's worker died as the pool started another, is gone; that call must fail too
    seen = wait(lambda: _extraction_workers() or ({"ended"} if not thread.is_alive() else None), "a worker", 120, 0.05)
    workers = seen - {"ended"}
    if workers:
        os.kill(min(workers), signal.SIGKILL)
    thread.join(timeout=120)
    assert not thread.is_alive(), "the call still waits for the killed worker"
    assert isinstance(done.get("error"), BrokenProcessPool)
    assert not _extraction_workers() - workers, "a worker started meanwhile is left running"
