"""What the event stage knows of one article: its sentences and the entity rows that fall in each.

Built from the warehouse rows of the entity stage (persons, person_mentions, mentions), so the
event rules see the same people, states and dates an analyst sees in those tables.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from ..lang.dates import PartialDate, parse_date
from ..lang.sentences import Sentence, Token, split

TOPIC_PREPOSITIONS = {"о", "об", "обо", "по", "против", "вокруг", "для", "к", "за", "от", "без", "среди", "после"}
LOCATION_PREPOSITIONS = {"в", "во", "на"}
RELATIVE = {"который", "которая", "которое", "которые"}
# Groups of states named as one: each member takes part ("министров обороны стран Балтии")
GROUPS = [
    (
        re.compile(
            r"\b(?:стран[а-я]*|государств[а-я]*)\s+(?:Балтии|Прибалтики)\b|\bприбалтийск[а-я]+\s+(?:стран|государств)[а-я]*"
        ),
        ("EST", "LTU", "LVA"),
    ),
]


@dataclass(frozen=True)
class PersonRef:
    person_id: str
    name: str
    role: str | None
    country: str | None
    mentions: int


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    value: object = None  # a code, a PartialDate or a normal form


@dataclass
class ArticleContext:
    article_id: str
    body: str
    published: PartialDate | None
    dateline_place: str | None
    sentences: list[Sentence]
    persons: dict[str, PersonRef]
    person_spans: list[tuple[int, int, str]]  # (start, end, person_id)
    states: list[Span]  # COUNTRY and ORGANISATION mentions, value = code
    dates: list[Span]  # value = PartialDate
    places: list[Span]  # LOC mentions, value = nominative normal
    orgs: list[Span]  # ORG mentions, value = nominative normal
    date_hints: list = field(default_factory=list)  # (states, date) of sentences naming one side only

    def in_sentence(self, spans, sent: Sentence):
        return [s for s in spans if sent.start <= s.start < sent.end]

    def persons_in(self, sent: Sentence, start: int | None = None, end: int | None = None) -> list[str]:
        lo, hi = start if start is not None else sent.start, end if end is not None else sent.end
        seen: list[str] = []
        for s, _, pid in self.person_spans:
            if lo <= s < hi and pid not in seen:
                seen.append(pid)
        return seen

    def principal(self, exclude: set[str]) -> PersonRef | None:
        """The most mentioned person of a country not in ``exclude``: the visitor or the host."""
        candidates = [p for p in self.persons.values() if p.country and p.country not in exclude]
        if not candidates:
            return None
        order = {pid: i for i, (_, _, pid) in enumerate(self.person_spans)}
        return max(candidates, key=lambda p: (p.mentions, -order.get(p.person_id, 0)))


EVENT_NOUNS = {
    "встреча",
    "переговоры",
    "переговор",
    "визит",
    "беседа",
    "консультация",
    "соглашение",
    "документ",
    "план",
    "меморандум",
    "протокол",
    "договор",
    "декларация",
    "программа",
    "заявление",
}


def relative_clause_ranges(sent: Sentence) -> list[tuple[int, int]]:
    """Offsets of ", который …" clauses: what they say is about someone else's act, except when
    they describe the event itself ("встречи, которую посол … провел с министром …")."""
    ranges = []
    toks = sent.tokens
    for i, t in enumerate(toks):
        if t.lemma in RELATIVE and i > 1 and toks[i - 1].text == "," and toks[i - 2].lemma not in EVENT_NOUNS:
            end = sent.end
            for u in toks[i + 1 :]:
                if u.text in {",", ";"}:
                    end = u.start
                    break
            ranges.append((t.start, end))
    return ranges


def outside(ranges: list[tuple[int, int]], start: int) -> bool:
    return not any(a <= start < b for a, b in ranges)


def token_before(sent: Sentence, start: int) -> Token | None:
    prev = None
    for t in sent.tokens:
        if t.start >= start:
            return prev
        prev = t
    return prev


def build(article: dict, persons: list[dict], person_mentions: list[dict], mentions: list[dict]) -> ArticleContext:
    body = article["body"]
    published = parse_date(article["published"]) if article.get("published") else None
    counts = Counter(m["person_id"] for m in person_mentions)
    refs = {
        p["person_id"]: PersonRef(
            p["person_id"], p["name"], p.get("role"), p.get("country_iso3"), counts[p["person_id"]]
        )
        for p in persons
    }
    # a person quarantined by its schema leaves its mentions behind: they name no one we keep
    spans = sorted((m["start"], m["end"], m["person_id"]) for m in person_mentions if m["person_id"] in refs)
    states, dates, places, orgs = [], [], [], []
    for m in mentions:
        span = (m["start"], m["end"], m["text"])
        if m["type"] in ("COUNTRY", "ORGANISATION") and m.get("code"):
            states.append(Span(*span, m["code"]))
        elif m["type"] == "DATE" and m.get("date_iso"):
            value = parse_date(m["date_iso"])
            if value is not None:
                dates.append(Span(*span, value))
        elif m["type"] == "LOC":
            places.append(Span(*span, m.get("normal") or m["text"]))
        elif m["type"] == "ORG":
            orgs.append(Span(*span, m.get("normal") or m["text"]))
    for pattern, codes in GROUPS:
        for m in pattern.finditer(body):
            states += [Span(m.start(), m.end(), m.group(0), code) for code in codes]
    return ArticleContext(
        article_id=article["article_id"],
        body=body,
        published=published,
        dateline_place=article.get("dateline_place"),
        sentences=split(body),
        persons=refs,
        person_spans=spans,
        states=sorted(states, key=lambda s: s.start),
        dates=sorted(dates, key=lambda s: s.start),
        places=sorted(places, key=lambda s: s.start),
        orgs=sorted(orgs, key=lambda s: s.start),
    )
