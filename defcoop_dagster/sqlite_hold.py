"""Dagster's local history (SQLite) through one engine per file, its connection kept between events.

A local instance opens each file of its history (``runs.db``, ``index.db``, one per run, the
schedules') through a new SQLAlchemy engine for every read and write, and disposes of it at once:
per event it builds an engine and its pool, compiles the INSERT again (SQLAlchemy caches compiled
statements per engine), connects, and on close copies the WAL log into the file and syncs it (the
last connection to close a WAL file checkpoints it). A run of the whole graph records ~550 events,
10 ms or more apiece here. So those storages get one engine per file for the life of the process,
its connection kept in its pool between uses (out of any transaction: it blocks no reader, writer
or checkpoint, and SQLite still checkpoints as the log grows). Dagster's own locking and its
first-use set-up of each file are kept as they are. At most ``HELD`` engines are kept, the least
recently used let go first; a forked child never uses (nor closes) its parent's. Dagster's question
whether a table exists (asked before storing each check evaluation) goes through the same engines.

Each commit was synced too (SQLite's default ``synchronous=FULL``). Connections to a file in WAL
mode write with ``synchronous=NORMAL``, which SQLite documents as safe from corruption in WAL mode:
a process killed loses nothing it committed, and a power cut may lose the last events, never the
file. Files in any other journal mode are left as they are.
"""

import contextlib
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator

from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME, SqliteEventLogStorage
from dagster._core.storage.runs.sqlite.sqlite_run_storage import SqliteRunStorage
from dagster._core.storage.schedules.sqlite.sqlite_schedule_storage import SqliteScheduleStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

HELD = 16


class _Kept:
    def __init__(self) -> None:
        self.engines: OrderedDict[str, Engine] = OrderedDict()
        self.lock = threading.Lock()


_kept = _Kept()
_forked_away: list[_Kept] = []  # in a forked child, its parent's engines: never used, never closed


@event.listens_for(Engine, "connect")
def _sync_less(dbapi_connection, _record) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    with contextlib.suppress(sqlite3.Error):  # only a speed-up: Dagster's connection goes on as without it
        path = dbapi_connection.execute("PRAGMA database_list").fetchone()[2]
        if path and dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def engine_for(url: str, **connect_args) -> Engine:
    """This process's engine for the SQLite file at ``url`` (one pooled connection kept)."""
    kept = _kept
    with kept.lock:
        engine = kept.engines.get(url)
        if engine is None:
            # a second connection is opened only while the first is in use (another thread), and closed after
            engine = create_engine(url, pool_size=1, max_overflow=-1, connect_args=connect_args)
            kept.engines[url] = engine
            while len(kept.engines) > HELD:
                kept.engines.popitem(last=False)[1].dispose()  # one in use is closed when it is given back
        kept.engines.move_to_end(url)
        return engine


@contextlib.contextmanager
def _transaction(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn, conn.begin():
        yield conn


@contextlib.contextmanager
def _event_log_connect(self: SqliteEventLogStorage, shard: str) -> Iterator[Connection]:
    with self._db_lock:  # as Dagster's own: one user of the storage's files at a time
        engine = engine_for(self.conn_string_for_shard(shard), timeout=SQLITE_BUSY_TIMEOUT_SECONDS)
        if shard not in self._initialized_dbs:  # a new file's tables, as Dagster makes them
            self._initdb(engine)
            self._initialized_dbs.add(shard)
        with _transaction(engine) as conn:
            yield conn


def _has_table(self: SqliteEventLogStorage, table_name: str) -> bool:
    # Dagster asks before storing every check evaluation (and in its concurrency pools' calls) whether a
    # table exists, through an engine made for the question: ~4 ms each, over a second a run here
    engine = engine_for(self.conn_string_for_shard(INDEX_SHARD_NAME), timeout=SQLITE_BUSY_TIMEOUT_SECONDS)
    with engine.connect() as conn:
        return bool(engine.dialect.has_table(conn, table_name))


def _storage_connect(self: SqliteRunStorage | SqliteScheduleStorage) -> contextlib.AbstractContextManager:
    return _transaction(engine_for(self._conn_string))


def _after_fork_in_child() -> None:
    global _kept
    _forked_away.append(_kept)  # its lock may be held by a thread of the parent, which the child lacks
    _kept = _Kept()


SqliteEventLogStorage._connect = _event_log_connect
SqliteEventLogStorage.has_table = _has_table
SqliteRunStorage.connect = _storage_connect
SqliteScheduleStorage.connect = _storage_connect
os.register_at_fork(after_in_child=_after_fork_in_child)
