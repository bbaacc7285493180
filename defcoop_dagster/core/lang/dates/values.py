"""Date values: a calendar date known to day, month or year precision."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ISO = re.compile(r"(?:(?P<y>\d{4})|-)(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")


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
            if self.month is not None and not is_real_date(self.year, self.month, self.day):
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

    @classmethod
    def from_iso(cls, value: str) -> PartialDate | None:
        """The date ``iso()`` wrote ('2021-05-18', '2021-05', '2021', '--05-18', '--05'); None if it is not one."""
        match = _ISO.fullmatch(value or "")
        if not match or not (match["y"] or match["m"]):
            return None
        try:
            return cls(*(int(part) if part else None for part in match.group("y", "m", "d")))
        except ValueError:
            return None

    def to_date(self) -> dt.date | None:
        """First day of the known period; None when the year is unknown."""
        if self.year is None:
            return None
        if self.month is None:
            return dt.date(self.year, 1, 1)
        return dt.date(self.year, self.month, self.day or 1)


def is_real_date(year: int | None, month: int, day: int) -> bool:
    """Is day.month[.year] a real date? Without a year, 29 February is allowed (2000 is leap)."""
    try:
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return True


def date_or_none(
    year: int | None, month: int | None = None, day: int | None = None, inferred: bool = False
) -> PartialDate | None:
    """A PartialDate, or None where the parts do not make a real date (31 февраля, month 13)."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not is_real_date(year, month, day)):
        return None
    return PartialDate(year, month, day, inferred)


def weekday_of(year: int, month: int, day: int) -> int | None:
    """0..6 (Monday=0) of a real date, None when there is no such day that year (29 февраля)."""
    return dt.date(year, month, day).weekday() if is_real_date(year, month, day) else None
