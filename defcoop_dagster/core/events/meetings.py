"""Meetings: who met whom, when, where, for which countries, from the candidates of an article.

A sentence with a meeting trigger (встреча, переговоры, принял делегацию, визит…) gives a
candidate (``candidates``). Candidates are joined into distinct meetings: the same named people
make one meeting; a new counterpart makes another; a sentence naming one person only ("прошлый
визит Герасимова в Баку") joins a meeting of that person on the same date, or stands alone with
the other side supplied by the article's principal.
"""

from dataclasses import replace

from . import places
from .candidates import Candidate, Hint, candidates
from .context import ArticleContext
from .meeting import Meeting, dates_agree
from .sessions import is_session, sessions
from .sides import complete
from .triggers import MEETING_NOUNS


def meetings(ctx: ArticleContext, signing_sentences: set[int]) -> list[Meeting]:
    """The article's distinct meetings of two or more states."""
    cands, hints = candidates(ctx, signing_sentences)
    return join(ctx, cands, hints)


def join(ctx: ArticleContext, cands: list[Candidate], hints: list[Hint]) -> list[Meeting]:
    """Distinct meetings from candidates (see the module docstring)."""
    # partial: one person named, or people named without a meeting word ("Таран посещает Тбилиси")
    partial: list[Candidate] = []
    full: list[Candidate] = []
    for c in split_hosts(ctx, cands):
        if (len(c.persons) == 1 and not c.split) or (not c.strong and c.persons):
            partial.append(c)
        else:
            full.append(c)
    found = _join_full(ctx, full)
    found += _place_partial(ctx, found, partial)
    for hint in hints:
        undated = [m for m in found if m.date is None and hint.states <= m.states]
        if hint.date is not None and len(undated) == 1:
            undated[0].date = hint.date
        elif hint.date is not None:
            _announced(hint, found)
        if hint.place:
            places.hint_place(hint, found)
    places.visit_place(cands, found)
    places.carry_places(ctx, found)
    found += sessions(ctx, found)
    return [m for m in found if len(m.states) >= 2]


def split_hosts(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    """One meeting per host: "встретился с премьер-министром X и своим коллегой Y" (everyone named
    from one state, the guest elsewhere) and "A проведет переговоры с X и встретится с Y" (one
    guest, several hosts of one state) are two meetings each."""
    out = []
    for c in cands:
        by_state: dict[str | None, list[str]] = {}
        for p in c.persons:
            by_state.setdefault(ctx.persons[p].country, []).append(p)
        if not c.strong or len(c.persons) < 2 or None in by_state or c.together:
            out.append(c)
        elif len(by_state) == 1:
            out += [replace(c, persons=[p], split=True) for p in c.persons]
        elif (
            len(by_state) == 2
            and sorted(len(v) for v in by_state.values()) == [1, len(c.persons) - 1]
            and len(c.persons) >= 3
            and _hosts_after_with(ctx, c, next(v[0] for v in by_state.values() if len(v) == 1))
        ):
            guest = next(v[0] for v in by_state.values() if len(v) == 1)
            out += [replace(c, persons=[guest, p], split=True) for p in c.persons if p != guest]
        else:
            out.append(c)
    return out


def _hosts_after_with(ctx: ArticleContext, c: Candidate, guest: str) -> bool:
    """The hosts are named after the guest, in a "с"-phrase: "A встретился с X и с Y"."""
    first = {pid: s for s, _, pid in reversed(ctx.person_spans) if c.sentence.start <= s < c.sentence.end}
    if guest not in first:
        return False
    hosts = [first[p] for p in c.persons if p != guest and p in first]
    if not hosts or min(hosts) < first[guest]:
        return False
    return any(t.lemma in ("с", "со") and first[guest] < t.start < min(hosts) for t in c.sentence.tokens)


def _join_full(ctx: ArticleContext, cands: list[Candidate]) -> list[Meeting]:
    """Meetings of the candidates with a meeting word that name people of both sides, or only states."""
    found: list[Meeting] = []
    for c in cands:
        if c.split and c.rule == "bilateral":
            target = None  # "двусторонние встречи с канадским и польским министрами": one each
        elif c.persons:
            target = next((m for m in found if set(c.persons) == set(m.persons) and dates_agree(c.date, m.date)), None)
            # "лидеры … провели переговоры. Во время встречи Пашинян и Алиев …": names for that meeting
            target = target or _unnamed_meeting_of(found, c)
            if c.rule == "signing" and not c.earlier:
                # signers of the two states of a meeting told before sign at that meeting
                target = target or next(
                    (m for m in found if m.states == c.states and not m.earlier and dates_agree(c.date, m.date)), None
                )
        elif c.split:
            target = None
        else:
            target = next((m for m in found if c.states <= m.states and dates_agree(c.date, m.date)), None)
        if target is None:
            found.append(_new(c))
            if c.split:
                complete(ctx, found[-1])  # the guest joins each host's meeting at once
        else:
            _absorb(target, c)
    for m in found:
        complete(ctx, m)  # the guest joins each host's meeting before partial candidates are placed
    return found


def _place_partial(ctx: ArticleContext, found: list[Meeting], partial: list[Candidate]) -> list[Meeting]:
    """Partial candidates join a meeting of theirs, or make new meetings, which are returned."""
    born: list[Meeting] = []  # meetings of partial candidates, open to the other side's name
    for c in partial:
        earlier = c.earlier  # "прошлый визит": another meeting
        # a new set of counterparts ("встретится с коллегами из США, Польши …") is another meeting
        holding = [
            m
            for m in found
            if m not in born
            and set(c.persons) <= set(m.persons)
            and (c.strong or c.states <= m.states)
            and len(c.states - m.states) < 2
            and not (c.strong and is_session(c.sentence) != is_session(m.evidence))  # a session is another meeting
        ]
        if c.date is not None and not c.strong and not earlier and holding:
            # "Таран 25-27 мая посещает Тбилиси": every meeting of that visit is dated by it
            for m in holding:
                m.date = m.date or c.date
        target = next(
            (
                m
                for m in holding
                if c.date is None
                or (m.date is None and not earlier)
                or (m.date is not None and dates_agree(c.date, m.date))
            ),
            None,
        )
        target = target or _unnamed_meeting_of(found + born, c) or _multilateral_of(found + born, c)
        if target is not None:
            if not target.persons:
                born.append(target)  # now a meeting of partial candidates too
            _absorb(target, c, states=not target.persons)
            continue
        side = {ctx.persons[p].country for p in c.persons}
        if c.rule == "visit" and len(side) == 1 and any(places.told(m, c) for m in found):
            continue  # "прибыл в Брюссель": the visit of the meetings told, not a meeting with Belgium
        # the visitor and the host named in two sentences of a visit: one meeting
        target = next(
            (
                m
                for m in born
                if (m.states == c.states or (not m.strong and c.states <= m.states and _next_to(m, c)))
                # "3 мая прибыл в Афины. 4 мая он провел переговоры …": the talks' date, not the arrival's
                and (dates_agree(c.date, m.date) or (not m.strong and c.strong and _next_to(m, c)))
                and not (c.strong and m.strong)  # a visit, then its meeting: "побывал на Кубе. На встрече с …"
                and not side & {ctx.persons[p].country for p in m.persons}
            ),
            None,
        )
        target = target or next(
            (m for m in born if m.persons == c.persons and m.states == c.states and dates_agree(c.date, m.date)), None
        )
        if target is not None:
            _absorb(target, c)
        else:
            born.append(_new(c))
    for m in born:
        complete(ctx, m)
    return [m for m in born if m not in found]


def _announced(hint: Hint, found: list[Meeting]) -> None:
    """ "Заседание Совета министров стран СНГ состоится 3 июня в Москве. В заседании примут участие
    делегации …": a meeting of delegations told in the next sentences by the same meeting noun is the
    one the hint announces, with its organisation, date and place."""
    nouns = {t.lemma for t in hint.sentence.tokens if t.lemma in MEETING_NOUNS}
    for m in found:
        later = 0 < m.evidence.index - hint.sentence.index <= 2
        if later and not m.persons and m.date is None and nouns & {t.lemma for t in m.evidence.tokens}:
            m.states |= hint.states
            m.date, m.place = hint.date, m.place or hint.place
            return


def _next_to(m: Meeting, c: Candidate) -> bool:
    """The candidate's sentence follows the meeting's by at most two."""
    return 0 < c.sentence.index - m.evidence.index <= 2


def _multilateral_of(meetings: list[Meeting], c: Candidate) -> Meeting | None:
    """A meeting of three or more states that holds the candidate's states, told again: by one of its
    people ("Во встрече с Умеровым приняли участие …") or by a person of a member state at its place."""
    for m in meetings:
        if len(m.states) < 3 or not c.states <= m.states or not dates_agree(c.date, m.date):
            continue
        if (c.persons and set(c.persons) <= set(m.persons)) or (c.place is not None and c.place == m.place):
            return m
    return None


def _unnamed_meeting_of(found: list[Meeting], c: Candidate) -> Meeting | None:
    """A meeting known only by its states, that the candidate's states and date fit."""
    return next((m for m in found if not m.persons and c.states <= m.states and dates_agree(c.date, m.date)), None)


def _new(c: Candidate) -> Meeting:
    return Meeting(
        list(c.persons), set(c.states), c.date, c.status, c.place, c.sentence, c.rule, c.confidence, c.strong, c.earlier
    )


def _absorb(m: Meeting, c: Candidate, states: bool = True) -> None:
    # the evidence is the first strong sentence, and of those, the first that names the people
    evidence = c.strong and (not m.strong or (c.persons and not m.persons))
    for p in c.persons:
        if p not in m.persons:
            m.persons.append(p)
    if states:
        m.states |= c.states
    m.date = (c.date or m.date) if evidence else (m.date or c.date)  # a meeting's date over a visit's
    m.place = m.place or c.place
    if evidence:
        m.status, m.evidence, m.rule, m.confidence, m.strong = c.status, c.sentence, c.rule, c.confidence, True
