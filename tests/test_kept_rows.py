"""The extraction validates only the rows of the articles it analysed: the kept rows passed the same rules
when the same extractor version (table declarations included) wrote them, and come back with the dtypes
validation gives, so the tables equal a fresh run's."""

import dagster as dg
import duckdb

from defcoop_dagster.defs.extraction import assets as extraction
from defcoop_dagster.defs.extraction.assets import PREVIEWS
from defcoop_dagster.validation import validate
from defcoop_dagster.warehouse.publish import work_path
from defcoop_dagster.warehouse.tables import TABLES

from .conftest import published_copy, query, run_pipeline

STEPS = dg.AssetSelection.groups("ingestion", "entities", "events")
NEW_ARTICLE = (
    "Министр обороны Перу встретился в Лиме с начальником генерального штаба Чили. Стороны подписали "
    "меморандум о сотрудничестве в области подготовки военных кадров."
)


def test_rows_read_back_have_the_dtypes_validation_gives(seeds_warehouse):
    con = duckdb.connect(str(seeds_warehouse), read_only=True)
    try:
        for name in [*PREVIEWS, "articles", "source_files"]:
            rows = con.execute(f'SELECT * FROM "{name}"').df()
            assert len(rows), name
            back, valid = TABLES[name].read_back(rows), validate(TABLES[name], rows).valid
            assert back.dtypes.to_dict() == valid.dtypes.to_dict(), name
            assert back.equals(valid), name
    finally:
        con.close()


def tables(db) -> dict[str, list]:
    return {name: sorted(query(db, f'SELECT * FROM "{name}"'), key=repr) for name in PREVIEWS}


def test_only_the_new_article_s_rows_are_validated_and_the_tables_equal_a_fresh_run(
    seeds_run, seeds_copy, tmp_path, monkeypatch
):
    db = work_path(published_copy(seeds_run, tmp_path / "out"))  # the seeds' rows, made by this version
    (seeds_copy / "new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    validated: dict[str, set] = {}

    def spy(table, df):
        if "article_id" in df.columns:
            validated.setdefault(table.name, set()).update(df["article_id"])
        return validate(table, df)

    monkeypatch.setattr(extraction, "validate", spy)
    assert run_pipeline(seeds_copy, db, selection=STEPS).success
    monkeypatch.undo()

    ((new_id,),) = query(db, "SELECT article_id FROM articles WHERE source_path = 'new_article.txt'")
    assert validated["meetings"] == {new_id} and validated["agreements"] == {new_id}
    assert all(ids <= {new_id} for ids in validated.values()), validated
    fresh = tmp_path / "fresh.duckdb"
    assert run_pipeline(seeds_copy, fresh, selection=STEPS).success
    assert tables(db) == tables(fresh)


def step_metadata(result, asset: str) -> dict:
    found = result.asset_materializations_for_node("extraction")
    return {m.asset_key.to_user_string(): m.metadata for m in found}[asset]


def checks_of(result, asset: str) -> dict:
    return {
        e.check_name: e.metadata
        for e in (ev.event_specific_data for ev in result.all_events if ev.event_type_value == "ASSET_CHECK_EVALUATION")
        if e.asset_key.to_user_string() == asset
    }


def test_kept_rows_stay_in_place_and_a_removed_article_s_rows_go(seeds_run, seeds_copy, tmp_path, monkeypatch):
    db = work_path(published_copy(seeds_run, tmp_path / "out"))
    removed = sorted(seeds_copy.glob("*.txt"))[0]
    ((gone,),) = query(db, "SELECT article_id FROM articles WHERE source_path = ?", [removed.name])
    assert query(db, "SELECT count(*) FROM meetings WHERE article_id = ?", [gone]) != [(0,)]
    removed.unlink()
    (seeds_copy / "new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    def never(_con, kept):  # the kept articles' rows are not read back to be written again
        raise AssertionError(f"{len(kept)} kept articles' rows read back")

    monkeypatch.setattr(extraction, "kept_rows", never)
    result = run_pipeline(seeds_copy, db, selection=STEPS)
    assert result.success
    monkeypatch.undo()

    for name in PREVIEWS:  # the UI's counts are the written table's, kept rows included
        ((rows,),) = query(db, f'SELECT count(*) FROM "{name}"')
        assert step_metadata(result, name)["dagster/row_count"].value == rows, name
        assert checks_of(result, name)["pandera_schema"]["rows_valid"].value == rows, name
    ((by_rule,),) = query(db, "SELECT count(DISTINCT rule) FROM meetings")
    assert step_metadata(result, "meetings")["by_rule"].value.count("\n") == by_rule + 1  # header, rule, rows
    assert query(db, "SELECT count(*) FROM meetings WHERE article_id = ?", [gone]) == [(0,)]
    fresh = tmp_path / "fresh.duckdb"
    assert run_pipeline(seeds_copy, fresh, selection=STEPS).success
    assert tables(db) == tables(fresh)


def test_a_table_not_as_declared_is_written_whole(seeds_run, seeds_copy, tmp_path):
    db = work_path(published_copy(seeds_run, tmp_path / "out"))
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE meetings ADD COLUMN note VARCHAR")  # edited by hand: rows cannot be added as declared
    con.close()
    (seeds_copy / "new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    assert run_pipeline(seeds_copy, db, selection=STEPS).success
    columns = [r[0] for r in query(db, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'meetings'")]
    assert columns == TABLES["meetings"].names
    fresh = tmp_path / "fresh.duckdb"
    assert run_pipeline(seeds_copy, fresh, selection=STEPS).success
    assert tables(db) == tables(fresh)
