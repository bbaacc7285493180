"""Reports as the merge reads them: one meeting or document as one article tells it."""

import datetime as dt
from dataclasses import dataclass, field

from ..lang.dates import PartialDate


def name_key(name: str) -> str:
    """A person compared across articles: the nominative surname, case- and ё-folded."""
    words = name.replace(".", ". ").split()
    return words[-1].lower().replace("ё", "е") if words else ""


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    country: str | None

    @property
    def key(self) -> str:
        return name_key(self.name)


@dataclass
class Report:
    """A meeting (kind ``meeting``) or a document (its kind: ``agreement``, ``plan``…) as one article reports it."""

    report_id: str
    article_id: str
    kind: str
    countries: frozenset[str]
    date: PartialDate | None  # as far as the report knows it; the year only when it was written or inferred
    status: str
    place: str | None = None
    published: dt.date | None = None
    people: list[Person] = field(default_factory=list)
    period_year: int | None = None
    title: str | None = None
    evidence: str = ""
    flag: tuple[bool, str] = (False, "")  # (about defence, the rule that decided it)
    party_names: dict[str, str] = field(default_factory=dict)  # a document's parties: country → the body

    def people_by_country(self) -> dict[str | None, set[str]]:
        out: dict[str | None, set[str]] = {}
        for p in self.people:
            out.setdefault(p.country, set()).add(p.key)
        return out


def report_date(value, precision: str | None, iso: str | None) -> PartialDate | None:
    """The date a report row states: its DATE column at its precision, else the day and month of
    ``date_iso`` when the year is unknown ("--05-25")."""
    if value is not None and precision and not _missing(value):
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
        return PartialDate(
            day.year, day.month if precision in ("month", "day") else None, day.day if precision == "day" else None
        )
    return PartialDate.from_iso(iso) if iso else None


def _missing(value) -> bool:
    return value != value  # NaN / NaT from a frame


def published_day(value) -> dt.date | None:
    if value is None or _missing(value):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
