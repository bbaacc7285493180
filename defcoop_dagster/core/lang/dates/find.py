"""Every date expression in a body, with its value resolved against the publication date."""

import re
from dataclasses import dataclass
from functools import lru_cache

from . import relative
from .patterns import (
    DASH,
    DAY,
    DAY_NUMBER,
    MONTH_FULL_WORD,
    MONTH_WORD,
    NOT_LETTER,
    ORDINAL_YEAR,
    PERIOD_MODIFIER,
    RELATIVE_YEAR,
    WEEKDAY_WORD,
    YEAR4,
    YEAR_ORDINAL,
    YEAR_START,
    YEAR_TAIL,
    YEAR_WORD,
    alternation,
    fold,
    iso_date,
    numeric_date,
)
from .values import PartialDate, date_or_none, is_real_date
from .vocabulary import (
    PERIOD_MODIFIERS,
    RELATIVE_DAYS,
    WEEKDAY_MODIFIERS,
    WEEKDAY_PHRASES,
    day_number,
    month_number,
    weekday_number,
)
from .years import latest_written_year, year_of


@dataclass(frozen=True)
class DateMention:
    """One date expression in a body: ``text == body[start:end]`` and its resolved ``value``.

    ``kind`` says what was written: 'full' | 'day_month' | 'month_year' | 'year' | 'month' |
    'relative' | 'range' (value = the start) | 'weekday' (a bare "во вторник").
    ``weekday`` is a weekday written next to a date ("во вторник, 26 ноября").
    """

    start: int
    end: int
    text: str
    value: PartialDate
    kind: str
    weekday: int | None = None


_YEAR = rf"(?:{YEAR_TAIL}|{RELATIVE_YEAR})"  # a written year, or "прошлого года"
_WEEKDAY_ACCUSATIVES = {phrase.split()[-1] for phrase in WEEKDAY_PHRASES}
# Tried at every position; where matches overlap, the one starting first wins, then the longest,
# then the one earlier in this list.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("iso", rf"(?<![\w.\-/]){iso_date()}(?![\w-])"),
        ("numeric", rf"(?<![\w.,/]){numeric_date()}(?![\w]|\.\d)(?:\s*{YEAR_WORD})?"),
        # 28 декабря – 3 января 2020 года
        ("xrange", rf"(?P<d>{DAY})\s+(?P<mw>{MONTH_WORD}){DASH}(?P<d2>{DAY_NUMBER})\s+(?P<mw2>{MONTH_WORD}){_YEAR}?"),
        # 25-27 мая; с 25 по 27 мая 2021 года; 25 и 26 ноября
        ("range", rf"(?P<d>{DAY})(?:{DASH}|\s+(?:по|до|и)\s+)(?P<d2>{DAY_NUMBER})\s+(?P<mw>{MONTH_WORD}){_YEAR}?"),
        # 18 мая 2021 года; 26 ноября; 26 ноября прошлого года
        ("dm", rf"(?P<d>{DAY})\s+(?P<mw>{MONTH_WORD}){_YEAR}?"),
        # мае-июне 2022 года
        ("mrange", rf"(?<![\w-])(?P<mw>{MONTH_FULL_WORD}){DASH}(?P<mw2>{MONTH_FULL_WORD}){_YEAR}?"),
        # октябре 2022 года; апреле прошлого года
        ("my", rf"(?<![\w-])(?P<mw>{MONTH_WORD}){_YEAR}"),
        # 2015–2016 гг.
        ("yrange", rf"{YEAR_START}(?P<y>{YEAR4}){DASH}(?P<y2>{YEAR4})(?:-(?:х|е))?\s*{YEAR_WORD}"),
        # 2017 году; 2017 г.; 2017-м
        ("year", rf"{YEAR_START}(?P<y>{YEAR4})(?:{YEAR_ORDINAL}\s*{YEAR_WORD}|{ORDINAL_YEAR})"),
        # (в начале) апреля: full forms only, an abbreviation alone is too ambiguous ("мар", "дек")
        ("month", rf"(?<![\w-])(?P<mw>{MONTH_FULL_WORD})"),
        ("rel", rf"(?<![\w-])(?P<rel>{alternation(RELATIVE_DAYS)})(?![\w-])"),
        (
            "relp",
            rf"(?<![\w-])(?:(?:в|во|на)\s+)?{PERIOD_MODIFIER}\s+"
            rf"(?P<unit>год(?:а|у|ом)?|месяц(?:а|е|у|ем)?|недел(?:я|и|е|ю|ей)){NOT_LETTER}",
        ),
        (
            "wd",
            rf"(?<![\w-])(?:в|во)\s+(?:(?P<wmod>{alternation(WEEKDAY_MODIFIERS)})[а-я]*\s+)?"
            rf"(?P<wd>{alternation(_WEEKDAY_ACCUSATIVES)}){NOT_LETTER}",
        ),
    )
]
_CALENDAR = ("iso", "numeric", "xrange", "range", "dm")  # a day and a month, which a weekday may go with
_WD_BEFORE = re.compile(rf"(?<!\w)(?:(?:в|во)\s+)?(?P<wd>{WEEKDAY_WORD})\s*,?\s*$", re.IGNORECASE)
_AGENCY_BEFORE = re.compile(r"россия\W{0,2}$", re.IGNORECASE)  # "Россия сегодня" is not a date
_WD_AFTER = re.compile(rf"\s*[,(]\s*(?:(?:в|во)\s+)?(?P<wd>{WEEKDAY_WORD})", re.IGNORECASE)


def find_dates(body: str, published: PartialDate | None = None) -> list[DateMention]:
    """Every date expression in ``body``, in text order, with its value resolved.

    Calendar dates are resolved on their own; a missing year comes from ``published`` (December
    in a January article: the year before), else from a weekday written with the date plus the
    latest year the body writes ("во вторник, 26 ноября" + "в 2017 году" -> 2019), else stays
    None. Relative words (вчера, накануне, в понедельник, на прошлой неделе, в прошлом году)
    resolve against ``published`` and are returned with an empty value when it is unknown.
    Spans leave out a bare preposition ("в 2017 году" -> "2017 году") except in relative phrases,
    where it carries the meaning ("в прошлом году", "во вторник").
    """
    folded = fold(body)
    latest = latest_written_year(folded)
    cands: list[tuple[int, int, int, str, re.Match]] = []
    for prio, (name, pattern) in enumerate(_PATTERNS):
        for m in pattern.finditer(folded):
            cands.append((m.start(), -m.end(), prio, name, m))
    cands.sort(key=lambda c: c[:3])

    # Weekdays written with a date ("во вторник, 26 ноября", "26 ноября (вторник)").
    attached: dict[int, tuple[int, int, int]] = {}  # date start -> (weekday, blocked start, end)
    for start, neg_end, _, name, _m in cands:
        if name in _CALENDAR:
            before = _WD_BEFORE.search(folded, max(0, start - 30), start)
            after = _WD_AFTER.match(folded, -neg_end, -neg_end + 30)
            if before:
                attached[start] = (weekday_number(before.group("wd")), before.start(), start)
            elif after:
                attached[start] = (weekday_number(after.group("wd")), -neg_end, after.end())
    blocked = [(s, e) for _, s, e in attached.values()]

    out: list[DateMention] = []
    taken_end = -1
    for start, neg_end, _, name, m in cands:
        end = -neg_end
        if start < taken_end:
            continue
        if name == "wd" and any(s < end and start < e for s, e in blocked):
            continue
        mention = _mention(folded, body, m, name, published, latest, attached.get(start))
        if mention is not None:
            out.append(mention)
        if mention is not None or name != "rel":
            taken_end = end  # an impossible "31 февраля" still hides its "февраля" from the month rule
    return out


@lru_cache(maxsize=4)
def _weekday_mentions(body: str) -> tuple[DateMention, ...]:
    """The dates ``body`` writes with a weekday; one scan of a body, however many of its events ask
    (each undated event of an article does: a long article's scans would grow with its square)."""
    return tuple(m for m in find_dates(body) if m.weekday is not None)


def _with_weekday(body: str, month: int, day: int) -> list[DateMention]:
    """The mentions of day.month that ``body`` writes with a weekday ("в пятницу, 20 октября")."""
    return [m for m in _weekday_mentions(body) if (m.value.month, m.value.day) == (month, day)]


def weekday_with(body: str, month: int, day: int) -> int | None:
    """The weekday ``body`` writes with day.month ("в пятницу, 20 октября" -> 4), else None."""
    return next((m.weekday for m in _with_weekday(body, month, day)), None)


def year_by_weekday(body: str, month: int, day: int) -> int | None:
    """The year ``body`` gives day.month where it writes that date with its weekday: the year
    written with it, or the first year from the latest one the body writes in which the date
    falls on that weekday ("во вторник, 26 ноября" + "в 2017 году" -> 2019). None otherwise."""
    return next((m.value.year for m in _with_weekday(body, month, day) if m.value.year), None)


def _mention(folded, body, m, name, published, latest, attached) -> DateMention | None:
    """Resolve one match of ``folded`` (the body, ё as е); None when it is not a real date
    (31 февраля, 13.13.2020, eve-of)."""
    g = m.groupdict()
    weekday = attached[0] if attached else None
    year = int(g["y"]) if g.get("y") else None
    rmod = g["rmod"].lower() if g.get("rmod") else None  # "В АПРЕЛЕ ПРОШЛОГО ГОДА" too
    if rmod is not None and published is not None and published.year is not None:
        year = published.year + PERIOD_MODIFIERS[rmod]
        inferred = True
    else:
        inferred = False
    month = int(g["m"]) if g.get("m") else month_number(g["mw"]) if g.get("mw") else None
    day = day_number(g["d"]) if g.get("d") else None

    if name in ("iso", "numeric"):
        value, kind = date_or_none(year, month, day), "full"
    elif name in ("xrange", "range", "dm"):
        if name == "xrange" and year is not None and month > month_number(g["mw2"]):
            year -= 1  # "28 декабря – 3 января 2020": the year written belongs to the end
        written = int(g["y"]) if g.get("y") else None  # only a written year can rule a date out
        if name == "range" and not is_real_date(written, month, day_number(g["d2"])):
            return None
        if not is_real_date(written if name != "xrange" else year, month, day):
            return None
        kind = "range" if name != "dm" else "relative" if rmod else "full" if year else "day_month"
        if year is None and rmod is None:
            year = year_of(month, day, weekday, published, latest)
            inferred = year is not None
        # a day that the inferred year makes impossible (29 февраля) is dropped with the year
        value = date_or_none(year, month, day, inferred and year is not None) or PartialDate(None, month, day)
    elif name in ("mrange", "my", "month"):
        if year is None and rmod is None:
            year = year_of(month, None, None, published, None)
            inferred = year is not None
        kind = "range" if name == "mrange" else "relative" if rmod else "month_year" if g.get("y") else "month"
        value = PartialDate(year, month, None, inferred)
    elif name == "yrange":
        value, kind = PartialDate(year), "range"
    elif name == "year":
        value, kind = PartialDate(year), "year"
    elif name == "rel":
        word = g["rel"].lower()
        if word == "накануне" and relative.eve_is_preposition(folded, m.end()):
            return None
        if word == "сегодня" and _AGENCY_BEFORE.search(folded[max(0, m.start() - 10) : m.start()]):
            return None  # the agency "Россия сегодня"
        value, kind = relative.resolve_day(word, published), "relative"
    elif name == "relp":
        value, kind = relative.resolve_period(g["mod"].lower(), g["unit"].lower(), published), "relative"
    else:  # "wd"
        wd = weekday_number(g["wd"])
        mod = g["wmod"].lower() if g.get("wmod") else None
        ahead = mod is None and published is not None and relative.speaks_of_future(folded, m.start(), m.end())
        value, kind, weekday = relative.resolve_weekday(wd, mod, published, ahead), "weekday", wd
    if value is None:
        return None
    return DateMention(m.start(), m.end(), body[m.start() : m.end()], value, kind, weekday)
