"""What the event rules ask of a token, in natasha's Universal Dependencies tags."""

from functools import lru_cache

from ..lang.lexicon import words
from ..lang.morph import common_word, parse
from ..lang.tokens import Sentence, Token


def is_modifier(t: Token) -> bool:
    """An adjective, a determiner ("свой", "этот") or a participle: what stands between a verb or a
    preposition and its noun ("принял своего турецкого коллегу", "к межправительственным соглашениям")."""
    return t.pos in ("ADJ", "DET") or t.feats.get("VerbForm") == "Part"


def is_finite(t: Token) -> bool:
    return t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin"


def is_future(t: Token) -> bool:
    """A finite verb in the future: "встретится", "проведут", "будет" (natasha tags the auxiliary
    "быть" present, but its only non-past finite forms besides "есть" are future ones)."""
    if not is_finite(t):
        return False
    return t.tense == "Fut" or (t.lemma == "быть" and t.tense == "Pres" and _can_be_future(t.text.lower()))


@lru_cache(maxsize=64)
def _can_be_future(word: str) -> bool:
    return any(p.normal_form == "быть" and p.tag.tense == "futr" for p in parse(word))


def is_present(t: Token) -> bool:
    """A finite verb in the present ("проводит"); not the auxiliary of the future ("будет")."""
    return is_finite(t) and t.tense == "Pres" and not is_future(t)


def is_short_participle(t: Token) -> bool:
    """ "принята", "подписан": the passive's verb, its subject is what is acted on."""
    return t.feats.get("VerbForm") == "Part" and t.feats.get("Variant") == "Short"


PLAN_MODALS = words("plan_modals")
INTENT_VERBS = words("plan_intent_verbs")


def is_modal_ahead(tokens: list[Token], i: int, events: frozenset[str]) -> bool:
    """«встреча может состояться», «должны встретиться», «могли бы посетить», «договорились провести»:
    a modal or a verb of intent that puts an infinitive of ``events`` after it ahead; not «смогли
    встретиться», «должен был встретиться», nor a modal of another verb («должен вернуться»)."""
    t = tokens[i]
    if t.lemma not in PLAN_MODALS and t.lemma not in INTENT_VERBS:
        return False
    # «пригласил министра посетить»: past the one invited
    intent = t.lemma in INTENT_VERBS
    near = tokens[i + 1 : i + (10 if intent else 3)]
    rest = [x for x in near if x.pos != "ADV" and not (intent and x.pos in ("NOUN", "PROPN", "ADJ", "DET"))]
    conditional = bool(rest) and rest[0].lemma == "бы"
    rest = rest[1:] if conditional else rest
    ahead = conditional or t.tense != "Past" or intent
    return ahead and bool(rest) and rest[0].feats.get("VerbForm") == "Inf" and rest[0].lemma in events


def is_common_noun(t: Token) -> bool:
    """A common noun; one opening a sentence the tagger may call proper («Отставку приняла …»)."""
    return t.pos == "NOUN" or (t.pos == "PROPN" and common_word(t.text))


def has_with(sent: Sentence, t: Token) -> bool:
    """The noun of a с-phrase: «с министром» (the preposition is its case dependent)."""
    return any(c.rel == "case" and c.lemma in ("с", "со") for c in sent.children(t))


def meets_someone(sent: Sentence, t: Token) -> bool:
    """A с-phrase among the word's dependents: «заседание с делегацией», «встретился с министром»."""
    return any(has_with(sent, c) for c in sent.children(t))
