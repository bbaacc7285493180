"""An agreement's title as a document's name: in the nominative, and without the rest of the sentence.

The title is read where the document is mentioned, so it comes in the case of that sentence
("утвердили план сотрудничества…" gives "Плана сотрудничества…" after a genitive) and may run on
into the clause that reports the signing ("Соглашение подписали глава оборонного ведомства…").
A name is the document noun with its adjectives, in the nominative, and the words that depend on
it (genitives, "о сотрудничестве", "между …", "на 2012 год") up to where a new clause starts: a
verb, a short participle or gerund, a relative pronoun, or a punctuation mark that ends a phrase.
The dependents keep the case they have; only the head noun and the adjectives agreeing with it
are put in the nominative (pymorphy2, through ``lang.morph``). A bare noun ("Соглашение") names
no document and gives no title. A title not headed by a document noun (a quoted name) is kept.
"""

import re
from functools import cache

from ..lang import lexicon
from ..lang.morph import parse

WORD = re.compile(r"\w+(?:[-‐]\w+)*|[^\w\s]")
CLAUSE_POS = {"VERB", "INFN", "PRTS", "GRND"}  # a predicate: the name has ended
CLAUSE_WORDS = {"который", "которая", "которое", "которые", "что", "где", "когда"}
CLAUSE_MARKS = set(",;:.!?()—–")
AGREEING_POS = {"ADJF", "PRTF"}
# pymorphy2's OpenCorpora grammemes → the UD names natasha's analyser inflects with
UD = {"sing": "Sing", "plur": "Plur", "masc": "Masc", "femn": "Fem", "neut": "Neut"}


@cache
def document_nouns() -> frozenset[str]:
    """The head nouns of the document kinds (the last word of "дорожная карта")."""
    return frozenset(phrase.split()[-1] for phrase in lexicon.table("document_kinds"))


def _head(word: str):
    """The parse of ``word`` as a document noun, the singular first ("Программы" is one programme
    more often than several), or None."""
    nouns = [p for p in parse(word) if p.tag.POS == "NOUN" and p.normal_form in document_nouns()]
    nouns.sort(key=lambda p: (p.tag.number != "sing", -p.score))
    return nouns[0] if nouns else None


def _inflected(parsed, grams: set[str], like: str) -> str:
    form = parsed.inflect(grams)
    word = form.word if form else like
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _ends_name(token: str) -> bool:
    if token in CLAUSE_MARKS:
        return True
    if not token[:1].isalpha():
        return False
    best = parse(token)[0]
    return best.tag.POS in CLAUSE_POS or best.normal_form in CLAUSE_WORDS


def document_title(title: str | None) -> str | None:
    """``title`` as the document's name in the nominative; None when no name is left."""
    if not title:
        return title
    tokens = list(WORD.finditer(title))
    at = 0  # adjectives before the document noun ("Совместной декларации")
    while at < len(tokens) and any(p.tag.POS in AGREEING_POS for p in parse(tokens[at].group())[:1]):
        at += 1
    head = _head(tokens[at].group()) if at < len(tokens) else None
    if head is None:
        return title  # not headed by a document noun: a quoted name, kept as written
    end = at + 1
    while end < len(tokens) and not _ends_name(tokens[end].group()):
        end += 1
    if end == at + 1 and at == 0:
        return None  # the noun alone: no name is given
    number, gender = head.tag.number or "sing", head.tag.gender
    words = [
        _inflected(p, {"Nom", UD[number]} | ({UD[gender]} if number == "sing" and gender else set()), t.group())
        for t in tokens[:at]
        for p in parse(t.group())[:1]
    ]
    words.append(_inflected(head, {"Nom", UD[number]}, tokens[at].group()))
    # the dependents as written, with the spacing of the text
    rest = title[tokens[at].end() : tokens[end - 1].end()] if end > at + 1 else ""
    return " ".join(words) + rest
