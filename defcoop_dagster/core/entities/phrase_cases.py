"""The cases a word of an apposition can be in: the tagger gives one guess, the dictionary all forms."""

from ..lang.inflect import UD_TO_OC_CASE
from ..lang.morph import morph_vocab
from ..lang.roles import is_role_head


def can_be_in_case(word: str, ud_case: str) -> bool:
    """Apposition agrees in case; the tagger's single guess is not trusted, the word's forms are."""
    oc = UD_TO_OC_CASE.get(ud_case, "nomn")
    return any(p.tag.case == oc for p in morph_vocab().parse(word.lower()))


def is_genitive(t) -> bool:
    """A word of a genitive phrase; the tagger leaves some compound adjectives without a case
    («военно-промышленного»), so the dictionary is asked for those."""
    if t.pos not in ("NOUN", "ADJ", "PROPN", "VERB", "DET"):
        return False
    case = t.feats.get("Case")
    return case == "Gen" or (case is None and t.pos == "ADJ" and can_be_in_case(t.text, "Gen"))


def instrumental(t) -> bool:
    instrumental = t.pos in ("NOUN", "ADJ", "PROPN", "VERB") and t.feats.get("Case") == "Ins"
    return instrumental and not is_role_head(t.lemma or "")


def dative(t) -> bool:
    """A word of a dative phrase: "стратегическим … вопросам"; an abbreviation ("по ВТС") in any case."""
    case = t.feats.get("Case")
    dative = t.pos in ("NOUN", "ADJ", "PROPN") and case == "Dat"
    untagged = case is None and t.pos == "ADJ" and can_be_in_case(t.text, "Dat")  # «военно-техническому»
    return dative or untagged or (t.text.isupper() and len(t.text) > 1)


def outer_post(tokens, j: int, name_cases: set[str]) -> int | None:
    """The post one to three genitive words before ``j`` that governs them, when it may be in the name's
    case: «председатель [объединенного комитета] начальников штабов» (``j``: «комитета»)."""
    k = j
    while k >= 0 and j - k < 3 and is_genitive(tokens[k]) and not is_role_head((tokens[k].lemma or "").lower()):
        k -= 1
    if k == j or k < 0 or not any(t.pos == "NOUN" for t in tokens[k + 1 : j + 1]):
        return None
    t = tokens[k]
    return k if is_role_head((t.lemma or "").lower()) and any(can_be_in_case(t.text, c) for c in name_cases) else None
