"""dbt parses the project once, not once per warehouse: every build opens its work file through a link
of the same name (profiles.yml's `linked` target), so the profile dbt keys its partial parse on is the
same for every warehouse, and a warehouse built for the first time costs no parse of the whole project."""

import dagster as dg

from defcoop_dagster.analytics.dbt_project import PARTIAL_PARSE, models_dir
from defcoop_dagster.settings import FORCE_VAR
from defcoop_dagster.warehouse.publish import work_path

from .conftest import SEEDS, published_copy, query, run_pipeline

REPARSED = "dbt parsed the whole project again"


def build_models(db, monkeypatch) -> list[str]:
    """The models' step alone on the warehouse ``db`` (its stages as the seeds run left them): what it
    said of dbt's parse."""
    monkeypatch.setenv(FORCE_VAR, "1")  # the step builds though nothing it reads changed
    instance = dg.DagsterInstance.ephemeral()
    models = dg.AssetSelection.assets("dyad_year").required_multi_asset_neighbors()
    result = run_pipeline(SEEDS, db, selection=models, private_work_file=True, instance=instance)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return [r.user_message for r in instance.all_logs(result.run_id) if REPARSED in (r.user_message or "")]


def test_a_warehouse_built_for_the_first_time_is_not_parsed_for(tmp_path, seeds_run, seeds_warehouse, monkeypatch):
    target = models_dir() / "target"
    (target / PARTIAL_PARSE).unlink(missing_ok=True)  # as in a fresh checkout: dbt has nothing to start from
    first, second = (published_copy(seeds_run, tmp_path / name) for name in ("first", "second"))

    said = build_models(first, monkeypatch)
    assert len(said) == 1 and "saved manifest not found" in said[0], said  # the step tells a full parse
    assert build_models(second, monkeypatch) == []  # another warehouse: the last parse serves it

    rows = "SELECT count(*) FROM dyad_year"
    assert query(work_path(first), rows) == query(work_path(second), rows) == query(seeds_warehouse, rows)
