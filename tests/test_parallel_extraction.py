"""Extraction spread over worker processes gives the same rows, in the same order, as one process."""

from pathlib import Path

from defcoop_dagster.core.extraction import extract_articles
from defcoop_dagster.core.ingest.articles import article_rows
from defcoop_dagster.core.ingest.sources import scan

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_workers_give_the_rows_of_one_process():
    articles = article_rows([s for s in scan(SEEDS) if s["status"] == "accepted"])
    one = extract_articles(articles, batch_size=1, workers=1)
    two = extract_articles(articles, batch_size=1, workers=2)  # five batches: the workers are used
    assert one.meetings and one.agreements and one.mentions
    assert one == two


def test_only_sentences_with_names_are_parsed():
    """The dependency parse is read only around names: a sentence holding none keeps no heads."""
    from defcoop_dagster.core.lang.analysis import analyse

    doc = analyse("Погода в выходные будет тёплой. Министр обороны Сергей Петров прибыл в Казань.")
    plain, named = doc.sents
    assert all(t.head_id is None and t.rel is None for t in plain.tokens)
    assert all(t.head_id is not None and t.rel for t in named.tokens)
    assert [s.type for s in doc.spans] == ["PER", "LOC"]
