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
