"""Dates written relative to publication: "вчера", "в прошлом году", "на прошлой неделе", "во вторник"."""

import datetime as dt
import re

from .values import PartialDate
from .vocabulary import PERIOD_MODIFIERS, RELATIVE_DAYS, WEEKDAY_MODIFIERS


def resolve_day(word: str, published: PartialDate | None) -> PartialDate:
    """'вчера' -> the day before publication; empty without a publication day."""
    if published is None or published.precision != "day":
        return PartialDate()
    d = published.to_date() + dt.timedelta(days=RELATIVE_DAYS[word])
    return PartialDate(d.year, d.month, d.day, inferred=True)


def resolve_period(modifier: str, unit: str, published: PartialDate | None) -> PartialDate:
    """'прошлом году' -> year; 'прошлом месяце' -> month; 'прошлой неделе' -> month of its Monday.

    Week precision is not in the vocabulary: the week is given by the month its Monday falls in.
    """
    off = PERIOD_MODIFIERS[modifier]
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


def resolve_weekday(weekday: int, modifier: str | None, published: PartialDate | None) -> PartialDate:
    """The weekday on or before publication; "прошлый" strictly before; "следующий" after."""
    if published is None or published.precision != "day":
        return PartialDate()
    pub = published.to_date()
    back = (pub.weekday() - weekday) % 7
    direction = WEEKDAY_MODIFIERS.get(modifier, 0) if modifier else 0
    if direction < 0:
        back = back or 7
    elif direction > 0:
        back = -((weekday - pub.weekday()) % 7 or 7)
    d = pub - dt.timedelta(days=back)
    return PartialDate(d.year, d.month, d.day, inferred=True)


def eve_is_preposition(text: str, end: int) -> bool:
    """ "накануне визита" (on the eve of) rather than "накануне министр заявил" (the day before).

    The preposition takes a genitive noun phrase; only such a next word counts as evidence.
    """
    m = re.match(r"\s+([а-яa-z]+)", text[end:], re.IGNORECASE)
    if not m:
        return False
    from ..morph import parse  # lazy: the dictionaries load only when "накануне" is seen

    noun_like = {"NOUN", "ADJF", "NPRO", "PRTF", "NUMR"}
    return any(p.tag.POS in noun_like and "gent" in p.tag for p in parse(m.group(1).lower()))
