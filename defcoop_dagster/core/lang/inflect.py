"""Inflection to the nominative: single words as the tagger read them, and people's names.

natasha's tagger speaks Universal Dependencies (Case=Gen), pymorphy2 OpenCorpora (gent); the one
table between them is here. A word is put in the nominative from the parse the tagger's case
points to; a name only on evidence that it is not already nominative (see ``nominative_name``).
"""

from pymorphy2.analyzer import Parse

from .morph import morph_vocab

# The cases a tagger writes and their pymorphy2 names (pymorphy2 also has gen2, loc2, voct…,
# which the tagger never gives).
UD_TO_OC_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
OC_TO_UD_CASE = {oc: ud for ud, oc in UD_TO_OC_CASE.items()}
NAME_TAGS = ("Name", "Surn", "Patr")
# Endings that cannot be a nominative name ("-ом", "-ым", "-у"); a genitive-looking "-ов" is also
# the nominative of most surnames ("Тасмагамбетов"), so it proves nothing on its own.
UNAMBIGUOUS_ENDING_CASES = {"ablt", "datv"}


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


def nominative_name(span) -> str:
    """natasha's normal form of a name ``span``, with the words it left as written put in the nominative.

    natasha keeps unknown names unchanged ("Сакеном Жасузаковым", "Яшара Гюлера"). A word is
    inflected only on evidence: the name's case (see ``name_case``) is one the word can be in,
    or the word cannot be nominative at all and its ending allows one case only ("Гуаньчжуном").
    Indeclinable foreign names ("Каво Драгоне", "Раси-заде") have neither and stay as written.
    """
    vocab = morph_vocab()
    span.normalize(vocab)
    words = span.normal.split()
    written = [t.text for t in span.tokens]
    if len(words) != len(written):
        return " ".join(words)
    case, gender = name_case(span)
    out = []
    for word, original in zip(words, written, strict=True):
        if word == original and "." not in word:
            cases = _noun_cases(word)
            if case not in (None, "nomn") and case in cases:
                word = _inflect_name_word(word, case, gender)
            elif only := _only_oblique_case(cases):
                word = _inflect_name_word(word, only, gender)
        out.append(word)
    return " ".join(out)


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


def _noun_cases(word: str) -> set[str]:
    return {p.tag.case for p in morph_vocab().parse(word.lower()) if p.tag.POS == "NOUN" and p.tag.case}


def _only_oblique_case(cases: set[str]) -> str | None:
    """The one case a word's noun readings allow when none is nominative and its ending is
    unambiguous ("-ом": instrumental); the locative, which shares endings, does not count."""
    rest = cases - {"loct"}
    if "nomn" not in cases and len(rest) == 1 and cases & UNAMBIGUOUS_ENDING_CASES:
        return next(iter(rest))
    return None


def _inflect_name_word(word: str, oc_case: str, gender: str | None) -> str:
    parses = [p for p in morph_vocab().parse(word.lower()) if p.tag.case == oc_case and p.tag.POS == "NOUN"]
    if gender:
        parses = [p for p in parses if p.tag.gender is None or str(p.tag.gender) == gender or "ms-f" in p.tag]
    parses.sort(key=lambda p: not any(t in p.tag for t in NAME_TAGS))  # name and surname parses first
    for parse in parses:
        # natasha's MorphForm.inflect takes UD grammemes; pymorphy2's own takes OpenCorpora ones
        inflected = Parse.inflect(parse, {"nomn", "sing"}) if "Pltm" not in parse.tag else None
        inflected = inflected or Parse.inflect(parse, {"nomn"})
        # the nominative of an oblique form of a name is shorter ("Гюлера" → "Гюлер"); a longer
        # result means pymorphy2 read the word as some other noun's plural
        if inflected is not None and len(inflected.word) < len(word):
            new = inflected.word
            return "-".join(part.capitalize() for part in new.split("-")) if word[:1].isupper() else new
    return word
