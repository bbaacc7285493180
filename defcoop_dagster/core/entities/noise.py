"""Rules that fix natasha's known NER mistakes in defence-cooperation news.

natasha's news NER is trained on general news; on our texts it reads misspelt country names as
persons («Азербайдажан»), Karabakh towns as persons («Шуша - один из …»), datelines as
organisations («ТБИЛИСИ, 24 апр»), page chrome as entities («Фото-Видео») and, without a good
parse, puts every word of an organisation in the nominative («Министерство оборона»).  Each rule
here is a small pure function over the span text so that callers (``mentions``, ``people``) can
apply them in their own order.  Plain Python; no Dagster.
"""

from __future__ import annotations

import re
from functools import lru_cache

from natasha.shape import recover_shape
from pymorphy2.analyzer import Parse

from ..gazetteers import countries
from ..lang import morph

__all__ = [
    "in_dateline",
    "is_chrome_word",
    "is_place_name",
    "misspelt_country",
    "normalize_org",
]

_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


# --- misspelt country names ---------------------------------------------------------------------

MIN_LETTERS = 6  # shorter words are too close to too many others (Ирана/Ирина, Чили/Чими)
MAX_EDITS = 2
LONG_WORD = 9  # two edits only from this length; one below it (Невада/Непала, Гибсона/Габона are 2)
# Person-name endings: a word ending so is a surname unless the country form ends the same way
# (Грузинов ~ Грузией, Армянов ~ Армении, Иранов ~ Ирана are people).
_SURNAME_ENDINGS = (
    "ов",
    "ев",
    "ин",
    "ын",
    "ова",
    "ева",
    "ина",
    "ына",
    "ский",
    "цкий",
    "ская",
    "цкая",
    "швили",
    "дзе",
    "ян",
    "янц",
    "енко",
    "ук",
    "юк",
)


@lru_cache(maxsize=1)
def _country_forms() -> dict[int, list[tuple[str, str]]]:
    """{length: [(lower-cased one-word form of a state's name, ISO3)]}: every case form of the
    short names (Азербайджан, Азербайджана, Беларусью …) the gazetteer matches."""
    by_len: dict[int, list[tuple[str, str]]] = {}
    for form, codes in countries.surface_forms("name").items():
        if len(codes) == 1 and _CYRILLIC_WORD.fullmatch(form):
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
    words with a surname ending that the country form lacks (Армянов), and words equally close to
    two states.  Measured on ~1,900 corpus articles, looser limits mostly caught foreign names
    (Невада → Непал, Гибсона → Габон, Лахоре → Лаос)."""
    word = text.strip()
    if not _CYRILLIC_WORD.fullmatch(word) or len(word) < MIN_LETTERS:
        return None
    low = _fold(word)
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
    for ending in _SURNAME_ENDINGS:
        if low.endswith(ending) and not best_form.endswith(ending):
            return None
    return codes.pop()


# --- place names read as persons ----------------------------------------------------------------

# Places of the Karabakh conflict and the region that pymorphy2 does not tag Geox (or does not know).
_REGION_PLACES = (
    "Ханкенди",
    "Ходжалы",
    "Ходжавенд",
    "Агдере",
    "Губадлы",
    "Зангилан",
    "Джебраил",
    "Кельбаджар",
    "Гадрут",
    "Мартуни",
    "Мартакерт",
    "Аскеран",
    "Тертер",
    "Агдам",
    "Физули",
    "Лачин",
    "Шуша",
    "Шуши",
    "Степанакерт",
    "Гянджа",
    "Сумгаит",
    "Нахичевань",
    "Карабах",
    "Арцах",
    "Ширак",
    "Гюмри",
    "Ванадзор",
    "Батуми",
    "Кутаиси",
    "Сухум",
    "Сухуми",
    "Цхинвал",
    "Цхинвали",
)
_FIXED_ENDINGS = ("и", "ы", "е", "о", "у")


def _simple_forms(name: str) -> set[str]:
    """Case forms of a one-word place name by its ending (enough for these names)."""
    low = _fold(name)
    if low.endswith(_FIXED_ENDINGS):
        return {low}  # indeclinable (Ханкенди, Ходжалы, Агдере)
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
    return frozenset(f for name in _REGION_PLACES for f in _simple_forms(name))


_PERSON_TAGS = ("Surn", "Name", "Patr")


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
    if not words or not all(_CYRILLIC_WORD.fullmatch(w) for w in words):
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
    if not (_fold(last) in _region_forms() or _geox_word(last)):
        return False
    # Every word before the place must be an adjective (Нагорный Карабах), never a first name.
    for w in words[:-1]:
        best = morph.morph_vocab().parse(w)[0]
        if not ({"ADJF", "PRTF"} & best.tag.grammemes) or any(t in best.tag for t in _PERSON_TAGS):
            return False
    return True


# --- page chrome ----------------------------------------------------------------------------------

# Menu, sharing and credit words that site templates print and natasha reads as entities.
# Agencies (Sputnik, REUTERS, ТАСС) are real organisations and stay.
_CHROME = frozenset(
    {
        "фото",
        "видео",
        "аудио",
        "фото видео",
        "видео фото",
        "фоторепортаж",
        "видеорепортаж",
        "инфографика",
        "галерея",
        "фотогалерея",
        "поделиться",
        "подписаться",
        "подписывайтесь",
        "читайте также",
        "читать также",
        "читать далее",
        "подробнее",
        "реклама",
        "редакция",
        "главная",
        "меню",
        "поиск",
        "войти",
        "вход",
        "регистрация",
        "комментарии",
        "комментировать",
        "архив",
        "контакты",
        "погода",
        "курс валют",
        "лента новостей",
        "все новости",
        "версия для печати",
        "социальные сети",
        "share",
        "tweet",
        "print",
        "photo",
        "video",
        "menu",
        "login",
        "subscribe",
        "advertisement",
        "banner",
    }
)
_SEPARATORS = re.compile(r"[\s\-‐‑–—/,|•:]+")
_CREDIT = re.compile(r"©|\(c\)|^(?:фото|видео|photo|источник|автор фото)\s*[:©]", re.IGNORECASE)


def is_chrome_word(text: str) -> bool:
    """True for page chrome read as an entity: «Фото-Видео», «ПОДЕЛИТЬСЯ», «Фото», «Читайте также»,
    photo credits («Фото ©REUTERS»).  «Sputnik» and other agencies are not chrome."""
    s = text.strip().strip("«»\"'“”„()[]!.")
    if not s:
        return False
    if _CREDIT.search(s):
        return True
    return _SEPARATORS.sub(" ", _fold(s)).strip() in _CHROME


# --- dateline ---------------------------------------------------------------------------------------


def in_dateline(start: int, dateline_end: int) -> bool:
    """True if a span starting at ``start`` lies in the dateline («ТБИЛИСИ, 24 апр — Sputnik.»),
    which ends at ``dateline_end`` (0 when the article has none)."""
    return 0 <= start < dateline_end


# --- organisation normal forms ----------------------------------------------------------------------

_ADJ_TAGS = frozenset({"ADJF", "PRTF"})


def _shape(new: str, written: str) -> str:
    """``new`` in the letter case of ``written`` (natasha's helper gives up when lengths differ)."""
    out = recover_shape(new, written)
    return out[0].upper() + out[1:] if out and written[:1].isupper() and out[:1].islower() else out


_NUMBERED = re.compile(r"([А-Яа-яЁё]+)(-\d[\w.]*)")  # «потока-2», «Искандер-М» is not numbered


def _as_written(word: str) -> bool:
    """Words an inflection would damage: Latin, digits, quotes, abbreviations (МО, ОДКБ, НПЦИиОМ)."""
    if not _CYRILLIC_WORD.fullmatch(word):
        return True
    return word.isupper() or any(c.isupper() for part in word.split("-") for c in part[1:])


def _is_adjective(word: str) -> bool:
    # Any reading, not the best one: «Главного» is first the noun «главное».
    return any(_ADJ_TAGS & p.tag.grammemes and "Abbr" not in p.tag for p in morph.morph_vocab().parse(word))


def _head_index(words: list[str]) -> int:
    """Index of the head: the first word that is not an agreeing adjective/participle (a noun, an
    abbreviation, a Latin or quoted word)."""
    for i, w in enumerate(words):
        if _as_written(w) or not _is_adjective(w):
            return i
    return len(words) - 1


def _is_nominative_of(candidate: str, word: str, pos: set[str]) -> bool:
    """``candidate`` is a nominative form of (one reading of) ``word`` with a POS in ``pos``."""
    mv = morph.morph_vocab()
    lemmas = {p.normal_form for p in mv.parse(word) if pos & p.tag.grammemes}
    return any("nomn" in p.tag and pos & p.tag.grammemes and p.normal_form in lemmas for p in mv.parse(candidate))


def _nominative_noun(word: str, hint: str | None, adjective: str | None = None):
    """(nominative of the head noun, its pymorphy2 parse in that form or None).  An adjective
    written before the head settles its number: «газопроводной компании» is singular although
    «компании» alone may be a nominative plural (which natasha then leaves as it is)."""
    numbered = _NUMBERED.fullmatch(word)
    if numbered:  # «Северного потока-2»: inflect the word, keep the number
        stem_hint = hint.rsplit("-", 1)[0] if hint and "-" in hint else None
        stem, parse = _nominative_noun(numbered.group(1), stem_hint, adjective)
        return stem + numbered.group(2), parse
    mv = morph.morph_vocab()
    parses = mv.parse(word)
    if _as_written(word) or "NOUN" not in parses[0].tag:
        return word, None  # not a noun at all (a preposition «Из …» starting a bad span): as written
    nouns = [p for p in parses if "NOUN" in p.tag]
    if adjective is not None and mv.word_is_known(adjective):
        adjs = [a for a in mv.parse(adjective) if _ADJ_TAGS & a.tag.grammemes]
        agreeing = [n for n in nouns if any((a.tag.case, a.tag.number) == (n.tag.case, n.tag.number) for a in adjs)]
        nouns = agreeing or nouns
    numbers = {n.tag.number for n in nouns}
    if hint and _is_nominative_of(hint, word, {"NOUN"}):
        nom = next((p for p in mv.parse(hint) if "NOUN" in p.tag and "nomn" in p.tag and p.tag.number in numbers), None)
        if nom is not None or not nouns:
            return _shape(_fold(hint), word), nom
    if not mv.word_is_known(word):
        # pymorphy2 only guesses unknown words (Бильд → plural of «бильда»): natasha's form or as written
        return (_shape(_fold(hint), word) if hint else word), None
    if not nouns:
        return word, None
    parse = nouns[0]
    nom = parse if "nomn" in parse.tag else parse.inflect({"Nom"})
    if nom is None:
        return word, None
    return _shape(nom.word, word), nom


def _agreeing_adjective(word: str, head, hint: str | None) -> str:
    """``word`` (an adjective before the head) in the nominative, agreeing with the head."""
    if hint and _is_nominative_of(hint, word, set(_ADJ_TAGS)) and _agrees(hint, head):
        return _shape(_fold(hint), word)
    if hint and not morph.morph_vocab().word_is_known(word):
        return _shape(_fold(hint), word)
    adjs = [p for p in morph.morph_vocab().parse(word) if _ADJ_TAGS & p.tag.grammemes]
    if not adjs:
        return word
    grams = {"nomn"}
    if head is not None:
        number = head.tag.number or "sing"
        grams.add(number)
        if number == "sing" and head.tag.gender in {"masc", "femn", "neut"}:
            grams.add(head.tag.gender)
    form = _oc_inflect(adjs[0], grams)
    return _shape(form.word, word) if form is not None else word


def _has_nominative_adjective(word: str) -> bool:
    return any(_ADJ_TAGS & p.tag.grammemes and "nomn" in p.tag for p in morph.morph_vocab().parse(word))


def _agrees(adjective: str, head) -> bool:
    """A nominative reading of ``adjective`` has the head's number (and gender in the singular)."""
    if head is None:
        return True
    for p in morph.morph_vocab().parse(adjective):
        same_number = "nomn" in p.tag and p.tag.number == head.tag.number
        if same_number and (head.tag.number != "sing" or p.tag.gender in (None, head.tag.gender)):
            return True
    return False


def _oc_inflect(parse, grams: set[str]):
    # natasha's MorphForm.inflect takes UD grammemes; pymorphy2's own method takes OpenCorpora ones.
    return Parse.inflect(parse, grams)


def normalize_org(span_text: str, natasha_normal: str) -> str:
    """Nominative normal form of an organisation span: the head (first noun) and the adjectives
    before it go to the nominative, every word after the head keeps its case as written.

    «Министерства обороны» → «Министерство обороны» (natasha may give «Министерство оборона»),
    «Генерального штаба Вооруженных сил» → «Генеральный штаб Вооруженных сил».  natasha's own
    words are reused for the head part when they are nominative forms of the written words (its
    tagger saw the context, e.g. singular vs plural «Министерства»); otherwise pymorphy2 decides.
    One-word spans keep natasha's normal form."""
    words = span_text.split()
    if len(words) < 2:
        return natasha_normal or span_text
    hints = natasha_normal.split() if natasha_normal else []
    aligned = len(hints) == len(words)
    head = _head_index(words)
    before = words[head - 1] if head > 0 else None
    head_word, head_parse = _nominative_noun(words[head], hints[head] if aligned else None, before)
    # A head written in the nominative has its adjectives in the nominative too; re-inflecting
    # them from a guessed head only breaks them (Национальная Медиа Группа).
    nominative_head = head_word == words[head]
    out = [
        w
        if nominative_head and _has_nominative_adjective(w)
        else _agreeing_adjective(w, head_parse, hints[i] if aligned else None)
        for i, w in enumerate(words[:head])
    ]
    out.append(head_word)
    out.extend(words[head + 1 :])
    return " ".join(out)
