"""Parsing ONE date expression that fills a whole string: a header stamp, a dateline, metadata."""

import re

from .patterns import DASH, DAY, DAY_NUMBER, MONTH_WORD, TIME, WEEKDAY_WORD, YEAR4, YEAR_ORDINAL, YEAR_TAIL, YEAR_WORD
from .patterns import fold as _fold
from .values import PartialDate, date_or_none
from .vocabulary import day_number, month_number

# Tried in order against the whole (cleaned) string; month words in any letter case.
_EXPRESSIONS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # ISO and the gold-annotation forms: 2025-07-31[ 18:15:00 | T18:15:00Z], 2021-05, --05-18, --05
        r"(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?"
        r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
        r"--(?P<m>\d{2})(?:-(?P<d>\d{2}))?",
        # 10.11.2014, 10.11.14, 10/11/2014
        rf"(?P<d>\d{{1,2}})(?P<sep>[./])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?:\s*{YEAR_WORD})?",
        # 18 мая 2021 года; 25-27 мая 2021 (the start day); 26 ноя; 1-го мая
        rf"(?P<d>{DAY})(?:{DASH}{DAY_NUMBER})?\s+(?P<mw>{MONTH_WORD})(?:{YEAR_TAIL})?",
        # октябре 2022 года; октябрь 2022; мае-июне 2022 (the start month); октябре
        rf"(?P<mw>{MONTH_WORD})(?:{DASH}{MONTH_WORD})?(?:{YEAR_TAIL})?",
        # 2017 году; 2017 г.; 2017-м году; 2017
        rf"(?P<y>{YEAR4}){YEAR_ORDINAL}(?:\s*{YEAR_WORD})?",
    )
]
_EDGE = " \t,;:!?|•·()[]{}«»\"'—–"
_TIME_TAIL = re.compile(
    rf"(?:\s*[,|—–\-/]?\s*(?:в\s+)?{TIME}(?:\s*\(?\s*(?:мск|msk|utc|gmt)[^)]*\)?)?)+$", re.IGNORECASE
)
_LEAD = re.compile(rf"^(?:(?:(?:в|во)\s+)?{WEEKDAY_WORD}\s*[,.]?\s*)?(?:(?:в|во)\s+)?", re.IGNORECASE)


def _year2(yy: str) -> int:
    """A two-digit year: 00-68 -> 20xx, 69-99 -> 19xx (the POSIX strptime pivot)."""
    n = int(yy)
    return 2000 + n if n < 69 else 1900 + n


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
    for pattern in _EXPRESSIONS:
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
        day = day_number(g["d"]) if g.get("d") else None
        if month is None and day is None and year is None:
            return None
        return date_or_none(year, month, day)
    return None
