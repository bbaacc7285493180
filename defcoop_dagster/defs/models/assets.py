"""dbt_like_models/ → one asset per SQL file (a table in the warehouse), its schema.yml tests as checks.

The folder is read when this module is imported, so a model that reads an unknown table stops
``definitions.py`` from loading, with a message naming the file and the table.

All models share one subsettable multi-asset, as dagster-dbt does: each file is still its own
asset (own node, group, edges, code version; materialisable alone), but a run builds the selected
ones in one step, in dependency order, each model's tests right after it, instead of paying a
process per model and per test suite.
"""

import os
from pathlib import Path

import dagster as dg
import duckdb

from ...analytics.models import Model, build_table
from ...analytics.project import Project, load_project
from ...analytics.schema_tests import DataTest
from ...settings import project_root
from ...stage import WAREHOUSE_POOL
from ...ui import markdown_table
from ...warehouse.tables import TABLES
from ..resources import Warehouse

MODELS_DIR_VAR = "DEFCOOP_MODELS_DIR"
FAILURE_PREVIEW_ROWS = 20


def models_dir() -> Path:
    """``dbt_like_models/`` of the project, unless DEFCOOP_MODELS_DIR points elsewhere."""
    return Path(os.environ.get(MODELS_DIR_VAR) or project_root() / "dbt_like_models").expanduser()


def upstream_asset_names() -> list[str]:
    """The tables the pipeline's own assets write: what a model may read besides other models."""
    return sorted(name for name in TABLES if name not in ("quarantine", "extraction_state"))


def model_spec(model: Model) -> dg.AssetSpec:
    return dg.AssetSpec(
        model.name,
        group_name=model.layer,
        deps=list(model.deps),
        description=model.description or None,
        kinds={"duckdb", "sql"},
        code_version=model.code_version,
        metadata={
            "sql_file": dg.MetadataValue.path(str(model.path)),
            "sql": dg.MetadataValue.md(f"```sql\n{model.sql.strip()}\n```"),
        },
    )


def check_spec(test: DataTest) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(test.name, asset=test.model, description=test.description, additional_deps=test.reads)


def materialize_model(con: duckdb.DuckDBPyConnection, model: Model) -> dg.MaterializeResult:
    try:
        build_table(con, model)
    except duckdb.Error as e:
        raise dg.Failure(description=f"{model.path}: {e}") from e
    rows = con.execute(f'SELECT count(*) FROM "{model.name}"').fetchall()[0][0]
    preview = con.execute(f'SELECT * FROM "{model.name}" LIMIT 10').df()
    described = con.execute(f'DESCRIBE "{model.name}"').fetchall()  # name, type, null, key, default, extra
    schema = dg.TableSchema(
        columns=[dg.TableColumn(name, kind, description=model.columns.get(name)) for name, kind, *_ in described]
    )
    return dg.MaterializeResult(
        asset_key=model.name,
        metadata={
            "dagster/row_count": rows,
            "dagster/table_name": model.name,
            "dagster/column_schema": schema,
            "preview": dg.MetadataValue.md(markdown_table(preview)),
        },
    )


def run_test(con: duckdb.DuckDBPyConnection, test: DataTest) -> dg.AssetCheckResult:
    """Run one test: it passes when its query returns no row; the failing rows go to the metadata."""
    meta = {
        "sql": dg.MetadataValue.md(f"```sql\n{test.sql}\n```"),
        "declared_in": dg.MetadataValue.path(str(test.path)),
    }
    result = {"asset_key": test.model, "check_name": test.name}
    try:
        failing = con.execute(f"SELECT count(*) FROM ({test.sql}) AS failures").fetchall()[0][0]
        rows = con.execute(f"SELECT * FROM ({test.sql}) AS failures LIMIT {FAILURE_PREVIEW_ROWS}").df()
    except duckdb.Error as e:
        # a test that cannot run (a column renamed in the model…) fails and says why; the others still run
        meta["error"] = dg.MetadataValue.text(f"{test.path}: {e}")
        return dg.AssetCheckResult(**result, passed=False, severity=dg.AssetCheckSeverity.ERROR, metadata=meta)
    meta["failing_rows"] = failing
    if failing:
        meta["failures"] = dg.MetadataValue.md(markdown_table(rows, rows=FAILURE_PREVIEW_ROWS))
    severity = dg.AssetCheckSeverity.WARN if test.severity == "warn" else dg.AssetCheckSeverity.ERROR
    return dg.AssetCheckResult(**result, passed=failing == 0, severity=severity, metadata=meta)


def models_asset(project: Project) -> dg.AssetsDefinition:
    """Every model of ``project`` as its own asset, every test as its own check, built in one step."""

    @dg.multi_asset(
        pool=WAREHOUSE_POOL,  # one writer of the DuckDB file at a time, across runs
        name="dbt_like_models",
        specs=[model_spec(m) for m in project.models],
        check_specs=[check_spec(t) for m in project.models for t in project.tests[m.name]],
        can_subset=True,
    )
    def _models(context: dg.AssetExecutionContext, warehouse: Warehouse):
        assets, checks = context.selected_asset_keys, context.selected_asset_check_keys
        for model in project.models:  # in dependency order
            key = dg.AssetKey(model.name)
            tests = [t for t in project.tests[model.name] if dg.AssetCheckKey(key, t.name) in checks]
            if key not in assets and not tests:
                continue
            # a connection per model, so other steps of the run get the file between models
            with warehouse.get_connection() as con:
                if key in assets:
                    yield materialize_model(con, model)
                for test in tests:
                    yield run_test(con, test)

    return _models


PROJECT = load_project(models_dir(), upstream_asset_names())
dbt_like_models = models_asset(PROJECT)
