"""Russian date expressions: parse one, infer a missing year, find and resolve all in a body.

Plain regular expressions over a closed vocabulary (month and weekday word forms): dates in
news text are formulaic, and a regex keeps every offset exact. Nothing here imports Dagster.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# Part 1: values, vocabularies, one-expression parsing, year inference
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to day, month or year precision; any part may be missing.

    ``inferred`` is True when the year was not written next to the date but taken from
    context (the publication date, a weekday, a relative word such as "вчера").
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    inferred: bool = False

    def __post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            if not 1 <= self.day <= 31:
                raise ValueError(f"day out of range: {self.day}")
            if self.month is not None and not _valid(self.year, self.month, self.day):
                raise ValueError(f"no such date: {self.year}-{self.month}-{self.day}")

    @property
    def precision(self) -> str | None:
        """'day' | 'month' | 'year' when the year is known, else None."""
        if self.year is None:
            return None
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def iso(self) -> str:
        """'2021-05-18', '2021-05', '2021'; without a year '--05-18', '--05' ('' when empty)."""
        if self.year is not None:
            out = f"{self.year:04d}"
            if self.month is not None:
                out += f"-{self.month:02d}"
                if self.day is not None:
                    out += f"-{self.day:02d}"
            return out
        if self.month is not None:
            return f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day is not None else "")
        return f"---{self.day:02d}" if self.day is not None else ""

    def to_date(self) -> dt.date | None:
        """First day of the known period; None when the year is unknown."""
        if self.year is None:
            return None
        if self.month is None:
            return dt.date(self.year, 1, 1)
        return dt.date(self.year, self.month, self.day or 1)


def _valid(year: int | None, month: int, day: int) -> bool:
    """Is day.month[.year] a real date? Without a year, 29 February is allowed (2000 is leap)."""
    try:
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return True


class _CaselessDict(dict):
    """A dict with lower-case keys that also answers 'Июнь', 'ЯНВАРЯ', 'Во вторник'."""

    def __getitem__(self, key):
        return super().__getitem__(key.lower() if isinstance(key, str) else key)

    def get(self, key, default=None):
        return super().get(key.lower() if isinstance(key, str) else key, default)

    def __contains__(self, key) -> bool:
        return super().__contains__(key.lower() if isinstance(key, str) else key)


_SOFT_MONTHS = {1: "январ", 2: "феврал", 4: "апрел", 6: "июн", 7: "июл", 9: "сентябр", 10: "октябр"}
_SOFT_MONTHS |= {11: "ноябр", 12: "декабр"}
_SOFT_ENDINGS = ("ь", "я", "е", "ю", "ём", "ем")
_HARD_MONTHS = {3: "март", 8: "август"}
_HARD_ENDINGS = ("", "а", "е", "у", "ом")
_MONTH_ABBR = {
    1: ("янв",),
    2: ("фев", "февр"),
    3: ("мар", "мрт"),
    4: ("апр",),
    6: ("июн",),
    7: ("июл",),
    8: ("авг",),
    9: ("сен", "сент", "сентяб"),
    10: ("окт",),
    11: ("ноя", "нояб"),
    12: ("дек",),
}

#: Every case form of each month name (the words a date may use, not abbreviations).
MONTH_FORMS: dict[str, int] = {}
for _n, _stem in _SOFT_MONTHS.items():
    MONTH_FORMS.update({_stem + e: _n for e in _SOFT_ENDINGS})
for _n, _stem in _HARD_MONTHS.items():
    MONTH_FORMS.update({_stem + e: _n for e in _HARD_ENDINGS})
MONTH_FORMS.update({w: 5 for w in ("май", "мая", "мае", "маю", "маем")})
#: Abbreviations, bare and with their dot ('янв', 'янв.').
MONTH_ABBREVIATIONS: dict[str, int] = {}
for _n, _abbrs in _MONTH_ABBR.items():
    for _a in _abbrs:
        MONTH_ABBREVIATIONS.setdefault(_a, _n)
        MONTH_ABBREVIATIONS.setdefault(_a + ".", _n)

#: Month word (any case form or abbreviation, optional trailing dot) -> 1..12.
#: Keys are lower case; lookups through ``[]``, ``get`` and ``in`` ignore case.
MONTHS: dict[str, int] = _CaselessDict({**MONTH_ABBREVIATIONS, **MONTH_FORMS})

_WEEKDAY_FORMS = {
    0: ("понедельник", "понедельника", "понедельнику", "понедельником", "понедельнике"),
    1: ("вторник", "вторника", "вторнику", "вторником", "вторнике"),
    2: ("среда", "среды", "среде", "среду", "средой", "средою"),
    3: ("четверг", "четверга", "четвергу", "четвергом", "четверге"),
    4: ("пятница", "пятницы", "пятнице", "пятницу", "пятницей"),
    5: ("суббота", "субботы", "субботе", "субботу", "субботой"),
    6: ("воскресенье", "воскресенья", "воскресенью", "воскресеньем"),
}
_WEEKDAY_ABBR = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
# The accusative after в/во is how a day is dated ("во вторник", "в среду").
_WEEKDAY_ACC = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")

#: Weekday word or "в/во + accusative" phrase -> 0..6 (Monday=0); also 'пн', 'пн.' ... 'вс'.
#: Keys are lower case; lookups ignore case. Abbreviations are for headers only ('вс' is also ВС).
WEEKDAYS: dict[str, int] = _CaselessDict()
for _n, _forms in _WEEKDAY_FORMS.items():
    WEEKDAYS.update({f: _n for f in _forms})
for _n, _a in enumerate(_WEEKDAY_ABBR):
    WEEKDAYS[_a] = _n
    WEEKDAYS[_a + "."] = _n
for _n, _w in enumerate(_WEEKDAY_ACC):
    WEEKDAYS["во " + _w if _n == 1 else "в " + _w] = _n
WEEKDAYS["в вторник"] = 1  # a common slip; harmless to accept


def month_number(word: str) -> int | None:
    """1..12 for a month word in any case form or abbreviation ('Января', 'нояб.'), else None."""
    w = word.strip().lower().replace("ё", "е")
    return MONTHS.get(w) or MONTHS.get(w.rstrip("."))


def weekday_number(word: str) -> int | None:
    """0..6 (Monday=0) for a weekday word or "в/во ..." phrase, else None."""
    w = " ".join(word.strip().lower().split())
    return WEEKDAYS.get(w) if w in WEEKDAYS else WEEKDAYS.get(w.rstrip("."))


def _alt(words) -> str:
    """A regex alternation, longest first so that 'января' wins over 'янв'."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_NOT_LETTER = r"(?![а-яёa-z])"
# A month word: full forms, or an abbreviation with an optional dot. ё is folded by _fold().
MONTH_WORD = (
    rf"(?:(?:{_alt(w.replace('ё', 'е') for w in MONTH_FORMS)}){_NOT_LETTER}"
    rf"|(?:{_alt(w for w in MONTH_ABBREVIATIONS if not w.endswith('.'))}){_NOT_LETTER}\.?)"
)
MONTH_FULL_WORD = rf"(?:{_alt(w.replace('ё', 'е') for w in MONTH_FORMS)}){_NOT_LETTER}"
WEEKDAY_WORD = rf"(?:{_alt(w for f in _WEEKDAY_FORMS.values() for w in f)}){_NOT_LETTER}"
_DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:-?(?:го|ого|е))?(?!\d)"
_DAY = r"(?<![\w.:/-])" + _DAY_NUM
_YEAR4 = r"(?:19\d\d|20\d\d|2100)"
# "г.", "гг.", "год", "года", "году", "годом", "годах", "годов", "годы"
YEAR_WORD = rf"(?:гг?\.|гг?{_NOT_LETTER}|год(?:а|у|ом|ах|ов|ы)?{_NOT_LETTER})"
_TIME = r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
_TIME_TAIL = re.compile(
    rf"(?:\s*[,|—–\-/]?\s*(?:в\s+)?{_TIME}(?:\s*\(?\s*(?:мск|msk|utc|gmt)[^)]*\)?)?)+$", re.IGNORECASE
)
_LEAD = re.compile(rf"^(?:(?:(?:в|во)\s+)?{WEEKDAY_WORD}\s*[,.]?\s*)?(?:(?:в|во)\s+)?", re.IGNORECASE)


def _fold(text: str) -> str:
    """ё -> е: the same length, so offsets survive, and one spelling for the patterns."""
    return text.replace("ё", "е").replace("Ё", "Е")


def _year2(yy: str) -> int:
    """A two-digit year: 00-68 -> 20xx, 69-99 -> 19xx (the POSIX strptime pivot)."""
    n = int(yy)
    return 2000 + n if n < 69 else 1900 + n


def _pd(year: int | None, month: int | None = None, day: int | None = None, inferred: bool = False):
    """A PartialDate, or None where the parts do not make a real date."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not _valid(year, month, day)):
        return None
    return PartialDate(year, month, day, inferred)


_ONE = [  # tried in order against the whole (cleaned) string
    # ISO and the gold-annotation forms: 2025-07-31[ 18:15:00 | T18:15:00Z], 2021-05, --05-18, --05
    re.compile(
        r"(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?"
        r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    ),
    re.compile(r"--(?P<m>\d{2})(?:-(?P<d>\d{2}))?"),
    # 10.11.2014, 10.11.14, 10/11/2014
    re.compile(r"(?P<d>\d{1,2})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?:\s*" + YEAR_WORD + ")?"),
    # 18 мая 2021 года; 25-27 мая 2021 (the start day); 26 ноя; 1-го мая
    re.compile(
        rf"(?P<d>{_DAY})(?:\s*[-–—]\s*{_DAY_NUM})?\s+(?P<mw>{MONTH_WORD})"
        rf"(?:\s*,?\s*(?P<y>{_YEAR4})(?:-(?:го|м|й))?(?:\s*{YEAR_WORD})?)?"
    ),
    # октябре 2022 года; октябрь 2022; мае-июне 2022 (the start month); октябре
    re.compile(
        rf"(?P<mw>{MONTH_WORD})(?:\s*[-–—]\s*{MONTH_WORD})?"
        rf"(?:\s*,?\s*(?P<y>{_YEAR4})(?:-(?:го|м|й))?(?:\s*{YEAR_WORD})?)?"
    ),
    # 2017 году; 2017 г.; 2017-м году; 2017
    re.compile(rf"(?P<y>{_YEAR4})(?:-(?:го|м|й))?(?:\s*{YEAR_WORD})?"),
]
_ONE = [re.compile(p.pattern, re.IGNORECASE) for p in _ONE]  # month words in any letter case


_EDGE = " \t,;:!?|•·()[]{}«»\"'—–"


def parse_date(text: str) -> PartialDate | None:
    """Parse ONE date expression filling the whole string, or return None.

    Accepts "18 мая 2021 г.", "26 ноя", "в октябре 2022 года", "2017 году", "10.11.2014",
    "2025-07-31 18:15:00", "четверг, 28 Марта, 15:06" (leading weekday and a trailing time are
    ignored), and the gold forms "--05-18" / "2021-05". Relative words ("вчера") give None:
    they need a publication date, see :func:`find_dates`.
    """
    s = _fold(" ".join(text.split())).strip(_EDGE)
    if not s.startswith("--"):
        s = s.lstrip("-")
    while s.endswith(".") and not re.search(r"[а-я]\.$", s, re.IGNORECASE):
        s = s[:-1].rstrip(_EDGE)  # a sentence full stop, not the one of "г." or "янв."
    s = _TIME_TAIL.sub("", s).strip(" ,|—–")
    s = _LEAD.sub("", s, count=1)
    if not s:
        return None
    for pattern in _ONE:
        m = pattern.fullmatch(s)
        if not m:
            continue
        g = m.groupdict()
        year = None
        if g.get("y"):
            year = _year2(g["y"]) if len(g["y"]) == 2 else int(g["y"])
            if not 1000 <= year <= 2100:
                return None
        month = int(g["m"]) if g.get("m") else month_number(g["mw"]) if g.get("mw") else None
        day = int(re.match(r"\d+", g["d"]).group(0)) if g.get("d") else None
        if month is None and day is None and year is None:
            return None
        return _pd(year, month, day)
    return None


def infer_year(month: int, day: int, weekday: int, not_before: int, not_after: int | None = None) -> int | None:
    """The first year >= not_before (and <= not_after) in which day.month falls on weekday.

    Searches twelve years (any weekday recurs for a given day within eleven); None otherwise.
    """
    last = not_before + 11 if not_after is None else min(not_after, not_before + 11)
    for year in range(not_before, last + 1):
        if _valid(year, month, day) and dt.date(year, month, day).weekday() == weekday:
            return year
    return None


# A year is "written as a year" when a year word follows it, or it completes a date.
_YEAR_CTX = re.compile(
    rf"(?<![\w.,/+\-–—])(?P<y>{_YEAR4})(?:\s*[-–—]\s*(?P<y2>{_YEAR4}))?(?:-(?:го|м|й))?\s*{YEAR_WORD}"
    rf"|(?<![\w.,/+\-–—])(?P<y7>{_YEAR4})-(?:го|м){_NOT_LETTER}"  # "в 2018-м", "2018-го"
    rf"|(?<![\w.])(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>{_YEAR4})(?![\d\w])"  # 10.11.2014
    rf"|(?<![\w.\-])(?P<y5>{_YEAR4})-(?P<m5>\d{{2}})-(?P<d5>\d{{2}})(?![\d-])"  # 2025-07-31
    rf"|(?<=[а-яе.]\s)(?P<y3>{_YEAR4})(?![\d\w]|-\d)"  # after a month word: "18 ноября 1992", "октябре 2022"
    rf"|(?<=[а-яёa-z])-(?P<y6>{_YEAR4})(?![\d\w])",  # event names: «Армия-2022», only on request
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(rf"{MONTH_WORD}\s$", re.IGNORECASE)
# "© AFP 2023", "(c) 2019-2024", "Copyright Sputnik 2021": the mark, then a few words, no clause break.
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright|все права защищены)[^,;.\n]{0,30}$", re.IGNORECASE)


def _year_spans(text: str, event_names: bool = False) -> list[tuple[int, int, int]]:
    """(year, start, end) for each year written as a year, in text order."""
    t = _fold(text)
    out = []
    for m in _YEAR_CTX.finditer(t):
        if _COPYRIGHT.search(t[max(0, m.start() - 40) : m.start()]):
            continue  # "© AFP 2023", "© 2019 г." date the photo or the site, not the events
        if m.group("y3") and not _MONTH_BEFORE.search(t[max(0, m.start() - 12) : m.start()]):
            continue
        if m.group("y6") and not event_names:
            continue
        if m.group("y4") and not _valid(int(m["y4"]), int(m["m4"]), int(m["d4"])):
            continue
        if m.group("y5") and not _valid(int(m["y5"]), int(m["m5"]), int(m["d5"])):
            continue  # "2017-20-30" is a phone number, not a date
        for name in ("y", "y2", "y3", "y4", "y5", "y6", "y7"):
            if m.group(name):
                out.append((int(m.group(name)), m.start(name), m.end(name)))
    return out


def explicit_years(text: str, *, event_names: bool = False) -> list[int]:
    """Years (1900..2100) written in ``text`` as years, in text order, each once.

    Counted: a year word after the number ("в 2017 году", "2022 года", "2017-м", "2017–2019 гг."),
    a year completing a date ("18 ноября 1992", "октябре 2022", "10.11.2014", "2025-07-31").
    Not counted: counts and codes without a year word ("2000 военнослужащих", phone numbers),
    copyright lines ("© AFP 2023"), and by default names of events ("Армия-2022", "Индра-2025"):
    such names also cover plans and horizons ("ГПВ-2027", "Стратегия-2035"), so as a lower bound
    for year inference they would overshoot. ``event_names=True`` counts them too.
    """
    seen: list[int] = []
    for year, _, _ in _year_spans(text, event_names):
        if year not in seen:
            seen.append(year)
    return seen


# ---------------------------------------------------------------------------------------------
# Part 2: every date expression in a body, resolved
# ---------------------------------------------------------------------------------------------

KINDS = ("full", "day_month", "month_year", "year", "month", "relative", "range", "weekday")


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


_I = re.IGNORECASE
_Y_LB = r"(?<![\w.,/+\-–—])"  # a year glued to a hyphen or digits is a code, phone or event name
# Modifier stems of relative periods ("прошлом году", "этой неделе", "следующего месяца").
_MOD_OFFSET = {
    "позапрошл": -2,
    "прошл": -1,
    "минувш": -1,
    "истекш": -1,
    "предыдущ": -1,
    "уходящ": 0,
    "текущ": 0,
    "нынешн": 0,
    "эт": 0,
    "следующ": 1,
    "будущ": 1,
    "наступающ": 1,
    "грядущ": 1,
}
_MOD = rf"(?P<mod>{_alt(_MOD_OFFSET)})(?:ого|его|ому|ему|ом|ем|ый|ий|ым|им|ой|ей|ую|юю|ая|яя|от|у|а)"
# "... прошлого года" after a day or month: the year is relative to publication.
_REL_YEAR = rf"\s+(?P<rmod>{_alt(_MOD_OFFSET)})(?:ого|его)\s+года{_NOT_LETTER}"
_YEAR_TAIL = rf"\s*,?\s*(?P<y>{_YEAR4})(?!\d)(?:-(?:го|м|й))?(?:\s*{YEAR_WORD})?"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"(?<![\w.\-/])(?P<y>{_YEAR4})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\w-])")),
    (
        "numeric",
        re.compile(
            rf"(?<![\w.,/])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR4})(?![\w]|\.\d)(?:\s*{YEAR_WORD})?",
            _I,
        ),
    ),
    # 28 декабря – 3 января 2020 года
    (
        "xrange",
        re.compile(
            rf"(?P<d>{_DAY})\s+(?P<mw>{MONTH_WORD})\s*[-–—]\s*(?P<d2>{_DAY_NUM})\s+(?P<mw2>{MONTH_WORD})"
            rf"(?:{_YEAR_TAIL}|{_REL_YEAR})?",
            _I,
        ),
    ),
    # 25-27 мая; с 25 по 27 мая 2021 года; 25 и 26 ноября
    (
        "range",
        re.compile(
            rf"(?P<d>{_DAY})(?:\s*[-–—]\s*|\s+(?:по|до|и)\s+)(?P<d2>{_DAY_NUM})\s+(?P<mw>{MONTH_WORD})"
            rf"(?:{_YEAR_TAIL}|{_REL_YEAR})?",
            _I,
        ),
    ),
    # 18 мая 2021 года; 26 ноября; 26 ноября прошлого года
    ("dm", re.compile(rf"(?P<d>{_DAY})\s+(?P<mw>{MONTH_WORD})(?:{_YEAR_TAIL}|{_REL_YEAR})?", _I)),
    # мае-июне 2022 года
    (
        "mrange",
        re.compile(
            rf"(?<![\w-])(?P<mw>{MONTH_FULL_WORD})\s*[-–—]\s*(?P<mw2>{MONTH_FULL_WORD})(?:{_YEAR_TAIL}|{_REL_YEAR})?",
            _I,
        ),
    ),
    # октябре 2022 года; апреле прошлого года
    ("my", re.compile(rf"(?<![\w-])(?P<mw>{MONTH_WORD})(?:{_YEAR_TAIL}|{_REL_YEAR})", _I)),
    # 2015–2016 гг.
    (
        "yrange",
        re.compile(rf"{_Y_LB}(?P<y>{_YEAR4})\s*[-–—]\s*(?P<y2>{_YEAR4})(?:-(?:х|е))?\s*{YEAR_WORD}", _I),
    ),
    # 2017 году; 2017 г.; 2017-м
    (
        "year",
        re.compile(rf"{_Y_LB}(?P<y>{_YEAR4})(?:(?:-(?:го|м|й))?\s*{YEAR_WORD}|-(?:го|м){_NOT_LETTER})", _I),
    ),
    # (в начале) апреля: full forms only, an abbreviation alone is too ambiguous ("мар", "дек")
    ("month", re.compile(rf"(?<![\w-])(?P<mw>{MONTH_FULL_WORD})", _I)),
    (
        "rel",
        re.compile(r"(?<![\w-])(?P<rel>сегодня|вчера|позавчера|завтра|послезавтра|накануне)(?![\w-])", _I),
    ),
    (
        "relp",
        re.compile(
            rf"(?<![\w-])(?:(?:в|во|на)\s+)?{_MOD}\s+"
            rf"(?P<unit>год(?:а|у|ом)?|месяц(?:а|е|у|ем)?|недел(?:я|и|е|ю|ей)){_NOT_LETTER}",
            _I,
        ),
    ),
    (
        "wd",
        re.compile(
            r"(?<![\w-])(?:в|во)\s+(?:(?P<wmod>прошл|минувш|следующ|будущ|ближайш|эт)[а-я]*\s+)?"
            rf"(?P<wd>{_alt(_WEEKDAY_ACC)}){_NOT_LETTER}",
            _I,
        ),
    ),
]
_RELATIVE_DAYS = {"сегодня": 0, "вчера": -1, "позавчера": -2, "завтра": 1, "послезавтра": 2, "накануне": -1}
_WD_BEFORE = re.compile(rf"(?<!\w)(?:(?:в|во)\s+)?(?P<wd>{WEEKDAY_WORD})\s*,?\s*$", _I)
_WD_AFTER = re.compile(rf"\s*[,(]\s*(?:(?:в|во)\s+)?(?P<wd>{WEEKDAY_WORD})", _I)
_HORIZON_BEFORE = re.compile(r"(?<![\w-])(?:до|к|по)\s+$", _I)


def _evidence_year(t: str) -> int | None:
    """The latest year the text writes as a year, as a lower bound for an unwritten one.

    Horizons ("до 2030 года", "к 2025 году") are left out: they lie after the events.
    """
    years = [y for y, s, _ in _year_spans(t) if not _HORIZON_BEFORE.search(t[max(0, s - 4) : s])]
    return max(years) if years else None


def _year_for(month: int, day: int | None, weekday: int | None, published, evidence) -> int | None:
    """The year of a day-month (or month) written without one; None without evidence."""
    pub_year = published.year if published is not None else None
    if pub_year is not None:
        if weekday is not None and day is not None:
            # A weekday picks between this, last and next year ("четверг, 28 декабря" in January).
            for y in (pub_year, pub_year - 1, pub_year + 1):
                if _valid(y, month, day) and dt.date(y, month, day).weekday() == weekday:
                    return y
        if month == 12 and published.month == 1:
            return pub_year - 1  # December events reported in January are last year's
        return pub_year
    if weekday is not None and day is not None and evidence is not None:
        return infer_year(month, day, weekday, not_before=evidence)
    return None


def _dated(year, month, day, inferred):
    """A PartialDate, dropping a day that the inferred year makes impossible (29 февраля)."""
    value = _pd(year, month, day, inferred and year is not None)
    return value if value is not None else PartialDate(None, month, day)


def _resolve_rel_day(word: str, published) -> PartialDate:
    if published is None or published.precision != "day":
        return PartialDate()
    d = published.to_date() + dt.timedelta(days=_RELATIVE_DAYS[word])
    return PartialDate(d.year, d.month, d.day, inferred=True)


def _resolve_period(mod: str, unit: str, published) -> PartialDate:
    """'прошлом году' -> year; 'прошлом месяце' -> month; 'прошлой неделе' -> month of its Monday.

    Week precision is not in the vocabulary: the week is given by the month its Monday falls in.
    """
    off = _MOD_OFFSET[mod]
    if published is None or published.year is None:
        return PartialDate()
    if unit.startswith("год"):
        return PartialDate(published.year + off, inferred=True)
    if unit.startswith("месяц"):
        if published.month is None:
            return PartialDate()
        n = published.year * 12 + published.month - 1 + off
        return PartialDate(n // 12, n % 12 + 1, inferred=True)
    if published.precision != "day":
        return PartialDate()
    pub = published.to_date()
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=off)
    return PartialDate(monday.year, monday.month, inferred=True)


def _resolve_weekday(weekday: int, mod: str | None, published) -> PartialDate:
    """The weekday on or before publication; "прошлый" strictly before; "следующий" after."""
    if published is None or published.precision != "day":
        return PartialDate()
    pub = published.to_date()
    back = (pub.weekday() - weekday) % 7
    if mod in ("прошл", "минувш"):
        back = back or 7
    elif mod in ("следующ", "будущ", "ближайш"):
        back = -((weekday - pub.weekday()) % 7 or 7)
    d = pub - dt.timedelta(days=back)
    return PartialDate(d.year, d.month, d.day, inferred=True)


def _eve_is_preposition(t: str, end: int) -> bool:
    """ "накануне визита" (on the eve of) rather than "накануне министр заявил" (the day before).

    The preposition takes a genitive noun phrase; only such a next word counts as evidence.
    """
    m = re.match(r"\s+([а-яa-z]+)", t[end:], _I)
    if not m:
        return False
    from .morph import parse  # lazy: the dictionaries load only when "накануне" is seen

    noun_like = {"NOUN", "ADJF", "NPRO", "PRTF", "NUMR"}
    return any(p.tag.POS in noun_like and "gent" in p.tag for p in parse(m.group(1).lower()))


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
    t = _fold(body)
    evidence = _evidence_year(t)
    cands: list[tuple[int, int, int, str, re.Match]] = []
    for prio, (name, pattern) in enumerate(_PATTERNS):
        for m in pattern.finditer(t):
            cands.append((m.start(), -m.end(), prio, name, m))
    cands.sort(key=lambda c: c[:3])

    # Weekdays written with a date ("во вторник, 26 ноября", "26 ноября (вторник)").
    attached: dict[int, tuple[int, int, int]] = {}  # date start -> (weekday, blocked start, end)
    for start, neg_end, _, name, _m in cands:
        if name in ("iso", "numeric", "xrange", "range", "dm"):
            before = _WD_BEFORE.search(t, max(0, start - 30), start)
            after = _WD_AFTER.match(t, -neg_end, -neg_end + 30)
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
        mention = _mention(t, body, m, name, published, evidence, attached.get(start))
        if mention is not None:
            out.append(mention)
        if mention is not None or name != "rel":
            taken_end = end  # an impossible "31 февраля" still hides its "февраля" from the month rule
    return out


def _mention(t, body, m, name, published, evidence, attached) -> DateMention | None:
    """Resolve one match; None when it is not a real date (31 февраля, 13.13.2020, eve-of)."""
    g = m.groupdict()
    weekday = attached[0] if attached else None
    year = int(g["y"]) if g.get("y") else None
    rmod = g.get("rmod")
    if rmod is not None and published is not None and published.year is not None:
        year = published.year + _MOD_OFFSET[rmod]
        inferred = True
    else:
        inferred = False
    month = int(g["m"]) if g.get("m") else month_number(g["mw"]) if g.get("mw") else None
    day = int(re.match(r"\d+", g["d"]).group(0)) if g.get("d") else None

    if name in ("iso", "numeric"):
        value, kind = _pd(year, month, day), "full"
    elif name in ("xrange", "range", "dm"):
        if name == "xrange" and year is not None and month > month_number(g["mw2"]):
            year -= 1  # "28 декабря – 3 января 2020": the year written belongs to the end
        written = int(g["y"]) if g.get("y") else None  # only a written year can rule a date out
        if name == "range" and not _valid(written, month, int(re.match(r"\d+", g["d2"]).group(0))):
            return None
        if not _valid(written if name != "xrange" else year, month, day):
            return None
        kind = "range" if name != "dm" else "relative" if rmod else "full" if year else "day_month"
        if year is None and rmod is None:
            year = _year_for(month, day, weekday, published, evidence)
            inferred = year is not None
        value = _dated(year, month, day, inferred)
    elif name in ("mrange", "my", "month"):
        if year is None and rmod is None:
            year = _year_for(month, None, None, published, None)
            inferred = year is not None
        kind = "range" if name == "mrange" else "relative" if rmod else "month_year" if g.get("y") else "month"
        value = PartialDate(year, month, None, inferred)
    elif name == "yrange":
        value, kind = PartialDate(year), "range"
    elif name == "year":
        value, kind = PartialDate(year), "year"
    elif name == "rel":
        word = g["rel"].lower()
        if word == "накануне" and _eve_is_preposition(t, m.end()):
            return None
        if word == "сегодня" and re.search(r"россия\W{0,2}$", t[max(0, m.start() - 10) : m.start()], _I):
            return None  # the agency "Россия сегодня"
        value, kind = _resolve_rel_day(word, published), "relative"
    elif name == "relp":
        value, kind = _resolve_period(g["mod"].lower(), g["unit"].lower(), published), "relative"
    else:  # "wd"
        wd = weekday_number(g["wd"])
        mod = g["wmod"].lower() if g.get("wmod") else None
        value, kind, weekday = _resolve_weekday(wd, mod, published), "weekday", wd
    if value is None:
        return None
    return DateMention(m.start(), m.end(), body[m.start() : m.end()], value, kind, weekday)
