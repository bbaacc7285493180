"""The other side of a meeting whose named people all come from one state: the article's principal of
another state, when the sentence says one is there ("он", "российский министр", "с главой военного
ведомства Ирана") or the meeting names one state only."""

from ..lang.tokens import Sentence
from .context import ArticleContext
from .grammar import meets_someone
from .meeting import Meeting
from .vocabulary import words

DEFENCE_ROLE_WORDS = tuple(words("defence_roles"))
DEFENCE_BODY_WORDS = words("defence_body_words")
# words for a person named elsewhere: "он встретился", "российский генерал также встретился"
STAND_IN_WORDS = words("side_stand_ins")
# "главы российского военного ведомства": a person described, not named
PERSON_NOUNS = words("side_officials", "side_delegations")
# who may meet for a state: a subject of a meeting verb outside these is a side of its own
SIDE_WORDS = words("side_officials", "side_delegations", "side_bodies", "side_staff", "side_stand_ins")
MEETING_VERBS = words("meeting_verbs")


def complete(ctx: ArticleContext, m: Meeting) -> None:
    """A meeting whose named people all come from one state gets the article's principal of another."""
    countries = {ctx.persons[p].country for p in m.persons if ctx.persons[p].country}
    # "он встретился", "с главой российского военного ведомства": the principal of that state; not among
    # several states, whose people a plural describes ("встреча министров иностранных дел A, B, C и D")
    if len(m.states) < 3:
        # "последний" stands for a person, "последний раунд" does not
        stands_for = any(t.lemma in STAND_IN_WORDS and t.rel != "amod" for t in m.evidence.tokens)
        stands_for = stands_for or _unnamed_side(ctx, m.evidence, countries)
    else:
        stands_for = any(_stand_in(ctx, m.evidence, t) for t in m.evidence.tokens)
    alone = len(countries) == 1 or (not countries and len(m.states) < 2)
    if alone and not _met_each_other(ctx, m.evidence) and not _subject_of_no_state(ctx, m.evidence):
        other = ctx.principal(exclude=countries or set(m.states))
        if other is not None and not _fits_defence_side(m.evidence, other.role):
            other = None  # "Министерства обороны Грузии и Азербайджана подписали": not Azerbaijan's foreign minister
        if other is not None and (len(m.states) < 2 or (stands_for and other.country in m.states)):
            m.persons.append(other.person_id)
            m.states.add(other.country)
            m.rule += "+principal"
            m.confidence = round(m.confidence - 0.1, 2)
    m.states |= {ctx.persons[p].country for p in m.persons if ctx.persons[p].country}


def _fits_defence_side(sent: Sentence, role: str | None) -> bool:
    """A minister of another portfolio does not stand for a side the sentence calls a defence body."""
    defence_body = any(t.lemma in DEFENCE_BODY_WORDS for t in sent.tokens)
    if not defence_body or not role or "министр" not in role:
        return True
    return any(w.startswith(DEFENCE_ROLE_WORDS) for w in role.split())


def _stand_in(ctx: ArticleContext, sent: Sentence, t) -> bool:
    """ "он", "российский министр": one person named elsewhere; not the post of a name that follows
    ("Министр иностранных дел Азербайджана Эльмар Мамедъяров"), not a plural ("министров")."""
    if t.lemma not in STAND_IN_WORDS or t.number == "Plur" or t.rel == "amod":
        return False
    near = sent.tokens[t.index + 1 : t.index + 6]
    return not any(u.start <= s < u.end for u in near for s, _, _ in ctx.person_spans)


def _unnamed_side(ctx: ArticleContext, sent: Sentence, named: set[str]) -> bool:
    """The other side is a person described, not named: "главы российского военного ведомства"."""
    toks = sent.tokens
    for s in ctx.in_sentence(ctx.states, sent):
        if s.value in named:
            continue
        idx = [i for i, t in enumerate(toks) if s.start <= t.start < s.end]
        if not idx:
            continue
        if toks[idx[0]].head is None:  # an unparsed sentence: a person noun near the state
            if any(t.lemma in PERSON_NOUNS for t in toks[max(0, idx[0] - 3) : idx[-1] + 3]):
                return True
        elif _described_by(sent, toks[idx[0]]):
            return True
    return False


def _described_by(sent: Sentence, tok) -> bool:
    """The state depends on a person noun, at most two heads up: "генсеком ОДКБ", "главы российского
    военного ведомства"; not "в Азербайджан прибывала делегация" (the state is the verb's)."""
    for _ in range(2):
        head = sent.head_of(tok)
        if head is None or head.pos not in ("NOUN", "PROPN"):
            return False
        if head.lemma in PERSON_NOUNS:
            return True
        tok = head
    return False


def _subject_of_no_state(ctx: ArticleContext, sent: Sentence) -> bool:
    """ "участницы группы встретились с …": the one who met is named, and is no person of a state,
    no official and no state body, so no principal stands in for them."""
    taken = [(x.start, x.end) for x in ctx.in_sentence(ctx.states, sent)] + [(a, b) for a, b, _ in ctx.person_spans]
    for t in sent.tokens:
        if t.lemma not in MEETING_VERBS:
            continue
        for c in sent.children(t):
            phrase = [c, *sent.children(c)]
            named = any(a <= u.start < b for u in phrase for a, b in taken)
            if c.rel == "nsubj" and c.pos == "NOUN" and c.lemma not in SIDE_WORDS and not named:
                return True
    return False


def _met_each_other(ctx: ArticleContext, sent: Sentence) -> bool:
    """ "X и Y встретились", "X и Y провели дебаты, встретившись": people of one state, the joined subject
    of a meeting verb with no с-phrase, met each other; no principal of another state was there, unless
    a word stands for one ("встретились с гостем")."""
    named = ctx.persons_in(sent)
    if len(named) < 2 or len({ctx.persons[p].country for p in named}) != 1 or not ctx.persons[named[0]].country:
        return False
    if any(_stand_in(ctx, sent, t) for t in sent.tokens):
        return False
    for t in sent.tokens:
        if t.lemma not in MEETING_VERBS or meets_someone(sent, t):
            continue
        head = sent.head_of(t)
        clause = head if t.rel == "advcl" and head is not None and head.pos == "VERB" else t
        subjects = [c for c in sent.children(clause) if c.rel == "nsubj"]
        if any(d.rel == "conj" for c in subjects for d in sent.children(c)):
            return True
    return False
