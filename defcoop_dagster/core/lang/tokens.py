"""The one token model every stage reads: natasha's analysis of a body as plain records.

``lang.analysis`` runs natasha (razdel segmentation, the slovnet morphology tagger and syntax
parser, NER) once per article; ``sentences_of`` turns its ``Doc`` into these records. Tags are
Universal Dependencies: ``pos`` is a UD part of speech (NOUN, PROPN, VERB, ADJ, ADP, …),
``feats`` its features (Case=Gen, Tense=Fut, VerbForm=Part…), ``rel`` the relation to ``head``
(nsubj, obj, obl, nmod, conj, appos…). Offsets are into the body.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

_NO_FEATS: Mapping[str, str] = MappingProxyType({})


# records are not changed once made, but not frozen either: a frozen dataclass sets each field through
# object.__setattr__, and an article has thousands of tokens (sentences_of was 5 % of the extraction)
@dataclass(slots=True)
class Token:
    index: int  # position in its sentence
    start: int
    end: int
    text: str
    lemma: str  # lower case; the word itself when the tagger did not run on its sentence
    pos: str | None = None
    feats: Mapping[str, str] = field(default_factory=lambda: _NO_FEATS)
    head: int | None = None  # index of the syntactic head in the sentence; None at the root or unparsed
    rel: str | None = None

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")

    @property
    def tense(self) -> str | None:
        return self.feats.get("Tense")

    @property
    def number(self) -> str | None:
        return self.feats.get("Number")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # position in the body
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]

    def children(self, token: Token) -> Iterator[Token]:
        """Tokens whose syntactic head is ``token``."""
        return (t for t in self.tokens if t.head == token.index)

    def head_of(self, token: Token) -> Token | None:
        return self.tokens[token.head] if token.head is not None else None

    def token_at(self, offset: int) -> Token | None:
        """The token covering body offset ``offset``."""
        return next((t for t in self.tokens if t.start <= offset < t.end), None)


def _index(token_id: str | None) -> int | None:
    """natasha's '3_7' (sentence 3, token 7, 1-based; head 0 = root) → 6; None for the root."""
    if not token_id:
        return None
    n = int(token_id.rsplit("_", 1)[-1])
    return n - 1 if n > 0 else None


def sentences_of(doc) -> list[Sentence]:
    """The sentences of an analysed natasha ``Doc`` as records."""
    out = []
    for s, sent in enumerate(doc.sents):
        tokens = tuple(
            Token(
                index=i,
                start=t.start,
                end=t.stop,
                text=t.text,
                lemma=(t.lemma or t.text).lower(),
                pos=t.pos,
                feats=t.feats or _NO_FEATS,  # the tagger's mapping, one per tag (``tags.tag_parts``)
                head=_index(t.head_id) if t.rel is not None else None,
                rel=t.rel,
            )
            for i, t in enumerate(sent.tokens)
        )
        out.append(Sentence(s, sent.start, sent.stop, sent.text, tokens))
    return out
