"""Russian date expressions: parsing, year inference, finding and resolving mentions in a body."""

import datetime as dt
from pathlib import Path

import pytest

from defcoop_dagster.core.lang.dates import (
    MONTHS,
    WEEKDAYS,
    DateMention,
    PartialDate,
    explicit_years,
    find_dates,
    infer_year,
    month_number,
    parse_date,
    year_by_weekday,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# --- PartialDate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso", "precision", "first_day"),
    [
        (PartialDate(2021, 5, 18), "2021-05-18", "day", dt.date(2021, 5, 18)),
        (PartialDate(2021, 5), "2021-05", "month", dt.date(2021, 5, 1)),
        (PartialDate(2021), "2021", "year", dt.date(2021, 1, 1)),
        (PartialDate(None, 5, 18), "--05-18", None, None),
        (PartialDate(None, 5), "--05", None, None),
        (PartialDate(), "", None, None),
    ],
)
def test_partial_date(value, iso, precision, first_day):
    assert value.iso() == iso
    assert value.precision == precision
    assert value.to_date() == first_day


@pytest.mark.parametrize("args", [(2021, 2, 29), (None, 2, 30), (2021, 13, None), (2021, 4, 31)])
def test_partial_date_rejects_impossible(args):
    with pytest.raises(ValueError):
        PartialDate(*args)


# --- vocabularies -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "month"),
    [
        ("январь", 1),
        ("января", 1),
        ("январе", 1),
        ("янв", 1),
        ("янв.", 1),
        ("ФЕВРАЛЯ", 2),
        ("Марта", 3),
        ("мая", 5),
        ("май", 5),
        ("Июнь", 6),
        ("июня", 6),
        ("сент", 9),
        ("Сент.", 9),
        ("ноя", 11),
        ("нояб", 11),
        ("декабрём", 12),
        ("мартышка", None),
        ("маяк", None),
        ("", None),
    ],
)
def test_month_number(word, month):
    assert month_number(word) == month


def test_months_dict_is_caseless():
    assert MONTHS["Июнь"] == 6 and MONTHS.get("янв.") == 1 and "ОКТЯБРЯ" in MONTHS


@pytest.mark.parametrize(
    ("word", "weekday"),
    [
        ("понедельник", 0),
        ("понедельника", 0),
        ("в понедельник", 0),
        ("пн", 0),
        ("во вторник", 1),
        ("в среду", 2),
        ("среда", 2),
        ("четверг", 3),
        ("в пятницу", 4),
        ("субботу", 5),
        ("в воскресенье", 6),
        ("Во вторник", 1),
    ],
)
def test_weekdays(word, weekday):
    assert WEEKDAYS.get(word) == weekday


# --- parse_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("18 мая 2021", "2021-05-18"),
        ("18 мая 2021 г.", "2021-05-18"),
        ("18 мая 2021 года", "2021-05-18"),
        ("18 мая 2021г.", "2021-05-18"),
        ("26 ноя", "--11-26"),
        ("24 апр", "--04-24"),
        ("24 апр.", "--04-24"),
        ("26 ноября", "--11-26"),
        ("27 Июнь 2024", "2024-06-27"),
        ("28 Марта", "--03-28"),
        ("2025-07-31", "2025-07-31"),
        ("2025-07-31 18:15:00", "2025-07-31"),
        ("2025-07-31T18:15:00Z", "2025-07-31"),
        ("10.11.2014", "2014-11-10"),
        ("10.11.14", "2014-11-10"),
        ("10.11.98", "1998-11-10"),
        ("21 июня 2019 в 18:23", "2019-06-21"),
        ("18 мая 2021 | 20:06", "2021-05-18"),
        ("четверг, 28 Марта, 15:06", "--03-28"),
        ("октябре 2022 года", "2022-10"),
        ("в октябре 2022", "2022-10"),
        ("октябрь 2022", "2022-10"),
        ("в октябре", "--10"),
        ("2017 году", "2017"),
        ("2017 г.", "2017"),
        ("в 2017 году", "2017"),
        ("в 2017-м году", "2017"),
        ("1993-06-10", "1993-06-10"),
        ("25-27 мая", "--05-25"),
        ("1-го мая", "--05-01"),
        ("29 февраля", "--02-29"),
        ("29 февраля 2020", "2020-02-29"),
        ("  «18 мая 2021 года».", "2021-05-18"),
        ("--05-18", "--05-18"),
        ("2021-05", "2021-05"),
    ],
)
def test_parse_date(text, iso):
    value = parse_date(text)
    assert value is not None and value.iso() == iso
    assert not value.inferred


@pytest.mark.parametrize(
    "text",
    [
        "31 февраля",
        "29 февраля 2021",
        "32 мая",
        "13.13.2020",
        "2025-13-01",
        "вчера",
        "во вторник",
        "2000 военнослужащих",
        "44-дневной",
        "20-летием",
        "мартышка",
        "",
        "18 мая 2021 года и 19 мая",
    ],
)
def test_parse_date_rejects(text):
    assert parse_date(text) is None


# --- infer_year -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "year"),
    [
        ((11, 26, 1, 2017), 2019),  # вторник, 26 ноября, not before 2017
        ((11, 26, 1, 2019), 2019),
        ((11, 26, 1, 2020), 2024),
        ((11, 26, 1, 2020, 2023), None),
        ((3, 28, 3, 2021), 2024),  # четверг, 28 марта
        ((2, 29, 5, 2021), None),  # Saturday 29 February: 2020, then 2048
    ],
)
def test_infer_year(args, year):
    assert infer_year(*args) == year


# --- explicit_years ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("начало было положено в 2017 году", [2017]),
        ("соглашение 18 ноября 1992 года и в октябре 2022 года", [1992, 2022]),
        ("план на 2012 год, 2012 год, 2012 г.", [2012]),
        ("в 2015–2016 гг. и в 2018-м", [2015, 2016, 2018]),
        ("документ от 10.11.2014, обновлен 2025-07-31", [2014, 2025]),
        ("участвовали 2000 военнослужащих", []),
        ("телефон +7 (495) 2017-20-30", []),
        ("© AFP 2023", []),
        ("Фото © 2019 г. Все права защищены", []),
        ("форум «Армия-2022» и учения «Индра-2025»", []),
        ("в 1990-х годах", []),
        ("в этом, 2019 году", [2019]),
    ],
)
def test_explicit_years(text, years):
    assert explicit_years(text) == years


def test_explicit_years_event_names_on_request():
    assert explicit_years("форум «Армия-2022» и учения Индра-2025", event_names=True) == [2022, 2025]


# --- find_dates -------------------------------------------------------------------------------

TUE = PartialDate(2019, 11, 26)  # a Tuesday
JAN = PartialDate(2020, 1, 15)  # a Wednesday


def _show(mentions: list[DateMention]) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.value.iso()) for m in mentions]


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # calendar dates, no publication date
        ("ТБИЛИСИ, 24 апр — Sputnik.", None, [("24 апр", "day_month", "--04-24")]),
        ("подписан 18 ноября 1992 года", None, [("18 ноября 1992 года", "full", "1992-11-18")]),
        ("в октябре 2022 года", None, [("октябре 2022 года", "month_year", "2022-10")]),
        ("в 2017 году", None, [("2017 году", "year", "2017")]),
        ("В начале апреля делегация", None, [("апреля", "month", "--04")]),
        ("учения 25-27 мая 2021 года", None, [("25-27 мая 2021 года", "range", "2021-05-25")]),
        ("с 3 по 5 июня", None, [("3 по 5 июня", "range", "--06-03")]),
        (
            "28 декабря – 3 января 2020 года",
            None,
            [("28 декабря – 3 января 2020 года", "range", "2019-12-28")],
        ),
        ("в мае-июне 2022 года", None, [("мае-июне 2022 года", "range", "2022-05")]),
        ("в 2015–2016 гг.", None, [("2015–2016 гг.", "range", "2015")]),
        # a day written as a word, as quoted speech and official texts write it
        ("«Двадцать пятого мая в Минске пройдет заседание»", None, [("Двадцать пятого мая", "day_month", "--05-25")]),
        ("учения начнутся первого сентября 2025 года", None, [("первого сентября 2025 года", "full", "2025-09-01")]),
        # the minus sign and the figure dash as range marks: one range, not its second year alone
        ("на 2024\u22122026 годы", None, [("2024\u22122026 годы", "range", "2024")]),
        ("сборы 3\u20125 июня 2023 года", None, [("3\u20125 июня 2023 года", "range", "2023-06-03")]),
        (
            "от 10.11.2014 и 2025-07-31",
            None,
            [("10.11.2014", "full", "2014-11-10"), ("2025-07-31", "full", "2025-07-31")],
        ),
        # the example: weekday + latest written year -> inferred 2019
        (
            "Алиев во вторник, 26 ноября, принял делегацию. Начало встречам было положено в 2017 году.",
            None,
            [("26 ноября", "day_month", "2019-11-26"), ("2017 году", "year", "2017")],
        ),
        (
            "четверг, 28 Марта, 15:06\n18 мая 2021 | 20:06",
            None,
            [("28 Марта", "day_month", "2024-03-28"), ("18 мая 2021", "full", "2021-05-18")],
        ),
        # a horizon year is no lower bound
        (
            "во вторник, 26 ноября; в 2017 году; план до 2030 года",
            None,
            [
                ("26 ноября", "day_month", "2019-11-26"),
                ("2017 году", "year", "2017"),
                ("2030 года", "year", "2030"),
            ],
        ),
        ("во вторник, 26 ноября", None, [("26 ноября", "day_month", "--11-26")]),  # no year anywhere
        # publication year fills in
        ("26 ноября министр", TUE, [("26 ноября", "day_month", "2019-11-26")]),
        ("в начале апреля", TUE, [("апреля", "month", "2019-04")]),
        ("26 декабря министр", JAN, [("26 декабря", "day_month", "2019-12-26")]),
        ("в декабре", JAN, [("декабре", "month", "2019-12")]),
        ("в четверг, 2 января", JAN, [("2 января", "day_month", "2020-01-02")]),
        ("в понедельник, 30 декабря", PartialDate(2020, 1, 2), [("30 декабря", "day_month", "2019-12-30")]),
        # relative words
        (
            "Сегодня, 18 мая",
            TUE,
            [("Сегодня", "relative", "2019-11-26"), ("18 мая", "day_month", "2019-05-18")],
        ),
        (
            "вчера и позавчера",
            TUE,
            [("вчера", "relative", "2019-11-25"), ("позавчера", "relative", "2019-11-24")],
        ),
        ("завтра", JAN, [("завтра", "relative", "2020-01-16")]),
        ("Накануне министр заявил", TUE, [("Накануне", "relative", "2019-11-25")]),
        ("Накануне визита министр", TUE, []),
        # «в течение дня» in a news item is the day it reports
        ("В течение дня делегации проведут переговоры", TUE, [("В течение дня", "relative", "2019-11-26")]),
        ("в пятницу", TUE, [("в пятницу", "weekday", "2019-11-22")]),
        ("во вторник", TUE, [("во вторник", "weekday", "2019-11-26")]),
        ("в прошлый вторник", TUE, [("в прошлый вторник", "weekday", "2019-11-19")]),
        ("в следующий понедельник", TUE, [("в следующий понедельник", "weekday", "2019-12-02")]),
        ("На прошлой неделе", TUE, [("На прошлой неделе", "relative", "2019-11")]),
        ("на прошлой неделе", PartialDate(2019, 12, 3), [("на прошлой неделе", "relative", "2019-11")]),
        ("в прошлом году", TUE, [("в прошлом году", "relative", "2018")]),
        ("в этом году", TUE, [("в этом году", "relative", "2019")]),
        ("в следующем году", TUE, [("в следующем году", "relative", "2020")]),
        ("в прошлом месяце", JAN, [("в прошлом месяце", "relative", "2019-12")]),
        ("в апреле прошлого года", JAN, [("апреле прошлого года", "relative", "2019-04")]),
        ("9 мая этого года", JAN, [("9 мая этого года", "relative", "2020-05-09")]),
        ("29 февраля прошлого года", JAN, [("29 февраля прошлого года", "relative", "--02-29")]),
        ("в апреле прошлого года", None, [("апреле прошлого года", "relative", "--04")]),
        ("в прошлом году", PartialDate(2019), [("в прошлом году", "relative", "2018")]),
        # a weekday of the future is the next one («встретится в четверг»), of the past the last one
        ("Министр встретится с коллегой в четверг.", TUE, [("в четверг", "weekday", "2019-11-28")]),
        ("Министр встретился с коллегой в четверг.", TUE, [("в четверг", "weekday", "2019-11-21")]),
        ("В пятницу пройдут переговоры.", TUE, [("В пятницу", "weekday", "2019-11-29")]),
        (
            "Прибывший в понедельник министр встретится с коллегой в среду, а в прошлую среду он был в Баку.",
            TUE,
            [
                ("в понедельник", "weekday", "2019-11-25"),  # the participle next to it is past
                ("в среду", "weekday", "2019-11-27"),
                ("в прошлую среду", "weekday", "2019-11-20"),
            ],
        ),
        # a publication day without a year still dates «вчера» to a day and month
        ("Накануне министр заявил", PartialDate(None, 2, 21), [("Накануне", "relative", "--02-20")]),
        ("Сегодня министр прибыл", PartialDate(None, 2, 21), [("Сегодня", "relative", "--02-21")]),
        ("Вчера министр прибыл", PartialDate(None, 3, 1), [("Вчера", "relative", "")]),  # 28 or 29 February
        # relative without a publication date: returned, empty
        ("вчера", None, [("вчера", "relative", "")]),
        ("в прошлом году", None, [("в прошлом году", "relative", "")]),
        ("в среду", None, [("в среду", "weekday", "")]),
        # negatives
        ("2000 военнослужащих", None, []),
        ("после 44-дневной войны", None, []),
        ("в связи с 20-летием", None, []),
        ("телефон 8-800-2017-20-30", None, []),
        ("© AFP 2023", None, []),
        ("форум «Армия-2022»", None, []),
        ("31 февраля", None, []),
        ("13.13.2020", None, []),
        ("агентство «Россия сегодня»", TUE, []),
        ("Вооруженные силы (ВС) и мартышка", None, []),
    ],
)
def test_find_dates(body, published, expected):
    assert _show(find_dates(body, published)) == expected


def test_find_dates_inference_flags_and_weekday():
    body = "Алиев во вторник, 26 ноября, принял делегацию. Начало было положено в 2017 году."
    first, second = find_dates(body)
    assert first.value == PartialDate(2019, 11, 26, inferred=True) and first.weekday == 1
    assert second.value == PartialDate(2017) and second.weekday is None
    assert find_dates("26 ноября (вторник)")[0].weekday == 1


def test_relative_year_in_capitals():
    (mention,) = find_dates("ПЕРЕГОВОРЫ НАЧАЛИСЬ В АПРЕЛЕ ПРОШЛОГО ГОДА", PartialDate(2021, 5, 5))
    assert (mention.text, mention.kind) == ("АПРЕЛЕ ПРОШЛОГО ГОДА", "relative")
    assert mention.value == PartialDate(2020, 4, None, inferred=True)


def test_year_by_weekday():
    body = "Соглашение подписали в 2017 году. Во вторник, 26 ноября, министры встретились снова."
    assert year_by_weekday(body, 11, 26) == 2019
    assert year_by_weekday(body, 11, 27) is None  # no weekday is written with that day
    assert year_by_weekday("Министры встретились 26 ноября.", 11, 26) is None


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
@pytest.mark.parametrize("published", [None, TUE])
def test_offsets_round_trip_on_seeds(path, published):
    body = path.read_text(encoding="utf-8", errors="replace")
    mentions = find_dates(body, published)
    assert mentions, "every seed article has a date"
    for m in mentions:
        assert body[m.start : m.end] == m.text
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
