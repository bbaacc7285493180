"""Regular-expression building blocks of Russian dates, shared by parsing one expression
(:mod:`.parse`), finding dates in a body (:mod:`.find`) and reading written years (:mod:`.years`).

The patterns run over text with ё folded to е (``fold``: same length, offsets survive) and are
compiled case-insensitively.
"""

import re

from .vocabulary import DAY_ORDINALS, DAY_TENS, MONTH_ABBREVIATIONS, MONTH_FORMS, PERIOD_MODIFIERS, WEEKDAY_FORMS


def alternation(words) -> str:
    """A regex alternation, longest first so that 'января' wins over 'янв'."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def fold(text: str) -> str:
    """ё -> е: the same length, so offsets survive, and one spelling for the patterns."""
    return text.replace("ё", "е").replace("Ё", "Е")


NOT_LETTER = r"(?![а-яёa-z])"
# the hyphen, the dashes and the minus sign (U+2010..U+2015, U+2212): texts write ranges with any of them
DASHES = r"\-\u2010-\u2015\u2212"
DASH = rf"\s*[{DASHES}]\s*"
_MONTH_NAMES = alternation(w.replace("ё", "е") for w in MONTH_FORMS)
# A month word: a full form, or an abbreviation with an optional dot.
MONTH_WORD = (
    rf"(?:(?:{_MONTH_NAMES}){NOT_LETTER}"
    rf"|(?:{alternation(w for w in MONTH_ABBREVIATIONS if not w.endswith('.'))}){NOT_LETTER}\.?)"
)
# Full forms only: an abbreviation alone is too ambiguous ("мар", "дек").
MONTH_FULL_WORD = rf"(?:{_MONTH_NAMES}){NOT_LETTER}"
WEEKDAY_WORD = rf"(?:{alternation(WEEKDAY_FORMS)}){NOT_LETTER}"
# A day of the month, "1-го" and "25-е" included; DAY also may not follow a word, a dot or a
# colon (a time, a version number, a date already read).
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:-?(?:го|ого|е))?(?!\d)"
# or written as a word, as quoted speech and official texts do: "двадцать пятого мая" (``day_number`` reads it)
DAY_WORDS = rf"(?<![\w-])(?:(?:{alternation(DAY_TENS)})\s+)?(?:{alternation(DAY_ORDINALS)}){NOT_LETTER}"
DAY = rf"(?:(?<![\w.:/-]){DAY_NUMBER}|{DAY_WORDS})"
YEAR4 = r"(?:19\d\d|20\d\d|2100)"
# A year glued to a word, a hyphen or digits is a code, a phone number or an event name.
YEAR_START = rf"(?<![\w.,/+{DASHES}])"
# "2017-м году", "2018-го года"
YEAR_ORDINAL = r"(?:-(?:го|м|й))?"
# "в 2018-м", "2018-го": a year by its ordinal ending alone
ORDINAL_YEAR = rf"-(?:го|м){NOT_LETTER}"
# "г.", "гг.", "год", "года", "году", "годом", "годах", "годов", "годы"
YEAR_WORD = rf"(?:гг?\.|гг?{NOT_LETTER}|год(?:а|у|ом|ах|ов|ы)?{NOT_LETTER})"
# The year after a day or month: "18 мая 2021 года", "октябре, 2022 г."
YEAR_TAIL = rf"\s*,?\s*(?P<y>{YEAR4})(?!\d){YEAR_ORDINAL}(?:\s*{YEAR_WORD})?"
# A modifier of a relative period, with its adjective ending: "прошлом", "этой", "следующего".
PERIOD_MODIFIER = (
    rf"(?P<mod>{alternation(PERIOD_MODIFIERS)})(?:ого|его|ому|ему|ом|ем|ый|ий|ым|им|ой|ей|ую|юю|ая|яя|от|у|а)"
)
# "... прошлого года" after a day or month: the year is relative to publication.
RELATIVE_YEAR = rf"\s+(?P<rmod>{alternation(PERIOD_MODIFIERS)})(?:ого|его)\s+года{NOT_LETTER}"
TIME = r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"


def iso_date(y: str = "y", m: str = "m", d: str = "d") -> str:
    """2025-07-31, its parts in the named groups."""
    return rf"(?P<{y}>{YEAR4})-(?P<{m}>\d{{2}})-(?P<{d}>\d{{2}})"


def numeric_date(d: str = "d", m: str = "m", y: str = "y") -> str:
    """10.11.2014, its parts in the named groups."""
    return rf"(?P<{d}>\d{{1,2}})\.(?P<{m}>\d{{1,2}})\.(?P<{y}>{YEAR4})"
