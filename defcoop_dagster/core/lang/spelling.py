"""Spelling that does not change a word: letter case and ё, and what a plain Cyrillic word is."""

import re

# One Cyrillic word, hyphenated parts allowed ("Нагорный", "Гвинея-Бисау"); no digits or Latin.
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def fold(text: str) -> str:
    """Lower case with ё written as е, for comparing words however a text spells them."""
    return text.lower().replace("ё", "е")
