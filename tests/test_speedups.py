"""natasha's models computed with less work (core.lang.speedups) give slovnet's own outputs."""

import numpy as np
import pytest
from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
from slovnet.exec.encoders import WordShapeEncoder
from slovnet.exec.model import Conv1d, Weight

from defcoop_dagster.core.lang import analysis
from defcoop_dagster.core.lang.speedups import KeptWordShapes, ShiftedConv1d

TEXT = (
    "Генерал армии Пётр Сомов провёл в Казани переговоры с делегацией Монголии. "
    "Стороны условились о совместных учениях летом. "
    "Главнокомандующий ВМФ Бразилии прибыл в Новороссийск с визитом, сообщило агентство ТАСС."
)


@pytest.mark.parametrize(("filters", "channels", "kernel", "padding", "length"), [(7, 5, 3, 1, 11), (4, 6, 5, 2, 1)])
def test_shifted_convolution_is_slovnets(filters, channels, kernel, padding, length):
    rng = np.random.default_rng(3)
    weight = Weight((filters, channels, kernel), "float32", rng.normal(size=(filters, channels, kernel)).astype("f4"))
    bias = Weight((filters,), "float32", rng.normal(size=filters).astype("f4"))
    batch = rng.normal(size=(3, channels, length)).astype("f4")
    for layer_input in (batch, np.ascontiguousarray(batch.swapaxes(2, 1)).swapaxes(2, 1)):  # either memory order
        expected = Conv1d(weight, bias, padding)(layer_input)
        got = ShiftedConv1d(weight, bias, padding)(layer_input)
        assert got.shape == expected.shape
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def test_kept_word_shapes_are_the_encoders():
    vocab = analysis.models().ner_tagger.infer.encoder
    stock = WordShapeEncoder(vocab.words_vocab, vocab.shapes_vocab)
    kept = KeptWordShapes(vocab.words_vocab, vocab.shapes_vocab)
    words = ["Пётр", "пётр", "ПЁТР", "Сомов", "2024", "-", "Сомов", "qwertyzz"]
    assert kept.item(words) == stock.item(words)
    assert kept.item(words[::-1]) == stock.item(words[::-1])  # read back from what it kept


def test_our_models_tag_as_natashas():
    ours = analysis.models()
    assert all(isinstance(layer.conv, ShiftedConv1d) for layer in ours.ner_tagger.infer.model.encoder.layers)
    emb = NewsEmbedding()
    doc = Doc(TEXT)
    doc.segment(Segmenter())
    doc.tag_morph(NewsMorphTagger(emb))
    doc.parse_syntax(NewsSyntaxParser(emb))
    doc.tag_ner(NewsNERTagger(emb))
    got = analysis.analyse(TEXT)
    assert [(s.start, s.stop, s.type) for s in got.spans] == [(s.start, s.stop, s.type) for s in doc.spans]
    assert [(t.text, t.pos, t.feats) for t in got.tokens] == [(t.text, t.pos, t.feats) for t in doc.tokens]
    parsed = [t for t in got.tokens if t.head_id is not None]  # sentences holding a name are parsed
    assert parsed
    heads = {(t.start, t.head_id, t.rel) for t in doc.tokens}
    assert all((t.start, t.head_id, t.rel) in heads for t in parsed)
