"""Nominative normal forms of organisation names: «Министерства обороны» → «Министерство обороны».

Without a good parse natasha puts every word of an organisation in the nominative («Министерство
оборона»); here the head and the adjectives before it go to the nominative and the rest stays.
"""

import re

from natasha.shape import recover_shape
from pymorphy2.analyzer import Parse

from ...lang import morph
from ...lang.spelling import CYRILLIC_WORD, fold

_ADJ_TAGS = frozenset({"ADJF", "PRTF"})


def _shape(new: str, written: str) -> str:
    """``new`` in the letter case of ``written`` (natasha's helper gives up when lengths differ)."""
    out = recover_shape(new, written)
    return out[0].upper() + out[1:] if out and written[:1].isupper() and out[:1].islower() else out


_NUMBERED = re.compile(r"([А-Яа-яЁё]+)(-\d[\w.]*)")  # «потока-2», «Искандер-М» is not numbered


def _as_written(word: str) -> bool:
    """Words an inflection would damage: Latin, digits, quotes, abbreviations (МО, ОДКБ, НПЦИиОМ)."""
    if not CYRILLIC_WORD.fullmatch(word):
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
            return _shape(fold(hint), word), nom
    if not mv.word_is_known(word):
        # pymorphy2 only guesses unknown words (Бильд → plural of «бильда»): natasha's form or as written
        return (_shape(fold(hint), word) if hint else word), None
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
        return _shape(fold(hint), word)
    if hint and not morph.morph_vocab().word_is_known(word):
        return _shape(fold(hint), word)
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
