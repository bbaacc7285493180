"""The states a sentence names as the sides of what it reports: not a topic ("о Сирии"), not a mere
place, not a public ("российская журналистка"); a side noun's state, a subject or с-phrase of a
meeting word, states joined by a dash, an adjective of two states on the talks.
"""

from ..gazetteers.countries import ORG_CODES, resolve_country
from ..lang.tokens import Sentence
from .clauses import Ranges, outside, token_before
from .context import ArticleContext
from .grammar import has_with, is_present
from .reading import MEETING_WORDS, PLACE_PREPOSITIONS, VISIT_VERBS
from .triggers import AUDIENCE_NOUNS, MEETING_NOUNS
from .vocabulary import words

TOPIC_PREPOSITIONS = words("topic_prepositions")
TOPIC_NOUNS = words("state_topic_nouns")
# nouns whose state is a side: "делегациями Азербайджана", "белорусская делегация"
SIDE_NOUNS = words("side_officials", "side_delegations", "side_bodies", "side_staff")


def party_states(ctx: ArticleContext, sent: Sentence, visit: bool, skip: Ranges, strict: bool = False) -> set[str]:
    """States a sentence names as taking part: not a topic ("о Сирии") and not a mere place.

    ``strict``: only states named as a side ("делегации Азербайджана", "лидеры Армении и России",
    "белорусская делегация"), for sentences that name no person.
    """
    out = set()
    for s in ctx.in_sentence(ctx.states, sent):
        if not outside(skip, s.start):
            continue
        if strict and not (_named_as_side(sent, s.start, s.end) or _paired(ctx, sent, s)):
            continue
        prev = token_before(sent, s.start)
        prep = prev.lemma if prev is not None else ""
        if prep in TOPIC_PREPOSITIONS or _of_a_public(sent, s) or _of_a_topic(sent, s) or _in_a_gloss(sent, s):
            continue
        if prep in PLACE_PREPOSITIONS and not visit:
            continue  # "ситуация в Сирии": a place; "визит в Азербайджан": the host
        out.add(s.value)
    # "совершил визит в Минск": the capital stands for its state; not a city that houses the
    # organisation visited ("прибыл в штаб-квартиру НАТО в Брюсселе")
    if visit and not out & ORG_CODES:
        for p in ctx.in_sentence(ctx.places, sent):
            prev = token_before(sent, p.start)
            code = resolve_country(str(p.value))
            at = prev is not None and (prev.lemma in PLACE_PREPOSITIONS or prev.lemma in VISIT_VERBS)  # "посетил Киев"
            if code and at and outside(skip, p.start):
                out.add(code)
    return out


def _in_a_gloss(sent: Sentence, span) -> bool:
    """ "передает ЦТАК (Центральное телеграфное агентство Кореи – ред.)": the words in brackets after an
    abbreviation spell it out; the abbreviation is what the sentence names, and a state it holds is read there."""
    depth, opened = 0, None
    for t in sent.tokens:
        if t.start >= span.start:
            break
        if t.text == "(":
            depth, opened = depth + 1, t
        elif t.text == ")":
            depth = max(0, depth - 1)
    if not depth or opened is None or opened.index == 0:
        return False
    before = sent.tokens[opened.index - 1]
    return len(before.text) > 1 and before.text.isupper()


def _of_a_topic(sent: Sentence, span) -> bool:
    """ "обсудить поддержку Украины": a state in the genitive of what is talked about."""
    tok = sent.token_at(span.start)
    head = sent.head_of(tok) if tok is not None and tok.rel == "nmod" else None
    return head is not None and head.lemma in TOPIC_NOUNS


def _of_a_public(sent: Sentence, span) -> bool:
    """ "российская журналистка": a state's adjective on one of a public names no side."""
    tok = sent.token_at(span.start)
    head = sent.head_of(tok) if tok is not None and tok.pos == "ADJ" else None
    return head is not None and head.lemma in AUDIENCE_NOUNS


def _paired(ctx: ArticleContext, sent: Sentence, span) -> bool:
    """States joined by a dash name the sides: "сотрудничество Армения-Греция-Кипр", "Россия – Китай"."""
    near = [o for o in ctx.in_sentence(ctx.states, sent) if o is not span and o.value != span.value]
    for o in near:
        gap = sent.text[min(o.end, span.end) - sent.start : max(o.start, span.start) - sent.start]
        if gap.strip() in ("-", "–", "—") and len(gap) <= 3:
            return True
    return False


def _named_as_side(sent: Sentence, start: int, end: int) -> bool:
    """A side noun governs the state ("делегациями Азербайджана", "лидеры Армении, Азербайджана и
    России", through a list of states), or the state is an adjective of one ("белорусская делегация")."""
    toks = sent.tokens
    idx = [i for i, t in enumerate(toks) if start <= t.start < end]
    if not idx:
        return False
    if _side_by_syntax(sent, toks[idx[0]]):
        return True
    j = idx[0] - 1
    while j >= 0:  # back through the list, however long ("делегации Азербайджана, …, и Украины")
        t = toks[j]
        if t.lemma in SIDE_NOUNS:
            return True
        if t.text in {",", "и", "—", "–"} or t.case == "Gen":  # "министров обороны государств — участников СНГ"
            j -= 1
            continue
        break
    # past the adjectives coordinated with it: "с канадским и польским министрами"
    k = idx[-1] + 1
    while k < len(toks) and (toks[k].pos == "ADJ" or toks[k].text in {",", "и"}):
        k += 1
    after = toks[idx[-1] + 1 : idx[-1] + 3] + toks[k : k + 1]
    # "российско-индийские переговоры": an adjective of two states names both sides of the talks
    sides = SIDE_NOUNS | (MEETING_NOUNS if "-" in sent.text[start - sent.start : end - sent.start] else set())
    return toks[idx[-1]].pos == "ADJ" and any(t.lemma in sides for t in after)


def _side_by_syntax(sent: Sentence, tok) -> bool:
    """ "Вьетнам и Индия провели переговоры": the subject (or its conjunct) of a meeting verb's clause;
    "провела переговоры с Сирией": a с-phrase of a meeting word."""
    head = sent.head_of(tok)
    if tok.rel == "conj" and head is not None:
        tok, head = head, sent.head_of(head)
    if head is None:
        return False
    if is_present(head):
        return False  # "Великобритания продолжает переговоры с ЕС": a process, not a meeting
    if tok.rel in ("nsubj", "nsubj:pass"):
        return head.lemma in MEETING_WORDS or any(c.lemma in MEETING_WORDS for c in sent.children(head))
    return has_with(sent, tok) and head.lemma in MEETING_WORDS
