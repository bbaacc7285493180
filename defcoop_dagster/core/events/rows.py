"""Meetings and agreements of one article as rows of the contract's five tables."""

import hashlib
from dataclasses import dataclass, field

from ..canonical.defence import around, defence_flag, headline_of
from ..gazetteers import officials
from ..lang.dates import PartialDate, explicit_years, weekday_with, year_from_evidence
from ..lang.names import lone_first_name
from ..lang.tokens import Sentence
from . import context
from .agreements import Agreement, agreements, signings
from .grammar import has_with
from .meetings import Meeting, meetings


@dataclass
class EventRows:
    meetings: list[dict] = field(default_factory=list)
    meeting_countries: list[dict] = field(default_factory=list)
    meeting_participants: list[dict] = field(default_factory=list)
    agreements: list[dict] = field(default_factory=list)
    agreement_parties: list[dict] = field(default_factory=list)

    def extend(self, other: "EventRows") -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).extend(getattr(other, name))


def _id(prefix: str, *parts) -> str:
    return prefix + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _evidence(sent: Sentence) -> dict:
    return {"evidence": sent.text, "evidence_start": sent.start, "evidence_end": sent.end}


def _defence(ctx: context.ArticleContext, sent: Sentence, person_ids, states, title=None) -> dict:
    """Whether the row is about defence, and the rule that said so (``canonical.defence``)."""
    roles = []
    for pid in person_ids:
        person = ctx.persons[pid]
        roles.append(person.role)
        # a post the text does not name: the officials gazetteer's, for that country; a lone first name
        # ("Барак") is nobody's surname here
        if not person.role and not lone_first_name(person.name):
            roles += [o.role for o in officials.find_officials(person.name) if o.code == person.country]
    flag, rule = defence_flag(
        roles,
        set(states),
        sent.text,
        around(ctx.body, [(x.start, x.end) for x in ctx.sentences], sent.index),  # index: its place in the body
        headline_of(ctx.body),
        title,
    )
    return {"defence": flag, "defence_rule": rule}


def complete_year(date: PartialDate | None, ctx: context.ArticleContext, person_ids: list[str]) -> PartialDate | None:
    """The year of an event date written without one, from what the article and the officials
    gazetteer know (the rule itself: ``lang.dates.year_from_evidence``)."""
    if date is None or date.year is not None:
        return date
    stated = set(explicit_years(ctx.body, event_names=True))  # "«Армия-2022»" dates its forum
    # "до 2015 года", "план на 2010 год": after the events, unless a term of office bounds them
    horizons = stated - set(explicit_years(ctx.body, event_names=True, horizons=False))
    terms = [[(o.from_year, o.to_year) for o in _posts_held(ctx.persons[pid])] for pid in person_ids]
    weekday = weekday_with(ctx.body, date.month, date.day) if date.day else None
    return year_from_evidence(date, stated, terms, horizons, weekday)


def _posts_held(person) -> list:
    """The gazetteer's posts of a person; of those, the ones the article gives them when it names
    one ("министр обороны Сергей Шойгу" is dated by his years at defence, not by all his posts)."""
    posts = officials.find_officials(person.name)
    role = (person.role or "").lower()
    named = [o for o in posts if role and role.startswith(o.role.lower())]
    return named or posts


def _date_columns(date, prefix: str, iso_from=None) -> dict:
    return {
        prefix: date.to_date() if date else None,
        "date_precision": date.precision if date and date.to_date() else None,
        "date_iso": (iso_from or date).iso() if date and (date.year or date.month) else None,
        "date_inferred": bool(date and date.inferred),
    }


def extract_events(
    article: dict, sentences: list[Sentence], persons: list[dict], person_mentions: list[dict], mentions: list[dict]
) -> EventRows:
    """Rows of meetings, meeting_countries, meeting_participants, agreements, agreement_parties, from
    an article, its analysed sentences and its entity rows."""
    ctx = context.build(article, sentences, persons, person_mentions, mentions)
    signed = signings(ctx)
    found = meetings(ctx, {s.sentence.index for s in signed})
    docs = agreements(ctx, signed, _meeting_states_by_sentence(ctx, found))
    _borrow_from_meetings(docs, found)
    _borrow_from_documents(found, docs)
    out = EventRows()
    aid = ctx.article_id
    for i, m in enumerate(found):
        mid = _id("mtg_", aid, i, sorted(m.states))
        date = complete_year(m.date, ctx, m.persons)
        out.meetings.append(
            {
                "meeting_id": mid,
                "article_id": aid,
                **_date_columns(date, "meeting_date", m.date),
                "place": m.place,
                "status": m.status,
                **_evidence(m.evidence),
                "confidence": m.confidence,
                "rule": m.rule,
                **_defence(ctx, m.evidence, m.persons, m.states),
            }
        )
        out.meeting_countries += [{"meeting_id": mid, "country_iso3": c} for c in sorted(m.states)]
        other_side = _other_side(ctx, m)
        for pid in m.persons:
            p = ctx.persons[pid]
            country = p.country or (other_side if _met(ctx, pid) else None)
            out.meeting_participants.append(
                {"meeting_id": mid, "name": p.name, "role": p.role, "country_iso3": country, "person_id": pid}
            )
    for i, a in enumerate(docs):
        agid = _id("agr_", aid, i, a.kind, sorted(a.states))
        here = set(ctx.persons_in(a.evidence))
        signers = [p for p in a.signatories if a.status == "signed" or p in here]
        date_cols = _date_columns(complete_year(a.date, ctx, a.signatories), "signed_date", a.date)
        out.agreements.append(
            {
                "agreement_id": agid,
                "article_id": aid,
                "kind": a.kind,
                "title": a.title,
                "status": a.status,
                **date_cols,
                "period_year": a.period_year,
                "place": a.place,
                **_evidence(a.evidence),
                "confidence": a.confidence,
                "rule": a.rule,
                # who signed a signed document; of a planned one, only who its sentence names (people of a
                # meeting the article reports have not signed what is still to be signed)
                **_defence(ctx, a.evidence, signers, a.states, a.title),
            }
        )
        for code in sorted(a.states):
            names = [ctx.persons[p].name for p in a.signatories if ctx.persons[p].country == code]
            out.agreement_parties.append(
                {
                    "agreement_id": agid,
                    "country_iso3": code,
                    "party_name": a.party_names.get(code),
                    "signatory_name": ", ".join(names) or None,
                }
            )
    return out


def _other_side(ctx: context.ArticleContext, m: Meeting) -> str | None:
    """In a meeting of two states whose people of known state are all of one, a person of no known
    state who is met («встреча с генералом Ёсидой») is of the other side (see ``_met``)."""
    known = {ctx.persons[p].country for p in m.persons if ctx.persons[p].country}
    rest = m.states - known
    return next(iter(rest)) if len(m.states) == 2 and len(known) == 1 and len(rest) == 1 else None


def _met(ctx: context.ArticleContext, pid: str) -> bool:
    """A person named in a с-phrase, the name or the post it stands beside («с генералом Ёсидой»):
    the one met; a person named otherwise may as well be of the side whose people are known."""
    for start, _, who in ctx.person_spans:
        sent = next((s for s in ctx.sentences if s.start <= start < s.end), None) if who == pid else None
        tok = sent.token_at(start) if sent else None
        for _ in range(3):  # the name, the post it stands beside, the noun that governs both
            if tok is None:
                break
            if has_with(sent, tok):
                return True
            tok = sent.head_of(tok)
    return False


def _meeting_states_by_sentence(ctx: context.ArticleContext, found: list[Meeting]) -> dict[int, set[str]]:
    """For each sentence, the states of the meeting reported last before it (or the first one)."""
    if not found:
        return {}
    # a document is signed at the meeting, not by the session it was held within
    ordered = sorted((m for m in found if m.rule != "session"), key=lambda m: m.evidence.index)
    if not ordered:
        return {}
    out = {}
    for sent in ctx.sentences:
        before = [m for m in ordered if m.evidence.index <= sent.index]
        out[sent.index] = set((before[-1] if before else ordered[0]).states)
    return out


def _borrow_from_meetings(docs: list[Agreement], found: list[Meeting]) -> None:
    """A document signed (or to be signed) at a meeting takes its date and signatories when it states none."""
    for a in docs:
        # a document signed at a held meeting; one to be adopted at a meeting to come (its date is that one's)
        status = "held" if a.status == "signed" else "planned"
        m = next((m for m in found if m.states == a.states and m.status == status), None)
        if m is None:
            continue
        if a.date is None:
            a.date = m.date
        if not a.signatories and a.status == "signed":  # who meets has not yet signed what is to come
            a.signatories = list(m.persons)


def _borrow_from_documents(found: list[Meeting], docs: list[Agreement]) -> None:
    """A held meeting of the states of a signed document, with no date or place of its own, is where
    and when the document was signed ("Договор был заключен в Тегеране 20 января")."""
    for m in found:
        a = next((a for a in docs if a.states == m.states and a.status == "signed" and m.status == "held"), None)
        if a is not None and not m.earlier:
            m.date = m.date or a.date
            m.place = m.place or a.place


def extract_all(
    articles: list[dict],
    persons: list[dict],
    person_mentions: list[dict],
    mentions: list[dict],
    sentences: dict[str, list[Sentence]],
) -> EventRows:
    """Events of many articles from the entity tables' rows and the articles' analysed sentences
    (article_id → sentences, as ``entities.extract`` hands them on)."""

    def by_article(rows):
        out: dict[str, list[dict]] = {}
        for r in rows:
            out.setdefault(r["article_id"], []).append(r)
        return out

    persons_of, pmentions_of, mentions_of = by_article(persons), by_article(person_mentions), by_article(mentions)
    out = EventRows()
    for article in articles:
        aid = article["article_id"]
        out.extend(
            extract_events(
                article, sentences[aid], persons_of.get(aid, []), pmentions_of.get(aid, []), mentions_of.get(aid, [])
            )
        )
    return out
