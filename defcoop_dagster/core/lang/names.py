"""People's names put in the nominative, word by word, from the case they stand in and the person's gender.

pymorphy2 knows common first names and Russian surnames; for the rest of the world's names
(«Нгуен Ти Винем», «Собирзода», «Лулы да Силвы») it guesses from the ending as if the name were
a Russian noun, and natasha keeps such words as written. Russian declines foreign names by a few
regular patterns, so the nominative is found by undoing them:

* a consonant-final masculine name takes -а, -у, -ом, -е (Хренина, Хренину, Хрениным: -ов/-ин
  surnames take -ым), a soft one -я, -ю, -ем (Винем → Винь, Сергеем → Сергей);
* a name in -а/-я, of either gender, takes -ы/-и, -е, -у, -ой/-ей (Лулы → Лула, Мирзой → Мирза);
* feminine surnames in -ова/-ина/-ская take -ой (Ивановой), -ую (Вишневскую);
* names in -о, -у, -ю, -и, -е, -э after a consonant, a few foreign endings (``words/
  indeclinable_name_endings.txt``: -зода, -заде, -оглу, -ко…) and consonant-final feminine names
  are not declined at all («с Эмомали Собирзода», «с Кристин Ламбрехт»).

A word whose ending does not fit the case the name stands in is taken for indeclinable and stays
as written: in «с Жилберту Антониу Сабойо Бурньером» only «Бурньером» shows the instrumental.
Cases and genders are pymorphy2's (OpenCorpora) names: nomn, gent, datv, accs, ablt, loct; masc, femn.
"""

from functools import cache

from pymorphy2.analyzer import Parse

from . import lexicon
from .morph import morph_vocab

NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
VOWELS = frozenset("аеёиоуыэюя")
HUSHING = frozenset("жшщчц")  # after them the soft instrumental -ем belongs to a hard stem (Вучичем)
VELARS = frozenset("кгхжшчщ")  # after them Russian writes -и where other stems take -ы
POSSESSIVE = ("ов", "ев", "ёв", "ин", "ын")  # Russian surnames declined partly like adjectives

# (ending written, ending of the nominative, genders it applies to, what the stem must end in).
# Gender None (not known) declines as masculine: most officials are men. Masculine names in -а/-я
# decline like feminine ones (_A). Longer endings first.
_M, _F, _A, _FN = {"masc", None}, {"femn"}, {"masc", "femn", None}, {"femn", None}
_GEN_ADJ = [("ого", "ий", _M, "velar"), ("его", "ий", _M, ""), ("ого", "ый", _M, "consonant")]
_ADJECTIVAL = {  # surnames declined as adjectives: Вишневский, Носатый, Вишневская
    "gent": [*_GEN_ADJ, ("ской", "ская", _FN, "")],
    "datv": [
        ("ому", "ий", _M, "velar"),
        ("ему", "ий", _M, ""),
        ("ому", "ый", _M, "consonant"),
        ("ской", "ская", _FN, ""),
    ],
    "accs": [*_GEN_ADJ, ("скую", "ская", _FN, "")],
    "ablt": [("ским", "ский", _M, ""), ("цким", "цкий", _M, ""), ("ской", "ская", _FN, "")],
    "loct": [
        ("ском", "ский", _M, ""),
        ("цком", "цкий", _M, ""),
        ("ом", "ый", _M, "consonant"),
        ("ской", "ская", _FN, ""),
    ],
}
_FEMININE_POSSESSIVE = [("овой", "ова", _FN, ""), ("евой", "ева", _FN, ""), ("иной", "ина", _FN, "")]
_TABLE: dict[str, list[tuple[str, str, set, str]]] = {
    "gent": [
        *_ADJECTIVAL["gent"],
        *_FEMININE_POSSESSIVE,
        ("а", "", _M, "consonant"),
        ("я", "й", _M, "vowel"),
        ("я", "ь", _M, "consonant"),
        ("ы", "а", _A, "consonant"),
        ("ии", "ия", _A, ""),
        ("ьи", "ья", _A, ""),
        ("йи", "йя", _A, ""),
        ("и", "а", _A, "velar"),
    ],
    "datv": [
        *_ADJECTIVAL["datv"],
        *_FEMININE_POSSESSIVE,
        ("у", "", _M, "consonant"),
        ("ю", "й", _M, "vowel"),
        ("ю", "ь", _M, "consonant"),
        ("ии", "ия", _A, ""),
        ("ье", "ья", _A, ""),
        ("йе", "йя", _A, ""),
    ],
    "accs": [
        *_ADJECTIVAL["accs"],
        ("а", "", _M, "consonant"),
        ("я", "й", _M, "vowel"),
        ("я", "ь", _M, "consonant"),
        ("ю", "я", _A, ""),
    ],
    "ablt": [
        *_ADJECTIVAL["ablt"],
        ("овой", "ова", _FN, ""),
        ("евой", "ева", _FN, ""),
        ("иной", "ина", _FN, ""),
        ("ым", "", _M, "possessive"),
        ("ым", "ый", _M, "consonant"),
        ("ом", "", _M, "consonant"),
        ("ем", "й", _M, "vowel"),
        ("ем", "", _M, "hushing"),
        ("ем", "ь", _M, "soft"),
        ("ём", "ь", _M, "consonant"),
        ("ой", "а", _A, "consonant"),
        ("ей", "я", _A, ""),
        ("ью", "ь", _F, "consonant"),
    ],
    "loct": [
        *_ADJECTIVAL["loct"],
        *_FEMININE_POSSESSIVE,
        ("е", "", _M, "possessive"),
        ("ии", "ия", _A, ""),
        ("ье", "ья", _A, ""),
        ("йе", "йя", _A, ""),
        ("е", "й", _M, "vowel"),
    ],
}
# Endings that are also how foreign names end in the nominative (Гуангли, Драгоне, Жилберту): undone
# only when pymorphy2's dictionary or another mention of the person says so, never by default.
_DOUBTFUL: dict[str, list[tuple[str, str, set, str]]] = {
    "gent": [("и", "я", _A, "vowel"), ("и", "я", _A, "consonant")],
    "datv": [("е", "а", _A, "consonant"), ("е", "я", _A, "consonant")],
    "accs": [("у", "а", _A, "consonant")],
    "loct": [("е", "", _M, "consonant"), ("е", "а", _A, "consonant"), ("е", "я", _A, "consonant")],
}


@cache
def indeclinable_endings() -> tuple[str, ...]:
    return tuple(sorted(lexicon.words("indeclinable_name_endings"), key=len, reverse=True))


def _stem_fits(stem: str, condition: str) -> bool:
    if len(stem) < 2:
        return False
    last = stem[-1]
    return {
        "": True,
        "consonant": last not in VOWELS and last not in "ьъй",
        "vowel": last in VOWELS,
        "velar": last in VELARS,
        "hushing": last in HUSHING,
        "soft": last not in VOWELS and last not in HUSHING and last not in "ьъй",
        "possessive": stem.endswith(POSSESSIVE),
    }[condition]


def is_indeclinable(word: str, gender: str | None = None) -> bool:
    """A name Russian does not decline: by a foreign ending (-зода, -оглу, -ко…), or a feminine
    name ending in a consonant («Ламбрехт» of a woman)."""
    w = word.lower()
    if w.endswith(("ого", "его")) and len(w) > 5:
        return False  # an adjectival surname's genitive («Носатого»), not a name in -о
    if w.endswith(indeclinable_endings()):
        return True
    return gender == "femn" and w[-1:] not in VOWELS and w[-1:] not in "ьй"


def _from_dictionary(parse) -> bool:
    """A parse of a word the dictionary holds, not a guess from its ending or a known tail
    («Хаваджи» read as «хаваджи» of every case by analogy is a guess)."""
    stack = parse.methods_stack
    return len(stack) == 1 and type(stack[0][0]).__name__ == "DictionaryAnalyzer"


@cache
def dictionary_nominatives(word: str, case: str, gender: str | None) -> list[str]:
    """Nominatives pymorphy2's dictionary (not its guesser) gives ``word`` as a name in ``case``."""
    out = []
    # a declined reading before an indeclinable one: «Марку» is Марк's dative before it is Марку
    parses = sorted(morph_vocab().parse(word.lower()), key=lambda p: "Fixd" in p.tag)
    for p in parses:
        if not NAME_TAGS & set(p.tag.grammemes) or p.tag.case != case or "Infr" in p.tag:
            continue
        if not _from_dictionary(p):
            continue
        if gender and p.tag.gender is not None and p.tag.gender != gender and "ms-f" not in p.tag:
            continue
        # natasha's MorphForm.inflect takes UD grammemes; pymorphy2's own takes OpenCorpora ones
        nominative = Parse.inflect(p, {"nomn", "sing"}) or Parse.inflect(p, {"nomn"})
        if nominative is not None and nominative.word not in out:
            out.append(nominative.word)
    return out


@cache
def first_name_reading(word: str, case: str | None = None) -> tuple[frozenset[str], str | None]:
    """(cases, gender) of ``word`` as a first name pymorphy2's dictionary knows; (set(), None) if it
    knows none. With ``case``, the gender of its readings in that case only («Мевлюту» is the
    accusative of the woman's name Мевлюта, and the dative of the man's name Мевлют, which the
    dictionary lacks). The gender is given only when those readings agree."""
    cases, genders = set(), set()
    for p in morph_vocab().parse(word.lower()):
        if "Name" in p.tag and p.tag.number == "sing" and "Infr" not in p.tag and _from_dictionary(p):
            cases.add(p.tag.case)
            if case is None or p.tag.case == case:
                genders.add(p.tag.gender)
    return frozenset(cases), (genders.pop() if len(genders) == 1 else None)


def gender_shown(word: str, case: str | None) -> str | None:
    """The gender a declined name word shows in ``case``: «Айюба» (Gen) can only be a man's,
    «Ивановой» (Gen) only a woman's; None when it shows neither or both."""
    rows = _TABLE.get(case or "", [])
    w = word.lower()
    male, female = bool(_undo(w, rows, "masc")), bool(_undo(w, rows, "femn"))
    return "masc" if male and not female else "femn" if female and not male else None


@cache
def possible_cases(word: str) -> frozenset[str] | None:
    """The cases a name word may stand in as written: those whose endings it shows and those the
    dictionary reads it in, else the nominative. None when it says nothing: it is indeclinable."""
    w = word.rpartition(".")[2].lower()
    if not w[:1].isalpha() or is_indeclinable(w):
        return None
    out = {case for case, rows in _TABLE.items() if _undo(w, rows, None) or _undo(w, rows, "femn")}
    # the dictionary's indeclinable names («Агиль» of a woman) fit every case and say nothing
    parses = morph_vocab().parse(w)
    named = [p for p in parses if NAME_TAGS & set(p.tag.grammemes) and "Fixd" not in p.tag]
    out |= {p.tag.case for p in named if _from_dictionary(p)}
    return frozenset(out or {"nomn"})


def word_nominatives(word: str, case: str | None, gender: str | None = None) -> list[str]:
    """Candidate nominatives of one written name word standing in ``case``, most likely first.
    [word] alone when it is nominative, indeclinable, or its ending does not fit the case."""
    return list(_word_nominatives(word, case, gender))


@cache
def _word_nominatives(word: str, case: str | None, gender: str | None) -> tuple[str, ...]:
    if not case or case == "nomn" or "." in word or not word[:1].isalpha() or word.isupper():
        return (word,)
    if "-" in word:
        # only the last part is declined («Кара-Мурзы», «Раси-заде»); Russian double surnames that
        # decline both parts («Римского-Корсакова») are rare among foreign officials
        head, _, last = word.rpartition("-")
        return tuple(dict.fromkeys(f"{head}-{t}" for t in (*word_nominatives(last, case, gender), last)))
    if is_indeclinable(word, gender):
        return (word,)
    lower = word.lower()
    known = dictionary_nominatives(word, case, gender)
    ruled, doubtful = _undo(lower, _TABLE.get(case, []), gender), _undo(lower, _DOUBTFUL.get(case, []), gender)
    ordered = [*known, *ruled, lower, *doubtful] if known or ruled else [lower, *doubtful]
    return tuple(_shape(w, word) for w in dict.fromkeys(ordered))


def _undo(word: str, rows: list[tuple[str, str, set, str]], gender: str | None) -> list[str]:
    out = []
    for ending, nominative_ending, genders, condition in rows:
        stem = word[: -len(ending)]
        if word.endswith(ending) and gender in genders and _stem_fits(stem, condition):
            out.append(_spelled(stem + nominative_ending))
    return out


def _spelled(word: str) -> str:
    """Russian spelling after ж, ш, ч, щ, ц: «а», «у», not «я», «ю» («Хаваджей» is «Хаваджа»)."""
    if len(word) > 1 and word[-2] in "жшчщц" and word[-1] in "яю":
        return word[:-1] + {"я": "а", "ю": "у"}[word[-1]]
    return word


def _shape(new: str, written: str) -> str:
    """``new`` in the letter case of ``written`` (capitalised name parts)."""
    if "ё" in new and "ё" not in written.lower():
        new = new.replace("ё", "е")  # the dictionary's spelling, not the text's
    if written[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in new.split("-"))
    return new


def lone_first_name(name: str) -> bool:
    """A name of one word that is a first name ("Барак"): nobody's surname to look up."""
    words = name.split()
    return len(words) == 1 and bool(first_name_reading(words[0])[0])
