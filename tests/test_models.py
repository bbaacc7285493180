"""dbt_like_models/ as a dbt project: its models are assets, its tests checks (dbt run from the folder, as the
README says: test_readme.py)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest
import yaml

from defcoop_dagster.analytics import dbt_project
from defcoop_dagster.analytics.dbt_project import DbtProjectError, prepared_manifest
from defcoop_dagster.defs.models.assets import models_asset
from defcoop_dagster.defs.resources import Warehouse, warm_start
from defcoop_dagster.warehouse.tables import KINDS as DOCUMENT_KINDS

from .conftest import ROOT, definitions, query

MODELS = ROOT / "dbt_like_models"
BIN = Path(sys.executable).parent
MARTS = {"dyad_events", "dyad_year", "country_partners", "officials", "agreements_timeline", "events_by_month"}
KINDS = ["agreement", "plan", "declaration", "memorandum", "protocol", "treaty", "contract", "program", "roadmap"]


def materialization(result: dg.ExecuteInProcessResult, asset: str) -> dg.AssetMaterialization:
    (event,) = [e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey(asset)]
    return event.materialization


def manifest() -> dict:
    return json.loads(prepared_manifest(MODELS).read_text())


def models_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "models"
    shutil.copytree(MODELS, dest, ignore=shutil.ignore_patterns("target", "logs"))
    return dest


def add_test(project: Path, model: str, column: str, test) -> None:
    """One more test on a column of a model of the copy's schema.yml."""
    for path in project.glob("models/*/schema.yml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in doc["models"]:
            if entry["name"] == model:
                entry.setdefault("columns", []).append({"name": column, "data_tests": [test]})
                path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
                return
    raise AssertionError(f"{model} is in no schema.yml")


# --- the asset graph -------------------------------------------------------------------------


def test_every_model_is_an_asset_with_edges_from_ref_and_source():
    graph = definitions().resolve_asset_graph()
    parents = {
        k.to_user_string(): {p.to_user_string() for p in graph.get(k).parent_keys} for k in graph.get_all_asset_keys()
    }
    # sources are the pipeline's own assets, not copies of them
    assert parents["stg_meetings"] == {"meetings", "meeting_countries", "meeting_participants", "articles"}
    assert parents["stg_agreement_dyads"] == {"stg_agreements", "agreement_parties"}
    assert parents["dyad_year"] == {"dyad_events"}
    assert parents["cooperation_network"] == {"dyad_events"}  # events, filtered to defence on request
    # the event models read the canonical tables, which read the report tables
    assert {"meeting_events", "meeting_event_reports", "meetings"} <= parents["stg_meeting_events"]
    assert parents["meeting_events"] >= {"meetings", "agreements", "articles"}
    for path in MODELS.glob("models/*/*.sql"):
        node = graph.get(dg.AssetKey(path.stem))
        assert node.group_name == path.parent.name
        assert node.kinds == {"dbt", "duckdb"}
        assert len(node.description or "") > 40, f"{path.stem} needs a description in schema.yml"
    assert {p.stem for p in MODELS.glob("models/marts/*.sql")} == MARTS
    stg = dg.AssetKey("stg_meetings")
    (step,) = [a for a in definitions().assets if isinstance(a, dg.AssetsDefinition) and stg in a.keys]
    assert {k.to_user_string() for k in step.keys} >= MARTS and step.op.pool == "warehouse"


def test_schema_yml_tests_become_checks_and_error_ones_block():
    graph = definitions().resolve_asset_graph()
    checks = {(k.asset_key.to_user_string(), k.name): graph.get_check_spec(k) for k in graph.asset_check_keys}
    tests = [n for n in manifest()["nodes"].values() if n["resource_type"] == "test"]
    assert {(t["attached_node"].split(".")[-1], t["name"]) for t in tests} <= set(checks)
    assert ("stg_meetings", "accepted_values_stg_meetings_date_source__event__article__none") in checks
    assert ("dyad_year", "dyad_year_unique_pair_year") in checks
    for t in tests:  # ERROR severity (dbt's default) blocks; the row-count expectations only warn
        blocking = checks[(t["attached_node"].split(".")[-1], t["name"])].blocking
        assert blocking == (t["config"]["severity"].lower() == "error"), t["name"]
    assert not checks[("stg_agreements", "stg_agreements_has_rows")].blocking
    assert checks[("stg_agreements", "unique_stg_agreements_agreement_id")].blocking
    models = {p.stem for p in MODELS.glob("models/*/*.sql")}
    assert models <= {model for model, _ in checks}, "every model has a test"


def test_document_kinds_are_the_contract_ones():
    project = yaml.safe_load((MODELS / "dbt_project.yml").read_text(encoding="utf-8"))
    assert project["vars"]["document_kinds"] == list(DOCUMENT_KINDS)


def test_a_model_reading_an_unknown_table_fails_at_load_time(tmp_path, monkeypatch):
    project = models_copy(tmp_path)
    (project / "models" / "marts" / "bad.sql").write_text("SELECT * FROM {{ ref('meetingz') }}\n", encoding="utf-8")
    with pytest.raises(DbtProjectError, match="meetingz") as e:
        prepared_manifest(project)
    assert "bad" in str(e.value)
    # the same files are not parsed again in this process (Dagster loads the definitions several times):
    # with no dbt to run, the second load still says what dbt said
    monkeypatch.setattr(dbt_project, "dbt_executable", lambda: str(tmp_path / "no-dbt-here"))
    with pytest.raises(DbtProjectError, match="meetingz"):
        prepared_manifest(project)
    # a change to the files parses them again
    (project / "models" / "marts" / "bad.sql").write_text("SELECT 1 AS one\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="no-dbt-here"):
        prepared_manifest(project)


@pytest.mark.e2e
def test_a_model_reading_an_unknown_table_stops_dg_check_defs(tmp_path):
    project = models_copy(tmp_path)
    (project / "models" / "marts" / "bad.sql").write_text("SELECT * FROM {{ ref('meetingz') }}\n", encoding="utf-8")
    # loading the code location, as `dg check defs` and `dagster dev` do, stops with dbt's message
    env = {**os.environ, "DEFCOOP_MODELS_DIR": str(project)}
    run = subprocess.run([str(BIN / "dg"), "check", "defs"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode != 0
    assert "DbtProjectError" in run.stdout + run.stderr and "meetingz" in run.stdout + run.stderr


# --- built through Dagster -------------------------------------------------------------------


def test_models_and_checks_on_seeds(analytics_run):
    result, _ = analytics_run
    for path in MODELS.glob("models/*/*.sql"):
        mat = materialization(result, path.stem)
        assert mat.metadata["dagster/row_count"].value > 0, path.stem
        assert mat.metadata["preview"].value.records, path.stem
    checks = {(e.asset_key.to_user_string(), e.check_name): e.passed for e in result.get_asset_check_evaluations()}
    tests = [n for n in manifest()["nodes"].values() if n["resource_type"] == "test"]
    assert len([k for k in checks if k[0] in {p.stem for p in MODELS.glob("models/*/*.sql")}]) == len(tests)
    assert all(checks.values()), [k for k, ok in checks.items() if not ok]


def test_column_descriptions_from_schema_yml(analytics_run):
    result, _ = analytics_run
    columns = {c.name: c for c in materialization(result, "dyad_year").metadata["dagster/column_schema"].schema.columns}
    assert "alphabetically" in columns["country_a"].description
    assert {f"signed_{k}" for k in KINDS} <= set(columns)  # the macro loop over the contract's kinds


def test_a_failing_test_shows_its_rows_and_stops_the_graph(tmp_path, seeds_warehouse):
    project = models_copy(tmp_path)
    add_test(
        project,
        "stg_meetings",
        "place",
        {"accepted_values": {"name": "place_is_baku", "arguments": {"values": ["Баку"]}}},
    )
    add_test(project, "stg_meetings", "rule", {"not_null": {"config": {"severity": "warn"}, "name": "rule_known"}})
    short = {
        "name": "short_evidence",
        "arguments": {"expression": "IS NULL OR length(evidence) < 150"},
        "config": {"severity": "warn"},
    }
    add_test(project, "stg_meetings", "evidence", {"expression_is_true": short})
    db = tmp_path / "w.duckdb"
    shutil.copy(seeds_warehouse, db)
    models = models_asset(project)
    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize(
        [models],
        selection=["stg_meetings"],
        resources={"warehouse": Warehouse(database=str(db)), **warm_start()},
        raise_on_error=False,
        instance=instance,
    )
    # the model's materialization, with what its post-hook described, is sent while dbt still runs its tests
    logs = instance.all_logs(result.run_id)
    finished = next(i for i, e in enumerate(logs) if (e.user_message or "").startswith("Finished dbt command"))
    (built,) = [i for i, e in enumerate(logs) if e.dagster_event and e.dagster_event.is_step_materialization]
    assert built < finished
    shown = logs[built].asset_materialization.metadata
    assert shown["dagster/row_count"].value == query(db, "SELECT count(*) FROM stg_meetings")[0][0] > 0
    assert len(shown["preview"].value.records) == min(10, shown["dagster/row_count"].value)
    got = {e.check_name: e for e in result.get_asset_check_evaluations()}
    wrong = got["place_is_baku"]
    assert not wrong.passed and wrong.severity == dg.AssetCheckSeverity.ERROR
    # the failing rows, read back from the work file into the check
    rows = {r.data["value_field"] for r in wrong.metadata["failures"].value.records}
    assert {"Москва", "Астана"} <= rows
    assert wrong.metadata["failing_rows"].value >= 2
    assert got["rule_known"].passed
    assert not got["short_evidence"].passed and got["short_evidence"].severity == dg.AssetCheckSeverity.WARN
    # the ERROR test stops the step, naming it; the WARN one alone would not
    assert not result.success
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    message = failure.step_failure_data.error.message
    assert "Publishing stopped" in message and "place_is_baku on stg_meetings" in message
    assert "short_evidence" not in message


# --- the marts on seeds ----------------------------------------------------------------------


def test_dyad_year(analytics_run):
    _, db = analytics_run
    rows = {
        (a, b, y): (m, g, plan, first, last, by_article)
        for a, b, y, m, g, plan, first, last, by_article in query(
            db,
            "SELECT country_a, country_b, year, meetings, agreements_signed, signed_plan, first_date::VARCHAR, "
            "last_date::VARCHAR, dated_by_article FROM dyad_year",
        )
    }
    assert rows[("AZE", "RUS", 2019)] == (4, 0, 0, "2019-07-10", "2019-11-26", 1)
    assert rows[("AZE", "BLR", 2021)] == (1, 1, 1, "2021-05-18", "2021-05-18", 0)
    assert rows[("AZE", "KAZ", None)][:3] == (1, 1, 1)  # the 2012 plan's article has no date
    assert ("ARM", "RUS", 2021) in rows  # a trilateral meeting makes three dyads
    assert all(a < b for a, b, _ in rows)


def test_dates_fall_back_to_the_article_and_say_so(analytics_run):
    _, db = analytics_run
    got = query(db, "SELECT date_source, count(*), count(event_date) FROM stg_meetings GROUP BY ALL ORDER BY 1")
    assert got == [("article", 3, 3), ("event", 5, 5), ("none", 3, 0)]
    (meeting,) = query(
        db, "SELECT event_date::VARCHAR, date_source FROM stg_meetings WHERE meeting_id = 'mtg_8294adc4ddca3082'"
    )
    assert meeting == ("2021-06-16", "article")  # Aliyev and Erdogan in Shusha: the article's date


def test_country_partners_and_officials(analytics_run):
    _, db = analytics_run
    partners = query(
        db, "SELECT partner_iso3, rank, events FROM country_partners WHERE country_iso3 = 'AZE' ORDER BY rank"
    )
    assert partners[0] == ("RUS", 1, 6) and partners[1] == ("GEO", 2, 4)
    assert {p for p, *_ in partners} == {"RUS", "GEO", "ARM", "BLR", "KAZ", "TUR"}
    officials = {
        (n, c): (r, m) for n, c, r, m in query(db, "SELECT name, country_iso3, roles, meetings FROM officials")
    }
    assert officials[("Закир Гасанов", "AZE")] == (["министр обороны"], 2)
    assert officials[("Валерий Герасимов", "RUS")] == (["начальник генерального штаба"], 4)
    assert ("Гейдар Алиев", None) not in officials  # his country comes from the other article


def test_agreements_timeline_and_events_by_month(analytics_run):
    _, db = analytics_run
    timeline = query(db, "SELECT seq, event_date::VARCHAR, kind, parties, signatories FROM agreements_timeline")
    assert [r[0] for r in timeline] == [1, 2, 3, 4, 5]
    assert timeline[0][1:] == ("2021-05-18", "plan", ["AZE", "BLR"], ["AZE: Закир Гасанов", "BLR: Виктор Хренин"])
    assert [r[1] for r in timeline[-2:]] == [None, None]
    months = {(c, str(m)): e for c, m, e in query(db, "SELECT country_iso3, month, events FROM events_by_month")}
    assert months[("AZE", "2021-06-01")] == 4
    assert months[("GEO", "None")] == 3
