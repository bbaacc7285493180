"""The lexicon: word lists kept as plain data files in ``words/``, the way natasha keeps its dictionaries.

A list is a text file with one entry per line (a lemma, or a lower-case phrase); ``#`` starts a
comment, blank lines are skipped. A table is a ``.tsv`` file whose lines are ``key<TAB>value``.
The first comment lines of a file say what the list is for, so a linguist can extend it without
reading the rules that use it.
"""

from functools import cache
from pathlib import Path

WORDS = Path(__file__).resolve().parent / "words"


def _entries(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return out


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``words/<name>.txt``."""
    return frozenset(_entries(WORDS / f"{name}.txt"))


@cache
def table(name: str) -> dict[str, str]:
    """``words/<name>.tsv`` as a mapping of its first column to its second (empty second column: '')."""
    out = {}
    for entry in _entries(WORDS / f"{name}.tsv"):
        key, _, value = entry.partition("\t")
        out[key.strip()] = value.strip()
    return out


def names() -> list[str]:
    """Every list and table of the lexicon, for tests and documentation."""
    return sorted(p.stem for p in WORDS.iterdir() if p.suffix in (".txt", ".tsv"))
