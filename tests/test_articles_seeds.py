"""The seeds through real Dagster into a real DuckDB file: titles, dates, clean bodies, stable ids."""

import json
from pathlib import Path

import pytest

from .conftest import SEEDS, SHARED, query, run_pipeline

GOLD_SEEDS = SHARED / "gold" / "seeds"
TITLES = {
    "000_8ae553f45584d4c3.txt": None,  # opens with its dateline, no headline
    "001_92cbc6b092b994db.txt": "Обсуждены перспективы развития военно-технического сотрудничества "
    "между Азербайджаном и Беларусью",
    "002_9be23af558f6e5de.txt": None,
    "003_6895b944609254a6.txt": "Турция и Азербайджан договорились о военном сотрудничестве",
    "004_04837f0cfa56d306.txt": "Министры обороны Казахстана и Азербайджана утвердили план сотрудничества",
}
# Published as a careful reader gives it (gold/seeds/*.json `published`), written here so the test
# stands without ../shared; the gold files are compared too when they are present.
PUBLISHED = {
    "000_8ae553f45584d4c3.txt": "--04-24",  # "ТБИЛИСИ, 24 апр — Sputnik", no year anywhere
    "001_92cbc6b092b994db.txt": "2021-05-18",  # "18 мая 2021 | 20:06", not the crawl stamp above it
    "002_9be23af558f6e5de.txt": "2019-11-26",  # "во вторник, 26 ноября" after "в 2017 году" → 2019
    "003_6895b944609254a6.txt": "2021-06-16",
    "004_04837f0cfa56d306.txt": None,
}
CHROME = [
    "ПОДЕЛИТЬСЯ",
    "Читайте также",
    "Курс валют",
    "Погода",
    "Join Telegram",
    "Подписывайтесь",
    "Фото ©REUTERS",
    "Советуем почитать",
    "banner",
    "четверг, 28 Марта",
    "16°C",
    "РЕФЕРЕНДУМ ПО АЭС",
    "Редакция Реклама",
    "Социальные сети",
    "479.5",
    "Aitu",
    "(Фото-Видео)",
    "Официальный сайт Министерства",
]


def test_five_articles_with_titles_and_dates(seeds_warehouse):
    rows = query(
        seeds_warehouse,
        "SELECT source_path, title, published, published_date, published_precision FROM articles ORDER BY source_path",
    )
    assert [r[0] for r in rows] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for path, title, published, date, precision in rows:
        assert title == TITLES[path], path
        assert published == PUBLISHED[path], path
        if published and not published.startswith("--"):
            assert str(date) == published and precision == "day"
        else:
            assert date is None and precision is None


@pytest.mark.skipif(not GOLD_SEEDS.exists(), reason="../shared/gold/seeds is not beside the project")
def test_published_agrees_with_gold(seeds_warehouse):
    got = dict(query(seeds_warehouse, "SELECT source_path, published FROM articles"))
    for gold_file in GOLD_SEEDS.glob("*.json"):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        assert got[f"{gold['id']}.txt"] == gold["published"], gold["id"]


def test_year_inferred_from_weekday_is_marked(seeds_warehouse):
    rows = dict(query(seeds_warehouse, "SELECT source_path, published_inferred FROM articles"))
    assert rows["002_9be23af558f6e5de.txt"] is True
    assert rows["001_92cbc6b092b994db.txt"] is False


def test_boilerplate_is_gone_and_text_kept(seeds_warehouse):
    bodies = dict(query(seeds_warehouse, "SELECT source_path, body FROM articles"))
    everything = "\n".join(bodies.values())
    for chrome in CHROME:
        assert chrome not in everything, chrome
    # article text survives, including the dateline and the last paragraph
    assert bodies["000_8ae553f45584d4c3.txt"].startswith("ТБИЛИСИ, 24 апр — Sputnik. Обновленное соглашение")
    assert bodies["001_92cbc6b092b994db.txt"].endswith("на 2021 год.")
    assert "Сегодня, 18 мая министр обороны" in bodies["001_92cbc6b092b994db.txt"]
    # the lead printed twice by the page template is kept once
    assert bodies["003_6895b944609254a6.txt"].count("передает Tengrinews.kz") == 1


def test_dateline_place_agency_and_offsets(seeds_warehouse):
    rows = {
        r[0]: r[1:]
        for r in query(seeds_warehouse, "SELECT source_path, dateline_place, agency, dateline_end, body FROM articles")
    }
    place, agency, end, body = rows["002_9be23af558f6e5de.txt"]
    assert (place, agency) == ("Баку", "Sputnik")
    assert body[:end] == "БАКУ, 26 ноя — Sputnik. "
    assert rows["004_04837f0cfa56d306.txt"][1] == "AZE.az"


def test_body_lines_come_from_the_file(seeds_warehouse):
    """The body is the file's own lines, so an offset in it points at text the source really has."""
    for path, body in query(seeds_warehouse, "SELECT source_path, body FROM articles"):
        raw = (SEEDS / path).read_text(encoding="utf-8")
        for line in filter(None, body.split("\n")):
            assert line in raw


def test_rerun_gives_the_same_ids_and_bodies(seeds_copy, tmp_path, seeds_warehouse):
    db = tmp_path / "again.duckdb"
    # ids and bodies come from ingestion alone: the rest of the graph has no say in them
    assert run_pipeline(seeds_copy, db, selection=["source_files", "articles"]).success
    sql = "SELECT article_id, body, dateline_end FROM articles ORDER BY article_id"
    assert query(db, sql) == query(seeds_warehouse, sql)


def test_checks_pass_on_seeds(seeds_run):
    result, _ = seeds_run
    evaluations = result.get_asset_check_evaluations()
    names = {(e.asset_key.to_user_string(), e.check_name): e.passed for e in evaluations}
    assert {
        ("source_files", "pandera_schema"),
        ("source_files", "every_file_has_a_row"),
        ("articles", "pandera_schema"),
        ("articles", "every_accepted_file_has_an_article"),
    } <= set(names)
    assert all(names.values()), [k for k, ok in names.items() if not ok]


def test_materialization_metadata(seeds_run):
    result, _ = seeds_run
    meta = {m.asset_key.to_user_string(): m.metadata for m in result.asset_materializations_for_node("articles")}
    meta |= {m.asset_key.to_user_string(): m.metadata for m in result.asset_materializations_for_node("source_files")}
    assert meta["articles"]["dagster/row_count"].value == 5
    assert "article_id" in {c.name for c in meta["articles"]["preview"].value.schema.columns}
    assert meta["source_files"]["rejected"].value == 0
    assert Path(meta["source_files"]["input_folder"].value) == SEEDS


def test_unchanged_files_keep_their_articles_without_being_cleaned_again(seeds_warehouse, monkeypatch):
    """A second run's articles step takes each file's article from article_sources and articles when its
    inputs are unchanged: the same rows as cleaning them again, and no file cleaned. A changed file is."""
    import duckdb

    from defcoop_dagster.core.ingest import articles
    from defcoop_dagster.defs.ingest.assets import known_articles, parse_code_version
    from defcoop_dagster.warehouse.tables import TABLES

    con = duckdb.connect(str(seeds_warehouse), read_only=True)
    records = (
        con.execute(
            "SELECT source_path, status, duplicate_of, raw_text, title_hint, url, published_hint "
            "FROM source_files WHERE status IN ('accepted', 'duplicate') ORDER BY source_path"
        )
        .df()
        .to_dict("records")
    )
    for src in records:
        src["inputs"] = f"{parse_code_version()}:{articles.parse_inputs(src)}"
    known = known_articles(con, records)
    con.close()
    cleaned = TABLES["articles"].frame(articles.article_rows(records))
    assert len(known) == sum(r["status"] == "accepted" for r in records) and len(cleaned) == 5

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged file was cleaned again")

    with monkeypatch.context() as patch:
        patch.setattr(articles, "parse_article", refuse)
        kept = TABLES["articles"].frame(articles.article_rows(records, known))
    assert kept.equals(cleaned) and kept.dtypes.equals(cleaned.dtypes)

    records[0]["raw_text"] += "\nНовая строка."
    records[0]["inputs"] = f"{parse_code_version()}:{articles.parse_inputs(records[0])}"
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        known = known_articles(con, records)
    assert records[0]["source_path"] not in known
    assert (
        TABLES["articles"]
        .frame(articles.article_rows(records, known))
        .equals(TABLES["articles"].frame(articles.article_rows(records)))
    )
