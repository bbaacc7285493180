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
