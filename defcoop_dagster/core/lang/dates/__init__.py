"""Russian date expressions: parse one, find and resolve all in a body, read and infer years.

Plain regular expressions over a closed vocabulary (month and weekday word forms, kept as lexicon
tables): dates in news text are formulaic, and a regex keeps every offset exact. The package:

* :mod:`.values`      ``PartialDate``, a date known to day, month or year precision;
* :mod:`.vocabulary`  month and weekday words, words dating relative to publication;
* :mod:`.patterns`    the regex building blocks every reader below composes;
* :mod:`.parse`       ``parse_date``: one expression filling a string (stamps, datelines, metadata);
* :mod:`.find`        ``find_dates``: every expression in a body, resolved (:mod:`.relative` for
                      "вчера", "в прошлом году", "во вторник");
* :mod:`.years`       years written as years, and the year of a date written without one (in an
                      article, from its publication date; of an event, from its participants' terms).
"""

from .find import DateMention, find_dates, weekday_with, year_by_weekday
from .parse import parse_date
from .values import PartialDate
from .vocabulary import MONTHS, WEEKDAYS, month_number, weekday_number
from .years import explicit_years, infer_year, year_from_evidence

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "DateMention",
    "PartialDate",
    "explicit_years",
    "find_dates",
    "infer_year",
    "month_number",
    "parse_date",
    "weekday_number",
    "weekday_with",
    "year_by_weekday",
    "year_from_evidence",
]
