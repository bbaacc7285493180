"""The year of an event date written without one: only what the text and the officials gazetteer
support (sentences written for the tests; the people are in the gazetteer with known terms)."""

from defcoop_dagster.core.lang.dates import PartialDate, weekday_with, year_from_evidence

from .test_events import events_of


def _years(text: str) -> list[int | None]:
    rows, _ = events_of(text)
    return [m["meeting_date"].year if m["meeting_date"] else None for m in rows.meetings]


def test_a_weekday_picks_the_year_of_a_term():
    date = PartialDate(None, 3, 14)
    # 14 March was a Monday in 2016, a Tuesday in 2017, a Wednesday in 2018
    assert year_from_evidence(date, set(), [[(2016, 2018)]], weekday=0).year == 2016
    assert year_from_evidence(date, set(), [[(2016, 2018)]]).year == 2018
    # no year of the term has that weekday: the weekday rules the term out, nothing is guessed
    assert year_from_evidence(date, set(), [[(2017, 2017)]], weekday=0).year is None


def test_still_in_office_bounds_no_year():
    date = PartialDate(None, 2, 25)
    assert year_from_evidence(date, set(), [[(2021, None)]]).year is None
    assert year_from_evidence(date, set(), [[(2021, None)], [(2012, 2024)]]).year == 2024
    assert year_from_evidence(date, {2022}, [[(2021, None)]]).year == 2022


def test_weekday_written_with_the_date():
    body = "Переговоры прошли в понедельник, 14 марта, а 20 марта делегация вернулась."
    assert weekday_with(body, 3, 14) == 0
    assert weekday_with(body, 3, 20) is None


def test_the_weekday_dates_a_meeting_within_its_people_s_terms():
    text = (
        "Министр обороны Беларуси Андрей Равков в понедельник, 14 марта, провел в Минске переговоры "
        "с министром обороны Армении Вигеном Саргсяном."
    )
    assert _years(text) == [2016]


def test_the_post_the_article_names_dates_the_meeting():
    # Шойгу is in the gazetteer with three posts, the last still held; as defence minister he
    # served until 2024, which bounds a meeting with a minister still in office
    named = (
        "Министр обороны России Сергей Шойгу 25 февраля провел в Москве переговоры с министром обороны "
        "Армении Суреном Папикяном."
    )
    assert _years(named) == [2024]
    unnamed = "Сурен Папикян 25 февраля провел в Москве переговоры с Сергеем Шойгу."
    assert _years(unnamed) == [None]


def test_a_period_written_with_a_minus_sign_dates_nothing():
    # "на 2024−2026 годы" is the period of the plan, whatever the dash; the signing keeps no year
    text = (
        "В Бишкеке министр обороны Киргизии и министр обороны Таджикистана подписали план "
        "военного сотрудничества на 2024\u22122026 годы."
    )
    rows, _ = events_of(text)
    assert rows.agreements and all(a["signed_date"] is None for a in rows.agreements)
    assert all(m["meeting_date"] is None for m in rows.meetings)


class _Counted:
    """A compiled pattern that counts its scans of one text (folded as the date rules fold it)."""

    def __init__(self, pattern, text: str):
        self.pattern, self.text, self.scans = pattern, text.replace("ё", "е"), 0

    def finditer(self, text, *args):
        self.scans += text == self.text
        return self.pattern.finditer(text, *args)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


def test_an_article_s_body_is_scanned_for_dates_once_however_many_undated_events_it_has(monkeypatch):
    from defcoop_dagster.core.lang.dates import find, years

    places = ["Минске", "Ереване", "Баку", "Ташкенте", "Астане", "Бишкеке"]
    text = " ".join(
        f"{day} марта министр обороны Армении провел в {places[day % 6]} переговоры с министром обороны "
        "Казахстана, стороны обсудили учения."
        for day in range(1, 13)
    )
    for cached in (getattr(find, "_weekday_mentions", None), years.year_spans):  # from earlier tests
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()
    written = _Counted(years._WRITTEN_YEAR, text)
    monkeypatch.setattr(years, "_WRITTEN_YEAR", written)
    dated = [0]
    real = find.find_dates

    def find_dates(body, *args, **kwargs):
        dated[0] += body == text
        return real(body, *args, **kwargs)

    monkeypatch.setattr(find, "find_dates", find_dates)
    assert len(_years(text)) >= 6  # undated meetings, each asking for its year
    # the weekdays written with dates read once (and the body's dates once more, for its mentions),
    # the years it writes once per way of counting them: not once per event
    assert dated[0] <= 2, dated
    assert written.scans <= 3, written.scans
