"""Dagster's local history (SQLite) without a checkpoint and a sync at every event it records.

A local instance writes each event of a run through a new connection to the run's file (and one to
``index.db`` for asset events), closed at once. In WAL mode the last connection to close a file
copies its log into it and syncs it: a checkpoint per event, 10 ms or more apiece here, and a run
of the whole graph records some 550 events. One idle connection held open per file (no transaction:
it blocks no reader, writer or checkpoint) makes those closes cheap; SQLite still checkpoints as
the log grows. At most ``HELD`` files are held, the least recently opened let go first.

Each commit was synced too (SQLite's default ``synchronous=FULL``): ~3 s of a five-article run
here. Connections to a file in WAL mode write with ``synchronous=NORMAL``, which SQLite documents
as safe from corruption in WAL mode: a process killed loses nothing it committed, and a power cut
may lose the last events, never the file. Files in any other journal mode are left as they are.
"""

import contextlib
import sqlite3
import threading
from collections import OrderedDict

from sqlalchemy import event
from sqlalchemy.engine import Engine

HELD = 8
_held: OrderedDict[str, sqlite3.Connection] = OrderedDict()
_lock = threading.Lock()


@event.listens_for(Engine, "connect")
def _hold_file_open(dbapi_connection, _record) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    with contextlib.suppress(sqlite3.Error):  # only a speed-up: Dagster's connection goes on as without it
        path = dbapi_connection.execute("PRAGMA database_list").fetchone()[2]
        if not path or dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            return  # in memory, or not in WAL mode (yet: Dagster sets it on a new file's first use)
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        _hold(path)


def _hold(path: str) -> None:
    if path in _held:
        return
    holder = sqlite3.connect(path, check_same_thread=False)
    holder.execute("SELECT count(*) FROM sqlite_master").fetchone()  # maps the WAL index: the file is in use
    with _lock:
        if path in _held:
            holder.close()
            return
        _held[path] = holder
        while len(_held) > HELD:
            _held.popitem(last=False)[1].close()
