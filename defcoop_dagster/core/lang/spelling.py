"""Spelling that does not change a word: letter case and ё, Latin look-alikes in Cyrillic words,
and what a plain Cyrillic word is."""

import re

# One Cyrillic word, hyphenated parts allowed ("Нагорный", "Гвинея-Бисау"); no digits or Latin.
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")

# Latin letters drawn like Cyrillic ones. Texts typed on a mixed keyboard or passed through OCR
# write «Cултаном» with a Latin C: to the dictionary, the tagger and the NER it is an unknown
# word, so the name is lost or left inflected.
_LOOKALIKES = str.maketrans("AaBCcEeHKkMOoPpTXxy", "АаВСсЕеНКкМОоРрТХху")
# a Cyrillic letter next to a Latin one: searched first, then only in the words (runs of \w) holding
# one, which is linear; one pattern for the whole word (\w*…\w*) tries every start in every word
_MIXED = re.compile(r"[А-Яа-яЁё][A-Za-z]|[A-Za-z][А-Яа-яЁё]")
_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[A-Za-z]")


def fold(text: str) -> str:
    """Lower case with ё written as е, for comparing words however a text spells them."""
    return text.lower().replace("ё", "е")


def fold_lookalikes(text: str) -> str:
    """``text`` with the Latin look-alike letters of words that mix both scripts written in
    Cyrillic («Cултаном» → «Султаном»). A word keeps its Latin letters when any of them has no
    Cyrillic twin («QURESHIИсламабад» is two words run together, not a misspelling); words in one
    script are untouched. Every letter is replaced by one letter, so offsets do not move."""

    def cyrillic(m: re.Match) -> str:
        word = m.group(0)
        if not _MIXED.search(word):
            return word
        folded = word.translate(_LOOKALIKES)
        return word if _LATIN.search(folded) else folded

    return _WORD.sub(cyrillic, text) if _MIXED.search(text) else text
