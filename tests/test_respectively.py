"""States and posts written once for a list of people, and names as an editor wrote them (test sentences)."""

import pytest

from defcoop_dagster.core.entities.extract import extract
from defcoop_dagster.core.ingest.articles import parse_article


def people(text: str) -> dict[str, tuple[str | None, str | None]]:
    art = parse_article(text)
    row = {"article_id": art.article_id, "body": art.body, "published": None, "dateline_end": 0, "dateline_place": None}
    return {p["name"]: (p["role"], p["country_iso3"]) for p in extract([row]).persons}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plural noun that is no post still lists the states of the names after it
        (
            "Декларацию подписали лидеры Вьетнама и Камбоджи Нгуен Фу Чонг и Хун Сен.",
            {"Нгуен Фу Чонг": "VNM", "Хун Сен": "KHM"},
        ),
        # a body's abbreviation is a word of the post
        (
            "Протокол подписали главы МИД Узбекистана и Таджикистана Абдулазиз Камилов и Сироджиддин Мухриддин.",
            {"Абдулазиз Камилов": "UZB", "Сироджиддин Мухриддин": "TJK"},
        ),
    ],
)
def test_one_state_per_name_in_order(text, expected):
    found = people(text)
    assert {name: found[name][1] for name in expected} == expected


def test_a_plural_post_is_the_post_of_each():
    found = people("Переговоры провели главы оборонных ведомств Боливии и Перу Хуан Гомес и Луис Торрес.")
    assert found["Хуан Гомес"] == ("министр обороны", "BOL")
    assert found["Луис Торрес"] == ("министр обороны", "PER")


def test_abbreviated_body_gives_the_post():
    found = people("Протокол подписали главы МИД Узбекистана и Таджикистана Абдулазиз Камилов и Сироджиддин Мухриддин.")
    assert found["Абдулазиз Камилов"][0] == "министр иностранных дел"


def test_brackets_an_editor_put_inside_a_name_are_not_of_it():
    found = people("Деньги пришли через [министра обороны Чили Хуана] Переса, сообщил источник.")
    assert "Хуан Перес" in found
