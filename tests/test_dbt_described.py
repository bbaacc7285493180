"""The models' step sends each model as dbt finishes it, with what the model's post-hook described,
and keeps for after dbt's exit what needs the built file: sentences and tables made up for the test."""

import dagster as dg
import duckdb

from defcoop_dagster.defs.models.assets import DESCRIBED, model_metadata, streamed

MANIFEST = {
    "nodes": {
        "model.defcoop.talks": {"resource_type": "model", "name": "talks", "columns": {"city": {"description": "где"}}},
        "model.defcoop.pacts": {"resource_type": "model", "name": "pacts", "alias": "pacts_v2", "columns": {}},
        "test.defcoop.talks_has_rows": {"resource_type": "test", "name": "talks_has_rows"},
    }
}


def output(unique_id: str) -> dg.Output:
    return dg.Output(None, output_name=unique_id.split(".")[-1], metadata={"unique_id": unique_id})


def check(passed: bool) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        asset_key="talks",
        check_name="talks_has_rows",
        passed=passed,
        metadata={"unique_id": "test.defcoop.talks_has_rows"},
    )


def drained(events: list, folder) -> tuple[list, list]:
    """What ``streamed`` sends at once, and what it holds back for after dbt's exit."""
    sent, stream = [], streamed(iter(events), folder, MANIFEST)
    while True:
        try:
            sent.append(next(stream))
        except StopIteration as stop:
            return sent, stop.value


def describe(con: duckdb.DuckDBPyConnection, folder, table: str, name: str) -> None:
    """What macros/described.sql writes for ``table``, as ``name``."""
    (folder / DESCRIBED).mkdir(exist_ok=True)
    base = folder / DESCRIBED / name
    con.execute(
        f"COPY (SELECT (SELECT count(*) FROM {table}) AS row_count, column_name, column_type FROM (DESCRIBE {table})) "
        f"TO '{base}.json' (FORMAT JSON, ARRAY true)"
    )
    con.execute(f"COPY (SELECT * FROM {table} LIMIT 10) TO '{base}.parquet' (FORMAT PARQUET)")


def made_up(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE talks AS SELECT * FROM (VALUES ('Минск', DATE '2025-03-01', ['BLR', 'RUS'])) t(city, day, sides)"
    )
    con.execute("CREATE TABLE pacts AS SELECT range::INT AS n, NULL::VARCHAR AS kind FROM range(12)")


def test_described_models_are_sent_as_dbt_finishes_them_with_the_tables_metadata(tmp_path):
    con = duckdb.connect()
    made_up(con)
    describe(con, tmp_path, "talks", "talks")
    describe(con, tmp_path, "pacts", "pacts_v2")  # a model's file is named by its alias, as `this` is
    events = [output("model.defcoop.talks"), check(True), output("model.defcoop.pacts")]
    sent, held = drained(events, tmp_path)
    assert held == [] and len(sent) == 3
    talks, pacts = sent[0].metadata, sent[2].metadata
    # the same as read from the built tables once dbt has exited
    for got, table, node in ((talks, "talks", "model.defcoop.talks"), (pacts, "pacts", "model.defcoop.pacts")):
        expected = model_metadata(con, table, MANIFEST["nodes"][node]["columns"])
        assert got["dagster/row_count"].value == expected["dagster/row_count"]
        assert got["dagster/column_schema"].value == expected["dagster/column_schema"]
        assert got["preview"].value.records == expected["preview"].value.records
    assert talks["dagster/column_schema"].value.columns[0].description == "где"
    assert pacts["dagster/row_count"].value == 12 and len(pacts["preview"].value.records) == 10


def test_what_needs_the_built_file_waits_with_everything_after_it(tmp_path):
    con = duckdb.connect()
    made_up(con)
    describe(con, tmp_path, "pacts", "pacts_v2")
    # talks undescribed (its hook did not write): it and all after it wait, in order
    events = [output("model.defcoop.talks"), check(True), output("model.defcoop.pacts")]
    sent, held = drained(events, tmp_path)
    assert sent == [] and held == events
    # a failed check waits for its failing rows, and so does the model after it
    events = [output("model.defcoop.pacts"), check(False), output("model.defcoop.pacts")]
    sent, held = drained(events, tmp_path)
    assert len(sent) == 1 and sent[0].metadata["dagster/row_count"].value == 12 and held == events[1:]
