"""Blocking checks: wrong data stops the graph, publishing does not run, analysts keep the last good file."""

import hashlib
import re
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import yaml

from defcoop_dagster.defs.models.assets import models_asset
from defcoop_dagster.defs.resources import InputFolder, Warehouse, warm_start
from defcoop_dagster.stage import offsets_check, orphans_check, run_checks

from .conftest import ROOT, SEEDS, definitions, published_copy, query


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def failure_messages(result: dg.ExecuteInProcessResult) -> list[str]:
    return [e.step_failure_data.error.message for e in result.all_events if e.is_step_failure]


def test_a_failing_model_test_leaves_the_published_file_byte_identical(tmp_path, seeds_run):
    db = published_copy(seeds_run, tmp_path / "out")  # the last good run, published
    resources = {
        "input_folder": InputFolder(path=str(SEEDS)),
        "warehouse": Warehouse(database=str(db), private_work_file=True),
        **warm_start(),
    }
    defs = definitions()
    before = digest(db)

    # the same project with one more test of ERROR severity that the seeds break
    project = tmp_path / "models"
    shutil.copytree(ROOT / "dbt_like_models", project, ignore=shutil.ignore_patterns("target", "logs"))
    schema = project / "models" / "marts" / "schema.yml"
    doc = yaml.safe_load(schema.read_text(encoding="utf-8"))
    (dyad_year,) = [m for m in doc["models"] if m["name"] == "dyad_year"]
    dyad_year["data_tests"].append(
        {"expression_is_true": {"name": "only_2021", "arguments": {"expression": "year = 2021"}}}
    )
    schema.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    models = [a for a in defs.assets if isinstance(a, dg.AssetsDefinition) and dg.AssetKey("dyad_year") in a.keys]
    assets = [a for a in defs.assets if a not in models] + [models_asset(project)]

    # the models and what stands on them; the stages above are the last good run's, in its work file
    downstream = dg.AssetSelection.assets("dyad_year").required_multi_asset_neighbors().downstream()
    bad = dg.materialize([*assets, *defs.asset_checks], resources=resources, selection=downstream, raise_on_error=False)
    assert not bad.success
    ran = {e.asset_key.to_user_string() for e in bad.get_asset_materialization_events()}
    assert "published_warehouse" not in ran and "cooperation_network" not in ran
    (check,) = [e for e in bad.get_asset_check_evaluations() if e.check_name == "only_2021"]
    assert not check.passed and check.metadata["failing_rows"].value > 0
    (message,) = failure_messages(bad)
    assert "only_2021 on dyad_year" in message and "published warehouse was left as it was" in message
    kept = Path(re.search(r"dbt's log is in (\S+)\.$", message).group(1))  # the failed build's folder stays
    assert (kept / "dbt.log").is_file() and not (kept / "work.duckdb").exists()  # its way into the work file does not
    assert digest(db) == before  # analysts keep the last good file, byte for byte
    assert query(db, "SELECT count(*) FROM dyad_year WHERE year <> 2021")[0][0] > 0


def test_an_orphan_row_fails_its_step_naming_the_check(tmp_path):
    check = orphans_check("agreement_parties", "agreements", "agreement_id")
    assert check.spec().blocking

    @dg.multi_asset(specs=[dg.AssetSpec("agreement_parties")], check_specs=[check.spec()])
    def parties(warehouse: Warehouse):
        with warehouse.get_connection() as con:
            con.execute("CREATE TABLE agreements AS SELECT 'agr_1' AS agreement_id")
            con.execute("CREATE TABLE agreement_parties AS SELECT unnest(['agr_1', 'agr_2']) AS agreement_id")
            yield dg.MaterializeResult(asset_key="agreement_parties")
            yield from run_checks(con, [check])

    @dg.asset(deps=["agreement_parties"])
    def downstream() -> None:
        raise AssertionError("must not run after a failed blocking check")

    db = tmp_path / "w.duckdb"
    result = dg.materialize(
        [parties, downstream],
        resources={"warehouse": Warehouse(database=str(db)), **warm_start()},
        raise_on_error=False,
    )
    assert not result.success
    (message,) = failure_messages(result)
    assert "no_orphans on agreement_parties" in message
    (evaluation,) = result.get_asset_check_evaluations()
    assert not evaluation.passed and evaluation.metadata["failing_rows"].value == 1
    assert not [e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey("downstream")]


def test_the_offsets_of_the_articles_analysed_are_checked_and_the_kept_ones_are_not_read_again(tmp_path):
    """In a run that kept articles, their rows (checked when written, their articles unchanged) are
    not looked at again; a row of an article analysed in the run is, however many are kept."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("CREATE TABLE articles (article_id TEXT, body TEXT)")
    con.execute("INSERT INTO articles VALUES ('kept', 'Посол прибыл в Рим.'), ('new', 'Генерал вылетел в Каир.')")
    con.execute('CREATE TABLE mentions (article_id TEXT, start INT, "end" INT, text TEXT)')
    # a wrong row of the kept article (as no earlier run would have written it) and a right one of the new
    con.execute("INSERT INTO mentions VALUES ('kept', 0, 5, 'Рим'), ('new', 18, 22, 'Каир')")
    check = offsets_check("mentions", "text", "start", "end")
    assert failing(con, check, None) == ["kept"]  # nothing kept: every row
    assert failing(con, check, pd.Series(["kept"])) == []
    con.execute("UPDATE mentions SET start = 19 WHERE article_id = 'new'")  # off by one in the new article
    assert failing(con, check, pd.Series(["kept"])) == ["new"]
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%kept%'").fetchone()[0] == 0
    con.close()


def failing(con, check, kept) -> list[str]:
    """The articles of the rows ``check`` finds wrong (its step failing, naming it, when there are any)."""
    results = []
    try:
        results.extend(run_checks(con, [check], kept))
    except dg.Failure as stop:
        assert "offsets_round_trip on mentions" in stop.description
    (result,) = results
    if kept is not None:
        assert "1 kept" in result.metadata["checked"].value
    return [] if result.passed else re.findall(r"\| (kept|new) \|", result.metadata["examples"].value)
