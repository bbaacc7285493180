"""The closed vocabulary of dates: month and weekday words, and words dating relative to publication.

The words are lexicon tables (``words/month_names.tsv``, ``month_abbreviations.tsv``,
``weekday_names.tsv``, ``weekday_abbreviations.tsv``, ``weekday_phrases.tsv``,
``relative_days.tsv``, ``relative_periods.tsv``, ``weekday_modifiers.tsv``, ``day_ordinals.tsv``,
``day_tens.tsv``).
"""

import re

from .. import lexicon


class _CaselessDict(dict):
    """A dict with lower-case keys that also answers 'Июнь', 'ЯНВАРЯ', 'Во вторник'."""

    def __getitem__(self, key):
        return super().__getitem__(key.lower() if isinstance(key, str) else key)

    def get(self, key, default=None):
        return super().get(key.lower() if isinstance(key, str) else key, default)

    def __contains__(self, key) -> bool:
        return super().__contains__(key.lower() if isinstance(key, str) else key)


def _numbers(table: str) -> dict[str, int]:
    return {word: int(number) for word, number in lexicon.table(table).items()}


#: Every case form of each month name (the words a date may use, not abbreviations).
MONTH_FORMS: dict[str, int] = _numbers("month_names")
#: Abbreviations, bare and with their dot ('янв', 'янв.').
MONTH_ABBREVIATIONS: dict[str, int] = {
    form: n for abbr, n in _numbers("month_abbreviations").items() for form in (abbr, abbr + ".")
}
#: Month word (any case form or abbreviation, optional trailing dot) -> 1..12.
#: Keys are lower case; lookups through ``[]``, ``get`` and ``in`` ignore case.
MONTHS: dict[str, int] = _CaselessDict({**MONTH_ABBREVIATIONS, **MONTH_FORMS})

#: Every case form of each weekday name -> 0..6 (Monday=0).
WEEKDAY_FORMS: dict[str, int] = _numbers("weekday_names")
#: "в/во + accusative" phrases, the way a text dates a day by its weekday ("во вторник").
WEEKDAY_PHRASES: dict[str, int] = _numbers("weekday_phrases")
#: Weekday word or "в/во + accusative" phrase -> 0..6 (Monday=0); also 'пн', 'пн.' ... 'вс'.
#: Keys are lower case; lookups ignore case. Abbreviations are for headers only ('вс' is also ВС).
WEEKDAYS: dict[str, int] = _CaselessDict(
    {
        **WEEKDAY_FORMS,
        **{form: n for abbr, n in _numbers("weekday_abbreviations").items() for form in (abbr, abbr + ".")},
        **WEEKDAY_PHRASES,
    }
)

# Relative to the publication date: days ("вчера": -1), periods ("в прошлом году": -1) and the
# direction of a weekday ("в прошлую пятницу": the Friday strictly before).
RELATIVE_DAYS: dict[str, int] = _numbers("relative_days")
PERIOD_MODIFIERS: dict[str, int] = _numbers("relative_periods")
WEEKDAY_MODIFIERS: dict[str, int] = _numbers("weekday_modifiers")


#: A day written as a word: its ordinal forms ("пятого": 5) and the tens before them ("двадцать": 20).
DAY_ORDINALS: dict[str, int] = _numbers("day_ordinals")
DAY_TENS: dict[str, int] = _numbers("day_tens")


def day_number(text: str) -> int:
    """The day of "25", "25-го", "пятого", "двадцать пятого" (ё folded or not, any case)."""
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group(0))
    words = text.lower().replace("ё", "е").split()
    return sum(DAY_TENS.get(w, 0) for w in words[:-1]) + DAY_ORDINALS[words[-1]]


def month_number(word: str) -> int | None:
    """1..12 for a month word in any case form or abbreviation ('Января', 'нояб.'), else None."""
    w = word.strip().lower().replace("ё", "е")
    return MONTHS.get(w) or MONTHS.get(w.rstrip("."))


def weekday_number(word: str) -> int | None:
    """0..6 (Monday=0) for a weekday word or "в/во ..." phrase, else None."""
    w = " ".join(word.strip().lower().split())
    return WEEKDAYS.get(w) if w in WEEKDAYS else WEEKDAYS.get(w.rstrip("."))
