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
