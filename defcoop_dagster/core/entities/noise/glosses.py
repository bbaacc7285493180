"""A name's spelling in its own script added in parentheses: «Лианг Гуангли (Liang Guanglie)».

Russian news glosses a foreign name with its Latin spelling once, at its first mention. natasha
takes the gloss into the person's span (its last word then passes for the surname) or tags it as
a person of its own; either way it is a second spelling of the name before it, not a name.
"""

import re

from natasha.doc import DocSpan

_OPENING = re.compile(r"\s*\(")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z.'’\- ]*")


def without_gloss(body: str, span) -> DocSpan:
    """``span`` cut before a parenthesis it runs into: a name has none, what follows is a gloss."""
    text = body[span.start : span.stop]
    cut = text.find("(")
    tokens = span.tokens or []
    if cut <= 0 or not tokens:
        return span
    end = span.start + len(text[:cut].rstrip())
    kept = [t for t in tokens if t.stop <= end]
    if not kept:
        return span
    return DocSpan(kept[0].start, kept[-1].stop, span.type, body[kept[0].start : kept[-1].stop], tokens=kept)


def is_gloss(body: str, start: int, end: int) -> bool:
    """body[start:end] is a Latin spelling inside parentheses: «(Liang Guanglie)»."""
    before = body[max(0, start - 3) : start]
    return (
        _LATIN_NAME.fullmatch(body[start:end]) is not None
        and before.rstrip().endswith("(")
        and body[end : end + 3].lstrip().startswith(")")
    )
