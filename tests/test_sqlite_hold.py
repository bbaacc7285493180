"""Dagster's SQLite history written without a checkpoint and a sync per event (defcoop_dagster.sqlite_hold)."""

import sqlite3
import subprocess
import sys
import textwrap

import sqlalchemy as sa

from defcoop_dagster import sqlite_hold


def _file(path, wal: bool) -> str:
    with sqlite3.connect(path) as con:
        if wal:
            con.execute("PRAGMA journal_mode=WAL")
        con.execute("CREATE TABLE IF NOT EXISTS events (n INTEGER)")
    return f"sqlite:///{path}"


def test_a_wal_file_is_held_and_written_without_a_sync_per_commit(tmp_path):
    wal, plain = tmp_path / "run.db", tmp_path / "plain.db"
    for url, synchronous in ((_file(wal, True), 1), (_file(plain, False), 2)):  # 1 NORMAL, 2 FULL (SQLite's default)
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        with engine.connect() as conn:
            assert conn.execute(sa.text("PRAGMA synchronous")).scalar() == synchronous
        engine.dispose()
    assert str(wal) in sqlite_hold._held
    assert str(plain) not in sqlite_hold._held


def test_a_killed_writer_loses_no_committed_event(tmp_path):
    url = _file(tmp_path / "run.db", True)
    code = f"""
        import os, signal
        import sqlalchemy as sa
        from defcoop_dagster import sqlite_hold
        for n in range(50):  # as Dagster writes: a new engine and connection per event
            engine = sa.create_engine({url!r}, poolclass=sa.pool.NullPool)
            with engine.connect() as conn, conn.begin():
                conn.execute(sa.text("INSERT INTO events VALUES (:n)"), {{"n": n}})
            engine.dispose()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    run = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert run.returncode == -9, run.stderr[-2000:]
    with sqlite3.connect(tmp_path / "run.db") as con:
        assert con.execute("SELECT count(*), sum(n) FROM events").fetchone() == (50, sum(range(50)))
