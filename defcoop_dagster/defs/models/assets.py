"""dbt_like_models/ (a dbt project) as assets: each model an asset, each schema.yml test its check.

dagster-dbt reads the project's manifest; ``dbt build`` runs the selected models and their tests in
one step of the ``warehouse`` pool, against the pipeline's private work file. The pipeline's tables
are the project's sources, mapped onto the assets that write them, so the models run after them.

A test of ERROR severity that fails is blocking: the step fails naming it and ``published_warehouse``
does not run, so analysts keep the last good file. dbt holds the DuckDB file while it runs: each
model's row count, columns and preview come from its post-hook (``described``), sent as dbt finishes
it; a failed test's rows are read from the file once dbt is done.
"""

import importlib
import json
import threading
from collections.abc import Generator, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from ...analytics.dbt_cli import (
    DbtCli,
    as_built,
    full_parse_reason,
    hand_on,
    invocation_folder,
    quick_dbt,
    work_linked,
)
from ...analytics.dbt_light import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets
from ...analytics.dbt_project import BUILD_TARGET, models_dir, prepared_manifest, sources_digest
from ...faults import MESSAGES
from ...stage import WAREHOUSE_POOL
from ...ui import preview_table
from ...unchanged import run_or_skip
from .. import warm_start
from ..resources import Warehouse, failure, fault_failure, machine_faults_told
from ..warm_start import WarmDbt

FAILURE_PREVIEW_ROWS = 20
DESCRIBED = "described"  # the models' post-hooks write there, in the build's folder (macros/described.sql)
PICTURES_MODULE = "defcoop_dagster.analytics.drawing"


class Translator(DagsterDbtTranslator):
    """Sources are the pipeline's own assets (``meetings``, not ``defcoop/meetings``); a model's
    group is its folder (``staging``, ``marts``)."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey(dbt_resource_props["name"])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        fqn = dbt_resource_props.get("fqn") or []
        return fqn[1] if dbt_resource_props["resource_type"] == "model" and len(fqn) > 2 else "models"


def shown(rows: int, types: list[tuple[str, str]], preview, columns: Mapping[str, Any]) -> dict:
    """Row count, column schema (``types`` from DuckDB, meanings from schema.yml) and a preview."""
    schema = dg.TableSchema(
        columns=[
            dg.TableColumn(name, kind, description=(columns.get(name) or {}).get("description") or None)
            for name, kind in types
        ]
    )
    return {"dagster/row_count": rows, "dagster/column_schema": schema, "preview": preview_table(preview)}


def model_metadata(con: duckdb.DuckDBPyConnection, relation: str, columns: Mapping[str, Any]) -> dict:
    """``shown`` for ``relation``, read from the built file."""
    rows = con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]
    types = [(name, kind) for name, kind, *_ in con.execute(f"DESCRIBE {relation}").fetchall()]
    return shown(rows, types, con.execute(f"SELECT * FROM {relation} LIMIT 10").df(), columns)


def described(folder: Path, node: Mapping[str, Any]) -> dict | None:
    """``shown`` as the model's post-hook wrote it in the build's folder (macros/described.sql), or None
    when it did not (the table is then read once dbt has exited)."""
    base = folder / DESCRIBED / (node.get("alias") or node["name"])
    try:
        found = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
        with duckdb.connect() as con:  # in memory: the preview's types as the table's
            preview = con.execute("SELECT * FROM read_parquet(?)", [str(base.with_suffix(".parquet"))]).df()
    except (OSError, ValueError, duckdb.Error):
        return None
    if not found:
        return None
    types = [(c["column_name"], c["column_type"]) for c in found]
    return shown(found[0]["row_count"], types, preview, node.get("columns") or {})


def node_id(event) -> str | None:
    """The dbt node (its unique_id) a dagster-dbt event is of."""
    unique_id = event.metadata.get("unique_id") if hasattr(event, "metadata") else None
    return getattr(unique_id, "value", unique_id)


def streamed(events: Iterable, folder: Path, manifest: Mapping) -> Generator[Any, None, list]:
    """dagster-dbt's events as dbt finishes each node, each model's with what its post-hook described.
    Returns those held back for ``enriched`` once dbt has exited: from the first event that needs the
    built file (a failed test's rows, a model not described) on, in order, so every failed test is there."""
    held: list = []
    for event in events:
        node = manifest["nodes"].get(node_id(event)) or {}
        if not held and isinstance(event, dg.Output) and node.get("resource_type") == "model":
            table = described(folder, node)
            if table is not None:
                yield event.with_metadata({**event.metadata, **table})
                continue
        if held or isinstance(event, dg.Output) or (isinstance(event, dg.AssetCheckResult) and not event.passed):
            held.append(event)
        else:
            yield event
    return held


def failing_rows(con: duckdb.DuckDBPyConnection, compiled_sql: str) -> dict:
    """The rows a failed test found (its compiled query returns them), for the check's metadata."""
    try:
        rows = con.execute(f"SELECT * FROM ({compiled_sql}) AS failures LIMIT {FAILURE_PREVIEW_ROWS}").df()
    except duckdb.Error as e:
        return {"failures_error": str(e).splitlines()[0]}
    return {"failures": preview_table(rows), "sql": dg.MetadataValue.md(f"```sql\n{compiled_sql.strip()}\n```")}


def enriched(events: list, results: dict, manifest: Mapping, con: duckdb.DuckDBPyConnection) -> Iterator:
    """dagster-dbt's events, with what the UI shows added from the built work file."""
    nodes = manifest["nodes"]
    for event in events:
        unique_id = node_id(event)
        node, result = nodes.get(unique_id, {}), results.get(unique_id, {})
        if isinstance(event, dg.Output) and result.get("relation_name"):
            table = model_metadata(con, result["relation_name"], node["columns"])
            yield event.with_metadata({**event.metadata, **table})
        elif isinstance(event, dg.AssetCheckResult) and not event.passed and result.get("compiled_code"):
            extra = {"failing_rows": result.get("failures") or 0, **failing_rows(con, result["compiled_code"])}
            yield dg.AssetCheckResult(
                asset_key=event.asset_key,
                check_name=event.check_name,
                passed=False,
                severity=event.severity,
                metadata={**event.metadata, **extra},
                description=result.get("message"),
            )
        else:
            yield event


def stopped_by(events: list, results: dict) -> str | None:
    """One line naming what stops the graph here: failed ERROR tests first, then dbt's own errors."""
    blocking = [
        f"{e.check_name} on {e.asset_key.to_user_string()}"
        for e in events
        if isinstance(e, dg.AssetCheckResult) and not e.passed and e.severity == dg.AssetCheckSeverity.ERROR
    ]
    if blocking:
        return f"dbt test{'s' if len(blocking) > 1 else ''} of ERROR severity failed: {'; '.join(blocking)}"
    errors = [f"{uid}: {r.get('message')}" for uid, r in results.items() if r.get("status") in ("error", "fail")]
    return f"dbt failed: {errors[0]}" if errors else None


def models_asset(project_dir: Path) -> dg.AssetsDefinition:
    """The models and tests of the dbt project in ``project_dir`` as one subsettable multi-asset."""
    project = DbtProject(project_dir=project_dir, profiles_dir=project_dir)
    # dbt run by this interpreter, ended without Python's teardown (quick_exit.py)
    cli = DbtCli(
        project_dir=project, profiles_dir=str(project_dir), dbt_executable=quick_dbt(project_dir), target=BUILD_TARGET
    )

    @dbt_assets(
        manifest=prepared_manifest(project_dir),
        project=project,
        dagster_dbt_translator=Translator(),
        name="dbt_like_models",
        pool=WAREHOUSE_POOL,  # dbt writes the DuckDB file: one writer at a time, across runs
    )
    def _models(context: dg.AssetExecutionContext, warehouse: Warehouse, warm_dbt: WarmDbt):
        # warm_dbt: dbt imported in its own process since the first step (defs/warm_start.py), or from now
        warm_start.begin()
        if warehouse.database == ":memory:":
            raise failure("dbt cannot build the models in an in-memory warehouse: set DEFCOOP_DUCKDB_PATH to a file.")
        # what the models read: the stages' tables; a change to the project's files is a change too
        yield from run_or_skip(
            context,
            warehouse,
            "dbt_like_models",
            lambda: build(context, warehouse, cli, project_dir),
            sources_digest(project_dir),
            selection(context),
            forget_first=True,
            kept_open=False,  # dbt writes the file from its own process
        )

    return _models


def selection(context: dg.AssetExecutionContext) -> str | list[str]:
    """``all`` (as ``defcoop materialize`` tells it beforehand), or the models selected."""
    selected = context.selected_asset_keys
    return "all" if selected == context.assets_def.keys else sorted(k.to_user_string() for k in selected)


def build(context: dg.AssetExecutionContext, warehouse: Warehouse, cli: DbtCliResource, project_dir: Path):
    """``dbt build`` of the selected models and tests on the work file, then what the UI shows."""
    work = warehouse.checked_path().resolve()
    folder = invocation_folder(project_dir, context.run.run_id)
    # the pictures' step comes next: matplotlib loads here while this process only waits for dbt
    threading.Thread(target=importlib.import_module, args=(PICTURES_MODULE,), daemon=True).start()
    with work_linked(folder, work):
        (folder / DESCRIBED).mkdir()
        invocation = cli.cli(
            # the log file without the SQL of each node (in the folder's compiled/ and run/): ~0.2 s less
            ["build", "--log-level-file", "info"],
            context=context,
            raise_on_error=False,
            target_path=folder,  # its own: two runs at once never read each other's results
        )
        # dbt holds the file until it exits: what needs it is held back until then
        held = yield from streamed(invocation.stream(), folder, invocation.manifest)
    path = Path(invocation.target_path) / "run_results.json"  # absent when dbt stopped before running
    results = {r["unique_id"]: r for r in json.loads(path.read_text()).get("results", [])} if path.is_file() else {}
    if held:
        with machine_faults_told(f"the warehouse work file {work}"), as_built(work) as con:
            yield from enriched(held, results, invocation.manifest, con)
    # the line of dbt's messages that quotes the machine fault, e.g. DuckDB's "IO Error: … No space left"
    told = [
        line.strip()
        for r in results.values()
        for line in (r.get("message") or "").splitlines()
        if r.get("status") in ("error", "fail") and any(m in line for m in MESSAGES)
    ]
    fault = fault_failure(RuntimeError(told[0]), f"the warehouse work file {work}") if told else None
    if fault is not None:  # dbt hit a full disk (or another machine fault): say that, not "Runtime Error"
        raise fault
    reparsed = full_parse_reason(folder)
    if reparsed:  # ~4 s of the build: after a change of the project's files, or the first build of a checkout
        context.log.info(f"dbt parsed the whole project again: {reparsed}")
    why = stopped_by(held, results)  # every failed test is held back
    if why or not invocation.is_successful():
        raise failure(
            f"Publishing stopped: {why or 'dbt build failed'}. The published warehouse was left as it was; "
            f"the checks of the models show the failing rows, dbt's log is in {invocation.target_path}."
        )
    hand_on(folder, project_dir)


dbt_like_models = models_asset(models_dir())
