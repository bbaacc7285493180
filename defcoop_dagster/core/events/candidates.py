"""Meeting candidates: one per sentence that reports a meeting (or a signing by people of two
states), with its people, states, date, status and place.

A sentence that names one side only and no one by name ("Утром 28 ноября делегация была принята
в министерстве …", "Встреча состоялась в Алма-Ате") gives no candidate but a hint: the date of that
side's one undated meeting, the place of the meeting told beside it.
"""

from dataclasses import dataclass, replace

from ..gazetteers import officials
from ..lang.dates import PartialDate
from ..lang.tokens import Sentence
from .clauses import outside, relative_clause_ranges
from .context import ArticleContext
from .party import party_states
from .reading import (
    PLACE_PREPOSITIONS,
    antecedents,
    first_start,
    plural_subject,
    sentence_date,
    sentence_people,
    sentence_place,
    sentence_status,
)
from .sessions import session_states
from .triggers import MEETING_NOUNS, is_habitual, is_remote, triggers, visit_has_destination
from .vocabulary import words

IN_PERSON_WORDS = words("meeting_in_person_words")
EARLIER_WORDS = words("meeting_earlier_words")
THEN_WORDS = words("meeting_then_words")
BILATERAL_WORDS = words("meeting_bilateral_words")
HELD_VERBS = words("meeting_held_verbs")
SIGNING_WORDS = words("signing_words")
PARTICIPATION_WORDS = words("participation_words")
DELEGATION_NOUNS = words("side_delegations", "participation_sides")
# what makes a meeting noun an event rather than a process ("в переговорах с ЕС")
ANCHOR_WORDS = words(
    "meeting_verbs", "meeting_held_verbs", "meeting_receive_verbs", "plan_words", "participation_words"
)


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
    together: bool = False  # people listed as taking part in one meeting ("Японскую сторону представляли X и Y")


@dataclass(frozen=True)
class Hint:
    """A meeting sentence that names one side or none: the date or place of a meeting told beside it."""

    states: set[str]
    date: PartialDate | None
    sentence: Sentence
    place: str | None = None


def candidates(ctx: ArticleContext, signing_sentences: set[int]) -> tuple[list[Candidate], list[Hint]]:
    """The candidates of an article's sentences, and the date hints of the sentences that name one side."""
    out: list[Candidate] = []
    hints: list[Hint] = []
    previous_date = None
    # in an article about a phone call, "в ходе разговора", "беседа состоялась" are that call
    phone_article = any(is_remote(sent) for sent in ctx.sentences)
    told = False  # the sentence before told a meeting
    told_states: set[str] = set()  # the sides it named ("заседание Совета министров обороны СНГ")
    last = -2  # the index of the sentence the last candidate was read from, or of one going on with it
    for sent in ctx.sentences:
        if is_remote(sent):
            told = False
            continue
        strong, visit = triggers(sent)
        # "Переговоры прошли в Джакарте. В них приняли участие X и Y": the people of that meeting
        taking_part = told and _takes_part(sent) and (not strong or _in_the_meeting(sent))
        # "… принял делегацию. Стороны обсудили … На встрече присутствовал посол …": past one sentence
        later = not taking_part and bool(out) and last == sent.index - 2 and _in_the_meeting(sent)
        taking_part = taking_part or later
        strong, told, borrowed = strong or taking_part, strong, (told_states if taking_part else set())
        told_states = set()
        if phone_article and strong and not any(t.lemma in IN_PERSON_WORDS for t in sent.tokens):
            strong = False
        visit = visit and visit_has_destination(ctx, sent)
        signing = sent.index in signing_sentences
        if not (strong or visit or signing):
            continue
        skip = relative_clause_ranges(sent)
        if signing:
            # "соглашение, которое было подписано X и Y": the clause that tells the signing names the signers
            skip = [(a, b) for a, b in skip if not _tells_signing(sent, a, b)]
        named = [p for p in ctx.persons_in(sent) if outside(skip, first_start(ctx, p, sent))]
        persons = sentence_people(ctx, sent, skip, with_antecedents=signing or strong)
        if strong and not persons and last != sent.index - 1 and _held_meeting(sent):
            # "X и Y обсудили в Москве … Встреча состоялась 15 апреля": the people of the sentence before
            persons = antecedents(ctx, sent)
        of = [ctx.persons[p].country for p in persons]
        own = set(of) - {None}
        if signing and not (strong or visit) and len(set(of)) < 2 and not _officials_signed(ctx, sent, skip):
            continue  # a document signed, but not by people of two states met here
        # people borrowed from the sentence before do not make every state here a side
        states = party_states(ctx, sent, visit, skip, strict=not named) | own
        # the state of someone only spoken of is no side ("стороны оценили политику президента Франции X")
        states -= {ctx.persons[p].country for p in named if p not in persons} - own
        states -= session_states(ctx, sent)  # "на полях саммита ШОС": the session is another meeting
        told_states, states = set(states), states | borrowed
        date = sentence_date(ctx, sent, skip, meeting=True)
        place = sentence_place(ctx, sent, skip)
        before = ctx.sentences[sent.index - 1] if sent.index > 0 else None
        if persons and not named and before is not None and set(persons) <= set(ctx.persons_in(before)):
            # "X и Y обсудили в Москве … Министры также подписали план": when and where those people were
            told_skip = relative_clause_ranges(before)
            date = date or sentence_date(ctx, before, told_skip, meeting=True)
            place = place or sentence_place(ctx, before, told_skip)
        earlier = any(t.lemma in EARLIER_WORDS for t in sent.tokens)
        if sent.tokens and sent.tokens[0].lemma in THEN_WORDS and out:
            date = date or previous_date
            earlier = earlier or out[-1].earlier
        if (
            persons
            and not any(_official(ctx, p) for p in persons)
            and not party_states(ctx, sent, visit, skip, strict=True)
        ):
            continue  # "форвард встречается с моделью": no official, no state named as a side
        if not persons and is_habitual(sent):
            continue
        if not persons and not states and strong and out and last == sent.index - 1 and not out[-1].split:
            # "X принял делегацию Y. Переговоры прошли 6 ноября. В них приняли участие …": the talks
            # told before, whose date and place this sentence gives and whose people the next one names
            out[-1] = replace(out[-1], date=out[-1].date or date, place=out[-1].place or place)
            last = sent.index
            told_states = set(out[-1].states)
            continue
        if not persons and len(states) < 2:
            held_here = visit or any(t.lemma in HELD_VERBS for t in sent.tokens)  # not "обсудили … в регионе"
            if (strong and states and date is not None) or ((strong or visit) and held_here and place):
                hints.append(Hint(states, date, sent, place))
            continue
        if strong and not (visit or signing) and len(own) < 2 and not _anchored(sent, date, place):
            continue  # "в переговорах с ЕС", "мастер ведения переговоров": talks as a process, no event
        rule = "signing" if signing and not strong else ("meeting_trigger" if strong else "visit")
        confidence = 0.5 + 0.2 * min(len(own), 2) + (0.1 if strong or signing else 0.0)
        cand = Candidate(
            sent,
            persons,
            states,
            date,
            sentence_status(sent, skip),
            place,
            strong or signing,
            rule,
            round(confidence, 2),
            earlier=earlier,
        )
        if not persons and strong and _bilateral(sent):
            # one meeting per counterpart; the other side is the article's principal (``meetings``)
            out += [replace(cand, states={code}, split=True, rule="bilateral") for code in sorted(states)]
        elif strong and _bilateral(sent) and len(own) == 1 and None not in of and len(states - own) > 1:
            # "X провел двусторонние встречи с министрами обороны A, B и C": one with each
            out += [replace(cand, states=own | {c}, split=True, rule="bilateral") for c in sorted(states - own)]
        elif taking_part and out and last == sent.index - (2 if later else 1) and not out[-1].split:
            out[-1] = _joined(out[-1], cand)  # "Бразильскую делегацию возглавил …": that meeting's people
        else:
            out.append(cand)
        last = sent.index  # the sentence next to it may go on with it
        previous_date = date or previous_date
    return out, hints


def _anchored(sent: Sentence, date, place) -> bool:
    """The meeting word tells an event: a meeting verb ("встретился"), a verb of holding ("провели",
    "состоялась"), a plan ("запланирована"), a reception, a date, or a place."""
    return date is not None or place is not None or any(t.lemma in ANCHOR_WORDS for t in sent.tokens)


def _takes_part(sent: Sentence) -> bool:
    """ "приняли участие", "участвовали", said of something named before ("в них", "во встрече");
    "Российскую делегацию возглавил …": the heads of the delegations of that meeting."""
    return any(t.lemma in PARTICIPATION_WORDS for t in sent.tokens) and any(
        t.pos == "PRON" or t.lemma in MEETING_NOUNS or t.lemma in DELEGATION_NOUNS for t in sent.tokens
    )


def _joined(told: Candidate, part: Candidate) -> Candidate:
    """The meeting told, with the people and sides the next sentence says took part in it."""
    persons = told.persons + [p for p in part.persons if p not in told.persons]
    return replace(
        told,
        together=True,
        persons=persons,
        states=told.states | part.states,
        date=told.date or part.date,
        place=told.place or part.place,
        confidence=max(told.confidence, part.confidence),
    )


def _in_the_meeting(sent: Sentence) -> bool:
    """ "В заседании участвовали …", "На встрече присутствовал …": taking part in a meeting noun that
    names no more, the one told before; not "пройдет заседание, в котором он примет участие"."""
    for t in sent.tokens:
        head = sent.head_of(t) if t.lemma in MEETING_NOUNS else None
        if head is None or not any(c.rel == "case" and c.lemma in PLACE_PREPOSITIONS for c in sent.children(t)):
            continue
        if head.lemma in PARTICIPATION_WORDS or any(c.lemma in PARTICIPATION_WORDS for c in sent.children(head)):
            return True
    return False


def _tells_signing(sent: Sentence, start: int, end: int) -> bool:
    return any(start <= t.start < end and t.lemma in SIGNING_WORDS for t in sent.tokens)


def _officials_signed(ctx: ArticleContext, sent: Sentence, skip) -> bool:
    """ "Министры обороны Польши и Украины подписали в Киеве …": officials of two states named as sides
    signing together, though no one is named."""
    return plural_subject(sent) and len(party_states(ctx, sent, False, skip, strict=True)) >= 2


def _held_meeting(sent: Sentence) -> bool:
    """ "Встреча состоялась …", "Переговоры прошли …": a meeting noun, then its verb of holding — the meeting
    told before; "Состоялась встреча …" tells a new one. Read from the words: such a sentence, naming no
    one, is not parsed."""
    toks = sent.tokens
    for i, t in enumerate(toks[:-1]):
        if t.lemma in MEETING_NOUNS and t.case == "Nom" and toks[i + 1].lemma in HELD_VERBS:
            return True
    return False


def _bilateral(sent: Sentence) -> bool:
    """A plural meeting noun called bilateral: "двусторонние встречи", "двусторонние переговоры"."""
    return any(t.lemma in BILATERAL_WORDS for t in sent.tokens) and any(
        t.number == "Plur" for t in sent.tokens if t.lemma in MEETING_NOUNS
    )


def _official(ctx: ArticleContext, pid: str) -> bool:
    """Someone with a post or rank in the text, or a well-known official."""
    ref = ctx.persons[pid]
    return bool(ref.role) or bool(officials.find_officials(ref.name))
