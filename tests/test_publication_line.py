"""The site's "Опубликовано …" line, wherever it stands, dates the article (texts written for the tests)."""

from defcoop_dagster.core.ingest.articles import parse_article
from defcoop_dagster.core.lang.dates import PartialDate

BODY = (
    "Министр обороны Монголии встретился с коллегой из Японии\n\n"
    "Министр обороны Монголии Гурсэд Сайханбаяр 5 мая встретился в Улан-Баторе с министром обороны Японии.\n"
    "Стороны обсудили подготовку военных кадров и совместные учения.\n\n"
)


def test_a_footer_line_dates_the_article_and_leaves_the_body():
    art = parse_article(BODY + "Опубликовано 6 мая 2019 в 10:15\nВсе новости\n")
    assert (art.published, art.published_source) == (PartialDate(2019, 5, 6), "publication_line")
    assert "Опубликовано" not in art.body


def test_a_sentence_about_publishing_is_no_footer():
    art = parse_article(BODY + "Опубликовано исследование, согласно которому армия Монголии растет с 2019 года.\n")
    assert art.published is None


def test_a_lone_date_below_the_text_is_the_pages():
    art = parse_article(BODY + "Все новости\n\n14.11.2024\n")
    assert "14.11.2024" not in art.body and art.published is None
