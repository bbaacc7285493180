"""Sessions a meeting is held within: "в рамках заседания Совета министров обороны СНГ", "на полях
саммита ШОС". The organisation is no side of the meeting held there, but the session is a meeting
of its own: of the organisation, with the states and people of the meeting held within it."""

from ..gazetteers.countries import ORG_CODES
from ..lang.tokens import Sentence
from .context import ArticleContext
from .meeting import Meeting
from .triggers import MEETING_WORDS
from .vocabulary import words

FRAME_WORDS = words("meeting_frame_words")
SESSION_NOUNS = words("session_nouns")


def is_session(sent: Sentence) -> bool:
    """The sentence tells a session ("пройдет заседание совета НАТО"), not a meeting ("встреча", "переговоры")."""
    nouns = {t.lemma for t in sent.tokens if t.lemma in MEETING_WORDS}
    return bool(nouns) and nouns <= SESSION_NOUNS


def framed(sent: Sentence, start: int) -> bool:
    """The mention depends, through a session noun, on a frame word ("в рамках заседания … СНГ")."""
    tok, session = sent.token_at(start), False
    for _ in range(8):
        if tok is None:
            return False
        if tok.lemma in FRAME_WORDS:
            return session
        session = session or tok.lemma in SESSION_NOUNS
        tok = sent.head_of(tok)
    return False


def session_states(ctx: ArticleContext, sent: Sentence) -> set[str]:
    """States and organisations the sentence names only as the session a meeting is held within."""
    found = {s.value for s in ctx.in_sentence(ctx.states, sent) if framed(sent, s.start)}
    return found if found & ORG_CODES else set()


def sessions(ctx: ArticleContext, found: list[Meeting]) -> list[Meeting]:
    """A meeting for each session told, from the nearest meeting held within it (two sentences at most)."""
    out = []
    for sent in ctx.sentences:
        states = session_states(ctx, sent)
        if not states:
            continue
        near = [m for m in found if abs(m.evidence.index - sent.index) <= 2 and not states <= m.states]
        if not near:
            continue
        m = min(near, key=lambda m: (abs(m.evidence.index - sent.index), m.evidence.index))
        # "двусторонние встречи с министрами A, B и C на полях заседания": the session holds them all
        told = [o for o in near if o.evidence is m.evidence]
        persons = list(dict.fromkeys(p for o in told for p in o.persons))
        sides = set().union(*(o.states for o in told)) | states
        out.append(Meeting(persons, sides, m.date, m.status, m.place, sent, "session", m.confidence, True))
    return out
