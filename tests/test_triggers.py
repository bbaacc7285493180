"""Whether a sentence reports a meeting or a visit at all: a public met, talks spoken of, a body of one
state sitting, many meetings told at once, a term of office (sentences written for the tests)."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Министр обороны Чили в беседе с корреспондентами оценил отношения с Перу.",
        "Министр обороны Индии провел встречу с соотечественниками в Москве.",
        "Президент Аргентины на встрече с курсантами рассказал об отношениях с Бразилией.",
        # talks as a subject: a position, a plan, a strategy, readiness for them
        "Правительство Норвегии утвердило позицию на переговорах со Швецией о границе.",
        "Кабинет Канады одобрил план переговоров с Мексикой о поставках.",
        "Министр готов к переговорам с Аргентиной в любое время.",
        # an anniversary of a meeting of history
        "Президенты Чили и Перу сделали заявление к 50-летию встречи в Арике.",
        "Президенты Чили и Перу сделали совместное заявление к 50-летию исторической встречи солдат двух армий.",
        "Министры Чили и Перу отметили годовщину переговоров в Лиме.",
        # many meetings told at once, none of them one to record
        "Президенты Чили и Перу уже семь раз встречались в Лиме.",
        "Министры обороны Чили и Перу неоднократно встречались в Лиме.",
        "Президент Чили за год провел ряд встреч с лидером Перу.",
        "Министр обороны Аргентины провела несколько встреч с коллегой из Бразилии.",
        "Многочисленные встречи президентов Чили и Перу ничего не изменили.",
        # a state's own body sitting
        "Заседание правительства Чили по итогам визита в Перу прошло в Сантьяго.",
        "Премьер Норвегии провела совещание с членами своего кабинета перед визитом в Швецию.",
        "После закрытой встречи премьера Норвегии Эрны Сульберг с членами ее кабинета визит в Швецию отложен.",
        "Заседание сената Чили одобрило договор с Перу.",
        "На заседании коллегии министерства обороны Чили обсуждали учения с Перу.",
        # the sitting of the body that is the verb's subject
        "Правительство Чили на заседании одобрило договор с Перу.",
        "Сенат и палата депутатов Чили на совместном заседании одобрили договор с Перу.",
        # leading talks is a charge, not an event
        "Министр Чили Хуан Перес в июле 2029 года возглавил переговоры о торговле с Перу.",
        # «встречаться» said of things is to occur
        "В соцсетях Мексики иногда встречались нападки на Канаду.",
    ],
)
def test_a_meeting_with_a_public_or_talks_spoken_of_is_no_trigger(text):
    assert [strong for strong, _ in triggers_of(text)] == [False]


@pytest.mark.parametrize(
    "text",
    ["Президент Бразилии, который все четыре года пребывания у власти критиковал Аргентину, похвалил Чили."],
)
def test_a_term_of_office_is_no_visit(text):
    assert triggers_of(text) == [(False, False)]


def triggers_of(text: str) -> list[tuple[bool, bool]]:
    """(meeting, visit) triggers of each sentence of a text."""
    from defcoop_dagster.core.entities.extract import extract
    from defcoop_dagster.core.events.triggers import triggers
    from defcoop_dagster.core.ingest.articles import parse_article

    art = parse_article(text)
    row = {"article_id": art.article_id, "body": art.body, "published": None, "dateline_end": 0, "dateline_place": None}
    return [triggers(s) for s in extract([row]).sentences[art.article_id]]


def test_a_delegation_led_at_talks_is_still_a_meeting():
    text = "Делегацию Чили на переговорах с Перу в Лиме возглавил министр обороны Хуан Перес."
    assert triggers_of(text) == [(True, False)]


def test_another_state_s_government_is_met():
    assert triggers_of("Министр обороны Чили встретился с членами правительства Перу.") == [(True, False)]
    # a body's sitting with someone of another state is a meeting
    assert triggers_of("Правительство Чили на заседании с делегацией Перу одобрило договор.") == [(True, False)]
    # a joint sitting of two ministries' boards is a meeting of two states
    text = "Совместное заседание коллегий министерств обороны Чили и Перу прошло в Лиме."
    assert triggers_of(text) == [(True, False)]


def test_one_meeting_counted_or_ordered_is_still_one():
    # «ряд» counting the people, not the meetings
    assert triggers_of("Переговоры ряда министров обороны Чили и Перу прошли в Лиме.") == [(True, False)]
    assert triggers_of("Министры обороны Чили и Перу провели раунд переговоров в Лиме.") == [(True, False)]
    assert triggers_of("Министры обороны Чили и Перу встретились в третий раз в Лиме.") == [(True, False)]
    assert triggers_of("Министры обороны Чили и Перу один раз встретились в Лиме.") == [(True, False)]
