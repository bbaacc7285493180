"""Inflection to the nominative of single words as the tagger read them, and what a name's words
say of its case.

natasha's tagger speaks Universal Dependencies (Case=Gen), pymorphy2 OpenCorpora (gent); the one
table between them is here. A word is put in the nominative from the parse the tagger's case
points to. People's names are declined by ``lang.names``.
"""

from functools import lru_cache

from .morph import morph_vocab

# The cases a tagger writes and their pymorphy2 names (pymorphy2 also has gen2, loc2, voct…,
# which the tagger never gives).
UD_TO_OC_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
OC_TO_UD_CASE = {oc: ud for ud, oc in UD_TO_OC_CASE.items()}
# Endings that cannot be a nominative name ("-ом", "-ым", "-у"); a genitive-looking "-ов" is also
# the nominative of most surnames ("Тасмагамбетов"), so it proves nothing on its own.
UNAMBIGUOUS_ENDING_CASES = {"ablt", "datv"}


@lru_cache(maxsize=50_000)  # a text repeats its posts and names: each (word, case, part of speech) inflected once
def nominative(word: str, case: str | None, pos: str | None) -> str:
    """``word`` put in the nominative singular, as the tagger's case tells which parse is meant."""
    lower = word.lower()
    for form in morph_vocab().parse(lower):
        if case and form.feats.get("Case") not in (case, None):
            continue
        if pos and form.pos not in (pos, "PROPN" if pos == "NOUN" else pos):
            continue
        try:
            inflected = form.inflect({"Nom", "Sing"}) or form.inflect({"Nom"})
        except (KeyError, ValueError):
            inflected = None
        if inflected is not None:
            return inflected.word
    return lower


def oblique_only_cases(span) -> set[str]:
    """Cases of name words that cannot be nominative and fit one case only ("Гуаньчжуном")."""
    found = (_only_oblique_case(_noun_cases(token.text)) for token in span.tokens)
    return {case for case in found if case}


def name_case(span) -> tuple[str | None, str | None]:
    """(OpenCorpora case, gender) of a name.

    From its first name when pymorphy2 knows it as a name in oblique cases only ("сакеном",
    "яшара"): the tagger often calls rare names nominative. Otherwise the tagger's case.
    """
    vocab = morph_vocab()
    tagger_case = UD_TO_OC_CASE.get(span.tokens[-1].feats.get("Case"), "nomn")
    last = {p.tag.case for p in vocab.parse(span.tokens[-1].text.lower())}
    for token in span.tokens:  # "Хулуси Акаром": tagged Ins, Nom; "акаром" can be instrumental
        oc = UD_TO_OC_CASE.get(token.feats.get("Case"))
        # an oblique case only: the tagger's nominative is its default for names it does not know
        if oc not in (None, "nomn") and oc in last:
            tagger_case = oc
            break
    if len(span.tokens) < 2:
        return tagger_case, None
    names = [p for p in vocab.parse(span.tokens[0].text.lower()) if "Name" in p.tag]
    if not names:
        return tagger_case, None
    if any(p.tag.case == "nomn" for p in names):
        # the first name's gender counts only if it can be in the name's case ("Хулуси" is not "Хулуся")
        fitting = [p for p in names if p.tag.case == tagger_case]
        return tagger_case, fitting[0].tag.gender if fitting else None
    cases = [p.tag.case for p in names]
    return (tagger_case if tagger_case in cases else cases[0]), names[0].tag.gender


@lru_cache(maxsize=50_000)
def _noun_cases(word: str) -> frozenset[str]:
    return frozenset(p.tag.case for p in morph_vocab().parse(word.lower()) if p.tag.POS == "NOUN" and p.tag.case)


def _only_oblique_case(cases: frozenset[str]) -> str | None:
    """The one case a word's noun readings allow when none is nominative and its ending is
    unambiguous ("-ом": instrumental); the locative, which shares endings, does not count."""
    rest = cases - {"loct"}
    if "nomn" not in cases and len(rest) == 1 and cases & UNAMBIGUOUS_ENDING_CASES:
        return next(iter(rest))
    return None
