"""The events' word lists and tables, kept as data in ``lang/words/`` (read through ``lang.lexicon``).

An entry spelled with ё also matches its spelling with е, the way natasha writes lemmas. A phrase
("дорожная карта") is matched on the lemmas of consecutive tokens.
"""

from functools import cache

from ..lang import lexicon
from ..lang.morph import parse


def _with_e(entries) -> set[str]:
    return set(entries) | {e.replace("ё", "е") for e in entries}


@cache
def words(*names: str) -> frozenset[str]:
    """The entries of ``words/<name>.txt``, of every name given."""
    return frozenset(_with_e(set().union(*(lexicon.words(n) for n in names))))


@cache
def table(name: str) -> dict[str, str]:
    """The single words of ``words/<name>.tsv``: word → value."""
    out = {}
    for key, value in lexicon.table(name).items():
        if " " not in key:
            out |= dict.fromkeys(_with_e({key}), value)
    return out


@cache
def phrases(name: str) -> dict[tuple[str, ...], str]:
    """The phrases of ``words/<name>.tsv``, as the lemmas of their words → value."""
    out = {}
    for key, value in lexicon.table(name).items():
        if " " in key:
            lemmas = tuple(parse(w.lower())[0].normal_form.replace("ё", "е") for w in key.split())
            out[lemmas] = value
    return out


def phrase_ending_at(tokens, i: int, name: str) -> tuple[int, str] | None:
    """(index of its first token, value) of a phrase of ``words/<name>.tsv`` that ends at token ``i``."""
    for lemmas, value in _by_last(name).get(tokens[i].lemma.replace("ё", "е"), ()):
        first = i - len(lemmas) + 1
        if first >= 0 and tuple(t.lemma.replace("ё", "е") for t in tokens[first : i + 1]) == lemmas:
            return first, value
    return None


@cache
def _by_last(name: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The phrases of ``name`` by their last lemma, in their order: looked up at every token."""
    index: dict[str, list] = {}
    for lemmas, value in phrases(name).items():
        index.setdefault(lemmas[-1], []).append((lemmas, value))
    return index
