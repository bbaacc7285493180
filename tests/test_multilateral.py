"""Meetings of more than two sides, and the bilateral meetings told beside them (sentences written
for the tests)."""

import pytest

from .test_events import events_of, meetings


def places(rows):
    out = {}
    for m in rows.meetings:
        states = tuple(sorted(c["country_iso3"] for c in rows.meeting_countries if c["meeting_id"] == m["meeting_id"]))
        out[states] = m["place"]
    return out


CASES = [
    pytest.param(
        "Министры обороны стран Балтии и министр обороны Молдовы Анатолий Носатый провели встречу в Риге. "
        "Стороны обсудили помощь в подготовке военных.",
        [(("EST", "LTU", "LVA", "MDA"), "held", None, ("Носатый",))],
        id="group-of-states",
    ),
    pytest.param(
        "Министры обороны стран Центральной Азии и глава Пентагона Ллойд Остин встретились в Астане. "
        "На встрече с Остином, помимо него, были министры обороны Казахстана, Киргизии, Таджикистана, "
        "Туркменистана и Узбекистана.",
        [(("KAZ", "KGZ", "TJK", "TKM", "USA", "UZB"), "held", None, ("Остин",))],
        id="multilateral-told-again",
    ),
    pytest.param(
        "Министр обороны Грузии Ираклий Гарибашвили прибыл в Брюссель. Там Гарибашвили встретится с генеральным "
        "секретарем НАТО Марком Рютте. Кроме того, Гарибашвили встретится с коллегами из Эстонии, Латвии и Литвы. "
        "С эстонским и латвийским министрами пройдут также двусторонние встречи.",
        [
            (("GEO", "NATO"), "planned", None, ("Гарибашвили", "Рютте")),
            (("EST", "GEO", "LTU", "LVA"), "planned", None, ("Гарибашвили",)),
            (("EST", "GEO"), "planned", None, ("Гарибашвили",)),
            (("GEO", "LVA"), "planned", None, ("Гарибашвили",)),
        ],
        id="new-counterparts-and-bilaterals",
    ),
    pytest.param(
        "Заседание Совета министров обороны стран СНГ пройдет 14 октября 2031 года в Минске. В заседании примут "
        "участие делегации Армении, Белоруссии, Казахстана, Киргизии, России и Таджикистана.",
        [(("ARM", "BLR", "CIS", "KAZ", "KGZ", "RUS", "TJK"), "planned", "2031-10-14", ())],
        id="session-announced-then-delegations",
    ),
    pytest.param(
        "Министр обороны Азербайджана Закир Гасанов и министр обороны Сербии Братислав Гашич подписали в Белграде "
        "план сотрудничества во время встречи глав Сербии и Азербайджана. Президент Азербайджана Ильхам Алиев "
        "назвал визит успешным. Президент Сербии Александр Вучич поблагодарил гостей.",
        [(("AZE", "SRB"), "held", None, ("Алиев", "Вучич", "Гасанов", "Гашич"))],
        id="heads-of-the-states-that-follow",
    ),
    pytest.param(
        "Президент Таджикистана Эмомали Рахмон, министр обороны Таджикистана Собир Мирзо и министр обороны Китая "
        "Дун Цзюнь провели встречу в Душанбе.",
        [(("CHN", "TJK"), "held", None, ("Мирзо", "Рахмон", "Цзюнь"))],
        id="one-meeting-when-the-hosts-are-not-in-a-with-phrase",
    ),
    pytest.param(
        "Переговоры президентов Индии и Франции Нарендры Моди и Эмманюэля Макрона прошли в Нью-Дели. Президенты "
        "приветствовали соглашение о поставках вооружений, которое было подписано министром обороны Индии "
        "Раджнатхом Сингхом и министром вооруженных сил Франции Себастьеном Лекорню.",
        [(("FRA", "IND"), "held", None, ("Лекорню", "Макрон", "Моди", "Сингх"))],
        id="signers-in-a-relative-clause-join-the-meeting",
    ),
    pytest.param(
        "Министр обороны Армении Сурен Папикян провел переговоры с министром обороны Индии Раджнатхом Сингхом. "
        "На переговорах стороны высоко оценили политику президента Франции Эмманюэля Макрона.",
        [(("ARM", "IND"), "held", None, ("Папикян", "Сингх"))],
        id="people-spoken-of-are-not-in-the-meeting",
    ),
    pytest.param(
        "Министр обороны Сербии Милош Вучевич побывал с визитом в Венгрии. На встрече с президентом Венгрии "
        "Тамашем Шуйоком он заявил, что сотрудничество двух стран развивается.",
        [(("HUN", "SRB"), "held", None, ("Вучевич", "Шуйок"))],
        id="a-visit-then-its-meeting-is-one-meeting",
    ),
    pytest.param(
        "На полях саммита ШОС в Астане министр обороны Китая Дун Цзюнь встретился с министром обороны Индии "
        "Раджнатхом Сингхом.",
        [
            (("CHN", "IND"), "held", None, ("Сингх", "Цзюнь")),
            (("CHN", "IND", "SCO"), "held", None, ("Сингх", "Цзюнь")),
        ],
        id="a-meeting-on-the-sidelines-of-a-summit-and-the-summit",
    ),
    pytest.param(
        "Делегации Монголии и Китая провели переговоры в Пекине. Монгольскую делегацию возглавил заместитель "
        "министра обороны Монголии Бямбасурэн Болд, китайскую — генерал Чжан Юся.",
        [(("CHN", "MNG"), "held", None, ("Болд", "Юся"))],
        id="heads-of-the-delegations-named-in-the-next-sentence",
    ),
    pytest.param(
        "Министр обороны Армении Сурен Папикян в сопровождении начальника Генштаба Армении Эдуарда Асряна "
        "встретился с министром обороны Франции Себастьеном Лекорню.",
        [(("ARM", "FRA"), "held", None, ("Асрян", "Лекорню", "Папикян"))],
        id="people-present-or-accompanying-are-in-the-meeting",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_multilateral(text, expected):
    rows, _ = events_of(text)
    assert meetings(rows) == sorted(expected, key=str)


def test_visit_city_places_the_visitors_meetings():
    rows, _ = events_of(
        "Министр обороны Грузии Ираклий Гарибашвили прибыл в Брюссель. Там Гарибашвили встретится с генеральным "
        "секретарем НАТО Марком Рютте. Кроме того, Гарибашвили встретится с коллегами из Эстонии, Латвии и Литвы."
    )
    assert places(rows) == {("GEO", "NATO"): "Брюссель", ("EST", "GEO", "LTU", "LVA"): "Брюссель"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "РИГА, 4 мая. /ТАСС/. Министр обороны Латвии Андрис Спрудс посетил Норвегию, где провел переговоры "
            "с министром обороны Норвегии Бьорном Громмом.",
            None,
            id="visited-another-state",
        ),
        pytest.param(
            "РИГА, 4 мая. /ТАСС/. Министр обороны Латвии Андрис Спрудс провел переговоры с министром обороны "
            "Норвегии Бьорном Громмом о ситуации в Украине.",
            "Рига",
            id="a-state-as-a-topic-leaves-the-dateline",
        ),
        pytest.param(
            "КИШИНЕВ, 4 мая. /ТАСС/. Министр обороны Латвии Андрис Спрудс провел переговоры с министром обороны "
            "Норвегии Бьорном Громмом.",
            "Кишинев",
            id="a-capital-written-without-its-yo",
        ),
    ],
)
def test_the_dateline_city_is_no_place_of_a_meeting_held_in_another_state(text, place):
    rows, _ = events_of(text)
    assert places(rows) == {("LVA", "NOR"): place}


def test_city_of_the_organisation_visited_is_not_a_side():
    rows, _ = events_of(
        "Министр обороны Грузии Ираклий Гарибашвили прибыл в штаб-квартиру НАТО в Брюсселе и провел переговоры "
        "с генеральным секретарем альянса Марком Рютте."
    )
    assert [m[0] for m in meetings(rows)] == [("GEO", "NATO")]


def test_no_principal_stands_in_for_a_plural_of_several_states():
    rows, _ = events_of(
        "Министр обороны Армении Сурен Папикян посетил Тегеран. Министр иностранных дел Ирана Аббас Аракчи "
        "сообщил, что в Тегеране пройдет встреча министров иностранных дел Ирана, России, Турции и Армении."
    )
    multilateral = [m for m in meetings(rows) if len(m[0]) > 2]
    assert multilateral == [(("ARM", "IRN", "RUS", "TUR"), "planned", None, ("Аракчи",))]


def test_a_visit_within_which_is_not_a_session():
    rows, _ = events_of(
        "В рамках визита в Китай министр обороны Киргизии Бекбоев встретился с министром обороны Китая Дун Цзюнем."
    )
    assert [m[0] for m in meetings(rows)] == [("CHN", "KGZ")]


def test_participants_listed_in_the_next_sentence():
    rows, _ = events_of(
        "Переговоры прошли в Джакарте. В них приняли участие министр обороны Индонезии Прабово Субианто и "
        "министр обороны Австралии Ричард Марлз."
    )
    assert meetings(rows) == [(("AUS", "IDN"), "held", None, ("Марлз", "Субианто"))]
    assert places(rows) == {("AUS", "IDN"): "Джакарта"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "В Ашхабаде состоялось заседание Совета министров обороны СНГ. В нём участвовали министр обороны "
            "Туркмении Бегенч Гундогдыев, министр обороны Таджикистана Собир Мирзо и министр обороны Армении "
            "Сурен Папикян.",
            id="in-it-a-pronoun-the-tagger-calls-a-noun",
        ),
        pytest.param(
            "В Ашхабаде состоялось заседание Совета министров обороны государств — участников СНГ. В заседании "
            "участвовали министр обороны Туркмении Бегенч Гундогдыев, министр обороны Таджикистана Собир Мирзо и "
            "министр обороны Армении Сурен Папикян.",
            id="member-states-after-a-dash",
        ),
    ],
)
def test_a_session_whose_members_are_listed_next_keeps_its_organisation(text):
    rows, _ = events_of(text)
    assert meetings(rows) == [(("ARM", "CIS", "TJK", "TKM"), "held", None, ("Гундогдыев", "Мирзо", "Папикян"))]
    assert places(rows) == {("ARM", "CIS", "TJK", "TKM"): "Ашхабад"}


def test_a_session_that_tells_its_own_taking_part_borrows_no_sides():
    rows, _ = events_of(
        "Министр обороны Грузии Ираклий Гарибашвили встретится в Вильнюсе с министром обороны Литвы Довиле "
        "Шакалене. В Вильнюсе также пройдет заседание совета НАТО со странами-партнерами, в котором Гарибашвили "
        "примет участие."
    )
    assert [m[0] for m in meetings(rows)] == [("GEO", "LTU"), ("GEO", "NATO")]


def test_the_head_of_a_delegation_told_next_is_in_that_meeting_for_its_state():
    rows, _ = events_of(
        "В Кито состоялась встреча министра обороны Эквадора Хиана Карлоса Лофредо с делегацией вооруженных сил "
        "Колумбии. Колумбийскую делегацию возглавил командующий армией генерал Луис Оспина."
    )
    assert meetings(rows) == [(("COL", "ECU"), "held", None, ("Лофредо", "Оспина"))]
    assert {p["name"]: p["country_iso3"] for p in rows.meeting_participants} == {
        "Хиан Карлос Лофредо": "ECU",
        "Луис Оспина": "COL",
    }


def test_who_represented_a_side_told_next_is_in_that_meeting():
    rows, _ = events_of(
        "В Минске прошли консультации оборонных ведомств Белоруссии и Вьетнама. Вьетнамскую сторону представлял "
        "заместитель министра обороны Хоанг Суан Чиен."
    )
    assert meetings(rows) == [(("BLR", "VNM"), "held", None, ("Чиен",))]
    assert [(p["name"], p["country_iso3"]) for p in rows.meeting_participants] == [("Хоанг Суан Чиен", "VNM")]


def test_heads_of_the_delegations_of_two_states_in_the_order_written():
    rows, _ = events_of(
        "В Бишкеке прошли переговоры делегаций министерств обороны Киргизии и Казахстана во главе с "
        "заместителями министров Айбеком Осмоновым и Нурланом Тлеубаевым."
    )
    assert meetings(rows) == [(("KAZ", "KGZ"), "held", None, ("Осмонов", "Тлеубаев"))]
    assert {p["name"]: p["country_iso3"] for p in rows.meeting_participants} == {
        "Айбек Осмонов": "KGZ",
        "Нурлан Тлеубаев": "KAZ",
    }


def test_people_listed_for_one_side_are_one_meeting():
    rows, _ = events_of(
        "Министры обороны и иностранных дел Австралии и Индонезии провели в Джакарте переговоры. Австралийскую "
        "сторону представляли министр обороны Ричард Марлз и министр иностранных дел Пенни Уонг."
    )
    assert meetings(rows) == [(("AUS", "IDN"), "held", None, ("Марлз", "Уонг"))]


def test_a_state_talked_about_is_no_side():
    rows, _ = events_of(
        "Министр обороны Польши Владислав Косиняк-Камыш и министр обороны Литвы Довиле Шакалене встретились "
        "в Вильнюсе, чтобы обсудить поддержку Молдовы."
    )
    assert [m[0] for m in meetings(rows)] == [("LTU", "POL")]


def test_a_named_hosts_bilateral_meetings_are_one_each_and_the_session_holds_them():
    rows, _ = events_of(
        "Министр обороны Армении Сурен Папикян провел двусторонние встречи с министрами обороны Казахстана, "
        "Киргизии и Таджикистана на полях заседания Совета министров обороны СНГ."
    )
    assert [m[0] for m in meetings(rows)] == [
        ("ARM", "CIS", "KAZ", "KGZ", "TJK"),
        ("ARM", "KAZ"),
        ("ARM", "KGZ"),
        ("ARM", "TJK"),
    ]


def test_someone_praised_or_criticised_at_a_meeting_was_not_met():
    rows, _ = events_of(
        "Министр обороны Дании Троэльс Лунд Поульсен встретился с министром обороны Швеции Палом Юнсоном. На "
        "встрече Поульсен похвалил президента Франции Эмманюэля Макрона и раскритиковал премьер-министра Венгрии "
        "Виктора Орбана."
    )
    assert [m[0] for m in meetings(rows)] == [("DNK", "SWE")]


def test_taking_part_in_something_else_is_no_meeting():
    rows, _ = events_of(
        "Министр обороны Индонезии Прабово Субианто и министр обороны Австралии Ричард Марлз провели переговоры. "
        "Позже министр обороны Индонезии Прабово Субианто принял участие в выборах президента Индонезии."
    )
    assert len(meetings(rows)) == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Вьетнам и Индия провели переговоры по вопросам обороны в Нью-Дели.",
            [(("IND", "VNM"), "held", None, ())],
            id="states-as-subjects",
        ),
        pytest.param(
            "12 мая в Ереване состоялись консультации по планированию трехстороннего сотрудничества "
            "Армения-Греция-Кипр.",
            [(("ARM", "CYP", "GRC"), "held", "--05-12", ())],
            id="states-joined-by-dashes",
        ),
        pytest.param(
            "Встреча была посвящена российско-китайским отношениям.",
            [],
            id="compound-adjective-is-no-side",
        ),
        pytest.param(
            "В Пекине состоялись китайско-японские переговоры на уровне министров обороны.",
            [(("CHN", "JPN"), "held", None, ())],
            id="compound-adjective-of-the-talks",
        ),
        pytest.param(
            "Состоялась встреча начальника штаба армии Чили с военным атташе Перу.",
            [(("CHL", "PER"), "held", None, ())],
            id="an-attache-is-a-side",
        ),
        pytest.param(
            "Турция провела переговоры с Сирией по вопросам безопасности.",
            [(("SYR", "TUR"), "held", None, ())],
            id="state-in-a-with-phrase",
        ),
        pytest.param(
            "Министр обороны Польши Владислав Косиняк-Камыш посетил Киев. Он провел переговоры с министром обороны "
            "Украины Рустемом Умеровым.",
            [(("POL", "UKR"), "held", None, ("Косиняк-Камыш", "Умеров"))],
            id="visited-capital-without-preposition",
        ),
    ],
)
def test_sides_without_a_side_noun(text, expected):
    rows, _ = events_of(text)
    assert meetings(rows) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Великобритания продолжает переговоры с Евросоюзом о торговле.",
        "Делегации Армении и Азербайджана не встретились в Брюсселе.",
        "В рамках заседания Совета Безопасности ООН представитель России выступил с заявлением.",
        "Во время пребывания в должности канцлера Германия направила военных в Афганистан.",
        "По словам премьера, кабинет в переговорах с Евросоюзом идет на слишком большие уступки.",
        "Президент Франции заявил, что не станет встречаться с президентом Ирана без предварительных условий.",
        "Встреча министров обороны Чили и Перу не состоится из-за погоды.",
        "Министр иностранных дел Японии на встрече с журналистами ответил на заявление президента Китая.",
        # the ones who met are named and are no state's people: no principal stands in for them
        "Министр обороны Чили Хуан Перес выступил в парламенте. Тем временем участницы рок-группы встретились "
        "с министром обороны Перу Луисом Торресом.",
        # one of a public is no side, whatever state their adjective names
        "В сентябре бразильская журналистка Ана Силва прибыла в Перу по приглашению президента Перу "
        "Луиса Торреса, чтобы взять у него интервью.",
        # talks as a subject spoken of, not an event
        "6 мая правительство Норвегии согласовало коллективную позицию по будущим переговорам со Швецией.",
        # people of one state who met each other: no principal of another state was there
        "Президент Перу Луис Торрес прокомментировал выборы в Чили. Министр обороны Чили Хуан Перес и министр "
        "внутренних дел Чили Мигель Рохас встретились в Сантьяго.",
        "Президент Перу Луис Торрес прокомментировал выборы в Чили. Министр обороны Чили Хуан Перес и министр "
        "внутренних дел Чили Мигель Рохас провели последний раунд консультаций, встретившись в Сантьяго.",
    ],
)
def test_not_meetings(text):
    rows, _ = events_of(text)
    assert meetings(rows) == []


def test_a_session_and_a_meeting_of_the_same_visitor_are_two():
    rows, _ = events_of(
        "В Брюсселе министр обороны Грузии Ираклий Гарибашвили встретится с генсеком НАТО Марком Рютте. В Брюсселе "
        "пройдет также заседание совета НАТО со странами-партнерами, в котором Гарибашвили примет участие."
    )
    assert [m[0] for m in meetings(rows)] == [("GEO", "NATO"), ("GEO", "NATO")]


def test_a_delegation_arriving_in_a_state_does_not_bring_the_articles_principal():
    rows, _ = events_of(
        "Заместитель министра обороны Армении Арман Саргсян совершает визит в Грецию. Там он встретился с министром "
        "обороны Греции Никосом Дендиасом. В прошлом году в Армению прибывала делегация Вооруженных сил Греции во "
        "главе с начальником Генерального штаба Димитриосом Хуписом."
    )
    earlier = [m for m in meetings(rows) if "Хупис" in m[3]]
    assert earlier == [(("ARM", "GRC"), "held", None, ("Хупис",))]


def test_a_minister_of_another_portfolio_does_not_stand_for_a_defence_side():
    rows, _ = events_of(
        "Министерства обороны Грузии и Азербайджана подписали план сотрудничества в ходе визита министра обороны "
        "Грузии Ираклия Чиковани в Баку. Министр иностранных дел Азербайджана Джейхун Байрамов сообщил об этом "
        "журналистам. Байрамов также выступил на форуме."
    )
    assert [m[3] for m in meetings(rows)] == [("Чиковани",)]


def test_people_of_one_state_who_met_a_guest_bring_the_principal():
    rows, _ = events_of(
        "Министр обороны Перу Луис Торрес прибыл в Чили. Министр обороны Чили Хуан Перес и министр внутренних дел "
        "Чили Мигель Рохас встретились с гостем в Сантьяго."
    )
    assert {m[0] for m in meetings(rows)} == {("CHL", "PER")}  # the guest is the principal
