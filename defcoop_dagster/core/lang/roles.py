"""Roles and military ranks written next to a name: which words they are, and a role's canonical form.

A role is a noun phrase headed by a post ("министр", "начальник", "посол") with its genitive
dependents ("обороны", "генерального штаба"); it stands in apposition to the name and so shares
its case ("министром обороны Грузии Ираклием Гарибашвили"). Ranks ("генерал-полковник") are kept
apart from roles. The vocabularies are word lists of the lexicon (``words/role_heads.txt``,
``rank_words.txt``, ``rank_tails.txt``, ``role_synonyms.tsv``, ``role_abbreviations.tsv``).
"""

import re
from functools import cache

from . import lexicon

ROLE_HEADS = lexicon.words("role_heads")
# Short posts written as one indeclinable word, which the tagger lemmatises oddly
INDECLINABLE_HEADS = frozenset({"замминистра", "замглавы", "замначальника", "замкомандующего"})
HONORIFICS = lexicon.words("honorific_titles")
RANK_WORDS = lexicon.words("rank_words")
RANK_TAILS = lexicon.words("rank_tails")
# «новый президент», «нынешний министр»: said of the holder, not of the post
HOLDER_ADJECTIVES = lexicon.words("holder_adjectives")
# Compound ranks not listed one by one ("генерал-полковник", "контр-адмирал").
RANK_PREFIXES = ("генерал-", "вице-адмирал", "контр-адмирал")
TRIMS = [
    # words standing for the country, which is a column of its own: "премьер-министр страны",
    # "начальник штаба этого островного государства"
    re.compile(
        r"(\w) (?:(?:эт|наш|сво|данн|т)(?:ой|ого) )?(?:[\w-]+(?:ой|ого) )*"
        r"(?:страны|республики|государства|королевства)$"
    ),
    # the army a General Staff or a directorate belongs to says no more than its state: "начальник
    # генерального штаба вооруженных сил", "заместитель начальника политического управления корейской народной армии"
    re.compile(
        r"(штаба|штабов|генштаба|штаба обороны|управления) "
        r"(?:вооруж[её]нных сил|вс|(?:[\w-]+ ){1,2}армии|армии обороны)$"
    ),
]


def is_role_head(lemma: str) -> bool:
    return lemma in ROLE_HEADS or lemma in INDECLINABLE_HEADS


def head_word(text: str, case: str | None) -> str | None:
    """The post ``text`` heads, in the nominative; None if it heads none."""
    from .inflect import nominative  # inflect loads the dictionary; roles' word lists do not need it

    lower = text.lower()
    if lower in INDECLINABLE_HEADS:
        return lower
    return nominative(text, case, "NOUN")


def is_post(role: str | None) -> bool:
    """A role that names an office; not what a person does at an event («глава делегации»), not a
    bare head that leaves the office unsaid («заместитель») (``words/non_posts.txt``)."""
    return bool(role) and role not in lexicon.words("non_posts") and "делегаци" not in role


def is_honorific(lemma: str) -> bool:
    """A title written before a name that is neither post nor rank: «шейх», «Его Величество»."""
    return lemma in HONORIFICS


def is_rank_word(lemma: str) -> bool:
    return lemma in RANK_WORDS or lemma.startswith(RANK_PREFIXES)


@cache
def _abbreviations() -> list[tuple[re.Pattern, str]]:
    # whole words only: "генсек" begins "генсек нато", not "генсекретариат"
    table = lexicon.table("role_abbreviations")
    return [(re.compile(rf"^{re.escape(short)}\b"), full) for short, full in table.items()]


def canonical_role(words: list[str]) -> str | None:
    """Join role words (already nominative where needed), lower case, synonyms resolved."""
    role = " ".join(w.lower() for w in words if w).replace("ё", "е")
    role = re.sub(r"\s+([,–—-])\s*$", "", role).strip(" ,–—-")
    if not role:
        return None
    for short, full in _abbreviations():
        role = short.sub(full, role)
    synonyms = lexicon.table("role_synonyms")
    role = synonyms.get(role, role)
    for trim in TRIMS:
        role = trim.sub(r"\1", role)
    return synonyms.get(role, role)  # «глава военного ведомства страны» once «страны» is gone
