"""source_files reads only the entries that changed: an unchanged file keeps its row without being opened,
a changed one is read again, and where a kept file stands among duplicates is decided again."""

import os
import shutil

import dagster as dg
import pytest

from defcoop_dagster.core.ingest import sources
from defcoop_dagster.defs.resources import InputFolder, Warehouse, warm_start

from .conftest import definitions, query, run_pipeline

INGEST = dg.AssetSelection.groups("ingestion")
TEXTS = {
    "a.txt": "Министр обороны Монголии встретился в Улан-Баторе с послом Кореи. Стороны обсудили учения.",
    "b.txt": "Глава генштаба Чили провёл переговоры с делегацией Перу о поставках вертолётов.",
}


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The entries source_files opens and reads in this process (what the test's runs read)."""
    seen: list[str] = []
    real = sources.read_document

    def spy(rel, *args, **kwargs):
        seen.append(rel)
        return real(rel, *args, **kwargs)

    monkeypatch.setattr(sources, "read_document", spy)
    return seen


def rows(db):
    return query(db, "SELECT * EXCLUDE (modified_at) FROM source_files ORDER BY source_path")


def written(tmp_path):
    """A folder holding TEXTS, and where its warehouse goes."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder, tmp_path / "w.duckdb"


def ingest(folder, db):
    result = run_pipeline(folder, db, selection=INGEST)
    assert result.success, [e.message for e in result.all_events if e.is_failure]


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_is(tmp_path, opened):
    folder, db = written(tmp_path)
    ingest(folder, db)
    assert sorted(opened) == ["a.txt", "b.txt"]

    opened.clear()
    (folder / "c.txt").write_text("Новый текст о визите министра обороны Ганы в Того.", encoding="utf-8")
    b = folder / "b.txt"
    st = b.stat()
    b.write_text(TEXTS["b.txt"].replace("Перу", "Чили"), encoding="utf-8")  # the same size, the same mtime
    os.utime(b, ns=(st.st_atime_ns, st.st_mtime_ns))
    ingest(folder, db)
    assert sorted(opened) == ["b.txt", "c.txt"]  # a.txt kept its row; b.txt's ctime told it changed
    assert "Чили о поставках" in query(db, "SELECT raw_text FROM source_files WHERE source_path = 'b.txt'")[0][0]

    fresh = tmp_path / "fresh.duckdb"
    ingest(folder, fresh)
    assert rows(db) == rows(fresh)


def test_a_kept_duplicate_becomes_the_original_when_its_original_goes(tmp_path, opened):
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    shutil.copy(folder / "a.txt", folder / "b.txt")
    ingest(folder, db)
    assert query(db, "SELECT source_path, status, duplicate_of FROM source_files ORDER BY 1") == [
        ("a.txt", "accepted", None),
        ("b.txt", "duplicate", "a.txt"),
    ]

    opened.clear()
    (folder / "a.txt").unlink()
    ingest(folder, db)
    assert opened == []  # b.txt kept what was read of it
    assert query(db, "SELECT source_path, status, duplicate_of, reason FROM source_files") == [
        ("b.txt", "accepted", None, None)
    ]
    assert query(db, "SELECT source_paths FROM articles") == [(["b.txt"],)]


def test_other_limits_read_every_file_again(tmp_path, opened):
    folder, db = written(tmp_path)
    ingest(folder, db)
    opened.clear()
    defs = definitions()
    result = dg.materialize(
        [*defs.assets, *defs.asset_checks],
        resources={
            "input_folder": InputFolder(path=str(folder), max_text_chars=85),
            "warehouse": Warehouse(database=str(db)),
            **warm_start(),
        },
        selection=INGEST,
    )
    assert result.success
    assert sorted(opened) == ["a.txt", "b.txt"]
    assert query(db, "SELECT source_path FROM source_files WHERE status = 'rejected' ORDER BY 1") == [("a.txt",)]
