"""Articles → the rows of the entity and the event tables, natasha once per article.

Articles go through in batches: each batch is analysed once (``entities``), and the events are read
from the same analysis and entity rows (``events``) before the next batch, so only one batch's
analysis is held in memory at a time.
"""

from dataclasses import dataclass, field, fields

from .entities.extract import extract
from .events.rows import extract_all

BATCH_SIZE = 32  # articles per natasha call; slovnet splits them further into its own batches
# A batch's analysis is held until its events are read (~250 bytes a character at the peak): long articles
# go in smaller batches. Batching does not change the results (slovnet masks its padding).
BATCH_CHARS = 400_000


@dataclass
class Extracted:
    mentions: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    person_mentions: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    meeting_countries: list[dict] = field(default_factory=list)
    meeting_participants: list[dict] = field(default_factory=list)
    agreements: list[dict] = field(default_factory=list)
    agreement_parties: list[dict] = field(default_factory=list)

    def add(self, *parts) -> None:
        for part in parts:
            for f in fields(part):
                if f.name in self.__dataclass_fields__:
                    getattr(self, f.name).extend(getattr(part, f.name))


def extract_articles(articles: list[dict], batch_size: int = BATCH_SIZE) -> Extracted:
    """Rows of the eight tables for article rows (article_id, body, published, published_date,
    dateline_end, dateline_place)."""
    out = Extracted()
    for batch in _by_length(articles, batch_size):
        entities = extract(batch)
        events = extract_all(batch, entities.persons, entities.person_mentions, entities.mentions, entities.sentences)
        out.add(entities, events)
    return out


def _by_length(articles: list[dict], size: int) -> list[list[dict]]:
    """Consecutive articles, ``size`` at most in a batch and BATCH_CHARS of body (or one article)."""
    out: list[list[dict]] = [[]]
    chars = 0
    for article in articles:
        if out[-1] and (len(out[-1]) >= size or chars + len(article["body"]) > BATCH_CHARS):
            out.append([])
            chars = 0
        out[-1].append(article)
        chars += len(article["body"])
    return [batch for batch in out if batch]
