"""Is a meeting or a document about defence or military cooperation, and which sign says so.

In order: a participant who holds a post or rank in a defence establishment; the document's name or
the sentence reporting it speaking of defence (``defence_phrases``: armed forces, arms, defence
establishments); the sentences around it in its paragraph or the headline speaking of defence *ties*
(``defence_cooperation``: "Стороны обсудили вопросы военного сотрудничества" in the next sentences —
how meetings of presidents qualify). The wider the text, the narrower the words: a paragraph on a war or
on arms control beside a political meeting does not make the meeting military. Nor does a military
alliance as a side by itself: its summits and ministerials on trade or migration are political, and
one on defence says so (its defence ministers, its sentence). The words are lexicon data
(``lang/words/defence_*.txt``), matched as word beginnings.
"""

import re
from functools import cache

from ..lang import lexicon

WORD = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)*")
NOT_DEFENCE = "no sign of defence"


@cache
def _phrases(name: str) -> list[tuple[str, ...]]:
    return [tuple(p.split()) for p in lexicon.words(name)]


def speaks_of_defence(text: str | None, phrases: str = "defence_phrases") -> bool:
    """Whether ``text`` holds a phrase of the word list ``phrases`` (word beginnings, in sequence)."""
    words = WORD.findall((text or "").lower())
    for phrase in _phrases(phrases):
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
    its sides, the sentence that reports it, the sentences around it in its paragraph (``paragraph``,
    see ``around``) and its article's headline (a document's name as ``title``)."""
    if any(defence_post(role) for role in roles):
        return True, "defence_official"
    if speaks_of_defence(title):
        return True, "defence_document"
    if speaks_of_defence(evidence):
        return True, "defence_sentence"
    if speaks_of_defence(paragraph, "defence_cooperation"):
        return True, "defence_paragraph"
    if speaks_of_defence(headline, "defence_cooperation"):
        return True, "defence_headline"
    return False, NOT_DEFENCE


AROUND = (1, 2)  # sentences read before and after the one that reports the event ("Стороны обсудили…")


def around(body: str, spans: list[tuple[int, int]], index: int) -> str:
    """The text of the sentence ``spans[index]`` with its neighbours (AROUND) in the same paragraph:
    where a report says what the sides discussed. A long paragraph's far end speaks of other things."""
    first = last = index
    while first > 0 and index - first < AROUND[0] and "\n" not in body[spans[first - 1][1] : spans[first][0]]:
        first -= 1
    while last + 1 < len(spans) and last - index < AROUND[1] and "\n" not in body[spans[last][1] : spans[last + 1][0]]:
        last += 1
    return body[spans[first][0] : spans[last][1]]


def headline_of(body: str) -> str:
    return body.split("\n", 1)[0]
