"""Dagster's SQLite history through one engine per file, written without a sync per commit
(defcoop_dagster.sqlite_hold), with a real local instance."""

import shutil
import sqlite3
import subprocess
import sys
import textwrap

import dagster as dg
import sqlalchemy as sa

from defcoop_dagster import sqlite_hold

from .conftest import ROOT

RUN = "00000000-0000-4000-8000-000000000001"


def _home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    return home


def _file(path, wal: bool) -> str:
    with sqlite3.connect(path) as con:
        if wal:
            con.execute("PRAGMA journal_mode=WAL")
        con.execute("CREATE TABLE IF NOT EXISTS events (n INTEGER)")
    return f"sqlite:///{path}"


def test_a_wal_file_is_written_without_a_sync_per_commit(tmp_path):
    wal, plain = tmp_path / "run.db", tmp_path / "plain.db"
    for url, synchronous in ((_file(wal, True), 1), (_file(plain, False), 2)):  # 1 NORMAL, 2 FULL (SQLite's default)
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        with engine.connect() as conn:
            assert conn.execute(sa.text("PRAGMA synchronous")).scalar() == synchronous
        engine.dispose()


def test_a_run_s_events_go_through_one_connection_per_file(tmp_path):
    opened: list[str] = []

    def count(dbapi_connection, _record):
        opened.append(dbapi_connection.execute("PRAGMA database_list").fetchone()[2])

    sa.event.listen(sa.engine.Engine, "connect", count)
    try:
        with dg.instance_for_test(temp_dir=str(_home(tmp_path))) as instance:
            run = instance.create_run_for_job(dg.GraphDefinition("g").to_job(), run_id=RUN)
            for n in range(30):
                instance.report_engine_event(f"event {n}", run)
            shard = instance.event_log_storage.path_for_shard(run.run_id)
            assert len(instance.all_logs(run.run_id)) == 30
    finally:
        sa.event.remove(sa.engine.Engine, "connect", count)
    # Dagster alone opens the run's file once per event (and once more per read)
    assert 1 <= opened.count(shard) <= 2, opened.count(shard)
    assert shard in {str(u).removeprefix("sqlite:///") for u in (e.url for e in sqlite_hold._kept.engines.values())}


def test_check_evaluations_ask_for_their_table_through_the_kept_engine(tmp_path):
    """Dagster asks whether asset_check_executions exists before storing each check evaluation: without
    the kept engine each question opens index.db anew."""
    specs = [dg.AssetCheckSpec(f"rule_{n}", asset="table") for n in range(20)]

    @dg.multi_asset(specs=[dg.AssetSpec("table")], check_specs=specs)
    def table():
        yield dg.MaterializeResult(asset_key="table")
        for spec in specs:
            yield dg.AssetCheckResult(asset_key="table", check_name=spec.name, passed=spec.name != "rule_3")

    opened: list[str] = []

    def count(dbapi_connection, _record):
        opened.append(dbapi_connection.execute("PRAGMA database_list").fetchone()[2])

    with dg.instance_for_test(temp_dir=str(_home(tmp_path))) as instance:
        storage = instance.event_log_storage
        assert storage.has_table("asset_check_executions") and not storage.has_table("no_such_table")
        sa.event.listen(sa.engine.Engine, "connect", count)
        try:
            result = dg.materialize([table], instance=instance)
        finally:
            sa.event.remove(sa.engine.Engine, "connect", count)
        index = storage.path_for_shard("index")
        record = instance.event_log_storage.get_latest_asset_check_execution_by_key([specs[3].key])[specs[3].key]
    assert result.success and record.status.value == "FAILED"
    assert opened.count(index) <= 2, opened.count(index)  # 20 evaluations: 41 openings without


def test_a_killed_writer_loses_no_committed_event(tmp_path):
    home = _home(tmp_path)
    code = f"""
        import os, signal
        import dagster as dg
        from defcoop_dagster import sqlite_hold
        instance = dg.DagsterInstance.from_config({str(home)!r})
        run = instance.create_run_for_job(dg.GraphDefinition("g").to_job(), run_id={RUN!r})
        for n in range(50):
            instance.report_engine_event(f"event {{n}}", run)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    run = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert run.returncode == -9, run.stderr[-2000:]
    instance = dg.DagsterInstance.from_config(str(home))
    try:
        said = [e.dagster_event.message for e in instance.all_logs(RUN)]
    finally:
        instance.dispose()
    assert said == [f"event {n}" for n in range(50)]


def test_a_forked_child_opens_its_own_connection(tmp_path):
    code = f"""
        import os
        import dagster as dg
        from defcoop_dagster import sqlite_hold
        instance = dg.DagsterInstance.from_config({str(_home(tmp_path))!r})
        run = instance.create_run_for_job(dg.GraphDefinition("g").to_job(), run_id={RUN!r})
        instance.report_engine_event("parent", run)
        parents = dict(sqlite_hold._kept.engines)
        pid = os.fork()
        if pid == 0:
            instance.report_engine_event("child", run)
            ok = not set(parents.values()) & set(sqlite_hold._kept.engines.values())
            os._exit(0 if ok else 3)
        assert os.waitpid(pid, 0)[1] == 0
        instance.report_engine_event("parent again", run)
        print([e.dagster_event.message for e in instance.all_logs({RUN!r})])
        """
    run = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == str(["parent", "child", "parent again"])
