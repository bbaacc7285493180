"""One natasha pipeline per process, run over articles in batches.

Loading the navec embeddings and the slovnet models takes about a second and ~200 MB, so they are
built once (``models()``) and reused. ``analyse_batch`` sends the sentences of many articles
through the morphology tagger and the syntax parser in one ``map`` call each, and the texts
through the NER tagger likewise: slovnet pads and batches them itself, which is where the
throughput comes from.

slovnet pads every batch to its longest item, and the syntax parser's scores grow with the square
of a sentence's length, so one long text must never be one item: sentences are cut after
``MAX_SENTENCE_TOKENS`` tokens and the NER tagger reads a text in pieces of whole sentences of at
most ``NER_PIECE_TOKENS`` tokens, its spans shifted back to offsets in the text. Both limits are
well above any article of the corpus (460 tokens in its longest sentence, about 6,000 in its
longest article), so ordinary articles are analysed exactly as before.
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
from natasha.doc import DocSent, DocToken, adapt_spans, inject_syntax, offset_syntax, sent_words
from razdel import sentenize, tokenize
from slovnet.bio import bio_spans

from . import morph  # the shared MorphVocab, built after pymorphy2's Python 3.11 fix
from .speedups import speed_up
from .tags import tag_sentences

BATCH_SIZE = 64  # articles per call; slovnet splits sentences into its own batches below this
MAX_SENTENCE_TOKENS = 1_000
NER_PIECE_TOKENS = 8_000
# tokens one NER call may pad to (items × longest item): its activations take ~10 kB a token
NER_CALL_TOKENS = 16_000


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
    models = Models(
        morph_vocab=morph.morph_vocab(),
        morph_tagger=NewsMorphTagger(emb),
        syntax_parser=NewsSyntaxParser(emb),
        ner_tagger=NewsNERTagger(emb),
    )
    for model in (models.morph_tagger, models.syntax_parser, models.ner_tagger):
        speed_up(model)  # the same outputs, less work (``speedups``)
    return models


def analyse(text: str) -> Doc:
    return analyse_batch([text])[0]


def analyse_batch(texts: list[str], syntax: bool = True) -> list[Doc]:
    """Segment, tag morphology and NER, and parse syntax for many texts at once; lemmas filled in.

    The dependency parse is read only around names (``entities.name_forms``: the case a name's
    relation implies), so only sentences holding a NER span are parsed; the others, most of a news
    body, keep no heads. It is the costliest model, so this is where the time goes down.
    """
    m = models()
    docs = [segmented(text) for text in texts]
    sents = [sent for doc in docs for sent in doc.sents]
    # slovnet pads each batch to its longest item: sorted by length, little padding is computed
    order = sorted(range(len(sents)), key=lambda k: len(sents[k].tokens))
    chunk = [sent_words(sents[k]) for k in order]
    tag_sentences(m.morph_tagger, [sents[k] for k in order], chunk)
    found = _ner(docs)
    if syntax:
        named = {id(sent) for doc in docs for sent in doc.sents if _holds_span(sent, found[id(doc)])}
        parsed = [(k, words) for k, words in zip(order, chunk, strict=True) if id(sents[k]) in named]
        markups = m.syntax_parser.map([words for _, words in parsed])
        for (k, _), markup in zip(parsed, markups, strict=True):
            inject_syntax(sents[k].tokens, markup.tokens)
        for doc in docs:
            for sent_id, sent in enumerate(doc.sents, 1):
                if id(sent) in named:
                    offset_syntax(sent_id, sent.tokens)
    for doc in docs:
        doc.spans = list(adapt_spans(doc, sorted(found[id(doc)])))
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()
    return docs


def _ner(docs: list[Doc]) -> dict[int, list[tuple[int, int, str]]]:
    """NER spans (start, stop, type) of each doc, by ``id(doc)``.

    slovnet's tagger takes texts and cuts them into words with razdel again; it is given the words
    the doc was already cut into (the same razdel tokens), and its tags are read back into spans
    on their offsets, as slovnet does with the offsets it finds itself."""
    infer = models().ner_tagger.infer
    # by length, as the sentences above: a whole short article is one piece, in the order it always had
    pieces = sorted((Piece(doc, *p) for doc in docs for p in ner_pieces(doc)), key=lambda p: p.stop - p.start)
    found: dict[int, list] = {id(doc): [] for doc in docs}
    for call in _calls(pieces):
        tokens = [_piece_tokens(p) for p in call]
        tags = infer.decoder(infer.process(infer.encoder([[t.text for t in ts] for ts in tokens])))
        for piece, piece_tokens, piece_tags in zip(call, tokens, tags, strict=True):
            found[id(piece.doc)] += [(s.start, s.stop, s.type) for s in bio_spans(piece_tokens, piece_tags)]
    return found


def _piece_tokens(piece: "Piece") -> list[DocToken]:
    tokens = piece.doc.tokens
    if piece.tokens == len(tokens):
        return tokens
    return [t for t in tokens if piece.start <= t.start < piece.stop]


def _holds_span(sent: DocSent, spans: list[tuple[int, int, str]]) -> bool:
    return any(start < sent.stop and stop > sent.start for start, stop, _ in spans)


@dataclass(frozen=True)
class Piece:
    doc: Doc
    start: int
    stop: int
    tokens: int


def _calls(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped into NER calls padded to at most NER_CALL_TOKENS tokens (eight pieces at most,
    slovnet's own batch). Grouping does not change the tags: slovnet masks the padding."""
    calls: list[list[Piece]] = [[]]
    for piece in pieces:
        call = calls[-1]
        longest = max([piece.tokens, *(p.tokens for p in call)])
        if call and (len(call) >= 8 or (len(call) + 1) * longest > NER_CALL_TOKENS):
            calls.append([])
        calls[-1].append(piece)
    return [call for call in calls if call]


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
    doc.sents = [part for sent in doc.sents if sent.tokens for part in _cut(text, sent)]  # spaces are no sentence
    return doc


def _cut(text: str, sent: DocSent) -> list[DocSent]:
    """A sentence of at most MAX_SENTENCE_TOKENS tokens, or its consecutive parts of that many."""
    if len(sent.tokens) <= MAX_SENTENCE_TOKENS:
        return [sent]
    parts = []
    for i in range(0, len(sent.tokens), MAX_SENTENCE_TOKENS):
        tokens = sent.tokens[i : i + MAX_SENTENCE_TOKENS]
        part = DocSent(tokens[0].start, tokens[-1].stop, text[tokens[0].start : tokens[-1].stop])
        part.tokens = tokens
        parts.append(part)
    return parts


def ner_pieces(doc: Doc) -> list[tuple[int, int, int]]:
    """(start, stop, tokens) of the pieces the NER tagger reads: the whole text when it is short
    enough, else runs of whole sentences of at most NER_PIECE_TOKENS tokens (a sentence has at most
    MAX_SENTENCE_TOKENS)."""
    if not doc.text.strip():
        return []
    if len(doc.tokens) <= NER_PIECE_TOKENS:
        return [(0, len(doc.text), len(doc.tokens))]
    runs: list[list[DocSent]] = [[]]
    count = 0
    for sent in doc.sents:
        if runs[-1] and count + len(sent.tokens) > NER_PIECE_TOKENS:
            runs.append([])
            count = 0
        runs[-1].append(sent)
        count += len(sent.tokens)
    return [(run[0].start, run[-1].stop, sum(len(s.tokens) for s in run)) for run in runs if run]


def batches(items: list, size: int = BATCH_SIZE):
    for i in range(0, len(items), size):
        yield items[i : i + size]
