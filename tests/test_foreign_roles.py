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
        (
            "Председатель Объединенного комитета начальников штабов Бангладеш генерал Карим Рахман встретился с "
            "министром обороны Китая Дун Цзюнем.",
            "Карим Рахман",
            "председатель объединенного комитета начальников штабов",
        ),
        (
            "Государственный министр по делам обороны Катара Халид Аль-Аттыйя встретился с министром обороны "
            "Турции Яшаром Гюлером.",
            "Халид Аль-Аттыйя",
            "государственный министр по делам обороны",
        ),
        # a surname before «и» is no adjective of the next post, though it parses as a possessive one
        (
            "По итогам переговоров министра обороны Киргизии Руслана Мукамбетова и министра обороны Ирана "
            "Азиза Насирзаде подписан план сотрудничества.",
            "Азиз Насирзаде",
            "министр обороны",
        ),
        (
            "Министр обороны Королевства Саудовская Аравия принц Халид бин Салман встретился с министром обороны "
            "Пакистана Хаваджей Асифом.",
            "Халид бин Салман",
            "министр обороны",
        ),
        (
            "Наследный принц Иордании Хусейн бин Абдалла встретился с президентом Франции Эмманюэлем Макроном.",
            "Хусейн бин Абдалла",
            "наследный принц",
        ),
        # a word said of the holder is not the post; a name inside the post is not the post either
        (
            "Министр обороны Перу Хорхе Чавес встретился в Лиме с новым министром обороны Чили Хуаном Пересом.",
            "Хуан Перес",
            "министр обороны",
        ),
        (
            "Советник президента Эмманюэля Макрона по военным вопросам Пьер Дюран встретился в Каире "
            "с министром обороны Египта.",
            "Пьер Дюран",
            "советник президента по военным вопросам",
        ),
        # a dateline's year is not a word of the post after it
        (
            "Каир, 9 июля, 2018 Министр обороны Египта Мухаммед Заки встретился с министром обороны Судана.",
            "Мухаммед Заки",
            "министр обороны",
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


def test_a_name_in_the_instrumental_keeps_russian_spelling():
    rows, _ = events_of("Министр обороны Турции Яшар Гюлер встретился с министром обороны Пакистана Хаваджей Асифом.")
    assert "Хаваджа Асиф" in {p["name"] for p in rows.meeting_participants}


def test_a_first_name_alone_takes_no_state_from_the_officials_gazetteer():
    from defcoop_dagster.core.entities.extract import extract
    from defcoop_dagster.core.ingest.articles import parse_article

    art = parse_article("Дональд Трамп и его жена побывали в Белом доме, где встретились с Бараком и Мишель Обамой.")
    row = {"article_id": art.article_id, "body": art.body, "published": None, "dateline_end": 0, "dateline_place": None}
    people = {p["name"]: p["country_iso3"] for p in extract([row]).persons}
    assert people.get("Барак") is None


def test_a_person_beside_the_known_side_is_not_given_the_other():
    rows, _ = events_of(
        "Министр обороны Монголии Гурсэд Сайханбаяр и генерал Ёсихидэ Ёсида провели переговоры в Токио "
        "с японской стороной."
    )
    countries = {p["name"]: p["country_iso3"] for p in rows.meeting_participants}
    assert (countries["Ёсихидэ Ёсида"], countries["Гурсэд Сайханбаяр"]) == (None, "MNG")
