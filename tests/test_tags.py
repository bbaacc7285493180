"""The tagger's tags read once per tag (core.lang.tags): natasha's parts of speech, features and lemmas."""

import pytest
from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, Segmenter
from slovnet.conll import parse_conll_tag

from defcoop_dagster.core.lang import analysis
from defcoop_dagster.core.lang.tags import lemma_of, tag_parts
from defcoop_dagster.core.lang.tokens import sentences_of

TEXT = (
    "Военные советники Египта и Индонезии провели в Джакарте консультации по закупкам вооружений. "
    "Советники договорились продолжить консультации осенью, а министры подпишут протокол весной."
)


def test_a_tag_is_read_once_into_natashas_parts():
    tag = "NOUN|Animacy=Inan|Case=Gen|Gender=Masc|Number=Plur"
    pos, feats = tag_parts(tag)
    assert (pos, dict(feats)) == parse_conll_tag(tag)
    assert tag_parts(str(tag))[1] is feats  # one mapping for every token of the tag
    with pytest.raises(TypeError):
        feats["Case"] = "Nom"  # shared, so nobody may change it
    assert tag_parts("PUNCT") == ("PUNCT", {})


def test_tokens_get_natashas_tags_and_lemmas():
    doc = Doc(TEXT)
    doc.segment(Segmenter())
    doc.tag_morph(NewsMorphTagger(NewsEmbedding()))
    vocab = MorphVocab()
    for token in doc.tokens:
        token.lemmatize(vocab)
    got = analysis.analyse(TEXT)
    assert [(t.text, t.pos, t.feats, t.lemma) for t in got.tokens] == [
        (t.text, t.pos, t.feats, t.lemma) for t in doc.tokens
    ]
    # the records share the tagger's mappings: two tokens of one tag hold the same object
    tokens = [t for s in sentences_of(got) for t in s.tokens]
    by_feats = {}
    for token in tokens:
        by_feats.setdefault((token.pos, tuple(sorted(token.feats.items()))), set()).add(id(token.feats))
    assert max(len(ids) for ids in by_feats.values()) == 1
    assert len(by_feats) < len(tokens)


def test_a_lemma_is_natashas_for_the_word_and_tag():
    vocab = MorphVocab()
    for word, tag, expected in [
        ("консультации", "NOUN|Animacy=Inan|Case=Acc|Gender=Fem|Number=Plur", "консультация"),
        ("подпишут", "VERB|Aspect=Perf|Mood=Ind|Number=Plur|Person=3|Tense=Fut|VerbForm=Fin|Voice=Act", "подписать"),
    ]:
        pos, feats = tag_parts(tag)
        assert lemma_of(word, pos, tag) == vocab.lemmatize(word, pos, dict(feats)) == expected
