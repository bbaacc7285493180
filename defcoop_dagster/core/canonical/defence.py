"""Is a meeting or a document about defence or military cooperation, and which sign says so.

In order: a participant who holds a post or rank in a defence establishment; a military alliance as
a side; the document's name or the sentence reporting it speaking of defence; the paragraph around it
("Стороны обсудили вопросы военного сотрудничества" — how meetings of presidents qualify); the headline.
The words are lexicon data (``lang/words/defence_*.txt``), matched as word beginnings.
"""

import re
from functools import cache

from ..lang import lexicon

WORD = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)*")
NOT_DEFENCE = "no sign of defence"


@cache
def _phrases() -> list[tuple[str, ...]]:
    return [tuple(p.split()) for p in lexicon.words("defence_phrases")]


def speaks_of_defence(text: str | None) -> bool:
    words = WORD.findall((text or "").lower())
    for phrase in _phrases():
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if all(words[i + k].startswith(stem) for k, stem in enumerate(phrase)):
                return True
    return False


def defence_post(role: str | None) -> bool:
    stems = lexicon.words("defence_roles")
    return any(word.startswith(tuple(stems)) for word in WORD.findall((role or "").lower()))


def defence_flag(
    roles: list[str | None],
    countries: set[str],
    evidence: str,
    paragraph: str = "",
    headline: str = "",
    title: str | None = None,
) -> tuple[bool, str]:
    """(flag, the rule that decided it) for one meeting or document: the posts and ranks of its people,
    its sides, the sentence that reports it, its paragraph and its article's headline (a document's
    name as ``title``)."""
    if any(defence_post(role) for role in roles):
        return True, "defence_official"
    if countries & lexicon.words("defence_organisations"):
        return True, "military_alliance"
    if speaks_of_defence(title):
        return True, "defence_document"
    if speaks_of_defence(evidence):
        return True, "defence_sentence"
    if speaks_of_defence(paragraph):
        return True, "defence_paragraph"
    if speaks_of_defence(headline):
        return True, "defence_headline"
    return False, NOT_DEFENCE


def paragraph_of(body: str, start: int, end: int) -> str:
    """The paragraph (between line breaks) holding body[start:end]."""
    left = body.rfind("\n", 0, start) + 1
    right = body.find("\n", end)
    return body[left : right if right != -1 else len(body)]


def headline_of(body: str) -> str:
    return body.split("\n", 1)[0]
