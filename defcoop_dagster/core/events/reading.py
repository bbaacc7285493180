"""What a sentence says about the event it reports: the states taking part, the people, the date,
the place, the status. Meetings and agreements read their sentences alike, through these.

``skip`` is the offsets of the sentence's relative clauses (``clauses.relative_clause_ranges``).
"""

from ..gazetteers import officials
from ..gazetteers.countries import capital_of
from ..lang.dates import PartialDate
from ..lang.tokens import Sentence
from .clauses import Ranges, outside, reporting_clause_ranges, token_before
from .context import ArticleContext
from .grammar import is_future, is_modal_ahead
from .vocabulary import table, words

PLACE_PREPOSITIONS = words("place_prepositions")
# "посещает Тбилиси", "прибыл в Баку": the place of a visit
VISIT_VERBS = words("visit_words")
SETTLEMENT_NOUNS = words("settlement_nouns")
CITY_STATES = words("city_states")
PLAN_WORDS = words("plan_words")
# "Лидеры двух стран подписали …": the people are those of the sentence before
PLURAL_SUBJECTS = words("side_officials", "side_delegations", "side_bodies")
# a speaker is in the meeting the reporting clause itself names
MEETING_WORDS = words("meeting_nouns", "meeting_verbs", "meeting_receive_verbs")
# what a modal may put ahead: «встреча может состояться», «министр должен прибыть»
EVENT_VERBS = words("meeting_verbs", "meeting_held_verbs", "meeting_receive_verbs", "visit_words")
HEAD_NOUNS = words("side_head_nouns")
# a name's phrase: "президента Таджикистана Эмомали Рахмона и премьер-министра Пакистана …"
PHRASE_RELS = {"flat:name", "flat", "appos", "conj"}
# nouns whose genitive person takes part: "встреча министра", "визит", "делегация", "по приглашению"
DOCUMENT_NOUNS = set(table("document_kinds"))
PERIOD_WORDS = {"на", "до", "к"}
EVENT_NOUNS = words("meeting_nouns", "visit_nouns", "side_delegations", "person_holder_nouns")
HOLDER_NOUNS = EVENT_NOUNS | words("side_officials", "side_bodies", "side_staff")
SPOKEN_OF_VERBS = words("spoken_of_verbs")
LEADER_POSTS = {noun: tuple(r.strip() for r in roles.split(",")) for noun, roles in table("side_leader_posts").items()}


def sentence_date(ctx: ArticleContext, sent: Sentence, skip: Ranges, meeting: bool = False) -> PartialDate | None:
    """The first date of the sentence outside relative clauses; "на 2012 год" is a period, not a date.
    ``meeting``: not the date of a document either ("в рамках соглашения от 12 марта 2017 года")."""
    for d in ctx.in_sentence(ctx.dates, sent):
        prev = token_before(sent, d.start)
        if not outside(skip, d.start) or (prev is not None and prev.lemma in PERIOD_WORDS and d.value.month is None):
            continue  # "план на 2012 год" is a period; "до 2015 года", "к 2030 году" a horizon
        if meeting and _dates_document(sent, d.start):
            continue
        return d.value
    return None


def _dates_document(sent: Sentence, start: int) -> bool:
    tok = sent.token_at(start)
    head = sent.head_of(tok) if tok is not None else None
    return tok is not None and tok.rel == "nmod" and head is not None and head.lemma in DOCUMENT_NOUNS


def sentence_place(ctx: ArticleContext, sent: Sentence, skip: Ranges) -> str | None:
    """The first locality after a preposition of place ("в Баку", "из Минска") or a visit verb
    ("посещает Тбилиси"); a state is not one. A relative clause counts when it tells an arrival
    ("король, который прибыл в Баку, …")."""
    for p in ctx.in_sentence(ctx.places, sent):
        if any(s.start <= p.start < s.end and s.value not in CITY_STATES for s in ctx.states):
            continue  # a state is no place, unless it is one city ("в Сингапуре")
        prev = token_before(sent, p.start)
        # "в карабахском городе Шуша": the preposition before the settlement noun and its adjectives
        while prev is not None and (prev.lemma in SETTLEMENT_NOUNS or (prev.pos == "ADJ" and prev.start < p.start)):
            before = token_before(sent, prev.start)
            if before is None or not (before.pos == "ADJ" or before.lemma in PLACE_PREPOSITIONS):
                break
            prev = before
        if prev is None:
            continue
        if prev.lemma in VISIT_VERBS:
            return str(p.value)
        if prev.lemma in PLACE_PREPOSITIONS | {"из"}:
            before = token_before(sent, prev.start)
            if outside(skip, p.start) or (before is not None and before.lemma in VISIT_VERBS):
                return str(p.value)
    return _capital_named(ctx, sent, skip)


def _capital_named(ctx: ArticleContext, sent: Sentence, skip: Ranges) -> str | None:
    """ "в сирийской столице", "в столице Сирии": the capital of that state, from the gazetteer."""
    toks = sent.tokens
    for i, t in enumerate(toks):
        if t.lemma != "столица" or i == 0 or not outside(skip, t.start):
            continue
        near = [toks[i - 1]] + list(toks[i + 1 : i + 2])
        codes = [st.value for st in ctx.states for u in near if st.start <= u.start < st.end]
        before = toks[i - 2] if toks[i - 1].pos == "ADJ" and i > 1 else toks[i - 1]
        if codes and before.lemma in PLACE_PREPOSITIONS and capital_of(codes[0]):
            return capital_of(codes[0])
    return None


def sentence_status(sent: Sentence, skip: Ranges) -> str:
    """'planned' for "встретится", "проведет", "будет", "планируется визит"; else 'held'. When the meeting
    is told in the reporting clause ("«…будет наращиваться», заявил X в ходе встречи с Y"), only that clause."""
    reporting = reporting_clause_ranges(sent)
    meeting_at = [t.start for t in sent.tokens if t.lemma in MEETING_WORDS]
    told = reporting if meeting_at and not any(outside(reporting, m) for m in meeting_at) else []
    for i, t in enumerate(sent.tokens):
        if not outside(skip, t.start) or (told and outside(told, t.start)):
            continue
        planned = t.lemma in PLAN_WORDS and not _in_a_title(sent.tokens, i)
        if planned or is_future(t) or is_modal_ahead(sent.tokens, i, EVENT_VERBS):
            return "planned"
    return "held"


def _in_a_title(toks, i: int) -> bool:
    """ "протокол о намерениях", "меморандум о намерениях": a plan word naming the document, not a plan."""
    return i >= 2 and toks[i - 1].lemma in ("о", "об") and toks[i - 2].lemma in DOCUMENT_NOUNS


def sentence_people(ctx: ArticleContext, sent: Sentence, skip: Ranges, with_antecedents: bool = True) -> list[str]:
    """People a sentence names outside its relative and reporting clauses, and the people it
    describes by post; for "Лидеры двух стран подписали …", the people of the sentence before."""
    speakers = reporting_clause_ranges(sent)
    if any(not outside(speakers, t.start) for t in sent.tokens if t.lemma in MEETING_WORDS):
        speakers = []  # "…, заявил Шойгу на встрече с Сингхом": the speaker is in the meeting
    persons = [
        p
        for p in ctx.persons_in(sent)
        if outside(skip, first_start(ctx, p, sent))
        and outside(speakers, first_start(ctx, p, sent))
        and not talked_about(sent, *_first_span(ctx, p, sent))
    ]
    persons += [p for p in described_people(ctx, sent) if p not in persons]
    if with_antecedents and len({ctx.persons[p].country for p in persons}) < 2 and plural_subject(sent):
        persons += [p for p in antecedents(ctx, sent) if p not in persons]
    return persons


def _first_span(ctx: ArticleContext, pid: str, sent: Sentence) -> tuple[int, int]:
    return next((s, e) for s, e, p in ctx.person_spans if p == pid and sent.start <= s < sent.end)


def talked_about(sent: Sentence, start: int, end: int) -> bool:
    """A person named as what is spoken of, by the dependency parse: the name's phrase (through its
    post, appositions and conjuncts) depends on a noun that holds no participant ("отметили политику
    президента X", "указ президента X"), unlike "встреча министра X", "визит", "во главе с"."""
    if _object_spoken_of(sent, sent.token_at(start)):
        return True  # "похвалил президента США X"
    last = sent.token_at(end - 1)
    if last is None or last.case != "Gen":
        return False  # a genitive name only: the parse of anything else under a noun is not trusted
    tok = sent.token_at(start)
    for _ in range(12):
        if tok is None or tok.lemma in EVENT_NOUNS or tok.rel not in PHRASE_RELS:
            break
        head = sent.head_of(tok)
        if tok.rel == "conj" and head is not None and head.case != tok.case:
            return False  # a conjunct in another case is a parse of another phrase
        tok = head
    if tok is None or tok.lemma in EVENT_NOUNS or tok.rel != "nmod":
        return False
    head = sent.head_of(tok)
    return head is not None and head.pos == "NOUN" and head.lemma not in HOLDER_NOUNS


def _object_spoken_of(sent: Sentence, tok) -> bool:
    """The name's phrase (its post, appositions, conjuncts) is the object of a verb of speaking of someone."""
    for _ in range(6):
        if tok is None or tok.rel not in PHRASE_RELS | {"nmod"}:
            break
        tok = sent.head_of(tok)
    head = sent.head_of(tok) if tok is not None and tok.rel == "obj" else None
    return head is not None and head.lemma in SPOKEN_OF_VERBS


def described_people(ctx: ArticleContext, sent: Sentence) -> list[str]:
    """ "с азербайджанским лидером", "с президентом Ирана" with no name: the article's person of that
    state and post."""
    out = []
    toks = sent.tokens
    for i, t in enumerate(toks):
        posts = LEADER_POSTS.get(t.lemma)
        # "встреча глав Беларуси и Азербайджана": a head of state only when the states follow at once
        heads = t.lemma in HEAD_NOUNS
        if not posts and not heads:
            continue
        window = _state_list(toks, i + 1) if heads else toks[max(0, i - 2) : i + 3]
        posts = posts or LEADER_POSTS["лидер"]
        if any(u.start <= s < u.end for u in toks[i + 1 : i + 4] for s, _, _ in ctx.person_spans):
            continue  # "президентом Ирана Хасаном Рухани": a named person, not a description
        codes = {st.value for st in ctx.states for u in window if st.start <= u.start < st.end}
        for pid, ref in ctx.persons.items():
            if ref.country in codes and (ref.role in posts or (heads and _known_in(ref, posts))) and pid not in out:
                out.append(pid)
    return out


def _state_list(toks, i: int) -> list:
    """The tokens of "Беларуси и Азербайджана" from ``i``: names joined by "и" and commas."""
    out = []
    while i < len(toks) and (toks[i].pos == "PROPN" or toks[i].text in {",", "и"}):
        out.append(toks[i])
        i += 1
    return out


def _known_in(ref, posts: tuple[str, ...]) -> bool:
    """A person the text gives no post: one of ``posts`` in the officials gazetteer, for their state."""
    return not ref.role and any(o.role in posts and o.code == ref.country for o in officials.find_officials(ref.name))


def plural_subject(sent: Sentence) -> bool:
    return any(t.lemma in PLURAL_SUBJECTS and t.number == "Plur" and t.case == "Nom" for t in sent.tokens[:6])


def antecedents(ctx: ArticleContext, sent: Sentence) -> list[str]:
    """People of two states named in one of the two sentences before."""
    for prev in reversed(ctx.sentences[max(0, sent.index - 2) : sent.index]):
        persons = ctx.persons_in(prev)
        if len({ctx.persons[p].country for p in persons if ctx.persons[p].country}) >= 2:
            return persons
    return []


def first_start(ctx: ArticleContext, pid: str, sent: Sentence) -> int:
    """Where the sentence first mentions the person."""
    return next(s for s, _, p in ctx.person_spans if p == pid and sent.start <= s < sent.end)
