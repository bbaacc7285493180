"""dbt_like_models/: dependencies read by a SQL parser, one asset per file, schema.yml tests as checks."""

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from defcoop_dagster.analytics.models import ModelError, build_table, leading_comment, load_models, read_model
from defcoop_dagster.analytics.project import load_project
from defcoop_dagster.analytics.sqldeps import SqlError, tables_read
from defcoop_dagster.defs.models.assets import models_asset, upstream_asset_names
from defcoop_dagster.defs.resources import Warehouse

from .conftest import ROOT, definitions, query

MODELS = ROOT / "dbt_like_models"
MARTS = {"dyad_events", "dyad_year", "country_partners", "officials", "agreements_timeline", "events_by_month"}
KINDS = ["agreement", "plan", "declaration", "memorandum", "protocol", "treaty", "contract", "program", "roadmap"]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def models_copy(tmp_path) -> Path:
    dest = tmp_path / "models"
    shutil.copytree(MODELS, dest)
    return dest


def materialization(result: dg.ExecuteInProcessResult, asset: str) -> dg.AssetMaterialization:
    (event,) = [e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey(asset)]
    return event.materialization


# --- the parser ------------------------------------------------------------------------------


def test_tables_read_skips_ctes_subquery_aliases_and_table_functions():
    sql = """
        WITH meetings AS (SELECT * FROM main.meetings WHERE status = 'held'),  -- shadows the table
             x AS (SELECT * FROM meetings JOIN meeting_countries USING (meeting_id))
        SELECT *, (SELECT count(*) FROM persons p WHERE p.article_id = x.article_id)
        FROM x, range(3) AS r, unnest([1, 2]) AS u(v)
        WHERE EXISTS (SELECT 1 FROM (SELECT * FROM articles) AS a)
        UNION ALL SELECT * FROM agreements
    """
    assert tables_read(sql) == ["agreements", "articles", "meeting_countries", "meetings", "persons"]


def test_a_cte_named_like_a_table_is_not_that_table():
    assert tables_read("WITH persons AS (SELECT 1 AS x) SELECT * FROM persons") == []


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("SELECT 1; SELECT 2", "one statement"),
        ("CREATE TABLE t AS SELECT 1", "expected a SELECT"),
        ("SELECT * FROM other.meetings", "outside the warehouse"),
        ("SELECT FROM WHERE", "cannot parse"),
    ],
)
def test_what_is_not_one_select_is_refused(sql, message):
    with pytest.raises(SqlError, match=message):
        tables_read(sql)


def test_description_is_the_leading_comment_block():
    sql = "\n-- First line\n--   goes on.\n--\n-- Second paragraph.\nSELECT 1 -- not this\n-- nor this\n"
    assert leading_comment(sql) == "First line goes on.\n\nSecond paragraph."


# --- the asset graph -------------------------------------------------------------------------


def test_every_model_is_an_asset_with_edges_from_its_sql():
    defs = definitions()
    graph = defs.resolve_asset_graph()
    parents = {
        k.to_user_string(): {p.to_user_string() for p in graph.get(k).parent_keys} for k in graph.get_all_asset_keys()
    }
    assert parents["stg_meetings"] == {"meetings", "meeting_countries", "meeting_participants", "articles"}
    assert parents["stg_agreement_dyads"] == {"stg_agreements", "agreement_parties"}
    assert parents["dyad_year"] == {"dyad_events"}
    assert parents["country_partners"] == {"dyad_events"}
    assert parents["cooperation_network"] == {"dyad_year"}
    assert set(parents) >= MARTS
    for path in MODELS.rglob("*.sql"):
        node = graph.get(dg.AssetKey(path.stem))
        assert node.group_name == path.parent.name
        assert len(node.description or "") > 40, f"{path} needs a leading -- comment"


def test_adding_a_file_adds_a_node_with_its_edges(models_copy, seeds_warehouse, tmp_path):
    write(
        models_copy / "marts" / "meetings_per_place.sql",
        """\
        -- Meetings per place.
        WITH dated AS (SELECT * FROM stg_meetings)
        SELECT coalesce(place, '?') AS place, count(*) AS meetings FROM dated GROUP BY ALL
        """,
    )
    db = tmp_path / "w.duckdb"
    shutil.copy(seeds_warehouse, db)
    resources = {"warehouse": Warehouse(database=str(db))}
    models = models_asset(load_project(models_copy, upstream_asset_names()))
    graph = dg.Definitions(assets=[models], resources=resources).resolve_asset_graph()
    node = graph.get(dg.AssetKey("meetings_per_place"))
    assert node.parent_keys == {dg.AssetKey("stg_meetings")}
    assert node.group_name == "marts" and node.description == "Meetings per place."

    result = dg.materialize([models], selection=["meetings_per_place"], resources=resources)
    assert result.success
    assert dict(query(db, "SELECT place, meetings FROM meetings_per_place"))["Баку"] == 2


def test_a_model_reading_an_unknown_table_fails_at_load_time(models_copy):
    bad = write(models_copy / "marts" / "bad.sql", "-- Bad.\nSELECT * FROM meetingz JOIN meetings USING (meeting_id)\n")
    with pytest.raises(ModelError, match="meetingz") as e:
        load_project(models_copy, upstream_asset_names())
    assert str(bad) in str(e.value)

    # loading the code location, as `dg check defs` and `dagster dev` do, stops with that message
    env = {**os.environ, "DEFCOOP_MODELS_DIR": str(models_copy)}
    dg_cli = str(Path(sys.executable).parent / "dg")
    run = subprocess.run([dg_cli, "check", "defs"], cwd=ROOT, env=env, capture_output=True, text=True)
    out = run.stdout + run.stderr
    assert run.returncode != 0
    assert "ModelError" in out and str(bad) in out and "'meetingz'" in out


def test_cycles_and_name_clashes_fail_naming_the_files(tmp_path):
    write(tmp_path / "a" / "one.sql", "SELECT * FROM two")
    write(tmp_path / "a" / "two.sql", "SELECT * FROM one")
    with pytest.raises(ModelError, match="cycle") as e:
        load_models(tmp_path, ["meetings"])
    assert "one.sql" in str(e.value) and "two.sql" in str(e.value)

    shutil.rmtree(tmp_path / "a")
    write(tmp_path / "a" / "meetings.sql", "SELECT 1 AS x")
    with pytest.raises(ModelError, match="name of an upstream asset"):
        load_models(tmp_path, ["meetings"])
    write(tmp_path / "a" / "meetings.sql", "SELECT 1 AS x")
    write(tmp_path / "b" / "meetings.sql", "SELECT 2 AS x")
    with pytest.raises(ModelError, match="already defined"):
        load_models(tmp_path, [])


def test_model_order_follows_dependencies():
    order = [m.name for m in load_models(MODELS, upstream_asset_names())]
    for model in (read_model(p, MODELS) for p in MODELS.rglob("*.sql")):
        for dep in model.deps:
            if dep in order:
                assert order.index(dep) < order.index(model.name)


# --- schema.yml tests ------------------------------------------------------------------------


def test_schema_yml_tests_become_one_check_each():
    defs = definitions()
    graph = defs.resolve_asset_graph()
    keys = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys}
    assert {
        ("dyad_year", "unique_country_a__country_b__year"),
        ("dyad_year", "expect_row_count_between"),
        ("dyad_year", "ordered_pair"),
        ("stg_meetings", "accepted_values_date_source"),
        ("stg_meetings", "relationships_meeting_id"),
        ("agreements_timeline", "unique_agreement_id"),
        ("agreements_timeline", "not_null_seq"),
        ("officials", "unique_name__country_iso3"),
        ("country_partners", "relationships_partner_iso3"),
        ("events_by_month", "unique_country_iso3__year__month"),
    } <= keys
    project = load_project(MODELS, upstream_asset_names())
    declared = sum(len(t) for t in project.tests.values())
    assert len([k for k in keys if k[0] in {m.name for m in project.models}]) == declared
    for model in project.models:
        assert project.tests[model.name], f"{model.name} has no test"


@pytest.mark.parametrize(
    ("yml", "message"),
    [
        ("models: [{name: nope}]", "'nope' has no .sql file"),
        ("models: [{name: m, columns: [{name: x, tests: [unique_ish]}]}]", "'unique_ish' is not supported"),
        ("models: [{name: m, columns: [{name: x, tests: [{accepted_values: {value: [1]}}]}]}]", "no argument value"),
        ("models: [{name: m, columns: [{name: x, tests: [{relationships: {to: ref('m')}}]}]}]", "missing argument"),
        ("models: [{name: m, columns: [{name: x, tests: [{relationships: {to: ref('zz'), field: x}}]}]}]", "'zz'"),
        ("models: [{name: m, tests: [not_null]}]", "not supported at model level"),
        ("models: [{name: m, tests: [{expression_is_true: {expression: 'x >'}}]}]", "cannot parse"),
        ("models: [{name: m, columns: [{name: x, tests: [{not_null: {config: {severity: loud}}}]}]}]", "severity"),
    ],
)
def test_schema_file_mistakes_fail_naming_the_file(tmp_path, yml, message):
    write(tmp_path / "marts" / "m.sql", "SELECT 1 AS x")
    schema = write(tmp_path / "marts" / "schema.yml", yml)
    with pytest.raises(ModelError, match=message) as e:
        load_project(tmp_path, [])
    assert str(schema) in str(e.value)


def test_failing_rows_are_shown_in_the_check(models_copy, seeds_warehouse, tmp_path):
    write(models_copy / "marts" / "places.sql", "-- Places of meetings.\nSELECT place, status FROM stg_meetings\n")
    write(
        models_copy / "marts" / "places.yml",
        """\
        version: 2
        models:
          - name: places
            tests:
              - dbt_expectations.expect_table_row_count_to_be_between: {min_value: 100}
            columns:
              - name: place
                tests:
                  - not_null:
                      config: {severity: warn}
                  - accepted_values: {values: ["Баку"]}
              - name: status
                data_tests:
                  - accepted_values: {arguments: {values: [held, planned]}}
        """,
    )
    db = tmp_path / "w.duckdb"
    shutil.copy(seeds_warehouse, db)
    models = models_asset(load_project(models_copy, upstream_asset_names()))
    result = dg.materialize([models], selection=["places"], resources={"warehouse": Warehouse(database=str(db))})
    assert result.success  # failing checks do not fail the run
    got = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert set(got) == {"expect_row_count_between", "not_null_place", "accepted_values_place", "accepted_values_status"}
    assert got["accepted_values_status"].passed
    assert not got["not_null_place"].passed and got["not_null_place"].severity == dg.AssetCheckSeverity.WARN
    assert got["not_null_place"].metadata["failing_rows"].value == 7
    wrong = got["accepted_values_place"]
    assert not wrong.passed and wrong.severity == dg.AssetCheckSeverity.ERROR
    assert "Москва" in wrong.metadata["failures"].value and "Астана" in wrong.metadata["failures"].value
    assert "| row_count |" in got["expect_row_count_between"].metadata["failures"].value


# --- building --------------------------------------------------------------------------------


def test_a_failed_build_leaves_the_previous_table(tmp_path):
    good = write(tmp_path / "m" / "t.sql", "SELECT 1 AS x;\n")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    build_table(con, read_model(good, tmp_path))
    broken = write(tmp_path / "m" / "t.sql", "SELECT 'not a number'::INTEGER AS x")
    with pytest.raises(duckdb.Error):
        build_table(con, read_model(broken, tmp_path))
    assert con.execute("SELECT x FROM t").fetchall() == [(1,)]


def test_models_and_checks_on_seeds(analytics_run):
    result, _ = analytics_run
    project = load_project(MODELS, upstream_asset_names())
    for model in project.models:
        mat = materialization(result, model.name)
        assert mat.metadata["dagster/row_count"].value > 0, model.name
        assert "|" in mat.metadata["preview"].value
    checks = {(e.asset_key.to_user_string(), e.check_name): e.passed for e in result.get_asset_check_evaluations()}
    assert len(checks) == sum(len(t) for t in project.tests.values())
    assert all(checks.values()), [k for k, ok in checks.items() if not ok]


def test_column_descriptions_from_schema_yml(analytics_run):
    result, _ = analytics_run
    mat = materialization(result, "dyad_year")
    columns = {c.name: c for c in mat.metadata["dagster/column_schema"].schema.columns}
    assert "undated" not in columns
    assert "alphabetically" in columns["country_a"].description
    assert {f"signed_{k}" for k in KINDS} <= set(columns)


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
