"""The entity layer over many articles: one natasha pass in batches, then mentions and people.

The analysis itself (sentences of UD-tagged, parsed tokens, ``lang.tokens``) is handed on with the
rows, so the event stage reads the same tokens instead of analysing the body again.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..gazetteers.countries import find_countries
from ..lang.analysis import analyse_batch, batches
from ..lang.dates import PartialDate, parse_date
from ..lang.tokens import Sentence, sentences_of
from .mentions import mention_rows
from .people import person_rows


@dataclass
class Entities:
    mentions: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    person_mentions: list[dict] = field(default_factory=list)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)  # article_id → its analysed sentences


def published_of(article: dict) -> PartialDate | None:
    """The article's publication date as a PartialDate, from the articles table's ``published``."""
    return parse_date(article["published"]) if article.get("published") else None


def extract(articles: Iterable[dict], batch_size: int = 32) -> Entities:
    """Rows of mentions, persons and person_mentions for article rows (article_id, body, published,
    dateline_end)."""
    out = Entities()
    for batch in batches(list(articles), batch_size):
        docs = analyse_batch([a["body"] for a in batch])
        for article, doc in zip(batch, docs, strict=True):
            body, aid, dateline_end = article["body"], article["article_id"], int(article.get("dateline_end") or 0)
            published = published_of(article)
            # the gazetteer once per article, for both; people skip capitals anyway
            countries = find_countries(body, capitals=False)
            out.mentions += mention_rows(aid, body, doc, published, dateline_end, countries)
            year = published.year if published else None
            persons, mentions = person_rows(aid, body, doc, countries, dateline_end, year)
            out.persons += persons
            out.person_mentions += mentions
            out.sentences[aid] = sentences_of(doc)
    return out
