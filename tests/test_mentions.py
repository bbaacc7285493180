"""Tests for the mentions table rows (defcoop_dagster.core.entities.mentions), with the real natasha models."""

import datetime as dt
from pathlib import Path

import pytest

from defcoop_dagster.core.entities.mentions import TYPES, mention_rows
from defcoop_dagster.core.ingest.articles import parse_article
from defcoop_dagster.core.lang import analysis as nlp
from defcoop_dagster.core.lang.dates import PartialDate
from defcoop_dagster.warehouse.tables import TABLES

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple]:
    """{seed number '000'…: (article, rows)}: every seed analysed once for the module."""
    arts = [parse_article(p.read_text(encoding="utf-8")) for p in SEEDS]
    docs = nlp.analyse_batch([a.body for a in arts])
    return {
        p.name[:3]: (a, mention_rows(a.article_id, a.body, d, a.published, a.dateline_end))
        for p, a, d in zip(SEEDS, arts, docs, strict=True)
    }


def rows_for(text: str, published: PartialDate | None = None, dateline_end: int = 0, syntax: bool = True):
    doc = nlp.analyse_batch([text], syntax=syntax)[0]
    return mention_rows("art_test", text, doc, published, dateline_end)


def find(rows, text, type_=None):
    return [r for r in rows if r["text"] == text and (type_ is None or r["type"] == type_)]


# --- every seed -----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [p.name[:3] for p in SEEDS])
def test_offsets_round_trip_and_columns(seeds, seed):
    art, rows = seeds[seed]
    assert rows
    for r in rows:
        assert list(r) == TABLES["mentions"].names
        assert art.body[r["start"] : r["end"]] == r["text"]
        assert r["type"] in TYPES
        assert r["article_id"] == art.article_id
        assert r["normal"]
        assert r["source"] in {"natasha", "gazetteer", "dates"} or r["source"].startswith("rule:")
        if r["type"] != "DATE":
            assert r["date_value"] is r["date_precision"] is r["date_iso"] is r["date_inferred"] is None
        if r["type"] in {"COUNTRY", "ORGANISATION"}:
            assert r["code"]
    assert [(r["start"], r["end"]) for r in rows] == sorted((r["start"], r["end"]) for r in rows)


@pytest.mark.parametrize("seed", [p.name[:3] for p in SEEDS])
def test_sentence_numbers(seeds, seed):
    art, rows = seeds[seed]
    doc = nlp.analyse_batch([art.body])[0]
    for r in rows:
        sent = doc.sents[r["sentence_no"] - 1]
        assert sent.start <= r["start"] < sent.stop


def test_dateline_is_not_a_mention(seeds):
    for seed in ("000", "002"):  # ТБИЛИСИ, 24 апр — Sputnik. / БАКУ, 26 ноя — Sputnik.
        art, rows = seeds[seed]
        assert art.dateline_end > 0
        assert all(r["start"] >= art.dateline_end for r in rows)
    assert not find(seeds["000"][1], "ТБИЛИСИ")
    assert not find(seeds["002"][1], "БАКУ")


def test_misspelt_country_in_seed_000(seeds):
    rows = find(seeds["000"][1], "Азербайдажан")
    assert [(r["type"], r["code"], r["normal"], r["source"]) for r in rows] == [
        ("COUNTRY", "AZE", "Азербайджан", "rule:misspelt_country")
    ]


def test_shusha_is_not_a_person(seeds):
    _, rows = seeds["003"]
    shusha = [r for r in rows if r["text"] in {"Шуша", "Шуше"}]
    assert len(shusha) == 3
    assert {r["type"] for r in shusha} == {"LOC"}
    assert {r["normal"] for r in shusha} == {"Шуша"}
    assert any(r["source"] == "rule:place_name" for r in shusha)  # natasha said PER for one


def test_ministry_normal_form(seeds):
    _, rows = seeds["004"]
    rows = find(rows, "Министерством обороны Азербайджанской Республики", "ORG")
    assert len(rows) == 2
    assert {r["normal"] for r in rows} == {"Министерство обороны Азербайджанской Республики"}
    # the state inside keeps its own rows
    assert find(seeds["004"][1], "Азербайджанской Республики", "COUNTRY")


def test_weekday_date_in_seed_002(seeds):
    art, rows = seeds["002"]
    assert art.published.iso() == "2019-11-26"
    (row,) = find(rows, "26 ноября", "DATE")
    assert row["date_value"] == dt.date(2019, 11, 26)
    assert (row["date_precision"], row["date_iso"], row["normal"], row["source"]) == (
        "day",
        "2019-11-26",
        "2019-11-26",
        "dates",
    )
    assert row["date_inferred"] is True


def test_date_without_year(seeds):
    (row,) = find(seeds["000"][1], "26 мая", "DATE")  # the article has no year anywhere near
    assert row["date_value"] is None and row["date_precision"] is None
    assert row["date_iso"] == row["normal"] == "--05-26"
    assert row["date_inferred"] is False


def test_full_date_value(seeds):
    (row,) = find(seeds["000"][1], "18 ноября 1992 года", "DATE")
    assert (row["date_value"], row["date_precision"], row["date_inferred"]) == (dt.date(1992, 11, 18), "day", False)


def test_loc_and_country_rows_coexist(seeds):
    _, rows = seeds["000"]
    at = [r for r in rows if r["start"] == 72]  # «Грузии» in the lead
    assert [(r["type"], r["code"], r["source"]) for r in at] == [
        ("LOC", None, "natasha"),
        ("COUNTRY", "GEO", "gazetteer"),
    ]


def test_compound_adjective_one_row_per_code(seeds):
    rows = find(seeds["001"][1], "азербайджано-белорусского")
    assert [(r["type"], r["code"], r["normal"]) for r in rows] == [
        ("COUNTRY", "AZE", "Азербайджан"),
        ("COUNTRY", "BLR", "Белоруссия"),
    ]
    assert rows[0]["start"] == rows[1]["start"]


def test_adjective_is_a_country_mention(seeds):
    (row,) = find(seeds["000"][1], "азербайджанский")
    assert (row["type"], row["code"], row["source"]) == ("COUNTRY", "AZE", "gazetteer")


def test_international_organisation(seeds):
    rows = find(seeds["002"][1], "НАТО")
    assert [(r["type"], r["code"]) for r in rows] == [("ORG", None), ("ORGANISATION", "NATO")]


def test_capitals_are_not_countries(seeds):
    rows = find(seeds["002"][1], "Баку")
    assert rows and {r["type"] for r in rows} == {"LOC"}


def test_org_made_of_state_names_is_a_location(seeds):
    rows = find(seeds["000"][1], "Азербайджан-Турция-Грузия")
    assert [(r["type"], r["source"]) for r in rows] == [("LOC", "rule:org_is_state")]
    codes = [r["code"] for r in seeds["000"][1] if r["type"] == "COUNTRY" and 1035 <= r["start"] < 1060]
    assert codes == ["AZE", "TUR", "GEO"]


def test_org_chain_to_the_general_staff(seeds):
    (row,) = find(seeds["002"][1], "Генерального штаба Вооруженных сил РФ", "ORG")
    assert (row["normal"], row["source"]) == ("Генеральный штаб Вооруженных сил РФ", "rule:org_chain")
    assert not find(seeds["002"][1], "Вооруженных сил", "ORG")  # absorbed
    assert find(seeds["002"][1], "РФ", "COUNTRY")[0]["code"] == "RUS"


# --- sentences written for the tests ----------------------------------------------------------------


@pytest.mark.parametrize("syntax", [True, False])
def test_org_normal_form_with_and_without_syntax(syntax):
    # Without syntax natasha's own normal form is «Министерство оборона»; the rule fixes it.
    text = "Представители Министерства обороны Азербайджанской Республики и Совета министров обороны СНГ встретились."
    rows = rows_for(text, syntax=syntax)
    orgs = {r["text"]: r["normal"] for r in rows if r["type"] == "ORG"}
    assert orgs == {
        "Министерства обороны Азербайджанской Республики": "Министерство обороны Азербайджанской Республики",
        "Совета министров обороны СНГ": "Совет министров обороны СНГ",
    }
    assert [r["code"] for r in rows if r["type"] == "ORGANISATION"] == ["CIS"]


def test_misspelt_countries_read_as_persons():
    rows = rows_for("Казахтан и Азербайджна подписали план. Азербайдажан посетил Шойгу.")
    assert [(r["text"], r["type"], r["code"]) for r in rows if r["type"] in {"PER", "COUNTRY"}] == [
        ("Казахтан", "COUNTRY", "KAZ"),
        ("Азербайджна", "COUNTRY", "AZE"),
        ("Азербайдажан", "COUNTRY", "AZE"),
        ("Шойгу", "PER", None),
    ]
    assert [r["sentence_no"] for r in rows] == [1, 1, 2, 2]


def test_chrome_is_dropped():
    text = "ПОДЕЛИТЬСЯ\n\nФото-Видео\n\nМинистры обсудили сотрудничество (Фото-Видео)\nМинистр прибыл в Баку."
    rows = rows_for(text)
    assert not [r for r in rows if "Фото" in r["text"] or r["text"] == "ПОДЕЛИТЬСЯ"]
    assert find(rows, "Баку", "LOC")


def test_span_over_a_line_break_is_cut():
    text = "Фото: Sputnik / Илья Питалев\nШуша - один из ключевых городов."
    rows = rows_for(text)
    assert [(r["text"], r["type"]) for r in rows if r["type"] in {"PER", "LOC"}] == [
        ("Илья Питалев", "PER"),
        ("Шуша", "LOC"),
    ]


def test_dateline_offset_is_respected():
    text = "БАКУ, 26 ноя — Sputnik. Президент Азербайджана Ильхам Алиев во вторник, 26 ноября, принял делегацию."
    rows = rows_for(text, published=PartialDate(2019, 11, 26), dateline_end=text.index("Президент"))
    assert [r["text"] for r in rows] == ["Азербайджана", "Азербайджана", "Ильхам Алиев", "26 ноября"]
    assert rows[-1]["date_value"] == dt.date(2019, 11, 26)


def test_doc_of_another_text_is_refused():
    doc = nlp.analyse_batch(["Другой текст."])[0]
    with pytest.raises(ValueError):
        mention_rows("art_x", "Текст.", doc, None, 0)


def test_empty_body():
    assert rows_for("") == []


def test_surname_of_a_full_name_stays_a_person():
    # pymorphy2 knows «Маас» only as a river (Geox); the full name earlier in the article decides.
    text = "Глава МИД Германии Хайко Маас прибыл в Москву. Маас заявил, что переговоры прошли успешно."
    rows = rows_for(text)
    assert [(r["text"], r["type"]) for r in rows if r["type"] in {"PER", "LOC"}] == [
        ("Германии", "LOC"),
        ("Хайко Маас", "PER"),
        ("Москву", "LOC"),
        ("Маас", "PER"),
    ]
    assert find(rows, "МИД Германии", "ORG")[0]["normal"] == "МИД Германии"
