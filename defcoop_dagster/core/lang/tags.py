"""The morphology tagger's tags read once per distinct tag, and lemmas once per (word, tag).

slovnet's tagger gives each word a CoNLL tag ('NOUN|Animacy=Inan|Case=Gen|Gender=Masc|Number=Sing');
natasha turns every one into a record and a new feature dict. The tagger knows a few hundred tags, so
each is parsed once into a part of speech and one read-only feature mapping that all its tokens share,
and a lemma is looked up by the word and its tag instead of by a sorted copy of its features.
"""

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from slovnet.conll import parse_conll_tag

from . import morph
from .lexicon import words

PRONOUN_FORMS = words("pronoun_forms")
_TAGS: dict[str, tuple[str, Mapping[str, str]]] = {}


def tag_parts(tag: str) -> tuple[str, Mapping[str, str]]:
    """(part of speech, features) of a tagger's tag; the same mapping for every token of that tag."""
    parts = _TAGS.get(tag)
    if parts is None:
        pos, feats = parse_conll_tag(tag)
        parts = _TAGS[tag] = (pos, MappingProxyType(feats))
    return parts


def tag_sentences(tagger, sentences: list, words: list[list[str]]) -> None:
    """Tag the natasha tokens of ``sentences`` (their ``words``) with ``tagger``: pos and feats set
    on each token, as natasha's ``inject_morph`` does, and its lemma."""
    infer = tagger.infer
    tags = infer.decoder(infer.process(infer.encoder(words)))
    for sent, sent_tags in zip(sentences, tags, strict=True):
        for token, tag in zip(sent.tokens, sent_tags, strict=True):
            token.pos, token.feats = tag_parts(tag)
            word = token.text.lower()
            if token.pos == "NOUN" and word in PRONOUN_FORMS:
                token.pos = "PRON"  # «В нём приняли участие»: the tagger's noun is the pronoun
            token.lemma = lemma_of(word, token.pos, tag)


@lru_cache(maxsize=200_000)
def lemma_of(word: str, pos: str | None, tag: str) -> str:
    """natasha's lemma of ``word`` (lower case) tagged ``tag``, its part of speech possibly
    corrected to ``pos``; a news text repeats its words, so each is lemmatised once per process
    (pymorphy's scoring of the parses is most of the cost)."""
    return morph.morph_vocab().lemmatize(word, pos, dict(tag_parts(tag)[1]))
