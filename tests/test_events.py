"""Meetings and agreements from sentences written for the tests, one family of patterns each."""

import pytest

from defcoop_dagster.core.entities.extract import extract
from defcoop_dagster.core.events.rows import extract_events
from defcoop_dagster.core.ingest.articles import parse_article

from .conftest import query


def events_of(text: str):
    a = parse_article(text)
    art = {
        "article_id": a.article_id,
        "body": a.body,
        "published": a.published.iso() if a.published else None,
        "dateline_end": a.dateline_end,
        "dateline_place": a.dateline_place,
    }
    e = extract([art])
    return extract_events(art, e.sentences[a.article_id], e.persons, e.person_mentions, e.mentions), a.body


def meetings(rows):
    out = []
    for m in rows.meetings:
        states = tuple(sorted(c["country_iso3"] for c in rows.meeting_countries if c["meeting_id"] == m["meeting_id"]))
        people = sorted(p["name"].split()[-1] for p in rows.meeting_participants if p["meeting_id"] == m["meeting_id"])
        out.append((states, m["status"], m["date_iso"], tuple(people)))
    return sorted(out, key=str)


def agreements(rows):
    out = []
    for a in rows.agreements:
        states = tuple(
            sorted(p["country_iso3"] for p in rows.agreement_parties if p["agreement_id"] == a["agreement_id"])
        )
        out.append((a["kind"], states, a["status"], a["period_year"]))
    return sorted(out, key=str)


MEETINGS = [
    pytest.param(
        "Министр обороны Казахстана Нурлан Ермекбаев встретился с министром обороны Узбекистана Бахадыром "
        "Курбановым. Стороны обсудили военное сотрудничество.",
        [(("KAZ", "UZB"), "held", None, ("Ермекбаев", "Курбанов"))],
        id="verb-past",
    ),
    pytest.param(
        "Министр обороны Армении Давид Тоноян встретится с министром обороны Греции Никосом Панайотопулосом в Афинах.",
        [(("ARM", "GRC"), "planned", None, ("Панайотопулос", "Тоноян"))],
        id="verb-future-planned",
    ),
    pytest.param(
        "Глава Минобороны России Сергей Шойгу провел переговоры с министром обороны Индии Раджнатхом Сингхом.",
        [(("IND", "RUS"), "held", None, ("Сингх", "Шойгу"))],
        id="talks",
    ),
    pytest.param(
        "Состоялась встреча министров обороны Армении и Беларуси. Стороны обсудили вопросы безопасности.",
        [(("ARM", "BLR"), "held", None, ())],
        id="nominal-countries-only",
    ),
    pytest.param(
        "Президент Азербайджана Ильхам Алиев принял делегацию во главе с министром обороны Турции Хулуси Акаром.",
        [(("AZE", "TUR"), "held", None, ("Акар", "Алиев"))],
        id="received-delegation",
    ),
    pytest.param(
        "Министр обороны Беларуси Виктор Хренин 12 марта прибыл с официальным визитом в Баку. В ходе визита "
        "министр обороны Азербайджана Закир Гасанов встретился с белорусским коллегой Виктором Хрениным.",
        [(("AZE", "BLR"), "held", "--03-12", ("Гасанов", "Хренин"))],
        id="visit-then-meeting",
    ),
    pytest.param(
        "В рамках визита запланирована встреча министра обороны Сербии Александра Вулина с президентом "
        "Беларуси Александром Лукашенко.",
        [(("BLR", "SRB"), "planned", None, ("Вулин", "Лукашенко"))],
        id="planned-nominal",
    ),
    pytest.param(
        "Министр обороны Грузии Джуаншер Бурчуладзе встретился с министром обороны Азербайджана Закиром "
        "Гасановым. Затем его принял президент Азербайджана Ильхам Алиев.",
        [
            (("AZE", "GEO"), "held", None, ("Алиев", "Бурчуладзе")),
            (("AZE", "GEO"), "held", None, ("Бурчуладзе", "Гасанов")),
        ],
        id="minister-then-president-two-meetings",
    ),
    pytest.param(
        "Министр обороны Украины Андрей Таран встретился с премьер-министром Грузии Ираклием Гарибашвили "
        "и министром обороны Грузии Джуаншером Бурчуладзе.",
        [
            (("GEO", "UKR"), "held", None, ("Бурчуладзе", "Таран")),
            (("GEO", "UKR"), "held", None, ("Гарибашвили", "Таран")),
        ],
        id="one-guest-two-hosts",
    ),
    pytest.param(
        "Начальник Генштаба России Валерий Герасимов провел переговоры с азербайджанским коллегой Наджмеддином "
        "Садыковым. Прошлый визит Герасимова в Баку состоялся 10 июля 2019 года.",
        # the earlier visit names no host: no one is invented for it
        [
            (("AZE", "RUS"), "held", "2019-07-10", ("Герасимов",)),
            (("AZE", "RUS"), "held", None, ("Герасимов", "Садыков")),
        ],
        id="background-visit-separate",
    ),
    pytest.param(
        "Министр обороны Армении Давид Тоноян будет встречаться с министром обороны Греции Никосом Панайотопулосом.",
        [(("ARM", "GRC"), "planned", None, ("Панайотопулос", "Тоноян"))],
        id="future-auxiliary-planned",
    ),
    pytest.param(
        "Министр обороны Словакии Роберт Калиняк и министр обороны Чехии Яна Черногова договорились провести "
        "переговоры в Братиславе.",
        [(("CZE", "SVK"), "planned", None, ("Калиняк", "Черногова"))],
        id="agreed-to-hold-planned",
    ),
    pytest.param(
        "Министр обороны Словакии Роберт Калиняк и министр обороны Чехии Яна Черногова провели переговоры "
        "и договорились о закупках боеприпасов.",
        [(("CZE", "SVK"), "held", None, ("Калиняк", "Черногова"))],
        id="agreed-on-something-held",
    ),
    pytest.param(
        "Делегация Азербайджана во главе с министром обороны Закиром Гасановым была принята министром обороны "
        "Турции Хулуси Акаром.",
        [(("AZE", "TUR"), "held", None, ("Акар", "Гасанов"))],
        id="received-passive",
    ),
    pytest.param(
        "Президент Азербайджана Ильхам Алиев принял своего турецкого коллегу Хулуси Акара.",
        [(("AZE", "TUR"), "held", None, ("Акар", "Алиев"))],
        id="received-colleague",
    ),
    pytest.param(
        "В среду министр обороны Чехии Яна Черногова приняла в Праге министра обороны Словакии Роберта Калиняка.",
        [(("CZE", "SVK"), "held", None, ("Калиняк", "Черногова"))],
        id="received-past-a-place",
    ),
    pytest.param(
        "Министр обороны Кении Соипан Туя приняла в своем кабинете посла Японии Кэндзи Ямамото.",
        [(("JPN", "KEN"), "held", None, ("Туя", "Ямамото"))],
        id="received-in-an-office-the-parse-gives-to-the-visitor",
    ),
    pytest.param(
        "Министр обороны Чехии Яна Черногова приняла в Праге решение о поставках снарядов в Словакию.",
        [],
        id="a-decision-taken-past-a-place",
    ),
    pytest.param(
        "Министр обороны Польши Мариуш Блащак встретился с министрами обороны стран Балтии.",
        [(("EST", "LTU", "LVA", "POL"), "held", None, ("Блащак",))],
        id="group-of-states",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MEETINGS)
def test_meetings(text, expected):
    rows, _ = events_of(text)
    assert meetings(rows) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "Министры обороны России и Белоруссии Андрей Белоусов и Виктор Хренин провели телефонный разговор.",
        "Министр обороны России Сергей Шойгу обсудил по видеосвязи с министром обороны Китая Вэй Фэнхэ "
        "вопросы сотрудничества.",
        "Военнослужащие России и Казахстана провели совместные учения на полигоне.",
        "Министр обороны Казахстана заявил, что страна продолжит закупать вооружение у России.",
        "Командование России и НАТО регулярно проводит встречи в Брюсселе.",
        "Министр обороны Сербии Александр Вулин принял решение об отставке.",
    ],
    ids=["phone", "video", "exercises", "statement", "custom", "decision"],
)
def test_not_meetings(text):
    rows, _ = events_of(text)
    assert rows.meetings == []


AGREEMENTS = [
    pytest.param(
        "Министр обороны Казахстана Нурлан Ермекбаев и министр обороны Узбекистана Бахадыр Курбанов подписали "
        "план сотрудничества на 2022 год.",
        [("plan", ("KAZ", "UZB"), "signed", 2022)],
        id="plan-period-year",
    ),
    pytest.param(
        "Министры обороны Армении и Греции подпишут меморандум о взаимопонимании в области обороны.",
        [("memorandum", ("ARM", "GRC"), "planned", None)],
        id="planned-memorandum",
    ),
    pytest.param(
        "Президент Беларуси ратифицировал договор с Россией о совместной защите внешней границы.",
        [("treaty", ("BLR", "RUS"), "signed", None)],
        id="ratified-treaty",
    ),
    pytest.param(
        "В ходе встречи министр обороны Белоруссии Юрий Жадобин и заместитель начальника генштаба Китая Ван "
        "Гуаньчжун подписали протокол к соглашениям о военной помощи.",
        [("protocol", ("BLR", "CHN"), "signed", None)],
        id="protocol-to-agreements-is-one",
    ),
    pytest.param(
        "Планируется подписание российско-казахстанского договора о военном сотрудничестве, соглашения о "
        "совместных мероприятиях и плана сотрудничества на 2021 год.",
        [
            ("agreement", ("KAZ", "RUS"), "planned", None),
            ("plan", ("KAZ", "RUS"), "planned", 2021),
            ("treaty", ("KAZ", "RUS"), "planned", None),
        ],
        id="three-documents",
    ),
    pytest.param(
        "Министры обороны Азербайджана и Грузии утвердили дорожную карту сотрудничества.",
        [("roadmap", ("AZE", "GEO"), "signed", None)],
        id="roadmap",
    ),
    pytest.param(
        "Лидеры Армении, Азербайджана и России подписали совместное заявление.",
        [("statement", ("ARM", "AZE", "RUS"), "signed", None)],
        id="joint-statement",
    ),
    pytest.param(
        "Рособоронэкспорт и министерство обороны Вьетнама заключили контракт на поставку истребителей.",
        [("contract", ("RUS", "VNM"), "signed", None)],
        id="a-national-body-that-names-no-state",
    ),
    pytest.param(
        "Министерства обороны Хорватии и Словении подписали меморандум о намерениях.",
        [("memorandum", ("HRV", "SVN"), "signed", None)],
        id="intentions-in-a-title-are-no-plan",
    ),
    pytest.param(
        "Министры обороны Казахстана и Узбекистана приняли программу военного сотрудничества.",
        [("program", ("KAZ", "UZB"), "signed", None)],
        id="adopted-program",
    ),
]


@pytest.mark.parametrize(("text", "expected"), AGREEMENTS)
def test_agreements(text, expected):
    rows, _ = events_of(text)
    assert agreements(rows) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "Министры обороны Армении и Греции обсудили проект соглашения о военном сотрудничестве.",
        "Президенты Турции и Азербайджана договорились о военном сотрудничестве.",
        "Генеральный секретарь Организации Договора о коллективной безопасности прибыл в Ереван.",
        "Министр обороны Болгарии Красимир Каракачанов и посол США Херо Мустафа приняли участие в заседании "
        "комиссии по выполнению Соглашения о сотрудничестве в сфере обороны.",
        "Министры обороны Армении и Греции отказались от подписания соглашения.",
        "Министерство обороны Вьетнама подписало соглашение о закупках, сообщил Пентагон.",
    ],
    ids=["discussed", "agreed-without-document", "body-name", "took-part", "refused", "a-body-that-reports-it"],
)
def test_not_agreements(text):
    rows, _ = events_of(text)
    assert rows.agreements == []


def test_every_row_points_at_its_sentence():
    rows, body = events_of(
        "Министр обороны Казахстана Нурлан Ермекбаев встретился с министром обороны Узбекистана Бахадыром "
        "Курбановым. Министры подписали план сотрудничества на 2022 год."
    )
    for row in rows.meetings + rows.agreements:
        assert body[row["evidence_start"] : row["evidence_end"]] == row["evidence"]
        assert 0 < row["confidence"] <= 1 and row["rule"]
    assert agreements(rows) == [("plan", ("KAZ", "UZB"), "signed", 2022)]  # parties from the meeting


def test_warehouse_event_tables_on_seeds(seeds_warehouse):
    bad = query(
        seeds_warehouse,
        """
        SELECT e.evidence FROM (SELECT article_id, evidence, evidence_start, evidence_end FROM meetings
                                UNION ALL SELECT article_id, evidence, evidence_start, evidence_end FROM agreements) e
        JOIN articles a USING (article_id)
        WHERE substring(a.body, e.evidence_start + 1, e.evidence_end - e.evidence_start) <> e.evidence""",
    )
    assert bad == []
    counts = dict(
        query(
            seeds_warehouse,
            """
        SELECT 'meetings', count(*) FROM meetings UNION ALL SELECT 'agreements', count(*) FROM agreements""",
        )
    )
    assert counts == {"meetings": 11, "agreements": 5}  # as many as the gold seeds have
    assert query(
        seeds_warehouse,
        "SELECT count(*) FROM meeting_countries c LEFT JOIN meetings m USING (meeting_id) WHERE m.meeting_id IS NULL",
    ) == [(0,)]


def test_held_meeting_after_publication_is_quarantined(tmp_path):
    from .conftest import run_pipeline

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "late.txt").write_text(
        "18 мая 2021 | 20:06\nМинистр обороны Казахстана Нурлан Ермекбаев 20 мая 2021 года встретился с министром "
        "обороны Узбекистана Бахадыром Курбановым.",
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    result = run_pipeline(
        inbox,
        db,
        selection=[
            "source_files",
            "articles",
            "mentions",
            "persons",
            "person_mentions",
            "meetings",
            "meeting_countries",
            "meeting_participants",
            "agreements",
            "agreement_parties",
        ],
    )
    assert result.success
    assert query(db, "SELECT count(*) FROM meetings") == [(0,)]
    rules = [r[0] for r in query(db, "SELECT rule FROM quarantine WHERE asset IN ('meetings', 'meeting_countries')")]
    assert "held meeting not after its article's publication" in rules
    assert any(r.startswith("parent row in meetings") for r in rules)  # its countries follow it


def test_the_signers_of_the_document_just_told_met():
    rows, _ = events_of(
        "Россия и Монголия подписали соглашение о военном сотрудничестве. Документ подписали министр обороны "
        "России Андрей Белоусов и министр обороны Монголии Гурсэд Сайханбаяр."
    )
    assert agreements(rows) == [("agreement", ("MNG", "RUS"), "signed", None)]
    assert meetings(rows) == [(("MNG", "RUS"), "held", None, ("Белоусов", "Сайханбаяр"))]


def test_a_state_in_the_brackets_that_spell_out_an_abbreviation_is_no_side():
    text = (
        "Министр обороны Лаоса Чансамон Чанялат провел переговоры с министром обороны Камбоджи "
        "Тиа Банем в Пномпене, передает ВИА (Вьетнамское информационное агентство – ред.)."
    )
    rows, _ = events_of(text)
    assert [m[0] for m in meetings(rows)] == [("KHM", "LAO")]


def test_people_of_the_sentence_before_bring_its_date_and_place():
    text = (
        "Министр обороны Казахстана Руслан Жаксылыков и министр обороны Монголии Гурсэд Сайханбаяр "
        "12 августа 2024 года обсудили в Улан-Баторе подготовку к учениям. Министры также подписали "
        "план военного сотрудничества."
    )
    rows, _ = events_of(text)
    assert [(m["date_iso"], m["place"]) for m in rows.meetings] == [("2024-08-12", "Улан-Батор")]


def test_documents_signed_before_are_not_signed_here():
    rows, _ = events_of(
        "Министры обороны Монголии и Казахстана обсудили в Астане выполнение ранее подписанных соглашений."
    )
    assert agreements(rows) == []


def test_an_approved_draft_is_a_document_still_to_be_signed():
    rows, _ = events_of("Правительство Монголии одобрило проект соглашения с Казахстаном о военном сотрудничестве.")
    assert agreements(rows) == [("agreement", ("KAZ", "MNG"), "planned", None)]


def test_officials_of_two_states_signing_together_met_though_no_one_is_named():
    rows, _ = events_of("Министры обороны Монголии и Казахстана подписали в Астане меморандум о военном образовании.")
    assert meetings(rows) == [(("KAZ", "MNG"), "held", None, ())]
    # the states themselves as the subject may sign apart: no meeting
    rows, _ = events_of("Монголия и Казахстан подписали меморандум о военном образовании.")
    assert meetings(rows) == []


# One meeting told across sentences: its people, date and place read from the sentences around it
# (sentences written for the tests).
ACROSS_SENTENCES = [
    pytest.param(
        "Министр обороны Монголии Гурсэд Сайханбаяр принял в Улан-Баторе делегацию Вооруженных сил "
        "Казахстана во главе с генералом Асаном Жаксылыковым. Как отмечается в сообщении, переговоры "
        "прошли 14 сентября 2024 года. В них приняли участие посол Казахстана Алмас Бекенов и "
        "начальник штаба Монголии Дорж Ганзориг.",
        (("KAZ", "MNG"), "held", "2024-09-14", ("Бекенов", "Ганзориг", "Жаксылыков", "Сайханбаяр")),
        id="talks-told-again-give-their-date-and-the-people-who-took-part",
    ),
    pytest.param(
        "Президент Аргентины Хавьер Милей и премьер-министр Италии Джорджа Мелони договорились о поставках "
        "патрульных катеров. Лидеры встретились 4 июня в Риме.",
        (("ARG", "ITA"), "held", "--06-04", ("Мелони", "Милей")),
        id="leaders-who-met-are-the-people-of-the-sentence-before",
    ),
    pytest.param(
        "Министр обороны Грузии Ираклий Чиковани принял в Тбилиси делегацию министерства обороны Эстонии "
        "во главе с заместителем министра Тийт Мятсом. Стороны обсудили вопросы подготовки военных. "
        "На встрече присутствовал посол Эстонии в Грузии Андрес Рийм.",
        (("EST", "GEO"), "held", None, ("Мятс", "Рийм", "Чиковани")),
        id="someone-present-joins-the-meeting-past-a-sentence-about-its-talks",
    ),
    pytest.param(
        # the first sentence has no meeting word; the second names no one: together they are one meeting
        "Командующий ВМС Индонезии адмирал Мухаммад Али и командующий ВМС Австралии вице-адмирал Марк "
        "Хэммонд обсудили в Джакарте совместное патрулирование. Встреча состоялась 3 июля.",
        (("AUS", "IDN"), "held", "--07-03", ("Али", "Хэммонд")),
        id="a-meeting-that-took-place-is-the-one-of-the-people-just-named",
    ),
]


@pytest.mark.parametrize("text, expected", ACROSS_SENTENCES)
def test_one_meeting_told_across_sentences(text, expected):
    rows, _ = events_of(text)
    assert meetings(rows) == [expected]
