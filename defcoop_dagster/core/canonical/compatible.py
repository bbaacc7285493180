"""When two reports tell of the same event: nothing they state contradicts, and enough agrees.

Same sides; dates that agree as far as both know them (a day and its month agree, two different
days do not); people of each side named by both overlap (two hosts of one visit are two meetings);
places that do not contradict; and, when either is undated, articles published close together.
Held and planned reports of one meeting agree (held wins when they merge).
"""

from ..lang.dates import PartialDate
from .reports import Report

UNDATED_WINDOW_DAYS = 7  # an undated report joins an event its article was published within a week of


def dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    for mine, theirs in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if mine is not None and theirs is not None and mine != theirs:
            return False
    return True


def people_agree(a: Report, b: Report) -> bool:
    """Each side named by both reports shares at least one person."""
    mine, theirs = a.people_by_country(), b.people_by_country()
    return all(mine[c] & theirs[c] for c in mine.keys() & theirs.keys() if c is not None)


def places_agree(a: Report, b: Report) -> bool:
    return not (a.place and b.place and a.place.lower() != b.place.lower())


def published_close(a: Report, b: Report) -> bool:
    if a.published is None or b.published is None:
        return False
    return abs((a.published - b.published).days) <= UNDATED_WINDOW_DAYS


def match_score(report: Report, other: Report) -> float:
    """How sure the two are one event: 0 when they cannot be; more the more they agree."""
    if report.article_id == other.article_id:
        return 0.0  # an article that tells two meetings apart keeps them apart
    if report.kind != other.kind or report.countries != other.countries:
        return 0.0
    if not (dates_agree(report.date, other.date) and people_agree(report, other) and places_agree(report, other)):
        return 0.0
    if report.kind != "meeting" and (
        report.period_year and other.period_year and report.period_year != other.period_year
    ):
        return 0.0
    shared_people = bool({p.key for p in report.people} & {p.key for p in other.people})
    both_dated = report.date is not None and other.date is not None
    if both_dated and report.date.day is not None and report.date.day == other.date.day:
        return 1.0
    if both_dated and report.date.month is not None and report.date.month == other.date.month:
        return 0.9 if shared_people or published_close(report, other) else 0.0
    if published_close(report, other):
        return 0.8 if shared_people else 0.6
    return 0.0
