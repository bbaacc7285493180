"""Agreements: documents reported signed, approved, adopted, ratified, or to be signed.

A sentence needs both a document noun (соглашение, план, меморандум…) and an act of signing
(подписать, утвердить, ратифицировать, подписание…): documents only discussed are not
agreements. Parties are the states the sentence names (or its signatories represent); when it
names none ("министры подписали план"), the meeting it reports on lends its states.

Read once per article: ``signings`` finds the sentences that sign documents (the meetings read
them too: people of two states signing have met), ``agreements`` makes the documents of them.
"""

import re
from dataclasses import dataclass, field

from ..gazetteers.countries import ORG_CODES
from ..lang.dates import PartialDate
from ..lang.tokens import Sentence
from .clauses import outside, relative_clause_ranges, reporting_clause_ranges
from .context import ArticleContext
from .grammar import is_modifier
from .party import party_states
from .reading import sentence_date, sentence_people, sentence_place, sentence_status
from .titles import document_title
from .vocabulary import phrase_ending_at, table, words

KINDS = table("document_kinds")
# "ряд документов", "пакет соглашений": a set of documents, one row of kind "other"
SET_WORDS = words("document_set_words")
SIGNING_WORDS = words("signing_words")
ADOPT_VERBS = words("signing_adopt_verbs")
SALE_WORDS = words("document_sale_words")
UNDOING_WORDS = words("signing_undoing_words")
EARLIER_WORDS = words("signing_earlier_words")
DRAFT_WORDS = words("document_draft_words")
# national bodies that name no state («Пентагон», «Рособоронэкспорт»): a party for their state
BODIES = table("state_bodies")
PERIOD = re.compile(r"\bна\s+((?:19|20)\d\d)\s*(?:год|г\.)", re.IGNORECASE)
QUOTED = re.compile(r"[«\"]([^«»\"]{8,200})[»\"]")


@dataclass
class Agreement:
    kind: str
    states: set[str]
    status: str
    date: PartialDate | None
    period_year: int | None
    place: str | None
    title: str | None
    signatories: list[str] = field(default_factory=list)
    party_names: dict[str, str] = field(default_factory=dict)
    evidence: Sentence | None = None
    rule: str = "document+signing"
    confidence: float = 0.8


@dataclass(frozen=True)
class Signing:
    """A sentence that signs documents: (kind, offset of its noun) of each, in order."""

    sentence: Sentence
    documents: list[tuple[str, int]]


def signings(ctx: ArticleContext) -> list[Signing]:
    """The sentences of an article where a document is signed (or to be signed)."""
    out: list[Signing] = []
    for sent in ctx.sentences:
        docs = documents(ctx, sent)
        if docs and signing_act(sent):
            out.append(Signing(sent, docs))
        elif out and out[-1].sentence.index == sent.index - 1 and signing_act(sent):
            again = _the_document(sent)  # "… подписали соглашение. Документ подписали X и Y."
            if again is not None and len(out[-1].documents) == 1:
                out.append(Signing(sent, [(out[-1].documents[0][0], again)]))
    return out


def _the_document(sent: Sentence) -> int | None:
    """Where the document just told is spoken of again ("Документ подписали …"), or None."""
    return next((t.start for t in sent.tokens if t.lemma == "документ" and t.number == "Sing"), None)


def documents(ctx: ArticleContext, sent: Sentence) -> list[tuple[str, int]]:
    """(kind, offset) of every document a sentence names, in order, one per kind; names of bodies
    ("Организации Договора о коллективной безопасности") are not documents."""
    toks = sent.tokens
    out: list[tuple[str, int]] = []
    for i, t in enumerate(toks):
        if any(o.start <= t.start < o.end for o in ctx.orgs) or any(
            s.start <= t.start < s.end and len(s.text) > 6 for s in ctx.states if s.value in ORG_CODES
        ):
            continue
        at, kind = i, KINDS.get(t.lemma)
        phrase = phrase_ending_at(toks, i, "document_kinds")
        if _unnamed_set(toks, i):
            kind = "other"  # "подписан ряд документов", "пакет соглашений", "подписали документы"
        elif i > 0 and _unnamed_set(toks, i - 1):
            continue  # the documents of "ряд документов": counted at "ряд"
        elif phrase is not None:
            at, kind = phrase  # "дорожную карту": the document starts at its first word
        elif kind == "treaty" and any(u.lemma in SALE_WORDS for u in toks[i + 1 : i + 4]):
            kind = "contract"  # "договор о продаже … самолетов"
        if kind and out and _referenced(toks, at):
            continue  # "протокол к соглашениям": the agreements are what it refers to, not signed here
        if kind and kind not in {k for k, _ in out}:
            out.append((kind, toks[at].start))
    return out


def _unnamed_set(toks, i: int) -> bool:
    """A set of documents not named one by one: "ряд / пакет / несколько" and a document noun in the
    plural, or "документы" itself."""
    t = toks[i]
    if t.lemma == "документ":
        return t.number == "Plur" and not (i > 0 and toks[i - 1].lemma in SET_WORDS)
    after = toks[i + 1] if i + 1 < len(toks) else None
    return t.lemma in SET_WORDS and after is not None and after.lemma in KINDS and after.number == "Plur"


def _referenced(toks, at: int) -> bool:
    """A document noun after a preposition, past its adjectives ("к межправительственным соглашениям")."""
    j = at - 1
    while j >= 0 and is_modifier(toks[j]):
        j -= 1
    return j >= 0 and toks[j].pos == "ADP"


def signing_act(sent: Sentence) -> bool:
    """подписать, утвердить, ратифицировать…; "принимать" only with a document as its object; not
    "отказаться от подписания", "вышли из договора", "не подписал"."""
    toks = sent.tokens
    if any(t.lemma in UNDOING_WORDS for t in toks):
        return False
    for i, t in enumerate(toks):
        if i > 0 and toks[i - 1].lemma == "не" and t.lemma in SIGNING_WORDS:
            return False
        if t.lemma in SIGNING_WORDS and not _signed_before(toks, i):
            return True
        if t.lemma in ADOPT_VERBS and any(KINDS.get(u.lemma) for u in toks[i + 1 : i + 4]):
            return True
    return False


def _signed_before(toks, i: int) -> bool:
    """ "ранее подписанных соглашений", "уже подписанный договор": a document signed before, not a signing."""
    return toks[i].feats.get("VerbForm") == "Part" and i > 0 and toks[i - 1].lemma in EARLIER_WORDS


def _a_draft(sent: Sentence, start: int) -> bool:
    """ "одобрил проект соглашения": the draft is approved, the agreement is still to be signed."""
    toks, at = sent.tokens, sent.token_at(start)
    j = at.index - 1 if at is not None else -1
    while j >= 0 and is_modifier(toks[j]):
        j -= 1
    return j >= 0 and toks[j].lemma in DRAFT_WORDS


def title_of(sent: Sentence, start: int) -> str | None:
    """The document's name as written: a quoted name, or a capitalised noun phrase to the clause end."""
    quoted = QUOTED.search(sent.text)
    if quoted:
        return quoted.group(1).strip()
    rel = start - sent.start
    if not sent.text[rel : rel + 1].isupper():
        return None
    end = len(sent.text)
    for stop in (".", ";", " - ", " – ", " — "):
        k = sent.text.find(stop, rel)
        if k != -1:
            end = min(end, k)
    return sent.text[rel:end].strip() or None


def party_names(ctx: ArticleContext, sent: Sentence, states: set[str]) -> dict[str, str]:
    """'Министерство обороны Азербайджанской Республики' for AZE: an ORG that contains the state."""
    out = {}
    for org in ctx.in_sentence(ctx.orgs, sent):
        for s in ctx.states:
            if org.start <= s.start < org.end and s.value in states and s.value not in out:
                out[s.value] = str(org.value)
    return out


def agreements(
    ctx: ArticleContext, found: list[Signing], meeting_states: dict[int, set[str]] | None = None
) -> list[Agreement]:
    """Every signed document of the article, one per kind and set of parties. ``meeting_states``:
    for a sentence index, the states of the meeting it reports on."""
    out: list[Agreement] = []
    orphans: list[Sentence] = []  # "Договор был заключен в Тегеране 20 января": no parties of its own
    for signing in found:
        sent, docs = signing.sentence, signing.documents
        skip = relative_clause_ranges(sent)
        signers = sentence_people(ctx, sent, skip)
        states = party_states(ctx, sent, visit=False, skip=skip)
        states |= {ctx.persons[p].country for p in signers if ctx.persons[p].country}
        said = skip + reporting_clause_ranges(sent)  # not «…, сообщил Пентагон»
        states |= {BODIES[t.lemma] for t in sent.tokens if t.lemma in BODIES and outside(said, t.start)}
        rule = "document+signing"
        told = any(0 < sent.index - a.evidence.index <= 2 for a in out)
        if len(states) < 2 and told and docs[0][1] == sent.tokens[0].start:
            orphans.append(sent)  # "Договор был заключен в Тегеране": the document just told, not another
            continue
        context_states = (meeting_states or {}).get(sent.index, set())
        sides = _sides_before(ctx, sent)
        if len(states) < 2 and sides:
            states |= sides
            rule += "+sides_before"
        elif len(states) < 2 and context_states:
            states |= context_states
            rule += "+meeting_states"
        if len(states) < 2:
            orphans.append(sent)
            continue
        status = "planned" if sentence_status(sent, skip) == "planned" else "signed"
        for n, (kind, noun_at) in enumerate(docs):
            # "… договора …, соглашения …, и плана … на 2021 год": each its own document and period
            stop = docs[n + 1][1] - sent.start if n + 1 < len(docs) else len(sent.text)
            period = PERIOD.search(sent.text[noun_at - sent.start : stop])
            out.append(
                Agreement(
                    kind=kind,
                    states=set(states),
                    status="planned" if _a_draft(sent, noun_at) else status,
                    date=sentence_date(ctx, sent, skip),
                    period_year=int(period.group(1)) if period else None,
                    place=sentence_place(ctx, sent, skip),
                    title=document_title(title_of(sent, noun_at)) if len(docs) == 1 else None,
                    signatories=[p for p in signers if ctx.persons[p].country in states],
                    party_names=party_names(ctx, sent, states),
                    evidence=sent,
                    rule=rule,
                    confidence=0.85 if rule == "document+signing" else 0.65,
                )
            )
    for sent in orphans:
        _tell_more(ctx, sent, out)
    return _dedupe(out)


def _sides_before(ctx: ArticleContext, sent: Sentence) -> set[str]:
    """ "… сотрудничество между Пакистаном и Азербайджаном … Сторонами был подписан договор": "the sides"
    are the two states the sentence before names."""
    if sent.index == 0 or not any(t.lemma == "сторона" for t in sent.tokens):
        return set()
    codes = {s.value for s in ctx.in_sentence(ctx.states, ctx.sentences[sent.index - 1])}
    return codes if len(codes) == 2 else set()


def _tell_more(ctx: ArticleContext, sent: Sentence, found: list[Agreement]) -> None:
    """A signing sentence that names no parties tells the date and place of the document signed in
    the two sentences before it, where those are unknown."""
    before = [a for a in found if 0 < sent.index - a.evidence.index <= 2]
    if not before:
        return
    a = max(before, key=lambda a: a.evidence.index)
    skip = relative_clause_ranges(sent)
    a.date = a.date or sentence_date(ctx, sent, skip)
    a.place = a.place or sentence_place(ctx, sent, skip)


def _dedupe(found: list[Agreement]) -> list[Agreement]:
    """The same document reported twice (in the lead and at the end) is one agreement."""
    out: list[Agreement] = []
    for a in found:
        same = next((b for b in out if b.kind == a.kind and b.states == a.states), None)
        if same is None:
            out.append(a)
            continue
        same.date = same.date or a.date
        same.period_year = same.period_year or a.period_year
        same.place = same.place or a.place
        same.title = same.title or a.title
        same.signatories += [p for p in a.signatories if p not in same.signatories]
        same.party_names = {**a.party_names, **same.party_names}
        if same.status == "planned" and a.status == "signed":
            same.status = "signed"
    return out
