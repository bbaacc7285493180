"""Where a meeting was when its own sentence does not say: the city of the visit it belongs to, a
sentence beside it that says where it took place, the meeting of its people told before, the dateline."""

from ..gazetteers.countries import capital_of, resolve_country
from ..lang.spelling import fold
from .candidates import Candidate, Hint
from .clauses import token_before
from .context import ArticleContext
from .meeting import Meeting, dates_agree
from .reading import PLACE_PREPOSITIONS, VISIT_VERBS


def told(m: Meeting, visit: Candidate) -> bool:
    """A meeting with a meeting word of the visitor's, in the sentences after the visit's."""
    after = m.evidence.index > visit.sentence.index
    return m.strong and not m.earlier and after and set(visit.persons) <= set(m.persons)


def visit_place(cands: list[Candidate], found: list[Meeting]) -> None:
    """ "прибыл в Брюссель … встретится с коллегами": the meetings of a visitor with no place of their
    own are in the one city the article says the visitor went to."""
    visits = [c for c in cands if c.rule == "visit" and c.place and c.persons and not c.earlier]
    if len({c.place for c in visits}) != 1:
        return
    visitors = {p for c in visits for p in c.persons}
    for m in found:
        if m.place is None and not m.earlier and visitors & set(m.persons):
            m.place = visits[0].place


def hint_place(hint: Hint, found: list[Meeting]) -> None:
    """ "Встреча состоялась в Алма-Ате", "В ходе визита в Минск … подписан протокол": the place of the
    nearest meeting told within two sentences, before or after, that has none."""
    near = [m for m in found if abs(m.evidence.index - hint.sentence.index) <= 2 and not m.earlier]
    near.sort(key=lambda m: (abs(m.evidence.index - hint.sentence.index), m.evidence.index > hint.sentence.index))
    if near and near[0].place is None:
        near[0].place = hint.place


def carry_places(ctx: ArticleContext, found: list[Meeting]) -> None:
    """A meeting with no place of its own is where its people's meeting told before it was ("В ходе
    визита запланирована встреча …"); failing that, where the report was filed (its dateline)."""
    for m in sorted(found, key=lambda m: m.evidence.index):
        if m.place is not None:
            continue
        # an earlier visit's meetings ("Прошлый визит … в Баку. Тогда … встретился …") among themselves
        before = [
            o
            for o in found
            if o.place
            and o.earlier == m.earlier
            and dates_agree(o.date, m.date)
            and o is not m
            and o.evidence.index <= m.evidence.index
            and set(o.persons) & set(m.persons)
        ]
        if before:
            m.place = max(before, key=lambda o: o.evidence.index).place
        elif m.earlier:
            continue
        elif ctx.dateline_place and not _names_a_state(ctx.dateline_place) and not _elsewhere(ctx, m):
            m.place = ctx.dateline_place


def _elsewhere(ctx: ArticleContext, m: Meeting) -> bool:
    """The meeting's sentence puts it in a state other than the dateline city's: «ЕРЕВАН … посетил
    Грецию, где провел переговоры» was not in Yerevan."""
    home = resolve_country(ctx.dateline_place or "")
    if home is None:
        return False
    sent = m.evidence
    for s in ctx.in_sentence(ctx.states, sent):
        prev, tok = token_before(sent, s.start), sent.token_at(s.start)
        head = sent.head_of(tok) if tok is not None else None
        # where someone went or is («посетил Грецию», «находится в Китае»), not a topic («ситуация в Сирии»)
        went = prev is not None and (
            prev.lemma in VISIT_VERBS or (prev.lemma in PLACE_PREPOSITIONS and head is not None and head.pos == "VERB")
        )
        if went and s.value != home:
            return True
    return False


def _names_a_state(place: str) -> bool:
    """ "Азербайджан, 3 июня" is a state, not a city (by the gazetteer: a city-state's name is its capital's)."""
    code = resolve_country(place)
    return code is not None and fold(capital_of(code) or "") != fold(place)  # «КИШИНЕВ» is Кишинёв
