"""Where a meeting was: its own sentence, the visit it belongs to, the sentence beside it, the
dateline (sentences written for the tests)."""

import pytest

from defcoop_dagster.core.ingest.articles import parse_article
from defcoop_dagster.core.lang.dates import PartialDate, year_from_evidence

from .test_events import events_of
from .test_multilateral import places

CASES = [
    pytest.param(
        "Министр обороны Молдовы Анатолий Носатый посещает Ереван. Он встретился с министром обороны Армении "
        "Суреном Папикяном.",
        {("ARM", "MDA"): "Ереван"},
        id="visit-verb-object",
    ),
    pytest.param(
        "Президент Вьетнама Во Ван Тхыонг, который прибыл в Сеул с официальным визитом, провел переговоры "
        "с президентом Южной Кореи Юн Сок Ёлем.",
        {("KOR", "VNM"): "Сеул"},
        id="arrival-in-relative-clause",
    ),
    pytest.param(
        "Министр обороны Казахстана Руслан Жаксылыков провел переговоры с министром обороны Турции Яшаром "
        "Гюлером. Встреча состоялась в Анкаре.",
        {("KAZ", "TUR"): "Анкара"},
        id="place-in-the-next-sentence",
    ),
    pytest.param(
        "Министр обороны Сербии Милош Вучевич провел переговоры с министром обороны Венгрии Кристофом "
        "Салаи-Бобровницким в Будапеште. В ходе визита запланирована также встреча Вучевича с президентом "
        "Венгрии Тамашем Шуйоком.",
        {("HUN", "SRB"): "Будапешт"},
        id="meeting-of-the-same-visit",
    ),
    pytest.param(
        "Министр обороны Казахстана Руслан Жаксылыков провел переговоры с министром обороны Турции Яшаром "
        "Гюлером. Стороны обсудили безопасность в Каспийском регионе.",
        {("KAZ", "TUR"): None},
        id="a-topic-is-no-place",
    ),
    pytest.param(
        "Президент Казахстана Касым-Жомарт Токаев и президент Киргизии Садыр Жапаров подписали в горном городе "
        "Чолпон-Ата договор о союзнических отношениях.",
        {("KAZ", "KGZ"): "Чолпон-Ата"},
        id="settlement-noun-between",
    ),
    pytest.param(
        "Министр обороны Египта Абдель Магид Сакр, находящийся в иорданской столице с визитом, встретился с "
        "начальником генерального штаба Иордании Юсефом Хнейти.",
        {("EGY", "JOR"): "Амман"},
        id="capital-by-adjective",
    ),
    pytest.param(
        "ЕРЕВАН, 12 мая. /ТАСС/. Министр обороны Армении Сурен Папикян провел переговоры с министром обороны "
        "Ирана Азизом Насирзаде.",
        {("ARM", "IRN"): "Ереван"},
        id="dateline",
    ),
    pytest.param(
        "Армения, 12 мая 2023, 10:15 — ИА Новости. Министр обороны Армении Сурен Папикян провел переговоры с "
        "министром обороны Ирана Азизом Насирзаде.",
        {("ARM", "IRN"): None},
        id="dateline-naming-a-state",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_meeting_place(text, expected):
    rows, _ = events_of(text)
    assert places(rows) == expected


def test_dateline_with_year_after_a_comma():
    art = parse_article("Заголовок\nБаку, 7 марта, 2012, 10:15 — ИА Новости Кавказа. Министр прибыл в Ереван.")
    assert (art.published, art.dateline_place) == (PartialDate(2012, 3, 7), "Баку")


def test_a_horizon_does_not_date_an_event():
    date = PartialDate(None, 6, 3)
    assert year_from_evidence(date, {2009, 2015}, [], horizons={2015}).year == 2009
    assert year_from_evidence(date, {2015}, [], horizons={2015}).year is None
    # a term of office bounds a period year: "план на 2021 год" signed by people in office then
    assert year_from_evidence(date, {2021}, [[(2019, 2021)]], horizons={2021}).year == 2021


def test_the_talks_date_not_the_arrival():
    rows, _ = events_of(
        "Министр обороны Армении Сурен Папикян 3 мая прибыл в Афины. 4 мая он провел переговоры с министром "
        "обороны Греции Никосом Панайотопулосом."
    )
    assert [(m["date_iso"], m["place"]) for m in rows.meetings] == [("--05-04", "Афины")]


def test_a_documents_date_is_not_the_meetings():
    rows, _ = events_of(
        "Министр обороны Монголии Гурсэд Сайханбаяр встретился с министром обороны Японии Гэном Накатани в рамках "
        "соглашения от 12 марта 2017 года."
    )
    assert [m["date_iso"] for m in rows.meetings] == [None]


def test_status_of_a_meeting_told_in_the_reporting_clause():
    rows, _ = events_of(
        "Сотрудничество будет расширяться, заявил министр обороны Сербии Милош Вучевич 3 марта в ходе встречи "
        "с министром обороны Венгрии Кристофом Салаи-Бобровницким в Будапеште."
    )
    assert [m["status"] for m in rows.meetings] == ["held"]


def test_a_city_state_is_the_place_of_a_meeting_held_there():
    rows, _ = events_of(
        "Министр обороны Вьетнама Фан Ван Занг встретился в Сингапуре с министром обороны Индонезии "
        "Шафри Шамсуддином на полях форума «Диалог Шангри-Ла»."
    )
    assert [m["place"] for m in rows.meetings] == ["Сингапур"]
