"""Meetings: who met whom, when, where, for which countries, read sentence by sentence.

A sentence with a meeting trigger (встреча, переговоры, принял делегацию, визит…) gives a
candidate: the people named in it, the states taking part (people's countries, delegations,
the host of a visit), its date, status and place. Candidates are then joined into distinct
meetings: the same named people make one meeting; a new counterpart makes another; a sentence
naming one person only ("прошлый визит Герасимова в Баку") joins a meeting of that person on
the same date, or stands alone with the other side supplied by the article's principal.
"""

from dataclasses import dataclass, field, replace

from ..gazetteers import officials
from ..gazetteers.countries import resolve_country
from ..lang.dates import PartialDate
from ..lang.sentences import Sentence
from .context import (
    LOCATION_PREPOSITIONS,
    TOPIC_PREPOSITIONS,
    ArticleContext,
    outside,
    relative_clause_ranges,
    token_before,
)

STRONG_NOUNS = {"встреча", "переговоры", "переговор", "консультация", "беседа", "разговор"}
STRONG_VERBS = {"встретиться", "встречаться", "принять", "принимать", "провести", "проводить"}
VISIT_WORDS = {"визит", "посетить", "посещать", "посещение", "прибыть", "прибывать", "пребывание"}
FACE_TO_FACE = {"встреча", "встретиться", "встречаться", "визит", "принять", "принимать", "церемония"}
PAST_MARKERS = {"прошлый", "предыдущий", "прежний", "ранее", "минувший"}
REMOTE = {"телефон", "телефонный", "видеоконференция", "видеосвязь", "видеоконференц-связь", "онлайн", "видеоформат"}
PLAN_WORDS = {
    "планироваться",
    "запланировать",
    "запланированный",
    "ожидаться",
    "предстоящий",
    "предстоять",
    "намереваться",
    "собираться",
    "предполагаться",
    "намерение",
    "планировать",
    "будущий",
}
THEN_WORDS = {"тогда", "там"}
# words standing for a person named elsewhere: "он встретился", "российский генерал также встретился"
STANDS_FOR = {"он", "она", "генерал", "гость", "министр", "последний", "визитёр", "визитер"}
RECEIVE_OBJECTS = {
    "делегация",
    "министр",
    "глава",
    "президент",
    "посол",
    "генсек",
    "начальник",
    "гость",
    "заместитель",
    "премьер-министр",
    "командующий",
    "секретарь",
    "король",
    "председатель",
}


@dataclass
class Candidate:
    sentence: Sentence
    persons: list[str]
    states: set[str]
    date: PartialDate | None
    status: str
    place: str | None
    strong: bool
    rule: str
    confidence: float
    split: bool = False
    earlier: bool = False  # "прошлый визит …", "Тогда …": an earlier meeting than the article's


@dataclass
class Meeting:
    persons: list[str] = field(default_factory=list)
    states: set[str] = field(default_factory=set)
    date: PartialDate | None = None
    status: str = "held"
    place: str | None = None
    evidence: Sentence | None = None
    rule: str = ""
    confidence: float = 0.0
    strong: bool = False


def triggers(sent: Sentence) -> tuple[bool, bool]:
    """(strong meeting trigger, visit trigger) in a sentence."""
    lemmas = [t.lemma for t in sent.tokens]
    strong = any(lemma in STRONG_NOUNS for lemma in lemmas)
    for i, lemma in enumerate(lemmas):
        if lemma in ("встретиться", "встречаться"):
            strong = True
        elif lemma in ("принять", "принимать") and _receives_someone(sent, i):
            strong = True  # "принял делегацию / министра …", not "принял решение / участие / отставку"
    visit = any(lemma in VISIT_WORDS for lemma in lemmas)
    return strong, visit


def _receives_someone(sent: Sentence, i: int) -> bool:
    """ "принял делегацию", "принял министра …", "делегация была принята": the object is a visitor."""
    toks = sent.tokens
    after = [t for t in toks[i + 1 : i + 4] if t.pos not in ("ADJF", "PRTF", "PREP", "NUMR")]
    if after and after[0].lemma in RECEIVE_OBJECTS:
        return True
    if toks[i].pos == "PRTS":  # passive: the visitor stands before
        return any(t.lemma in RECEIVE_OBJECTS for t in toks[max(0, i - 4) : i])
    return False


def visit_has_destination(ctx: ArticleContext, sent: Sentence) -> bool:
    """ "посетила Аллею почетного захоронения" is sightseeing; a visit goes to a state or a capital,
    named after the verb or, as a noun, just before it ("Азербайджан посетила делегация")."""
    toks = sent.tokens
    for i, t in enumerate(toks):
        if t.lemma not in VISIT_WORDS:
            continue
        if t.lemma in ("визит", "пребывание"):
            return True
        after = (t.end, toks[min(len(toks) - 1, i + 4)].end)
        before = (toks[max(0, i - 2)].start, t.start)
        for lo, hi, nouns_only in (after + (False,), before + (True,)):
            states = [s for s in ctx.states if lo <= s.start < hi]
            if nouns_only:
                states = [s for s in states if not any(u.start == s.start and u.pos == "ADJF" for u in toks)]
            if states or any(lo <= p.start < hi and capital_code(str(p.value)) for p in ctx.places):
                return True
    return False


def is_remote(sent: Sentence) -> bool:
    return any(t.lemma in REMOTE or t.lemma.startswith("телефон") for t in sent.tokens)


def sentence_status(sent: Sentence, skip: list[tuple[int, int]]) -> str:
    for t in sent.tokens:
        if not outside(skip, t.start):
            continue
        if t.lemma in PLAN_WORDS or (t.pos == "VERB" and t.tense == "futr"):
            return "planned"  # "встретится", "проведет", "будет"
    return "held"


def party_states(ctx: ArticleContext, sent: Sentence, visit: bool, skip, strict: bool = False) -> set[str]:
    """States a sentence names as taking part: not a topic ("о Сирии") and not a mere place.

    ``strict``: only states named as a side ("делегации Азербайджана", "лидеры Армении и России",
    "белорусская делегация"), for sentences that name no person.
    """
    out = set()
    for s in ctx.in_sentence(ctx.states, sent):
        if not outside(skip, s.start):
            continue
        if strict and not _named_as_side(sent, s.start, s.end):
            continue
        prev = token_before(sent, s.start)
        prep = prev.lemma if prev is not None else ""
        if prep in TOPIC_PREPOSITIONS:
            continue
        if prep in LOCATION_PREPOSITIONS and not visit:
            continue  # "ситуация в Сирии": a place; "визит в Азербайджан": the host
        out.add(s.value)
    if visit:
        # "совершил визит в Минск": the capital stands for its state
        for p in ctx.in_sentence(ctx.places, sent):
            prev = token_before(sent, p.start)
            code = capital_code(str(p.value))
            if code and prev is not None and prev.lemma in LOCATION_PREPOSITIONS and outside(skip, p.start):
                out.add(code)
    return out


SIDE_NOUNS = {
    "коллега",
    "делегация",
    "министр",
    "лидер",
    "глава",
    "президент",
    "представитель",
    "сторона",
    "военный",
    "ведомство",
    "министерство",
    "командование",
    "руководство",
    "военачальник",
    "посол",
    "премьер-министр",
    "генштаб",
    "начальник",
    "правительство",
    "парламентарий",
    "эксперт",
    "специалист",
}


def _named_as_side(sent: Sentence, start: int, end: int) -> bool:
    """A side noun governs the state ("делегациями Азербайджана", "лидеры Армении, Азербайджана и
    России", through a list of states), or the state is an adjective of one ("белорусская делегация")."""
    toks = sent.tokens
    idx = [i for i, t in enumerate(toks) if start <= t.start < end]
    if not idx:
        return False
    j = idx[0] - 1
    while j >= 0 and idx[0] - j <= 12:
        t = toks[j]
        if t.lemma in SIDE_NOUNS:
            return True
        if t.text in {",", "и"} or t.case == "gent":
            j -= 1
            continue
        break
    after = toks[idx[-1] + 1 : idx[-1] + 3]
    return toks[idx[-1]].pos == "ADJF" and any(t.lemma in SIDE_NOUNS for t in after)


def sentence_date(ctx: ArticleContext, sent: Sentence, skip) -> PartialDate | None:
    """The first date of the sentence outside relative clauses; "на 2012 год" is a period, not a date."""
    for d in ctx.in_sentence(ctx.dates, sent):
        prev = token_before(sent, d.start)
        if not outside(skip, d.start) or (prev is not None and prev.lemma == "на" and d.value.month is None):
            continue
        return d.value
    return None


def sentence_place(ctx: ArticleContext, sent: Sentence, skip) -> str | None:
    for p in ctx.in_sentence(ctx.places, sent):
        prev = token_before(sent, p.start)
        at = prev is not None and prev.lemma in LOCATION_PREPOSITIONS | {"из"}
        # a state is not a locality
        if outside(skip, p.start) and at and not any(s.start <= p.start < s.end for s in ctx.states):
            return str(p.value)
    return None


def candidates(ctx: ArticleContext, agreement_sentences: dict[int, list[str]]) -> list[Candidate]:
    """A candidate per sentence that reports a meeting (or a signing by people of two states)."""
    out: list[Candidate] = []
    previous_date = None
    # in an article about a phone call, "в ходе разговора", "беседа состоялась" are that call
    phone_article = any(is_remote(sent) for sent in ctx.sentences)
    date_hints = ctx.date_hints
    for sent in ctx.sentences:
        if is_remote(sent):
            continue
        strong, visit = triggers(sent)
        if phone_article and strong and not any(t.lemma in FACE_TO_FACE for t in sent.tokens):
            strong = False
        visit = visit and visit_has_destination(ctx, sent)
        signing = sent.index in agreement_sentences
        if not (strong or visit or signing):
            continue
        skip = relative_clause_ranges(sent)
        named = [p for p in ctx.persons_in(sent) if outside(skip, _first_start(ctx, p, sent))]
        persons = sentence_people(ctx, sent, skip, with_antecedents=signing)
        if signing and not (strong or visit) and len({ctx.persons[p].country for p in persons}) < 2:
            continue  # a document signed, but not by people of two states met here
        # people borrowed from the sentence before do not make every state here a side
        states = party_states(ctx, sent, visit, skip, strict=not named) | {
            ctx.persons[p].country for p in persons if ctx.persons[p].country
        }
        date = sentence_date(ctx, sent, skip)
        earlier = any(t.lemma in PAST_MARKERS for t in sent.tokens)
        if sent.tokens and sent.tokens[0].lemma in THEN_WORDS and out:
            date = date or previous_date
            earlier = earlier or out[-1].earlier
        if (
            persons
            and not any(_official(ctx, p) for p in persons)
            and not party_states(ctx, sent, visit, skip, strict=True)
        ):
            continue  # "форвард встречается с моделью": no official, no state named as a side
        if not persons and _habitual(sent):
            continue  # "командование России и НАТО проводит встречи в Баку": a custom, not a meeting
        if not persons and len(states) < 2:
            if strong and states and date is not None:
                date_hints.append((states, date))  # "Утром 28 ноября делегация была принята в министерстве …"
            continue
        named = len({ctx.persons[p].country for p in persons if ctx.persons[p].country})
        rule = "signing" if signing and not strong else ("meeting_trigger" if strong else "visit")
        confidence = 0.5 + 0.2 * min(named, 2) + (0.1 if strong or signing else 0.0)
        out.append(
            Candidate(
                sent,
                persons,
                states,
                date,
                sentence_status(sent, skip),
                sentence_place(ctx, sent, skip),
                strong or signing,
                rule,
                round(confidence, 2),
                earlier=earlier,
            )
        )
        previous_date = date or previous_date
    return out


PLURAL_SUBJECTS = {"лидер", "министр", "сторона", "глава", "руководитель", "президент", "делегация"}


def sentence_people(ctx: ArticleContext, sent: Sentence, skip, with_antecedents: bool = True) -> list[str]:
    """People a sentence names outside its relative clauses; for "Лидеры двух стран подписали …",
    the people of the sentence before."""
    speakers = reporting_clause_ranges(sent)
    if any(not outside(speakers, t.start) for t in sent.tokens if t.lemma in STRONG_NOUNS | STRONG_VERBS):
        speakers = []  # "…, заявил Шойгу на встрече с Сингхом": the speaker is in the meeting
    persons = [
        p
        for p in ctx.persons_in(sent)
        if outside(skip, _first_start(ctx, p, sent)) and outside(speakers, _first_start(ctx, p, sent))
    ]
    persons += [p for p in described_people(ctx, sent) if p not in persons]
    if with_antecedents and len({ctx.persons[p].country for p in persons}) < 2 and _plural_subject(sent):
        persons += [p for p in _antecedents(ctx, sent) if p not in persons]
    return persons


DESCRIPTORS = {
    "лидер": ("президент", "премьер-министр", "король", "эмир"),
    "президент": ("президент",),
    "премьер-министр": ("премьер-министр",),
    "премьер": ("премьер-министр",),
    "король": ("король",),
}


def described_people(ctx: ArticleContext, sent: Sentence) -> list[str]:
    """ "с азербайджанским лидером", "с президентом Ирана" with no name: the article's person of that
    state and post."""
    out = []
    toks = sent.tokens
    for i, t in enumerate(toks):
        posts = DESCRIPTORS.get(t.lemma)
        if not posts:
            continue
        window = toks[max(0, i - 2) : i + 3]
        if any(u.start <= s < u.end for u in toks[i + 1 : i + 4] for s, _, _ in ctx.person_spans):
            continue  # "президентом Ирана Хасаном Рухани": a named person, not a description
        codes = {st.value for st in ctx.states for u in window if st.start <= u.start < st.end}
        for pid, ref in ctx.persons.items():
            if ref.country in codes and ref.role in posts and pid not in out:
                out.append(pid)
    return out


SPEECH = {
    "сказать",
    "заявить",
    "отметить",
    "сообщить",
    "подчеркнуть",
    "рассказать",
    "добавить",
    "пояснить",
    "передать",
    "написать",
    "уточнить",
    "говориться",
}


def reporting_clause_ranges(sent: Sentence) -> list[tuple[int, int]]:
    """ ", сказал посол … в беседе с журналистами": who speaks about a meeting is not in it."""
    toks = sent.tokens
    out = []
    for i, t in enumerate(toks):
        if t.lemma in SPEECH and i > 0 and (toks[i - 1].text in {",", "—", "-", "–"} or toks[i - 1].lemma == "как"):
            end = next((u.start for u in toks[i + 1 :] if u.text in {",", ".", ";"}), sent.end)
            out.append((t.start, end))
    return out


def _plural_subject(sent: Sentence) -> bool:
    return any(t.lemma in PLURAL_SUBJECTS and t.text.lower().endswith(("ы", "и")) for t in sent.tokens[:6])


def _antecedents(ctx: ArticleContext, sent: Sentence) -> list[str]:
    """People of two states named in one of the two sentences before."""
    for prev in reversed(ctx.sentences[max(0, sent.index - 2) : sent.index]):
        persons = ctx.persons_in(prev)
        if len({ctx.persons[p].country for p in persons if ctx.persons[p].country}) >= 2:
            return persons
    return []


def _official(ctx: ArticleContext, pid: str) -> bool:
    """Someone with a post or rank in the text, or a well-known official."""
    ref = ctx.persons[pid]
    return bool(ref.role) or bool(officials.find_officials(ref.name))


def _habitual(sent: Sentence) -> bool:
    """Triggers only as plural nouns ("встречи", "переговоры" aside) with a present-tense verb."""
    nouns = [t for t in sent.tokens if t.lemma in STRONG_NOUNS - {"переговоры", "переговор", "консультация"}]
    plural = all(t.text.lower().endswith(("и", "ы")) for t in nouns) and nouns
    return bool(plural) and any(t.pos == "VERB" and t.tense == "pres" for t in sent.tokens)


def capital_code(place: str) -> str | None:
    return resolve_country(place)


def _first_start(ctx: ArticleContext, pid: str, sent: Sentence) -> int:
    return next(s for s, _, p in ctx.person_spans if p == pid and sent.start <= s < sent.end)


def _dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    return (a.month, a.day) == (b.month, b.day) and (a.year == b.year or None in (a.year, b.year))


def split_hosts(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    """One meeting per host: "встретился с премьер-министром X и своим коллегой Y" (everyone named
    from one state, the guest elsewhere) and "A проведет переговоры с X и встретится с Y" (one
    guest, several hosts of one state) are two meetings each."""
    out = []
    for c in cands:
        by_state: dict[str | None, list[str]] = {}
        for p in c.persons:
            by_state.setdefault(ctx.persons[p].country, []).append(p)
        if not c.strong or len(c.persons) < 2 or None in by_state:
            out.append(c)
        elif len(by_state) == 1:
            out += [replace(c, persons=[p], split=True) for p in c.persons]
        elif (
            len(by_state) == 2
            and sorted(len(v) for v in by_state.values()) == [1, len(c.persons) - 1]
            and len(c.persons) >= 3
        ):
            guest = next(v[0] for v in by_state.values() if len(v) == 1)
            out += [replace(c, persons=[guest, p], split=True) for p in c.persons if p != guest]
        else:
            out.append(c)
    return out


def join(ctx: ArticleContext, cands: list[Candidate]) -> list[Meeting]:
    """Distinct meetings from candidates (see the module docstring)."""
    meetings: list[Meeting] = []
    pending: list[Candidate] = []
    for c in split_hosts(ctx, cands):
        if (len(c.persons) == 1 and not c.split) or (not c.strong and c.persons):
            pending.append(c)
            continue
        target = None
        if c.persons:
            target = next(
                (m for m in meetings if set(c.persons) == set(m.persons) and _dates_agree(c.date, m.date)), None
            )
            # "лидеры … провели переговоры. Во время встречи Пашинян и Алиев …": names for that meeting
            target = target or next(
                (m for m in meetings if not m.persons and c.states <= m.states and _dates_agree(c.date, m.date)), None
            )
        else:
            target = next((m for m in meetings if c.states <= m.states and _dates_agree(c.date, m.date)), None)
        if target is None:
            meetings.append(_new(c))
            if c.split:
                _complete(ctx, meetings[-1])  # the guest joins each host's meeting at once
        else:
            _absorb(target, c)
    for m in meetings:
        _complete(ctx, m)  # the guest joins each host's meeting before single names are placed
    born: list[Meeting] = []  # meetings made from single-person candidates
    for c in pending:
        earlier = c.earlier  # "прошлый визит": another meeting
        holding = [
            m
            for m in meetings
            if m not in born and set(c.persons) <= set(m.persons) and (c.strong or c.states <= m.states)
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
                or (m.date is not None and _dates_agree(c.date, m.date))
            ),
            None,
        )
        target = target or next(
            (m for m in meetings if not m.persons and c.states <= m.states and _dates_agree(c.date, m.date)), None
        )
        if target is not None:
            if not target.persons:
                born.append(target)  # now a meeting of single names, open to the other side's name
            _absorb(target, c, states=not target.persons)
            continue
        # the visitor and the host named in two sentences of a visit: one meeting
        side = {ctx.persons[p].country for p in c.persons}
        target = next(
            (
                m
                for m in born
                if m.states == c.states
                and _dates_agree(c.date, m.date)
                and not c.strong
                and not side & {ctx.persons[p].country for p in m.persons}
            ),
            None,
        )
        target = target or next(
            (m for m in born if m.persons == c.persons and m.states == c.states and _dates_agree(c.date, m.date)), None
        )
        if target is not None:
            _absorb(target, c)
        else:
            m = _new(c)
            born.append(m)
            meetings.append(m)
    for m in born:
        _complete(ctx, m)
    for states, date in ctx.date_hints:
        undated = [m for m in meetings if m.date is None and states <= m.states]
        if len(undated) == 1:
            undated[0].date = date
    return [m for m in meetings if len(m.states) >= 2]


def _new(c: Candidate) -> Meeting:
    return Meeting(
        list(c.persons), set(c.states), c.date, c.status, c.place, c.sentence, c.rule, c.confidence, c.strong
    )


def _absorb(m: Meeting, c: Candidate, states: bool = True) -> None:
    for p in c.persons:
        if p not in m.persons:
            m.persons.append(p)
    if states:
        m.states |= c.states
    m.date = m.date or c.date
    m.place = m.place or c.place
    if c.strong and not m.strong:
        m.status, m.evidence, m.rule, m.confidence, m.strong = c.status, c.sentence, c.rule, c.confidence, True


PERSON_NOUNS = {
    "глава",
    "министр",
    "генерал",
    "президент",
    "лидер",
    "коллега",
    "руководитель",
    "начальник",
    "командующий",
    "военачальник",
    "премьер-министр",
    "посол",
}


def _unnamed_side(ctx: ArticleContext, sent: Sentence, named: set[str]) -> bool:
    """The other side is a person described, not named: "главы российского военного ведомства"."""
    toks = sent.tokens
    for s in ctx.in_sentence(ctx.states, sent):
        if s.value in named:
            continue
        idx = [i for i, t in enumerate(toks) if s.start <= t.start < s.end]
        if idx and any(t.lemma in PERSON_NOUNS for t in toks[max(0, idx[0] - 3) : idx[-1] + 3]):
            return True
    return False


def _complete(ctx: ArticleContext, m: Meeting) -> None:
    """A meeting whose named people all come from one state gets the article's principal of another."""
    countries = {ctx.persons[p].country for p in m.persons if ctx.persons[p].country}
    stands_for = any(t.lemma in STANDS_FOR for t in m.evidence.tokens) or _unnamed_side(ctx, m.evidence, countries)
    if len(countries) == 1 or (not countries and len(m.states) < 2):
        other = ctx.principal(exclude=countries or set())
        if other is not None and (len(m.states) < 2 or (stands_for and other.country in m.states)):
            m.persons.append(other.person_id)
            m.states.add(other.country)
            m.rule += "+principal"
            m.confidence = round(m.confidence - 0.1, 2)
    m.states |= {ctx.persons[p].country for p in m.persons if ctx.persons[p].country}


def meetings(ctx: ArticleContext, agreement_sentences: dict[int, list[str]]) -> list[Meeting]:
    return join(ctx, candidates(ctx, agreement_sentences))
