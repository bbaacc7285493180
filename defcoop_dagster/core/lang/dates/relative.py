"""Dates written relative to publication: "вчера", "в прошлом году", "на прошлой неделе", "во вторник"."""

import datetime as dt
import re

from .values import PartialDate
from .vocabulary import PERIOD_MODIFIERS, RELATIVE_DAYS, WEEKDAY_MODIFIERS


def resolve_day(word: str, published: PartialDate | None) -> PartialDate:
    """'вчера' -> the day before publication; empty without a publication day.

    A publication day without a year («21 февраля» in a dateline) still dates "вчера" to the
    day and month (--02-20), unless the step crosses the end of February, where leap years differ.
    """
    if published is None or published.month is None or published.day is None:
        return PartialDate()
    step = dt.timedelta(days=RELATIVE_DAYS[word])
    if published.year is not None:
        d = published.to_date() + step
        return PartialDate(d.year, d.month, d.day, inferred=True)
    if (published.month, published.day) == (2, 29):
        return PartialDate()
    common, leap = (dt.date(y, published.month, published.day) + step for y in (2001, 2004))
    if (common.month, common.day) != (leap.month, leap.day):
        return PartialDate()
    return PartialDate(None, common.month, common.day)


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


def resolve_weekday(
    weekday: int, modifier: str | None, published: PartialDate | None, ahead: bool = False
) -> PartialDate:
    """The weekday on or before publication; "прошлый" strictly before; "следующий" after; on or
    after it when the sentence speaks of the future (``ahead``: «встретится в четверг»)."""
    if published is None or published.precision != "day":
        return PartialDate()
    pub = published.to_date()
    back = (pub.weekday() - weekday) % 7
    direction = WEEKDAY_MODIFIERS.get(modifier, 0) if modifier else 0
    if direction < 0:
        back = back or 7
    elif direction > 0:
        back = -((weekday - pub.weekday()) % 7 or 7)
    elif ahead:
        back = -((weekday - pub.weekday()) % 7)
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


_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")


def speaks_of_future(text: str, start: int, end: int) -> bool:
    """Is the verb form nearest to text[start:end], in its sentence, in the future tense
    («министр встретится с коллегой во вторник»; not «прибыл во вторник»)? News date past
    events by weekday more often, so without a verb the answer is no."""
    from ..morph import parse  # lazy, as in eve_is_preposition

    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    best = None
    for m in _WORD.finditer(text, left, right):
        if start <= m.start() < end:
            continue
        tag = parse(m.group(0).lower())[0].tag
        # a participle or gerund dates the words next to it too («прибывший в понедельник»)
        if tag.POS in ("VERB", "PRTF", "PRTS", "GRND") and tag.tense in ("past", "futr", "pres"):
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, tag.tense)
    return best is not None and best[1] == "futr"
