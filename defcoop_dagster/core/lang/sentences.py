"""Sentences and tokens with lemmas and grammemes, cheaply: razdel and pymorphy2, no neural models.

The event stage reads trigger words, tense and prepositions; natasha's taggers have already run
in the entity stage, and their findings (people, states, dates) come from the warehouse.
"""

from dataclasses import dataclass
from functools import lru_cache

from razdel import sentenize, tokenize

from .morph import morph_vocab


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str
    pos: str | None  # OpenCorpora part of speech (VERB, NOUN, INFN, PRTF, ADJF, PREP…)
    tense: str | None  # past, pres, futr (verbs only)
    case: str | None


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]

    def lemmas(self) -> set[str]:
        return {t.lemma for t in self.tokens}


@lru_cache(maxsize=100_000)
def _analyse_word(word: str) -> tuple[str, str | None, str | None, str | None]:
    parse = morph_vocab().parse(word.lower())[0]
    tag = parse.tag
    return parse.normal_form, tag.POS, tag.tense, tag.case


def split(body: str) -> list[Sentence]:
    """The body's sentences with offsets into it; line breaks always end a sentence."""
    out: list[Sentence] = []
    offset = 0
    for line in body.split("\n"):
        for sent in sentenize(line):
            tokens = []
            for tok in tokenize(sent.text):
                lemma, pos, tense, case = _analyse_word(tok.text)
                start = offset + sent.start + tok.start
                tokens.append(Token(start, start + len(tok.text), tok.text, lemma, pos, tense, case))
            start = offset + sent.start
            out.append(Sentence(len(out), start, start + len(sent.text), sent.text, tuple(tokens)))
        offset += len(line) + 1
    return out
