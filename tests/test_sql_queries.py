"""sql/: every ready query runs as it is on the warehouse built from seeds/ and answers its question."""

from pathlib import Path

import duckdb
import pytest

from .conftest import ROOT

QUERIES = sorted((ROOT / "sql").glob("*.sql"))


def run(db: Path, path: Path) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(path.read_text(encoding="utf-8"))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    finally:
        con.close()


def test_there_are_queries():
    assert {p.stem for p in QUERIES} >= {
        "top_partners",
        "meetings_between",
        "officials_of_country",
        "agreements_of_kind",
        "changes_since",
    }


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_header_says_what_it_answers_and_what_to_change(path):
    header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("--")]
    text = " ".join(header)
    assert path.read_text(encoding="utf-8").startswith("-- ")
    assert "Change:" in text and "params" in text and "Run:" in text
    assert "WITH params AS" in path.read_text(encoding="utf-8")  # example values at the top, no parameters


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_runs_as_it_is_and_finds_rows_in_seeds(analytics_run, path):
    _, db = analytics_run
    assert run(db, path), f"{path.name} found nothing in the seeds warehouse"


def test_top_partners_of_azerbaijan(analytics_run):
    rows = run(analytics_run[1], ROOT / "sql" / "top_partners.sql")
    partners = [r["partner_iso3"] for r in rows]
    assert {"GEO", "BLR", "RUS", "TUR", "KAZ"} <= set(partners)
    assert partners[0] == "RUS" and rows[0]["rank"] == 1
    assert [r["events"] for r in rows] == sorted((r["events"] for r in rows), reverse=True)


def test_meetings_between_azerbaijan_and_russia_with_evidence(analytics_run):
    _, db = analytics_run
    rows = run(db, ROOT / "sql" / "meetings_between.sql")
    assert len(rows) >= 4
    assert any("Герасимов" in r["evidence"] for r in rows)
    con = duckdb.connect(str(db), read_only=True)
    try:
        bodies = dict(con.execute("SELECT source_path, body FROM articles").fetchall())
    finally:
        con.close()
    for r in rows:
        assert r["evidence"] in bodies[r["source_path"]]
        assert (r["event_date"] is None) == (r["date_source"] == "none")


def test_officials_of_azerbaijan(analytics_run):
    rows = {r["name"]: r for r in run(analytics_run[1], ROOT / "sql" / "officials_of_country.sql")}
    assert {"Закир Гасанов", "Ильхам Алиев"} <= set(rows)
    assert rows["Закир Гасанов"]["roles"] == ["министр обороны"]
    assert "генерал-полковник" in rows["Закир Гасанов"]["ranks"]
    assert rows["Ильхам Алиев"]["meetings"] >= 3


def test_plans_signed_in_2020_2022(analytics_run):
    rows = run(analytics_run[1], ROOT / "sql" / "agreements_of_kind.sql")
    assert [(str(r["event_date"]), r["parties"]) for r in rows] == [("2021-05-18", ["AZE", "BLR"])]


def test_changes_since_2021(analytics_run):
    rows = run(analytics_run[1], ROOT / "sql" / "changes_since.sql")
    assert all(str(r["day"]) >= "2021-01-01" for r in rows)
    kinds = {r["what"].split(" ")[0] for r in rows}
    assert {"article", "meeting", "plan"} <= kinds
    assert [r["day"] for r in rows] == sorted((r["day"] for r in rows), reverse=True)


def test_dyad_profile_is_year_by_year(analytics_run):
    rows = run(analytics_run[1], ROOT / "sql" / "dyad_profile.sql")
    assert [r["year"] for r in rows][-1] is None  # undated events collected last
    assert sum(r["meetings"] for r in rows) >= 3
