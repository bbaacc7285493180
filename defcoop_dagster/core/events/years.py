"""The year of an event date that the text gives without one (to move to ``lang.dates`` later)."""

import datetime as dt
from dataclasses import replace

from ..gazetteers import officials
from ..lang.dates import PartialDate, explicit_years
from .context import ArticleContext


def complete_year(date: PartialDate | None, ctx: ArticleContext, person_ids: list[str]) -> PartialDate | None:
    """A day or month without a year gets the year the evidence allows, marked inferred.

    The years the participants held their posts (officials gazetteer), narrowed by the years the
    article states; failing those, the latest year the article states. ``date_iso`` keeps what
    the text itself says ("--05-25"), so the inference stays visible.
    """
    if date is None or date.year is not None or date.month is None:
        return date
    stated = set(explicit_years(ctx.body, event_names=True))  # "«Армия-2022»" dates its forum
    terms: set[int] | None = None
    for pid in person_ids:
        years = set()
        for o in officials.find_officials(ctx.persons[pid].name):
            years |= set(range(o.from_year or 1990, (o.to_year or dt.date.today().year) + 1))
        if years:
            terms = years if terms is None else terms & years
    if terms:
        year = max(terms & stated) if terms & stated else max(terms)
    elif stated:
        year = max(stated)
    else:
        return date
    return replace(date, year=year, inferred=True)
