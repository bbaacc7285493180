"""A person's name in the nominative: the case each mention stands in, and one form from all of them.

The words of a name are declined by ``lang.names`` once its case and gender are known. The case
of a mention comes from, in this order of trust:

1. the post or rank in apposition to its left, which agrees with it and is an ordinary word the
   tagger reads well («с заместителем министра … генерал-полковником Нгуен Ти Винем»: Ins);
2. the preposition right before it («с», «у», «к», «о»…, ``words/name_prepositions.tsv``);
3. the name it is coordinated with («Дмитрия Медведева и Лулы да Силвы»: Gen);
4. a word of it whose ending allows one case only («Бурньером»: Ins);
5. its place in the parse: subject, object, a noun's complement («визит Ким Чен Ына»: Gen) —
   unless a word of it shows another case;
6. its first name, when the dictionary knows it («Виктора»: Gen or Acc);
7. the tagger's case, which for names it does not know is often a default nominative.

The first name also gives the gender. The article then settles each person's name: a form written
in the nominative somewhere, or the nominative most of its mentions point to («Лианга Гуангли»,
«Лианг Гуангли»: Лианг; «Гуангли» in every case: indeclinable), a well-known official's name as the
officials gazetteer writes it when it is one of the readings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..gazetteers import officials
from ..lang import lexicon
from ..lang.inflect import OC_TO_UD_CASE, UD_TO_OC_CASE, name_case, oblique_only_cases
from ..lang.names import first_name_reading, gender_shown, possible_cases, word_nominatives
from ..lang.spelling import fold

PARTICLES = frozenset({"да", "де", "ди", "дос", "ду", "фон", "дер", "ван", "ле", "ла", "аль", "бин", "ибн", "эль"})
_WORD = re.compile(r"[^\s\[\](){}«»\"“”„]+")  # brackets and quotes an editor put inside a name are not of it
CASE_ORDER = ["nomn", "gent", "accs", "datv", "ablt", "loct", "gen2", "acc2", "loc2", "voct"]


@cache
def _preposition_cases() -> dict[str, str]:
    return lexicon.table("name_prepositions")


@dataclass(frozen=True)
class NameReading:
    """How one mention is written and what it stands in: the words, the case, the gender."""

    words: tuple[str, ...]
    case: str | None  # OpenCorpora
    gender: str | None

    def candidates(self, gender: str | None = None) -> list[tuple[str, ...]]:
        """Nominative forms of the whole name, most likely first: the best reading of every word,
        then each word's other readings in turn."""
        return list(_candidates(self.words, self.case, gender or self.gender))


@cache
def _candidates(words: tuple[str, ...], case: str | None, gender: str | None) -> tuple[tuple[str, ...], ...]:
    per_word = [_word_candidates(w, case, gender) for w in words]
    best = tuple(c[0] for c in per_word)
    out = [best]
    for i, options in enumerate(per_word):
        out += [best[:i] + (o,) + best[i + 1 :] for o in options[1:]]
    # every word read otherwise at once («Луле да Силве» → «Лула да Силва»)
    changed = tuple(next((o for o in options if o != w), w) for w, options in zip(words, per_word, strict=True))
    return tuple(dict.fromkeys([*out, changed]))


def _word_candidates(word: str, case: str | None, gender: str | None) -> list[str]:
    if word.lower() in PARTICLES:
        return [word]
    if "." in word.rstrip("."):  # «З.Гасанову»: the initial stays, the surname is declined
        head, _, tail = word.rpartition(".")
        return [f"{head}.{t}" for t in word_nominatives(tail, case, gender)] if tail else [word]
    return word_nominatives(word, case, gender)


def read_name(span, tokens, i0: int, apposition_case: str | None, conjunct_case: str | None) -> NameReading:
    """The reading of the PER ``span`` whose first token is ``tokens[i0]`` of its sentence.
    ``apposition_case``: UD case of the post or rank agreeing with it; ``conjunct_case``: OC case
    of the name it is coordinated with, if any."""
    words = tuple(_WORD.findall(span.text))
    first_cases = first_name_reading(words[0])[0] if len(words) > 1 else set()
    case = UD_TO_OC_CASE.get(apposition_case) if apposition_case else None
    if case is None and i0 > 0:
        case = _preposition_cases().get(tokens[i0 - 1].text.lower())
    case = case or conjunct_case
    others = [possible_cases(w) for w in words if w.lower() not in PARTICLES]
    if case is None:
        # a word whose ending allows one case only («Бурньером»: Ins) outweighs a rare first name
        shown = oblique_only_cases(span)
        case = shown.pop() if len(shown) == 1 else None
        if case and any(c is not None and case not in c for c in others):
            case = None  # «Жуана Лоренсу»: Жуана cannot be a dative, so -у is how Лоренсу ends
    if case is None:
        # the name's place in the sentence: «визит Ким Чен Ына» (a noun's complement: Gen)
        case = _syntactic_case(span, tokens, i0)
        # a word that shows another case only rules it out; one that shows none («Ким», «Абдель»
        # in «визит Ким Чен Ына») may be a name Russian leaves undeclined
        if case and any(c is not None and "nomn" not in c and case not in c for c in others):
            case = None
    if case is None and first_cases and len(first_cases) < 4:
        # a first name the dictionary knows («Виктора»: Gen or Acc; «Сергей»: Nom) is read better
        # than the tagger reads a name; one it knows in every case («Эмомали») says nothing
        tagged = UD_TO_OC_CASE.get(span.tokens[0].feats.get("Case"))
        case = tagged if tagged in first_cases else min(first_cases, key=CASE_ORDER.index)
    if case is None:
        case = name_case(span)[0]
    gender = first_name_reading(words[0], case)[1] if len(words) > 1 else None
    if gender is None and len(words) > 1:
        gender = gender_shown(_bare(words[-1]), case)  # «Али Абдуллы Айюба»: Айюба is a man's
    return NameReading(words, case, gender)


_RELATION_CASES = {"nsubj": "nomn", "nsubj:pass": "nomn", "obj": "accs", "iobj": "datv"}


def _syntactic_case(span, tokens, i0: int) -> str | None:
    """The case the parse gives the name's place: subject (Nom), object (Acc), indirect object
    (Dat), a noun's complement without a preposition (Gen), or the case of the noun it stands in
    apposition to."""
    first = tokens[i0]
    if first.rel in _RELATION_CASES:
        return _RELATION_CASES[first.rel]
    head = next((t for t in tokens if t.id == first.head_id), None)
    if first.rel == "nmod" and head is not None and head.pos == "NOUN":
        marked = any(t.head_id == first.id and t.rel == "case" for t in tokens)
        return None if marked else "gent"
    if first.rel == "appos" and head is not None and head.pos == "NOUN":
        return UD_TO_OC_CASE.get(head.feats.get("Case"))
    return None


def name_cases(span) -> set[str]:
    """UD cases the name ``span`` may stand in: what the tagger says of its words and what their
    endings allow («Дун Цзюня»: Gen too, though the tagger reads the unknown name as Nom)."""
    cases = {OC_TO_UD_CASE.get(name_case(span)[0])} | {t.feats.get("Case") for t in span.tokens}
    cases |= {OC_TO_UD_CASE.get(c) for c in oblique_only_cases(span)}
    for word in _WORD.findall(span.text):
        shown = possible_cases(word) if word.lower() not in PARTICLES else None
        cases |= {OC_TO_UD_CASE.get(c) for c in shown or ()}
    return {c for c in cases if c}


def person_gender(readings: list[NameReading]) -> str | None:
    genders = {r.gender for r in readings if r.gender}
    return genders.pop() if len(genders) == 1 else None


def settle_name(readings: list[NameReading]) -> tuple[str, ...]:
    """The nominative of one person's name from all its mentions: the longest full form (first
    name and surname) whose words the most mentions support, written in the nominative first."""
    gender = person_gender(readings)
    fullest = max(len(r.words) for r in readings)
    full = [r for r in readings if len(r.words) == fullest]
    surnames, firsts = Counter(), Counter()
    for r in readings:
        options = r.candidates(gender)
        for rank, option in enumerate(dict.fromkeys(o[-1] for o in options)):
            surnames[fold(_bare(option))] += 1 + (0.5 if rank == 0 else 0) + (0.25 if r.case == "nomn" else 0)
        if len(r.words) > 1:
            for rank, option in enumerate(dict.fromkeys(o[0] for o in options)):
                firsts[fold(option)] += 1 + (0.5 if rank == 0 else 0) + (0.25 if r.case == "nomn" else 0)
    best: tuple[tuple[float, int], tuple[str, ...]] | None = None
    for r in full:
        for option in r.candidates(gender):
            score = surnames[fold(_bare(option[-1]))] + (firsts[fold(option[0])] if len(option) > 1 else 0)
            score += 1.5 if fold(" ".join(option)) in officials.known_names() else 0  # a known official's spelling
            key = (score, -len("".join(option)))
            if best is None or key > best[0]:
                best = (key, option)
    return best[1] if best else full[0].words


def _bare(word: str) -> str:
    """A surname without the initials written with it («З.Гасанов» → «Гасанов»)."""
    return word.rpartition(".")[2] or word
