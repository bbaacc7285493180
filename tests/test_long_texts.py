"""Long texts are analysed in bounded pieces: no batch pads to one giant text, offsets stay exact."""

import pytest

from defcoop_dagster.core import extraction
from defcoop_dagster.core.ingest.documents import MAX_CHARS, Rejected, read_document
from defcoop_dagster.core.lang import analysis

SENTENCE = "Министр обороны Армении Сейран Оганян встретился в Минске с министром обороны Беларуси Андреем Равковым. "
ARTICLE = (
    "МИНСК, 12 марта. Министр обороны Армении Сейран Оганян прибыл в Минск.\n"
    "В ходе визита он встретился с министром обороны Беларуси Андреем Равковым и Президентом Александром "
    "Лукашенко.\nСтороны подписали план сотрудничества министерств обороны на 2017 год.\n"
    "Делегация посетила Военную академию, а затем вылетела в Москву для переговоров с Сергеем Шойгу.\n"
)


def spans(doc) -> list[tuple[int, int, str]]:
    return [(s.start, s.stop, s.type) for s in doc.spans]


def test_a_sentence_never_exceeds_the_limit_and_keeps_its_offsets():
    words = " ".join(["военное", "сотрудничество", "Армении", "и", "Беларуси"] * 500)  # one sentence, no stop
    doc = analysis.segmented(words)
    assert max(len(s.tokens) for s in doc.sents) == analysis.MAX_SENTENCE_TOKENS
    assert sum(len(s.tokens) for s in doc.sents) == len(doc.tokens) == 2500  # every token in one piece
    for sent in doc.sents:
        assert words[sent.start : sent.stop] == sent.text
        assert sent.tokens[0].start == sent.start and sent.tokens[-1].stop == sent.stop


def test_ner_pieces_are_whole_sentences_within_the_limit(monkeypatch):
    # a short text is one piece: ordinary articles are read exactly as before
    short = analysis.segmented(ARTICLE)
    assert analysis.ner_pieces(short) == [(0, len(ARTICLE), len(short.tokens))]
    monkeypatch.setattr(analysis, "NER_PIECE_TOKENS", 40)
    doc = analysis.segmented(SENTENCE * 30)
    pieces = analysis.ner_pieces(doc)
    assert len(pieces) > 1 and all(tokens <= 40 for _, _, tokens in pieces)
    starts = {s.start for s in doc.sents}
    stops = {s.stop for s in doc.sents}
    assert all(start in starts and stop in stops for start, stop, _ in pieces)
    assert sum(tokens for _, _, tokens in pieces) == len(doc.tokens)


def test_spans_from_pieces_point_into_the_whole_text(monkeypatch):
    texts = [ARTICLE * 3, SENTENCE * 12, ARTICLE]
    whole = [spans(d) for d in analysis.analyse_batch(texts)]
    monkeypatch.setattr(analysis, "NER_PIECE_TOKENS", 60)
    monkeypatch.setattr(analysis, "NER_CALL_TOKENS", 150)
    docs = analysis.analyse_batch(texts)
    for doc, before in zip(docs, whole, strict=True):
        assert all(doc.text[s.start : s.stop] == s.text for s in doc.spans)  # exact offsets
        assert spans(doc) == sorted(spans(doc))
        # cut at sentence ends, the tagger finds (almost) the same names
        assert len(set(spans(doc)) & set(before)) >= 0.9 * len(before)
    assert spans(docs[2]) == whole[2]  # short enough to be one piece: unchanged
    # every span is enveloped in its sentence, as natasha does for a whole text
    assert sum(len(s.spans) for s in docs[0].sents) == len(docs[0].spans)


def test_ner_calls_pad_to_a_bounded_size():
    docs = [analysis.segmented(t) for t in (ARTICLE, SENTENCE * 40, ARTICLE * 2)]
    pieces = sorted((analysis.Piece(d, *p) for d in docs for p in analysis.ner_pieces(d)), key=lambda p: p.tokens)
    for call in analysis._calls(pieces):
        longest = max(p.tokens for p in call)
        assert len(call) <= 8 and (len(call) == 1 or len(call) * longest <= analysis.NER_CALL_TOKENS)


def test_extraction_batches_are_bounded_by_characters(monkeypatch):
    monkeypatch.setattr(extraction, "BATCH_CHARS", 1000)
    articles = [{"body": "x" * n} for n in (300, 300, 300, 2500, 10, 10)]
    batches = extraction._by_length(articles, size=32)
    assert [[len(a["body"]) for a in b] for b in batches] == [[300, 300, 300], [2500], [10, 10]]
    assert [len(b) for b in extraction._by_length([{"body": "x"}] * 70, size=32)] == [32, 32, 6]


def test_a_text_longer_than_the_limit_is_rejected_with_its_length():
    text = ("Длинный текст без конца. " * (MAX_CHARS // 25 + 10)).encode("utf-8")
    with pytest.raises(Rejected, match=r"too long for one article: 200,\d{3} characters, the limit is 200,000"):
        read_document("book.txt", text)
    assert read_document("short.txt", ARTICLE.encode("utf-8")).text == ARTICLE


def test_lemmas_are_natashas_whatever_a_word_repeats():
    """The per-process lemma cache gives what natasha's own lemmatize gives, word by word."""
    text = "Министры встретились. Министр обороны встретился с министрами, и министры подписали планы."
    doc = analysis.analyse_batch([text])[0]
    vocab = analysis.models().morph_vocab
    assert [t.lemma for t in doc.tokens] == [vocab.lemmatize(t.text, t.pos, t.feats) for t in doc.tokens]
    assert doc.tokens[0].lemma == "министр"
