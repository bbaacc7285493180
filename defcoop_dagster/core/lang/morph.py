"""One shared Russian morphology analyser (pymorphy2 through natasha's MorphVocab).

pymorphy2 looks words up in its DAWG dictionaries through the C module ``dawg`` (the DAWG2
package) when it is installed, else through pure-Python DAWG-Python: the same parses, ~3x faster.

pymorphy2 0.9 calls ``inspect.getargspec``, which Python 3.11 removed. yargy ships a
hot-fix that it applies when ``yargy.morph`` is imported; importing it here, before anything
builds an analyser, makes that independent of which module a user happens to import first.
"""

from functools import lru_cache

import yargy.morph  # noqa: F401  (side effect: patches pymorphy2 for Python 3.11)
from natasha import MorphVocab


@lru_cache(maxsize=1)
def morph_vocab() -> MorphVocab:
    """The process-wide analyser; loading the dictionaries takes ~0.5 s and ~100 MB."""
    return MorphVocab()


def parse(word: str):
    """pymorphy2 parses of ``word``, most likely first."""
    return morph_vocab().parse(word)


_NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn")


def common_word(word: str) -> bool:
    """The dictionary knows ``word`` (not guessed), and not as a name, surname or place: a
    capitalised common noun the tagger calls proper («Департамента», «Отставку» opening a sentence)."""
    known = [p for p in parse(word.lower()) if len(p.methods_stack) == 1]
    return bool(known) and not any(n in p.tag for p in known for n in _NAME_TAGS)
