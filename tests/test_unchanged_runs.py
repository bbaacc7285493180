"""Runs over an unchanged folder skip their work, and say so; a change, or --force, redoes it (two
`defcoop materialize` at once, and one over an unchanged folder: tests/test_command_line.py)."""

import hashlib
import shutil

import duckdb
import pytest

from defcoop_dagster import cli
from defcoop_dagster.warehouse.runstate import CHAIN, DDL, forget, record, records, upstream

from .conftest import SEEDS, query, run_pipeline
from .processes import env_for, instance_of, new_home, processes_of, wait

NEW_ARTICLE = (
    "Министр обороны Казахстана Нурлан Ермекбаев встретился в Ташкенте с министром обороны Узбекистана "
    "Бахадыром Курбановым."
)
STEPS = ["source_files", "articles", "extraction", "canonical_events", "dbt_like_models"]


def unchanged(result) -> dict[str, bool]:
    """asset → whether its materialisation in ``result`` says it was skipped as unchanged."""
    return {
        m.asset_key.to_user_string(): "unchanged" in m.metadata
        for m in result.get_asset_materialization_events()
        for m in [m.materialization]
    }


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_records_chain_and_forget():
    con = duckdb.connect()
    con.execute(DDL)
    assert upstream(con, "articles") is None  # nothing recorded: nothing downstream may skip
    record(con, "source_files", "f1", "run1", [["source_files", "pandera_schema", True, "WARN"]])
    assert upstream(con, "articles") == ["f1"]
    assert records(con)["source_files"] == ("f1", "run1", [["source_files", "pandera_schema", True, "WARN"]])
    assert upstream(con, "canonical_events") is None  # articles and extraction have no record
    forget(con, ["source_files"])
    assert records(con) == {}
    assert all(reads for reads in CHAIN.values())


@pytest.mark.e2e
def test_an_unchanged_folder_is_skipped_and_a_new_file_is_not(tmp_path, monkeypatch):
    inbox, published = tmp_path / "inbox", tmp_path / "out" / "w.duckdb"
    shutil.copytree(SEEDS, inbox)
    first = run_pipeline(inbox, published, private_work_file=True)
    assert first.success and not any(unchanged(first).values())
    tables = query(published, "SELECT * FROM meetings ORDER BY meeting_id")
    before = {p.name: digest(p) for p in published.parent.iterdir() if not p.name.startswith(".")}

    second = run_pipeline(inbox, published, private_work_file=True)
    assert second.success
    skipped = unchanged(second)
    # everything but the quarantine's counts (a read of one table) is skipped
    assert {asset for asset, same in skipped.items() if not same} == {"quarantine"}
    assert {"source_files", "meetings", "dyad_year", "cooperation_network", "published_warehouse"} <= set(skipped)
    # the checks are reported as they were evaluated, the tables and the published file are untouched
    checks = second.get_asset_check_evaluations()
    # (the pictures' check shows the picture again, read from its file)
    assert checks and all("unchanged" in c.metadata for c in checks if c.check_name != "picture_drawn")
    assert {p.name: digest(p) for p in published.parent.iterdir() if not p.name.startswith(".")} == before
    assert query(published, "SELECT * FROM meetings ORDER BY meeting_id") == tables
    meta = {m.asset_key.to_user_string(): m.metadata for m in second.asset_materializations_for_node("extraction")}
    assert meta["persons"]["articles_analysed"].value == 0 and meta["persons"]["dagster/row_count"].value > 0

    (inbox / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    third = run_pipeline(inbox, published, private_work_file=True)
    assert third.success and not any(unchanged(third).values())
    assert query(published, "SELECT count(*) FROM articles WHERE source_path = 'zz_new.txt'") == [(1,)]
    assert {s for s, _ in query(published, "SELECT step, fingerprint FROM run_state")} >= set(STEPS)

    monkeypatch.setenv("DEFCOOP_FORCE", "1")
    forced = run_pipeline(inbox, published, private_work_file=True)
    assert forced.success and not any(unchanged(forced).values())


def test_a_failing_look_at_the_folder_leaves_no_run_and_no_process(tmp_path, monkeypatch):
    """`defcoop materialize` starts Dagster's process before it looks whether anything changed: when the
    look fails, that process is ended before it opened the instance, and no run is left behind."""
    inbox, home = tmp_path / "inbox", new_home(tmp_path)
    shutil.copytree(SEEDS, inbox)
    for name, value in env_for(home, inbox, tmp_path / "out" / "w.duckdb").items():
        monkeypatch.setenv(name, value)

    def broken():
        raise RuntimeError("the folder could not be looked at")

    monkeypatch.setattr(cli, "unchanged_run", broken)
    with pytest.raises(RuntimeError, match="could not be looked at"):
        cli.materialize("*")
    wait(lambda: not processes_of(str(home)), "Dagster's process and its helpers to end", timeout=30)
    instance = instance_of(home)
    assert instance.get_runs() == []
    instance.dispose()
