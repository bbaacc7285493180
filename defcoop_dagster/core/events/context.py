"""What the event stage knows of one article: its sentences and the entity rows that fall in each.

Built from the warehouse rows of the entity stage (persons, person_mentions, mentions), so the
event rules see the same people, states and dates an analyst sees in those tables.
"""

from collections import Counter
from dataclasses import dataclass

from ..lang.dates import PartialDate
from ..lang.tokens import Sentence
from .vocabulary import phrase_ending_at


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
    sentences: list[Sentence]
    persons: dict[str, PersonRef]
    person_spans: list[tuple[int, int, str]]  # (start, end, person_id)
    states: list[Span]  # COUNTRY and ORGANISATION mentions, value = code
    dates: list[Span]  # value = PartialDate
    places: list[Span]  # LOC mentions, value = nominative normal
    orgs: list[Span]  # ORG mentions, value = nominative normal
    dateline_place: str | None = None  # «АЛМА-АТА, 31 октября. /ТАСС/.»: where the report was filed

    def in_sentence(self, spans: list[Span], sent: Sentence) -> list[Span]:
        return [s for s in spans if sent.start <= s.start < sent.end]

    def persons_in(self, sent: Sentence) -> list[str]:
        """The people the sentence mentions, in order of their first mention."""
        seen: list[str] = []
        for s, _, pid in self.person_spans:
            if sent.start <= s < sent.end and pid not in seen:
                seen.append(pid)
        return seen

    def principal(self, exclude: set[str]) -> PersonRef | None:
        """The most mentioned person of a country not in ``exclude``: the visitor or the host."""
        candidates = [p for p in self.persons.values() if p.country and p.country not in exclude]
        if not candidates:
            return None
        order = {pid: i for i, (_, _, pid) in enumerate(self.person_spans)}
        return max(candidates, key=lambda p: (p.mentions, -order.get(p.person_id, 0)))


def group_members(sentences: list[Sentence]) -> list[Span]:
    """Groups of states named as one ("министров обороны стран Балтии"): a span per member."""
    out = []
    for sent in sentences:
        for i, t in enumerate(sent.tokens):
            found = phrase_ending_at(sent.tokens, i, "state_groups")
            if found is not None:
                first, codes = found
                start = sent.tokens[first].start
                text = sent.text[start - sent.start : t.end - sent.start]
                out += [Span(start, t.end, text, code) for code in codes.split()]
    return out


def build(
    article: dict, sentences: list[Sentence], persons: list[dict], person_mentions: list[dict], mentions: list[dict]
) -> ArticleContext:
    """The context of an article from its sentences and its rows of the entity tables."""
    body = article["body"]
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
            value = PartialDate.from_iso(m["date_iso"])
            if value is not None:
                dates.append(Span(*span, value))
        elif m["type"] == "LOC":
            places.append(Span(*span, m.get("normal") or m["text"]))
        elif m["type"] == "ORG":
            orgs.append(Span(*span, m.get("normal") or m["text"]))
    states += group_members(sentences)
    return ArticleContext(
        article_id=article["article_id"],
        body=body,
        sentences=sentences,
        persons=refs,
        person_spans=spans,
        states=sorted(states, key=lambda s: s.start),
        dates=sorted(dates, key=lambda s: s.start),
        places=sorted(places, key=lambda s: s.start),
        orgs=sorted(orgs, key=lambda s: s.start),
        dateline_place=article.get("dateline_place"),
    )
