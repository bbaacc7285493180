"""natasha's normal form of a NER span («Министерства обороны России» → «Министерство обороны
России»), computed once per distinct span.

``DocSpan.normalize`` inflects words to the nominative through pymorphy2, a parse and a lexeme per
word, and an article names the same people, places and bodies again and again. The normal form
depends only on what is in the key below: per word its text, part of speech, gender, number and
case (what natasha's ``inflect_word`` reads), its offsets within the span (the spaces it puts back)
and, for an organisation (normalised along its dependency tree), its head within the span.
"""

from natasha.doc import DocSpan

KEPT_SPANS = 50_000  # past it the cache starts again
_kept: dict[tuple, str] = {}


def normalize(span: DocSpan, vocab) -> None:
    """``span.normalize(vocab)``, the result kept for the next span with the same key."""
    key = _key(span)
    normal = _kept.get(key)
    if normal is None:
        span.normalize(vocab)
        if len(_kept) >= KEPT_SPANS:
            _kept.clear()
        normal = _kept[key] = span.normal
    span.normal = normal


def _key(span: DocSpan) -> tuple:
    tokens = span.tokens or []
    org = span.type == "ORG"
    where = {t.id: i for i, t in enumerate(tokens)} if org else {}
    return (
        org,
        tuple(
            (
                t.text,
                t.pos,
                t.feats.get("Gender"),
                t.feats.get("Number"),
                t.feats.get("Case"),
                t.start - span.start,
                t.stop - span.start,
                where.get(t.head_id, -1) if org else None,
            )
            for t in tokens
        ),
    )
