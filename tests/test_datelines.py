"""Datelines opening an article: place, date and agency (lines written for the tests)."""

import pytest

from defcoop_dagster.core.ingest.pubdate import parse_dateline


@pytest.mark.parametrize(
    "line, place, date, agency, lead",
    [
        pytest.param("ОМСК, 3 марта — Sputnik. Губернатор", "Омск", (None, 3, 3), "Sputnik", "Губернатор", id="agency"),
        pytest.param(
            "Казань, 9 мая - Вести-Татарстан.", "Казань", (None, 5, 9), "Вести-Татарстан", "", id="at-line-end"
        ),
        pytest.param(
            "Бишкек. 4 июня. КирТАГ – Вчера министр", "Бишкек", (None, 6, 4), "КирТАГ", "Вчера", id="agency-mixed-case"
        ),
        pytest.param(
            "Душанбе, 12 февраля 2031 года. Министр обороны",
            "Душанбе",
            (2031, 2, 12),
            None,
            "Министр",
            id="no-agency-year",
        ),
        pytest.param("Рига, 5 августа 2030 г.", "Рига", (2030, 8, 5), None, "", id="no-agency-line-alone"),
        pytest.param("ТАЛЛИН, 7 ноября. Министр", "Таллин", (None, 11, 7), None, "Министр", id="no-agency-capitals"),
    ],
)
def test_dateline(line, place, date, agency, lead):
    found = parse_dateline(line)
    assert (found.place, (found.date.year, found.date.month, found.date.day), found.agency) == (place, date, agency)
    assert line[found.end :].startswith(lead) and not line[found.end :].startswith(" ")


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Сегодня, 18 мая 2031 года. Министр обороны встретился с коллегой.", id="a-day-word"),
        pytest.param("Пятница, 18 мая 2031 года. Министр обороны встретился с коллегой.", id="a-weekday"),
        pytest.param("Вчера, 5 мая 2031 года, министр обороны встретился с коллегой.", id="a-comma-goes-on"),
        pytest.param("Таллин, 7 ноября. Министр обороны встретился с коллегой.", id="no-agency-no-year"),
        pytest.param("Министр обороны, 5 мая 2031 года. Он встретился с коллегой.", id="two-words"),
    ],
)
def test_no_dateline(line):
    assert parse_dateline(line) is None
