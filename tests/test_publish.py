"""The published warehouse: written privately, renamed into place, readable while the pipeline runs."""

import hashlib
import shutil
import struct

import dagster as dg
import duckdb

from defcoop_dagster.warehouse.publish import work_path

from .conftest import SEEDS, published_copy, query, run_pipeline


def header_version(path) -> int:
    """DuckDB's storage version number from the file header (64 is what DuckDB 1.x reads)."""
    head = path.read_bytes()[:20]
    assert head[8:12] == b"DUCK"
    return struct.unpack("<Q", head[12:20])[0]


def test_publish_writes_privately_then_renames(seeds_run):
    result, db = seeds_run  # the session's run on seeds/, with a private work file as deployed
    assert result.success
    assert work_path(db).exists() and db.exists()
    assert query(db, "SELECT count(*) FROM articles") == [(5,)]
    assert query(db, "SELECT count(*) FROM meetings") == query(work_path(db), "SELECT count(*) FROM meetings")
    assert header_version(db) == 64  # readable by DuckDB 1.x tools, not only 2.x
    (mat,) = result.asset_materializations_for_node("published_warehouse")
    assert mat.metadata["storage_version"].value == "v1.0.0"


def test_a_reader_neither_blocks_the_run_nor_sees_half_of_it(tmp_path, seeds_run):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    db = published_copy(seeds_run, tmp_path / "out")  # the last good run on these files

    reader = duckdb.connect(str(db), read_only=True)  # an analyst's open session
    try:
        assert reader.execute("SELECT count(*) FROM articles").fetchone() == (5,)
        (inbox / "extra.txt").write_text(
            "Министр обороны Казахстана Нурлан Ермекбаев встретился с министром обороны Узбекистана "
            "Бахадыром Курбановым в Ташкенте.",
            encoding="utf-8",
        )
        assert run_pipeline(inbox, db, private_work_file=True).success
        # the open session still reads the file it opened, whole
        assert reader.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    finally:
        reader.close()
    assert query(db, "SELECT count(*) FROM articles") == [(6,)]  # a new connection sees the new run


def test_a_failed_run_leaves_the_published_warehouse_untouched(tmp_path, seeds_run):
    db = published_copy(seeds_run, tmp_path / "out")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = run_pipeline(tmp_path / "no-such-folder", db, private_work_file=True)
    assert not result.success
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


QUARANTINE = "SELECT asset, rule, row_json, article_id, run_id FROM quarantine ORDER BY ALL"


def materialized(result, node: str, asset: str) -> dict:
    return {m.asset_key.to_user_string(): m.metadata for m in result.asset_materializations_for_node(node)}[asset]


# What the incremental extraction writes and reads: the models, pictures and publishing add nothing to it
EXTRACTION_AND_QUARANTINE = dg.AssetSelection.groups("ingestion", "entities", "events", "quality")


def test_unchanged_articles_are_not_analysed_again(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    # a held meeting dated after its article: its rows go to quarantine, and must stay there
    (inbox / "late.txt").write_text(
        "18 мая 2021 | 20:06\nМинистр обороны Казахстана Нурлан Ермекбаев 20 мая 2021 года встретился с министром "
        "обороны Узбекистана Бахадыром Курбановым.",
        encoding="utf-8",
    )
    published = tmp_path / "warehouse.duckdb"
    db = work_path(published)  # the file the runs write and the next run reads its state from

    def run():
        return run_pipeline(inbox, published, selection=EXTRACTION_AND_QUARANTINE, private_work_file=True)

    first = run()
    assert materialized(first, "extraction", "persons")["articles_analysed"].value == 6
    assert materialized(first, "extraction", "meetings")["articles_analysed"].value == 6
    persons = query(db, "SELECT * FROM persons ORDER BY person_id")
    meetings = query(db, "SELECT * FROM meetings ORDER BY meeting_id")
    quarantine = query(db, QUARANTINE)
    [(late,)] = query(db, "SELECT article_id FROM articles WHERE source_path = 'late.txt'")
    # quarantined rows name their article, child rows (no article_id column) their parent's
    assert {("meetings", late), ("meeting_countries", late)} <= {(r[0], r[3]) for r in quarantine}

    second = run()
    meta = materialized(second, "extraction", "persons")
    assert (meta["articles_analysed"].value, meta["articles_unchanged"].value) == (0, 6)
    meta = materialized(second, "extraction", "meetings")
    assert (meta["articles_analysed"].value, meta["articles_unchanged"].value) == (0, 6)
    assert query(db, "SELECT * FROM persons ORDER BY person_id") == persons  # the same rows, reused
    assert query(db, "SELECT * FROM meetings ORDER BY meeting_id") == meetings
    assert query(db, QUARANTINE) == quarantine  # nothing lost: kept articles keep their quarantined rows

    # a changed file is reprocessed, a removed one's rows are dropped (see README)
    (inbox / "000_8ae553f45584d4c3.txt").unlink()
    text = (inbox / "004_04837f0cfa56d306.txt").read_text(encoding="utf-8")
    (inbox / "004_04837f0cfa56d306.txt").write_text(text + "\nСтороны договорились о новых встречах.", encoding="utf-8")
    third = run()
    meta = materialized(third, "extraction", "persons")
    assert (meta["articles_analysed"].value, meta["articles_unchanged"].value) == (1, 4)
    meta = materialized(third, "extraction", "meetings")
    assert (meta["articles_analysed"].value, meta["articles_unchanged"].value) == (1, 4)
    assert query(db, "SELECT count(*) FROM extraction_state") == [(5,)]
    assert query(db, "SELECT count(DISTINCT article_id) FROM persons") == [(5,)]
    assert query(db, QUARANTINE) == quarantine
