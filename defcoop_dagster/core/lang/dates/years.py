"""Years: those a text writes as years, and the year of a day-month written without one — of an
article's dates (``year_of``) and of an event's date (``year_from_evidence``)."""

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from .patterns import (
    DASH,
    MONTH_WORD,
    ORDINAL_YEAR,
    YEAR4,
    YEAR_ORDINAL,
    YEAR_START,
    YEAR_WORD,
    fold,
    iso_date,
    numeric_date,
)
from .values import PartialDate, is_real_date, weekday_of

# A year is "written as a year" when a year word follows it, or it completes a date. One
# alternation, so that each stretch of text is read once, by the first alternative that fits.
# Its guards are not quite those of find_dates' patterns ("2021-05-18T10" counts its year here
# and is no date there; "2015–2016-х гг." is a range there and no year here): kept as they are,
# since making them one would change the years that events are dated by.
_WRITTEN_YEAR = re.compile(
    rf"{YEAR_START}(?P<y>{YEAR4})(?:{DASH}(?P<y2>{YEAR4}))?{YEAR_ORDINAL}\s*{YEAR_WORD}"
    rf"|{YEAR_START}(?P<y7>{YEAR4}){ORDINAL_YEAR}"  # "в 2018-м", "2018-го"
    rf"|(?<![\w.]){numeric_date('d4', 'm4', 'y4')}(?![\d\w])"  # 10.11.2014
    rf"|(?<![\w.\-]){iso_date('y5', 'm5', 'd5')}(?![\d-])"  # 2025-07-31
    rf"|(?<=[а-яе.]\s)(?P<y3>{YEAR4})(?![\d\w]|-\d)"  # after a month word: "18 ноября 1992", "октябре 2022"
    rf"|(?<=[а-яёa-z])-(?P<y6>{YEAR4})(?![\d\w])",  # event names: «Армия-2022», only on request
    re.IGNORECASE,
)
_YEAR_GROUPS = ("y", "y2", "y3", "y4", "y5", "y6", "y7")
_MONTH_BEFORE = re.compile(rf"{MONTH_WORD}\s$", re.IGNORECASE)
# "© AFP 2023", "(c) 2019-2024", "Copyright Sputnik 2021": the mark, then a few words, no clause break.
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright|все права защищены)[^,;.\n]{0,30}$", re.IGNORECASE)
# Horizons ("до 2030 года", "к 2025 году") lie after the events.
_HORIZON_BEFORE = re.compile(r"(?<![\w-])(?:до|к|по)\s+$", re.IGNORECASE)
_HORIZON_OR_PERIOD = re.compile(r"(?<![\w-])(?:до|к|по|на)\s+$", re.IGNORECASE)


@lru_cache(maxsize=16)
def year_spans(text: str, event_names: bool = False) -> tuple[tuple[int, int, int], ...]:
    """(year, start, end) for each year written as a year, in text order (kept for the last texts
    asked: every undated event of an article asks for its whole body's)."""
    folded = fold(text)
    out = []
    for m in _WRITTEN_YEAR.finditer(folded):
        if _COPYRIGHT.search(folded[max(0, m.start() - 40) : m.start()]):
            continue  # "© AFP 2023", "© 2019 г." date the photo or the site, not the events
        if m.group("y3") and not _MONTH_BEFORE.search(folded[max(0, m.start() - 12) : m.start()]):
            continue
        if m.group("y6") and not event_names:
            continue
        if m.group("y4") and not is_real_date(int(m["y4"]), int(m["m4"]), int(m["d4"])):
            continue
        if m.group("y5") and not is_real_date(int(m["y5"]), int(m["m5"]), int(m["d5"])):
            continue  # "2017-20-30" is a phone number, not a date
        for name in _YEAR_GROUPS:
            if m.group(name):
                out.append((int(m.group(name)), m.start(name), m.end(name)))
    return tuple(out)


def explicit_years(text: str, *, event_names: bool = False, horizons: bool = True) -> list[int]:
    """Years (1900..2100) written in ``text`` as years, in text order, each once.

    Counted: a year word after the number ("в 2017 году", "2022 года", "2017-м", "2017–2019 гг."),
    a year completing a date ("18 ноября 1992", "октябре 2022", "10.11.2014", "2025-07-31").
    Not counted: counts and codes without a year word ("2000 военнослужащих", phone numbers),
    copyright lines ("© AFP 2023"), and by default names of events ("Армия-2022", "Индра-2025"):
    such names also cover plans and horizons ("ГПВ-2027", "Стратегия-2035"), so as a lower bound
    for year inference they would overshoot. ``event_names=True`` counts them too; ``horizons=False``
    leaves out horizons and periods ("до 2015 года", "план на 2010 год"), which lie after the events.
    """
    seen: list[int] = []
    for year, start, _ in year_spans(text, event_names):
        if not horizons and _HORIZON_OR_PERIOD.search(text[max(0, start - 4) : start]):
            continue
        if year not in seen:
            seen.append(year)
    return seen


def latest_written_year(text: str) -> int | None:
    """The latest year ``text`` writes as a year, as a lower bound for an unwritten one.

    Horizons ("до 2030 года", "к 2025 году") are left out: they lie after the events.
    """
    years = [y for y, s, _ in year_spans(text) if not _HORIZON_BEFORE.search(text[max(0, s - 4) : s])]
    return max(years) if years else None


def infer_year(month: int, day: int, weekday: int, not_before: int, not_after: int | None = None) -> int | None:
    """The first year >= not_before (and <= not_after) in which day.month falls on weekday.

    Searches twelve years (any weekday recurs for a given day within eleven); None otherwise.
    """
    last = not_before + 11 if not_after is None else min(not_after, not_before + 11)
    for year in range(not_before, last + 1):
        if weekday_of(year, month, day) == weekday:
            return year
    return None


def year_of(
    month: int, day: int | None, weekday: int | None, published: PartialDate | None, latest: int | None
) -> int | None:
    """The year of a day-month (or month) written without one; None without evidence.

    From the publication date: this year, unless a weekday written with the date points to the
    year before or after ("четверг, 28 декабря" in January), or a December date is reported in
    January (last year's). Without it, from a weekday and ``latest``, the latest year the text writes.
    """
    pub_year = published.year if published is not None else None
    if pub_year is not None:
        if weekday is not None and day is not None:
            for y in (pub_year, pub_year - 1, pub_year + 1):
                if weekday_of(y, month, day) == weekday:
                    return y
        if month == 12 and published.month == 1:
            return pub_year - 1
        return pub_year
    if weekday is not None and day is not None and latest is not None:
        return infer_year(month, day, weekday, not_before=latest)
    return None


def year_from_evidence(
    date: PartialDate | None,
    stated: set[int],
    terms: list[list[tuple[int | None, int | None]]],
    horizons: set[int] = frozenset(),
    weekday: int | None = None,
) -> PartialDate | None:
    """An event's day or month written without a year gets the year the evidence allows, marked inferred.

    ``terms``: for each person taking part, the (from, to) years of the posts a gazetteer knows them
    in (None: unknown start / still in office); ``stated``: the years the article writes, of which
    ``horizons`` are written only as horizons or periods ("до 2015 года", "на 2010 год");
    ``weekday``: one written with the date ("в пятницу, 20 октября"). The latest stated year in
    which all participants held their posts (and the date falls on its weekday), else the last
    such year unless that is only "still in office"; with no post known, the latest stated year
    outside horizons. Without evidence the date keeps no year (``date_iso`` still tells its day
    and month): a wrong year is worse than none for counts by year.
    """
    if date is None or date.year is not None or date.month is None:
        return date
    in_office: set[int] | None = None
    for posts in terms:
        years = {y for start, end in posts for y in range(start or 1990, (end or dt.date.today().year) + 1)}
        if years:
            in_office = years if in_office is None else in_office & years
    if in_office and weekday is not None and date.day is not None:
        # of the years in office, only those in which the day falls on the weekday written with it
        in_office = {y for y in in_office if weekday_of(y, date.month, date.day) == weekday}
    if in_office and in_office & stated:
        year = max(in_office & stated)
    elif in_office:
        year = max(in_office)
        if year >= dt.date.today().year:
            return date  # "still in office" bounds nothing: the current year would be a guess
    elif stated - horizons:
        year = max(stated - horizons)
    else:
        return date
    return replace(date, year=year, inferred=True)
