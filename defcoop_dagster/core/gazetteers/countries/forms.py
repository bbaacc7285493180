"""Every case form of the gazetteer's names, generated with pymorphy2 from the nominatives.

A multi-word name inflects its head noun and the adjectives before it; what follows the head
stays as written ("Соединённых Штатов Америки"). pymorphy2 does not know every foreign name:
an unknown word with a vowel ending is taken as indeclinable (Уагадугу), one known only in
another role declines like a model place name of the same ending (Рияд like Багдад).
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ...lang import morph  # importing it applies the pymorphy2 fix for Python 3.11

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Readings that make a word a proper name rather than an ordinary word.
_PROPER_TAGS = {"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr", "Init"}
# Readings of function words (того, это, при …), which a capitalised sentence start hides.
_FUNCTION_TAGS = {"Apro", "NPRO", "PREP", "CONJ", "PRCL", "ADVB", "Anph"}
_FIXED_ENDINGS = ("о", "е", "и", "у", "ю", "э", "иа")
# Geographic names whose paradigm serves a name pymorphy2 only knows as something else
# (Рияд = plural of the name Рияда, Абеба = adverb, Велья), chosen by the final letter.
_MODELS = {"а": "анкара", "я": "гвинея", "": "багдад"}
_VOWELS = set("аеёиоуыэюяь")


def _pick(word: str, adjective: bool):
    """The parse of a nominative name word to inflect from; None if it does not decline, or a
    model word's paradigm (see _analogy) if pymorphy2 knows the word only in another role."""
    mv = morph.morph_vocab()
    parses = mv.parse(word)
    nomn = [p for p in parses if "nomn" in p.tag]
    if adjective:
        cands = [p for p in nomn if {"ADJF", "PRTF"} & p.tag.grammemes]
    else:
        nouns = [p for p in nomn if "NOUN" in p.tag]
        cands = [p for p in nomn if "Geox" in p.tag] or [p for p in nouns if "sing" in p.tag]
        if not cands and mv.word_is_known(word):
            cands = nouns  # a plural name (Штаты, Острова)
    if not mv.word_is_known(word) and word.lower().endswith(_FIXED_ENDINGS):
        return None  # unknown foreign word with a vowel ending: treat as indeclinable (Уагадугу)
    if not cands:
        return None if adjective else _analogy(word)
    return None if "Fixd" in cands[0].tag else cands[0]


def _analogy(word: str):
    low = word.lower()
    last = low[-1]
    model = _MODELS.get(last) or (_MODELS[""] if last not in _VOWELS else None)
    if model is None:
        return None
    base = next(p for p in morph.morph_vocab().parse(model) if "Geox" in p.tag and "nomn" in p.tag)
    return _Analogy(low, base)


@dataclass(frozen=True)
class _Analogy:
    """Duck-types the bits of a pymorphy2 Parse that _forms_by_case uses, for ``word`` declined
    like ``model``: each model form's ending replaces the word's ending."""

    word: str
    model: object

    @property
    def tag(self):
        return self.model.tag

    @property
    def lexeme(self):
        lemma = self.model.word
        out = []
        for f in self.model.lexeme:
            common = len(_common_prefix(lemma, f.word))
            cut = len(lemma) - common
            new = self.word[: len(self.word) - cut] + f.word[common:]
            out.append(_Form(new, f.tag))
        return out


@dataclass(frozen=True)
class _Form:
    word: str
    tag: object


def _common_prefix(a: str, b: str) -> str:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[:i]


def _is_adjective(word: str) -> bool:
    last = word.split("-")[-1]
    parses = morph.morph_vocab().parse(last)
    if any("Geox" in p.tag for p in parses):
        return False
    nomn = [p for p in parses if "nomn" in p.tag]
    return bool(nomn) and bool({"ADJF", "PRTF"} & nomn[0].tag.grammemes)


def _forms_by_case(parse) -> dict[str, list[str]]:
    """Forms of ``parse``'s lexeme by case, same number (and gender, if singular) and POS."""
    tag = parse.tag
    out: dict[str, list[str]] = {case: [] for case in CASES}
    for f in parse.lexeme:
        ft = f.tag
        if ft.case not in out or ft.number != tag.number or ft.POS != tag.POS:
            continue
        if tag.number == "sing" and tag.gender and ft.gender and ft.gender != tag.gender:
            continue
        if tag.POS == "PRTF" and (ft.voice != tag.voice or ft.tense != tag.tense):
            continue  # объединённых, not объединивших
        if "Supr" in ft and "Supr" not in tag:
            continue
        out[ft.case].append(f.word)
    return {case: forms or [parse.word] for case, forms in out.items()}


@cache
def word_forms(word: str, adjective: bool) -> dict[str, list[str]]:
    """{case: forms} of one (possibly hyphenated) word of a name, lower-cased."""
    low = word.lower()
    parts = low.split("-")
    # Which part declines: normally the last (Коста-Рики, Нур-Султана); Гвинея-Бисау: the first.
    for idx in (len(parts) - 1, 0):
        part = parts[idx]
        head, apos, tail = part.rpartition("'")  # д'Ивуар -> inflect "ивуар"
        p = _pick(tail, adjective) if tail else None
        if p is None or (idx == 0 and len(parts) > 1 and ("Geox" not in p.tag or isinstance(p, _Analogy))):
            continue
        return {
            case: ["-".join(parts[:idx] + [head + apos + f] + parts[idx + 1 :]) for f in forms]
            for case, forms in _forms_by_case(p).items()
        }
    return {case: [low] for case in CASES}


def phrase_forms(phrase: str) -> set[str]:
    """All case forms of a (multi-word) name, lower-cased."""
    return {phrase.lower(), *(f for case in CASES for f in _inflect_case(phrase, case))}


@cache
def _inflect_case(phrase: str, case: str) -> frozenset[str]:
    """``phrase`` in one case: the head noun and the adjectives before it inflect; a tail after the
    head stays as written (Штатов Америки, Королевства Великобритании …), except after «и»/«—»,
    where the next conjunct inflects in the same case (Боснии и Герцеговины, Папуа — Новой Гвинеи)."""
    words = phrase.split()
    if not words:
        return frozenset({""})
    head = next((i for i, w in enumerate(words) if not _is_adjective(w)), len(words) - 1)
    combos = [""]
    for i, w in enumerate(words[: head + 1]):
        combos = [f"{c} {f}".strip() for c in combos for f in word_forms(w, i < head)[case]]
    rest = words[head + 1 :]
    if rest and rest[0] in {"и", "—", "–", "-"}:
        tails = {f"{rest[0]} {t}".strip() for t in _inflect_case(" ".join(rest[1:]), case)}
    else:
        tails = {" ".join(rest).lower()}
    return frozenset(f"{c} {t}".strip() for c in combos for t in tails)


def adjective_forms(lemma: str) -> tuple[set[str], str]:
    """All full forms of an adjective (every gender/number/case) and its compound first part."""
    low = lemma.lower()
    prefix, _, last = low.rpartition("-")
    parses = [p for p in morph.morph_vocab().parse(last) if "ADJF" in p.tag and "nomn" in p.tag]
    forms = {low}
    if parses:
        forms |= {f.word for f in parses[0].lexeme if "ADJF" in f.tag and "Supr" not in f.tag}
    if prefix:
        forms = {f"{prefix}-{f}" if not f.startswith(prefix + "-") else f for f in forms}
    combining = re.sub(r"(ий|ый|ой)$", "о", low)  # российский -> российско(-египетский)
    return forms, combining


@lru_cache(maxsize=65536)
def word_class(form: str) -> tuple[bool, bool]:
    """(is an ordinary dictionary word, is a function word) for a normalised single token."""
    mv = morph.morph_vocab()
    if not mv.word_is_known(form):
        return False, False
    common = [p for p in mv.parse(form) if not (_PROPER_TAGS & p.tag.grammemes)]
    return bool(common), any(_FUNCTION_TAGS & p.tag.grammemes for p in common)
