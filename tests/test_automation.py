"""The folder sensor, the daily schedule and the instance configuration, evaluated for real."""

import datetime as dt
import json
import os
import shutil
import time

import dagster as dg

from defcoop_dagster.defs.automation.schedules import daily_refresh
from defcoop_dagster.defs.automation.sensors import input_folder_sensor
from defcoop_dagster.defs.resources import InputFolder, Warehouse

from .conftest import ROOT, SEEDS, definitions


def tick(folder, cursor=None, warehouse=None):
    resources = {
        "input_folder": InputFolder(path=str(folder)),
        "warehouse": Warehouse(database=str(warehouse or folder.parent / "no-warehouse.duckdb")),
    }
    ctx = dg.build_sensor_context(cursor=cursor, resources=resources)
    result = input_folder_sensor(ctx)
    return result, ctx.cursor


def test_sensor_runs_on_new_changed_and_removed_files_only(tmp_path):
    (tmp_path / "a.txt").write_text("Первая статья.", encoding="utf-8")
    first, cursor = tick(tmp_path)
    assert isinstance(first, dg.RunRequest) and first.tags["defcoop/added"] == "1"

    again, same = tick(tmp_path, cursor)
    assert isinstance(again, dg.SkipReason) and same == cursor  # a file it has seen does not re-trigger

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Вторая статья.", encoding="utf-8")
    added, cursor2 = tick(tmp_path, cursor)
    assert added.tags["defcoop/added"] == "1" and added.run_key != first.run_key

    time.sleep(0.01)
    (tmp_path / "a.txt").write_text("Первая статья, исправленная.", encoding="utf-8")
    changed, cursor3 = tick(tmp_path, cursor2)
    assert changed.tags["defcoop/changed"] == "1"

    os.remove(tmp_path / "sub" / "b.txt")
    removed, _ = tick(tmp_path, cursor3)
    assert removed.tags["defcoop/removed"] == "1"


def test_the_first_tick_starts_from_what_the_warehouse_holds(seeds_warehouse, tmp_path):
    """After `defcoop materialize` the sensor's cursor is empty: it is seeded from source_files, so the
    first tick runs only for what changed since, not for everything the command just built."""
    skip, cursor = tick(SEEDS, warehouse=seeds_warehouse)
    assert isinstance(skip, dg.SkipReason) and "no change" in skip.skip_message
    assert set(json.loads(cursor)) == {p.name for p in SEEDS.iterdir()}  # remembered for the next ticks

    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)  # copy2 keeps sizes and modification times: the same files
    (inbox / "new.txt").write_text("Министр обороны встретился с коллегой.", encoding="utf-8")
    removed = sorted(SEEDS.iterdir())[0].name
    (inbox / removed).unlink()
    run, _ = tick(inbox, warehouse=seeds_warehouse)
    assert isinstance(run, dg.RunRequest)
    assert (run.tags["defcoop/added"], run.tags["defcoop/changed"], run.tags["defcoop/removed"]) == ("1", "0", "1")

    first, _ = tick(inbox)  # no warehouse yet: every file is new, as before
    assert first.tags["defcoop/added"] == str(len(list(inbox.iterdir())))


def test_daily_schedule_refreshes_everything():
    ctx = dg.build_schedule_context(scheduled_execution_time=dt.datetime(2026, 11, 22, 5, 0, tzinfo=dt.UTC))
    data = daily_refresh.evaluate_tick(ctx)
    assert len(data.run_requests) == 1
    assert daily_refresh.cron_schedule == "0 5 * * *" and daily_refresh.execution_timezone == "UTC"
    assert daily_refresh.default_status == dg.DefaultScheduleStatus.RUNNING


def test_sensor_and_schedule_are_in_the_code_location_and_cover_every_asset():
    defs = definitions()
    graph = defs.resolve_asset_graph()
    every = {k for k in graph.get_all_asset_keys() if graph.get(k).is_materializable}
    for job in (defs.resolve_schedule_def("daily_refresh").job, defs.resolve_sensor_def("input_folder_sensor").job):
        assert job.selection.resolve(graph) >= every


def test_the_dead_run_sensor_is_on_and_starts_no_run():
    sensor = definitions().resolve_sensor_def("dead_run_sensor")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert not sensor.targets


def test_instance_config_has_a_warehouse_pool_and_retries(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    instance = dg.DagsterInstance.from_config(str(home))
    try:
        assert instance.run_retries_enabled and instance.run_retries_max_retries == 2
        info = instance.get_concurrency_config().pool_config
        assert info.default_pool_limit == 1
        # the daemon frees the slots of runs that ended without giving them back (a killed worker)
        assert instance.run_monitoring_enabled
        assert 0 < instance.run_monitoring_settings["free_slots_after_run_end_seconds"] <= 60
    finally:
        instance.dispose()
