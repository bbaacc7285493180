"""A folder of awkward inputs: every file gets a row with a reason, the good ones become articles."""

import json
import os
import random

import pytest

from .conftest import SEEDS, query, run_pipeline

ARTICLE = (SEEDS / "004_04837f0cfa56d306.txt").read_text(encoding="utf-8")
CP1251_TEXT = (
    "Министр обороны Беларуси провел переговоры с министром обороны Армении в Минске.\n\n"
    "Стороны обсудили военно-техническое сотрудничество и подписали план на 2022 год."
)
KOI8_TEXT = "Делегация Казахстана прибыла в Баку. Стороны подписали меморандум о сотрудничестве."
UTF16_TEXT = (
    "БАКУ, 21 сентября. /ТАСС/. Министр обороны Азербайджана встретился с коллегой из Турции.\n"
    "Стороны обсудили вопросы региональной безопасности."
)
HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Встреча министров | Новости</title>
<meta property="article:published_time" content="2021-05-18T20:06:00+04:00"></head><body>
<nav><ul><li><a href="/">Главная</a></li><li><a href="/politics">Политика</a></li></ul></nav>
<article><h1>Министры обороны Азербайджана и Беларуси встретились в Баку</h1>
<p>Сегодня министр обороны Азербайджанской Республики генерал-полковник Закир Гасанов встретился с
делегацией во главе с министром обороны Республики Беларусь генерал-лейтенантом Виктором Хрениным.</p>
<p>В заключение министры подписали план двустороннего сотрудничества на 2021 год.</p></article>
<aside>Читайте также: курс валют, погода</aside><footer>© 2021 Все права защищены</footer></body></html>"""


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("inbox")
    (root / "empty.txt").write_bytes(b"")
    (root / "spaces.txt").write_text("  \n\n  ", encoding="utf-8")
    (root / "random.bin").write_bytes(random.Random(7).randbytes(4096))
    (root / "noise.txt").write_bytes(bytes(random.Random(8).randrange(1, 32) for _ in range(2048)))
    (root / "cp1251.txt").write_bytes(CP1251_TEXT.encode("cp1251"))
    (root / "koi8.txt").write_bytes(KOI8_TEXT.encode("koi8_r"))
    (root / "utf16.txt").write_bytes(UTF16_TEXT.encode("utf-16"))  # with BOM
    (root / "utf16le_nobom.txt").write_bytes(("Второй абзац. " + UTF16_TEXT).encode("utf-16-le"))
    (root / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Статья с BOM. Министры встретились в Ереване.".encode())
    (root / "page.html").write_text(HTML, encoding="utf-8")
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    sub = root / "nested" / "deeper"
    sub.mkdir(parents=True)
    (sub / "copy_of_article.txt").write_text(ARTICLE, encoding="utf-8")  # duplicate, another name
    (root / "crlf_copy.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("cp1251"))  # same text
    (root / "huge.txt").write_bytes(("Очень длинный текст. " * 200_000).encode("utf-8")[: 6 * 1024 * 1024])
    (root / "doc.json").write_text(
        json.dumps(
            {
                "text": "Президент Узбекистана принял министра обороны Казахстана.",
                "title": "Встреча в Ташкенте",
                "url": "https://example.org/x",
                "published": "2017-08-17",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (root / "no_text.json").write_text(json.dumps({"title": "без текста"}), encoding="utf-8")
    (root / "broken.json").write_text("{not json", encoding="utf-8")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    return root


@pytest.fixture(scope="module")
def bad_run(bad_folder, tmp_path_factory):
    """Ingestion materialised once for the module: every test here reads source_files or articles."""
    db = tmp_path_factory.mktemp("bad") / "w.duckdb"
    result = run_pipeline(bad_folder, db, selection=["source_files", "articles"])
    assert result.success
    return result, db


@pytest.fixture(scope="module")
def bad_warehouse(bad_run):
    return bad_run[1]


def rows(db):
    return {
        r[0]: r[1:]
        for r in query(db, "SELECT source_path, status, reason, encoding, format, duplicate_of FROM source_files")
    }


def test_every_file_has_a_row(bad_folder, bad_warehouse):
    on_disk = {p.relative_to(bad_folder).as_posix() for p in bad_folder.rglob("*") if p.is_file()}
    assert set(rows(bad_warehouse)) == on_disk


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("empty.txt", "empty file"),
        ("spaces.txt", "empty file"),
        ("random.bin", "binary"),
        ("noise.txt", "binary"),
        ("huge.txt", "too large: 6,291,456 bytes"),
        ("no_text.json", "no non-empty 'text'"),
        ("broken.json", "invalid JSON"),
        ("scan.pdf", "unsupported format"),
    ],
)
def test_rejected_with_reason(bad_warehouse, path, reason):
    status, why, *_ = rows(bad_warehouse)[path]
    assert status == "rejected"
    assert reason in why


@pytest.mark.parametrize(
    ("path", "encoding", "expected"),
    [
        ("cp1251.txt", "cp1251", CP1251_TEXT),
        ("koi8.txt", "koi8-r", KOI8_TEXT),
        ("utf16.txt", "utf-16", UTF16_TEXT),
        ("utf16le_nobom.txt", "utf-16", "Второй абзац. " + UTF16_TEXT),
        ("bom.txt", "utf-8-sig", "Статья с BOM. Министры встретились в Ереване."),
    ],
)
def test_encodings_decode_correctly(bad_warehouse, path, encoding, expected):
    status, _, enc, *_ = rows(bad_warehouse)[path]
    assert (status, enc) == ("accepted", encoding)
    (raw,) = query(bad_warehouse, "SELECT raw_text FROM source_files WHERE source_path = ?", [path])[0]
    assert raw == expected


def test_duplicates_point_to_the_first_copy(bad_warehouse):
    got = rows(bad_warehouse)
    assert got["article.txt"][0] == "accepted"
    for dup in ["nested/deeper/copy_of_article.txt", "crlf_copy.txt"]:
        assert got[dup][0] == "duplicate" and got[dup][4] == "article.txt"
    (paths,) = query(bad_warehouse, "SELECT source_paths FROM articles WHERE source_path = 'article.txt'")[0]
    assert sorted(paths) == ["article.txt", "crlf_copy.txt", "nested/deeper/copy_of_article.txt"]


def test_html_reduced_to_article_text(bad_warehouse):
    (title, body, published) = query(
        bad_warehouse, "SELECT title, body, published FROM articles WHERE source_path = 'page.html'"
    )[0]
    assert title.startswith("Министры обороны Азербайджана и Беларуси") or title.startswith("Встреча министров")
    assert "Закир Гасанов" in body and "план двустороннего сотрудничества" in body
    for chrome in ["Главная", "Читайте также", "Все права защищены"]:
        assert chrome not in body
    assert published == "2021-05-18"


def test_json_fields_used(bad_warehouse):
    row = query(
        bad_warehouse,
        "SELECT title, url, published, published_source, published_date FROM articles WHERE source_path = 'doc.json'",
    )[0]
    assert row[:4] == ("Встреча в Ташкенте", "https://example.org/x", "2017-08-17", "metadata")
    assert str(row[4]) == "2017-08-17"


def test_good_files_are_articles(bad_warehouse):
    paths = {r[0] for r in query(bad_warehouse, "SELECT source_path FROM articles")}
    assert paths == {
        "article.txt",
        "bom.txt",
        "cp1251.txt",
        "doc.json",
        "koi8.txt",
        "page.html",
        "utf16.txt",
        "utf16le_nobom.txt",
    }


def test_rejections_reported_in_metadata(bad_run):
    result, _ = bad_run
    (mat,) = result.asset_materializations_for_node("source_files")
    assert mat.metadata["rejected"].value == 8
    assert mat.metadata["duplicates"].value == 2
    assert "too large" in mat.metadata["rejected_by_reason"].value


def test_missing_input_folder_fails_with_a_clear_message(tmp_path):
    result = run_pipeline(tmp_path / "nowhere", tmp_path / "w.duckdb")
    assert not result.success
    failure = next(e for e in result.all_events if e.is_step_failure)
    assert "does not exist" in str(failure.step_failure_data.error.message) or "does not exist" in str(
        failure.event_specific_data
    )
    assert not os.path.exists(tmp_path / "w.duckdb") or not query(
        tmp_path / "w.duckdb", "SELECT * FROM information_schema.tables WHERE table_name = 'articles'"
    )
