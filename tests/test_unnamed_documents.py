"""Documents signed as a set, not named one by one (sentences written for the tests)."""

import pytest

from .test_events import agreements, events_of

MEETING = "Министр обороны Монголии Гурсэд Сайханбаяр и министр обороны Японии Гэн Накатани провели переговоры. "


@pytest.mark.parametrize(
    "text",
    [
        MEETING + "По итогам встречи подписан ряд документов.",
        MEETING + "Стороны подписали пакет соглашений о сотрудничестве.",
        MEETING + "Министры подписали документы о военном образовании.",
    ],
)
def test_a_set_of_documents_is_one_other(text):
    rows, _ = events_of(text)
    assert agreements(rows) == [("other", ("JPN", "MNG"), "signed", None)]


def test_a_document_named_before_is_not_another():
    rows, _ = events_of(MEETING + "Министры подписали меморандум. Документ подписан в Улан-Баторе.")
    assert agreements(rows) == [("memorandum", ("JPN", "MNG"), "signed", None)]


def test_the_next_sentence_dates_the_document():
    rows, _ = events_of(
        "Монголия и Япония подписали соглашение о военном сотрудничестве. Соглашение было заключено в "
        "Улан-Баторе 20 января."
    )
    assert [(a["kind"], a["date_iso"], a["place"]) for a in rows.agreements] == [("agreement", "--01-20", "Улан-Батор")]


def test_a_document_to_be_adopted_at_a_session_takes_its_date():
    rows, _ = events_of(
        "Заседание Совета министров обороны стран СНГ пройдет 14 октября 2031 года в Минске. В заседании примут "
        "участие делегации Армении, Белоруссии, Казахстана и России. Министры утвердят план совместных "
        "мероприятий до 2035 года."
    )
    assert [(a["kind"], a["date_iso"], a["status"]) for a in rows.agreements] == [("plan", "2031-10-14", "planned")]


def test_the_sides_are_the_two_states_named_before():
    rows, _ = events_of(
        "Министры иностранных дел Монголии, Японии и Кореи встретятся в Сеуле. Посол отметил, что военное "
        "сотрудничество между Монголией и Японией развивается. В прошлом году сторонами был подписан договор "
        "о поставке Монголии учебных самолетов."
    )
    assert [a[:2] for a in agreements(rows)] == [("contract", ("JPN", "MNG"))]  # a sale: a contract


def test_signatures_put_by_two_ministers_and_the_treaty_told_again():
    rows, _ = events_of(
        "Монголия и Япония подписали соглашение о военном сотрудничестве. Договор был заключен в Улан-Баторе "
        "12 марта. Подписи под соглашением поставили министр обороны Монголии Гурсэд Сайханбаяр и министр обороны "
        "Японии Гэн Накатани."
    )
    assert [(a["kind"], a["date_iso"]) for a in rows.agreements] == [("agreement", "--03-12")]
    assert [(m["date_iso"], m["place"]) for m in rows.meetings] == [("--03-12", "Улан-Батор")]
