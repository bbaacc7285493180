"""What the UI shows: every asset upstream of publishing, the quarantine as an asset, previews as tables."""

import shutil

import dagster as dg
import pandas as pd

from defcoop_dagster.ui import preview_table

from .conftest import SEEDS, definitions, run_pipeline


def test_every_asset_is_upstream_of_published_warehouse():
    graph = definitions().resolve_asset_graph()
    published = dg.AssetKey("published_warehouse")
    upstream, todo = set(), [published]
    while todo:  # walk the parents from publishing back to the raw files
        for parent in graph.get(todo.pop()).parent_keys:
            if parent not in upstream:
                upstream.add(parent)
                todo.append(parent)
    everything = {k for k in graph.get_all_asset_keys() if graph.get(k).is_materializable}
    assert everything - upstream == {published}, everything - upstream - {published}
    assert graph.get(dg.AssetKey("quarantine")).group_name == "quality"


def test_null_is_an_empty_cell_not_nat():
    frame = pd.DataFrame(
        {
            "day": [pd.Timestamp("2021-05-18"), pd.NaT],
            "n": pd.array([2021, None], dtype="Int64"),
            "x": [0.5, float("nan")],
            "countries": [["AZE", "BLR"], None],
            "text": ["a" * 200, None],
        }
    )
    first, second = (r.data for r in preview_table(frame).value.records)
    assert first == {"day": "2021-05-18", "n": 2021, "x": 0.5, "countries": "AZE, BLR", "text": "a" * 79 + "…"}
    assert set(second.values()) == {None}  # the UI renders a missing value as an empty cell


def test_quarantine_asset_counts_rows_by_table_and_rule(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    # a held meeting dated after its article: set apart by a row rule of meetings
    (inbox / "late.txt").write_text(
        "18 мая 2021 | 20:06\nМинистр обороны Казахстана Нурлан Ермекбаев 20 мая 2021 года встретился с министром "
        "обороны Узбекистана Бахадыром Курбановым.",
        encoding="utf-8",
    )
    result = run_pipeline(
        inbox, tmp_path / "w.duckdb", selection=dg.AssetSelection.groups("ingestion", "entities", "events", "quality")
    )
    assert result.success
    (mat,) = [
        m.materialization for m in result.get_asset_materialization_events() if m.asset_key.path == ["quarantine"]
    ]
    assert mat.metadata["dagster/row_count"].value >= 2
    by_rule = {
        (r.data["asset"], r.data["rule"]): r.data["rows"] for r in mat.metadata["by_asset_and_rule"].value.records
    }
    assert by_rule[("meetings", "held meeting not after its article's publication")] == 1
    assert ("meeting_countries", "parent row in meetings quarantined") in by_rule
    preview = mat.metadata["preview"].value
    assert {c.name for c in preview.schema.columns} == {"asset", "rule", "column_name", "failure_case", "article_id"}
    # the stage tables' previews are tables too, with NULL as an empty cell
    (meetings,) = [
        m.materialization for m in result.get_asset_materialization_events() if m.asset_key.path == ["meetings"]
    ]
    cells = [r.data for r in meetings.metadata["preview"].value.records]
    assert any(v is None for c in cells for v in c.values()) and not any(
        "NaT" in str(v) for c in cells for v in c.values()
    )
