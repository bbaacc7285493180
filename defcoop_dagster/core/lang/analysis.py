"""One natasha pipeline per process, run over articles in batches.

Loading the navec embeddings and the slovnet models takes about a second and ~200 MB, so they are
built once (``models()``) and reused. ``analyse_batch`` sends the sentences of many articles
through the morphology tagger and the syntax parser in one ``map`` call each, and the texts
through the NER tagger likewise: slovnet pads and batches them itself, which is where the
throughput comes from.
"""

from dataclasses import dataclass
from functools import lru_cache

from natasha import (
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
)
from natasha.doc import DocSent, DocToken, adapt_spans, inject_morph, inject_syntax, offset_syntax, sent_words
from razdel import sentenize, tokenize

from . import morph  # the shared MorphVocab, built after pymorphy2's Python 3.11 fix

BATCH_SIZE = 64  # articles per call; slovnet splits sentences into its own batches below this


@dataclass(frozen=True)
class Models:
    morph_vocab: MorphVocab
    morph_tagger: NewsMorphTagger
    syntax_parser: NewsSyntaxParser
    ner_tagger: NewsNERTagger


@lru_cache(maxsize=1)
def models() -> Models:
    """The process-wide natasha models (loaded on first use)."""
    emb = NewsEmbedding()
    vocab = morph.morph_vocab()
    return Models(
        morph_vocab=vocab,
        morph_tagger=NewsMorphTagger(emb),
        syntax_parser=NewsSyntaxParser(emb),
        ner_tagger=NewsNERTagger(emb),
    )


def analyse(text: str) -> Doc:
    return analyse_batch([text])[0]


def analyse_batch(texts: list[str], syntax: bool = True) -> list[Doc]:
    """Segment, tag morphology, parse syntax and tag NER for many texts at once; lemmas filled in."""
    m = models()
    docs = []
    for text in texts:
        docs.append(segmented(text))
    sents = [sent for doc in docs for sent in doc.sents]
    # slovnet pads each batch to its longest item: sorted by length, little padding is computed
    order = sorted(range(len(sents)), key=lambda k: len(sents[k].tokens))
    chunk = [sent_words(sents[k]) for k in order]
    for k, markup in zip(order, m.morph_tagger.map(chunk), strict=True):
        inject_morph(sents[k].tokens, markup.tokens)
    if syntax:
        for k, markup in zip(order, m.syntax_parser.map(chunk), strict=True):
            inject_syntax(sents[k].tokens, markup.tokens)
        for doc in docs:
            for sent_id, sent in enumerate(doc.sents, 1):
                offset_syntax(sent_id, sent.tokens)
    non_empty = sorted((doc for doc in docs if doc.text.strip()), key=lambda d: len(d.text))
    for doc, markup in zip(non_empty, m.ner_tagger.map([d.text for d in non_empty]), strict=True):
        doc.spans = list(adapt_spans(doc, markup.spans))
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()
    for doc in docs:
        if not doc.text.strip():
            doc.spans = []
        for token in doc.tokens:
            token.lemmatize(m.morph_vocab)
    return docs


def segmented(text: str) -> Doc:
    """A natasha Doc cut into razdel's sentences, and always at a line break: a headline or a
    caption without a full stop is not one sentence with the line below it."""
    doc = Doc(text)
    doc.tokens = [DocToken(t.start, t.stop, t.text) for t in tokenize(text)]
    doc.sents = []
    offset = 0
    for line in text.split("\n"):
        doc.sents += [DocSent(offset + s.start, offset + s.stop, s.text) for s in sentenize(line)]
        offset += len(line) + 1
    doc.envelop_sent_tokens()
    doc.sents = [sent for sent in doc.sents if sent.tokens]  # a line of spaces is no sentence
    return doc


def batches(items: list, size: int = BATCH_SIZE):
    for i in range(0, len(items), size):
        yield items[i : i + size]
