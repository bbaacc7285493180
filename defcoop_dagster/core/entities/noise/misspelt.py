"""Misspelt state names that natasha reads as persons («Азербайдажан», «Казахтан»)."""

from functools import lru_cache

from ...gazetteers import countries
from ...lang import lexicon, morph
from ...lang.spelling import CYRILLIC_WORD, fold

MIN_LETTERS = 6  # shorter words are too close to too many others (Ирана/Ирина, Чили/Чими)
MAX_EDITS = 2
LONG_WORD = 9  # two edits only from this length; one below it (Невада/Непала, Гибсона/Габона are 2)


@lru_cache(maxsize=1)
def _country_forms() -> dict[int, list[tuple[str, str]]]:
    """{length: [(lower-cased one-word form of a state's name, ISO3)]}: every case form of the
    short names (Азербайджан, Азербайджана, Беларусью …) the gazetteer matches."""
    by_len: dict[int, list[tuple[str, str]]] = {}
    for form, codes in countries.surface_forms("name").items():
        if len(codes) == 1 and CYRILLIC_WORD.fullmatch(form):
            by_len.setdefault(len(form), []).append((form, codes[0]))
    return by_len


def _osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (Levenshtein + adjacent transposition); > limit once
    every cell of a row exceeds it."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=4096)
def misspelt_country(text: str) -> str | None:
    """ISO3 code of the state a single word names with a typo or two («Азербайдажан»,
    «Азербайджна», «Казахтан» → AZE, AZE, KAZ), else None.

    Compared against every case form of the states' short names, by edit distance with adjacent
    transpositions: at most 1 edit for words of 6-8 letters, 2 from 9 letters, same first letter.
    A correctly spelt form returns its code too (distance 0).  Not matched: words under six
    letters, several words, dictionary words (Грузинов, Казаков are in pymorphy2's dictionary),
    words with a surname ending (``words/surname_endings.txt``) that the country form lacks
    (Армянов), and words equally close to two states.  Measured on ~1,900 corpus articles, looser
    limits mostly caught foreign names (Невада → Непал, Гибсона → Габон, Лахоре → Лаос)."""
    word = text.strip()
    if not CYRILLIC_WORD.fullmatch(word) or len(word) < MIN_LETTERS:
        return None
    low = fold(word)
    forms = _country_forms()
    exact = [code for key, code in forms.get(len(low), []) if key == low]
    if exact:
        return exact[0]
    if morph.morph_vocab().word_is_known(low):
        return None  # a real word that happens to be close to a country (грузин, казаков)
    limit = MAX_EDITS if len(low) >= LONG_WORD else 1
    best, codes, best_form = limit + 1, set(), ""
    for n in range(len(low) - limit, len(low) + limit + 1):
        for key, code in forms.get(n, []):
            if key[0] != low[0]:
                continue  # typos keep the first letter; foreign names differ there (Биране/Иране)
            d = _osa_distance(low, key, limit)
            if d < best:
                best, codes, best_form = d, {code}, key
            elif d == best:
                codes.add(code)
    if best > limit or len(codes) != 1:
        return None
    for ending in lexicon.words("surname_endings"):
        if low.endswith(ending) and not best_form.endswith(ending):
            return None
    return codes.pop()
