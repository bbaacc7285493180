"""Roles and military ranks written next to a name: the vocabulary and its nominative form.

A role is a noun phrase headed by a post ("министр", "начальник", "посол") with its genitive
dependents ("обороны", "генерального штаба"); it stands in apposition to the name and so shares
its case ("министром обороны Грузии Ираклием Гарибашвили"). Ranks ("генерал-полковник") are kept
apart from roles.
"""

import re

from .morph import morph_vocab

# Lemmas that head a post. Kept as lemmas: the tagger gives them in any case and number.
ROLE_HEADS = {
    "министр",
    "замминистра",
    "президент",
    "вице-президент",
    "премьер-министр",
    "премьер",
    "вице-премьер",
    "посол",
    "атташе",
    "секретарь",
    "генсек",
    "начальник",
    "заместитель",
    "замначальника",
    "председатель",
    "зампред",
    "командующий",
    "главнокомандующий",
    "главком",
    "глава",
    "король",
    "королева",
    "принц",
    "эмир",
    "султан",
    "шейх",
    "директор",
    "руководитель",
    "помощник",
    "советник",
    "спикер",
    "канцлер",
    "представитель",
    "полпред",
    "командир",
    "губернатор",
    "мэр",
}
RANK_WORDS = {
    "генерал",
    "генерал-полковник",
    "генерал-лейтенант",
    "генерал-майор",
    "адмирал",
    "вице-адмирал",
    "контр-адмирал",
    "маршал",
    "полковник",
    "подполковник",
    "майор",
    "капитан",
    "лейтенант",
    "бригадный",
    "генерал-полковника",
    "флота",
    "армии",
    "ранга",
}
# Words of a rank that follow its head: "генерал армии", "капитан 1 ранга", "адмирал флота"
RANK_TAILS = {"армии", "флота", "ранга"}
# Synonyms a careful annotator writes as the post itself
SYNONYMS = [
    (
        re.compile(
            r"^глава (?:оборонного|военного) ведомства$|^глава (?:минобороны|мо|министерства обороны)$|"
            r"^руководитель (?:минобороны|оборонного ведомства|министерства обороны)$"
        ),
        "министр обороны",
    ),
    (
        re.compile(r"^глава (?:мид|внешнеполитического ведомства|министерства иностранных дел)$"),
        "министр иностранных дел",
    ),
    (re.compile(r"^генсек\b"), "генеральный секретарь"),
    (re.compile(r"^замминистра\b"), "заместитель министра"),
    (re.compile(r"^глава государства$"), "президент"),
    (re.compile(r"^глава правительства$"), "премьер-министр"),
    (re.compile(r"^начальник генштаба\b"), "начальник генерального штаба"),
]
TRIMS = [
    # the army a General Staff belongs to says no more: "начальник генерального штаба вооруженных сил"
    re.compile(r"(штаба|штабов|генштаба) (?:вооруж[её]нных сил|[\w-]+ армии)$"),
    # words standing for the country, which is a column of its own: "премьер-министр страны"
    re.compile(r"(\w) (?:этой |нашей |своей |данной )?(?:страны|республики|государства|королевства)$"),
]


def is_role_head(lemma: str) -> bool:
    return lemma in ROLE_HEADS


def is_rank_word(lemma: str) -> bool:
    return lemma in RANK_WORDS or lemma.startswith(("генерал-", "вице-адмирал", "контр-адмирал"))


def nominative(word: str, case: str | None, pos: str | None) -> str:
    """``word`` put in the nominative singular, as the tagger's case tells which parse is meant."""
    vocab = morph_vocab()
    lower = word.lower()
    for form in vocab.parse(lower):
        if case and form.feats.get("Case") not in (case, None):
            continue
        if pos and form.pos not in (pos, "PROPN" if pos == "NOUN" else pos):
            continue
        try:
            inflected = form.inflect({"Nom", "Sing"}) or form.inflect({"Nom"})
        except (KeyError, ValueError):
            inflected = None
        if inflected is not None:
            return inflected.word
    return lower


def canonical_role(words: list[str]) -> str | None:
    """Join role words (already nominative where needed), lower case, synonyms resolved."""
    role = " ".join(w.lower() for w in words if w).replace("ё", "е")
    role = re.sub(r"\s+([,–—-])\s*$", "", role).strip(" ,–—-")
    if not role:
        return None
    for pattern, canon in SYNONYMS:
        role = pattern.sub(canon, role)  # whole-role patterns end in $, prefix patterns do not
    for trim in TRIMS:
        role = trim.sub(r"\1", role)
    return role
