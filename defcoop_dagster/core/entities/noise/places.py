"""Places that natasha reads as persons: «Шуша - один из …», «Баку», «Нагорного Карабаха»."""

from functools import lru_cache

from ...gazetteers import countries
from ...lang import lexicon, morph
from ...lang.spelling import CYRILLIC_WORD, fold

_INDECLINABLE_ENDINGS = ("и", "ы", "е", "о", "у")
_PERSON_TAGS = ("Surn", "Name", "Patr")


def _simple_forms(name: str) -> set[str]:
    """Case forms of a one-word place name by its ending (enough for the regional places)."""
    low = fold(name)
    if low.endswith(_INDECLINABLE_ENDINGS):
        return {low}  # Ханкенди, Ходжалы, Агдере
    if low.endswith("а"):
        stem = low[:-1]
        soft = stem.endswith(("ж", "ш", "ч", "щ", "ц", "к", "г", "х"))
        return {low, stem + ("и" if soft else "ы"), stem + "е", stem + "у", stem + "ой", stem + "ою"}
    if low.endswith("ь"):
        stem = low[:-1]
        return {low, stem + "и", stem + "ью"}
    return {low, low + "а", low + "у", low + "ом", low + "е"}


@lru_cache(maxsize=1)
def _region_forms() -> frozenset[str]:
    """Case forms of the places pymorphy2 does not tag as places (``words/region_places.txt``)."""
    return frozenset(f for name in lexicon.words("region_places") for f in _simple_forms(name))


def _geox_word(word: str) -> bool:
    """``word`` is in pymorphy2's dictionary, its most likely reading is a place, and no reading is
    a person's name: Шуша, Москве, Лачина yes; Киров, Королёв, Нестерова (towns and surnames),
    Тана (тан) no.  Guessed parses of unknown words are ignored: the predictor tags foreign
    surnames Geox by their endings (Мурси, Помпео)."""
    mv = morph.morph_vocab()
    if not mv.word_is_known(word):
        return False
    parses = mv.parse(word)
    return "Geox" in parses[0].tag and not any(t in p.tag for p in parses for t in _PERSON_TAGS)


@lru_cache(maxsize=4096)
def is_place_name(text: str) -> bool:
    """True if a span natasha tagged PER names a place: a regional town (Шуша, Шуше, Ханкенди),
    a capital or state from the gazetteer (Баку), a word pymorphy2 tags Geox and never as a
    person (see _geox_word), or adjectives + such a word (Нагорного Карабаха).  False for people
    (Закир Гасанов, Алиев, Шойгу, Герасимов) and for words that are both (Киров): natasha's PER
    stands then.  Text alone cannot tell «Маас» the river from Heiko Maas; callers that see the
    whole article should keep a PER whose surname is also in a full name there."""
    words = text.split()
    if not words or not all(CYRILLIC_WORD.fullmatch(w) for w in words):
        return False
    found = countries.find_countries(text, capitals=True)
    if (
        len(found) == 1
        and (found[0].start, found[0].end) == (0, len(text))
        and found[0].kind not in {"adjective", "org"}
        and not set(found[0].codes) & countries.ORG_CODES
    ):
        return True
    last = words[-1]
    if not (fold(last) in _region_forms() or _geox_word(last)):
        return False
    # Every word before the place must be an adjective (Нагорный Карабах), never a first name.
    for w in words[:-1]:
        best = morph.morph_vocab().parse(w)[0]
        if not ({"ADJF", "PRTF"} & best.tag.grammemes) or any(t in best.tag for t in _PERSON_TAGS):
            return False
    return True
