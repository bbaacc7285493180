"""Pandera at the boundary: row-rule breakers go to quarantine, shape errors fail, writes are atomic."""

import datetime as dt

import duckdb
import pandas as pd
import pytest

from defcoop_dagster.core.ingest.articles import article_rows
from defcoop_dagster.validation import SchemaViolation, validate
from defcoop_dagster.warehouse.io import replace_table
from defcoop_dagster.warehouse.tables import TABLES

from .conftest import query, run_pipeline

GOOD = "Министр обороны Казахстана встретился с министром обороны Азербайджана в Астане. " * 3


def articles_frame(texts: list[str]) -> pd.DataFrame:
    sources = [{"source_path": f"{i}.txt", "status": "accepted", "raw_text": t} for i, t in enumerate(texts)]
    return pd.DataFrame(article_rows(sources), columns=TABLES["articles"].names)


def test_row_rule_breaker_is_quarantined_not_dropped(tmp_path):
    df = articles_frame(["18 мая 2099 | 20:06\n" + GOOD, "18 мая 2021 | 20:06\n" + GOOD + "Ещё."])
    outcome = validate(TABLES["articles"], df)
    assert len(outcome.valid) == 1 and len(outcome.quarantined) == 1
    assert "not in the future" in outcome.quarantined.iloc[0]["rule"]
    assert "2099-05-18" in outcome.quarantined.iloc[0]["row_json"]
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    replace_table(con, "articles", outcome.valid, outcome.quarantined, run_id="r1")
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert con.execute("SELECT asset, run_id FROM quarantine").fetchall() == [("articles", "r1")]


@pytest.mark.parametrize("breakage", ["missing column", "wrong type"])
def test_schema_breaker_fails_loudly(breakage):
    df = articles_frame([GOOD])
    if breakage == "missing column":
        df = df.drop(columns=["body"])
    else:
        df["dateline_end"] = "the start"
    with pytest.raises(SchemaViolation, match="ArticlesSchema"):
        validate(TABLES["articles"], df)


def test_failed_write_leaves_previous_table(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    good = validate(TABLES["articles"], articles_frame([GOOD])).valid
    replace_table(con, "articles", good)
    broken = good.assign(published_date=["not a date"])  # DuckDB refuses it mid-transaction
    with pytest.raises(duckdb.Error):
        replace_table(con, "articles", broken)
    assert con.execute("SELECT article_id FROM articles").fetchall() == [(good.iloc[0]["article_id"],)]


def test_quarantine_through_a_real_run(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "future.txt").write_text("Заголовок будущей статьи о встрече\n18 мая 2099 | 20:06\n" + GOOD + "Будущее.")
    (inbox / "fine.txt").write_text("Заголовок обычной статьи о встрече\n18 мая 2021 | 20:06\n" + GOOD)
    db = tmp_path / "w.duckdb"
    # the articles step validates its rows and writes the quarantine: nothing downstream is needed
    result = run_pipeline(inbox, db, selection=["source_files", "articles"])
    assert result.success
    checks = {(e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()}
    schema = checks[("articles", "pandera_schema")]
    assert not schema.passed and schema.metadata["rows_quarantined"].value == 1
    assert "not in the future" in schema.metadata["failure_cases"].value
    assert checks[("articles", "every_accepted_file_has_an_article")].passed  # explained by quarantine
    assert query(db, "SELECT source_path FROM articles") == [("fine.txt",)]
    (row_json,) = query(db, "SELECT row_json FROM quarantine WHERE asset = 'articles'")[0]
    assert "future.txt" in row_json


def test_source_files_schema_on_scan(tmp_path):
    df = pd.DataFrame(
        [
            {
                "source_path": "a.txt",
                "size_bytes": 3,
                "sha256": "0" * 64,
                "modified_at": dt.datetime.now(),
                "format": "text",
                "encoding": None,
                "status": "rejected",
                "reason": None,
                "note": None,
                "duplicate_of": None,
                "content_sha256": None,
                "title_hint": None,
                "url": None,
                "published_hint": None,
                "raw_text": None,
            }
        ]
    )
    outcome = validate(TABLES["source_files"], df)
    assert outcome.valid.empty
    assert "rejected rows say why" in outcome.quarantined.iloc[0]["rule"]
