"""Posts of foreign officials as the formal post, lower case, nominative (sentences written for the tests)."""

import pytest

from .test_events import events_of


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Министр обороны Лаоса встретился с главнокомандующим Вооруженными силами Мьянмы старшим генералом "
            "Мин Аун Хлайном.",
            "Мин Аун Хлайн",
            "главнокомандующий вооруженными силами",
        ),
        (
            "Министр обороны Армении встретился со старшим советником министра обороны Франции Пьером Дюраном.",
            "Пьер Дюран",
            "старший советник министра обороны",
        ),
        (
            "Министр обороны Китая Дун Цзюнь встретился с председателем Объединенного комитета начальников штабов "
            "Пакистана генералом Сахиром Шамшадом Мирзой.",
            "Сахир Шамшад Мирза",
            "председатель объединенного комитета начальников штабов",
        ),
    ],
)
def test_role_of_a_foreign_official(text, name, role):
    rows, _ = events_of(text)
    assert {p["name"]: p["role"] for p in rows.meeting_participants}[name] == role


def test_a_person_of_no_known_state_is_of_the_other_side():
    rows, _ = events_of(
        "Министр обороны Монголии Гурсэд Сайханбаяр провел переговоры в Токио с японской стороной. "
        "Встреча с генералом Ёсихидэ Ёсидой прошла в министерстве обороны Японии."
    )
    countries = {p["name"]: p["country_iso3"] for p in rows.meeting_participants}
    assert (countries["Ёсихидэ Ёсида"], countries["Гурсэд Сайханбаяр"]) == ("JPN", "MNG")
