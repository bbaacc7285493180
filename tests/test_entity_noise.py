"""Table-driven tests for the NER noise rules (defcoop_dagster.core.entities.noise)."""

import pytest

from defcoop_dagster.core.entities import noise as N

MISSPELT = [
    ("Азербайдажан", "AZE"),  # seed 000: an inserted letter
    ("Азербайджна", "AZE"),  # transposition
    ("Казахтан", "KAZ"),  # a dropped letter
    ("Казахстна", "KAZ"),
    ("Азербайджанн", "AZE"),
    ("Белорусия", "BLR"),
    ("Кыргызтан", "KGZ"),
    ("Узбекстана", "UZB"),  # a case form, misspelt
    ("Азербайджан", "AZE"),  # correctly spelt: distance 0 still names the state
    ("Узбекистане", "UZB"),
]
NOT_MISSPELT = [
    "Грузинов",  # surnames close to a country form
    "Армянов",
    "Казаков",
    "Иранов",
    "Гасанов",
    "Алиев",
    "Пашинян",
    "Бурчуладзе",
    "Эрдогана",
    "Садыковым",
    "Джаксыбеков",
    "Гарибашвили",
    "Ильхам",
    "Чили",  # under six letters: never by edit distance
    "Ирина",
    "Республика Азербайдажан",  # several words
    "Azerbaijan",
    "",
]


@pytest.mark.parametrize(("word", "code"), MISSPELT)
def test_misspelt_country(word, code):
    assert N.misspelt_country(word) == code


@pytest.mark.parametrize("word", NOT_MISSPELT)
def test_not_a_misspelt_country(word):
    assert N.misspelt_country(word) is None


PLACES = [
    "Шуша",
    "Шуше",  # case forms of a regional town
    "Шуши",
    "Ханкенди",  # unknown to pymorphy2: from the hand list
    "Лачина",
    "Баку",  # capital, from the gazetteer
    "Тбилиси",
    "Москве",  # pymorphy2 Geox
    "Гянджи",
    "Нагорного Карабаха",  # adjective + place
    "Грузия",
]
PERSONS = [
    "Закир Гасанов",
    "Алиев",
    "Шойгу",
    "Герасимов",
    "Королёв",  # towns that are surnames too: natasha's PER stands
    "Киров",
    "Нестерова",
    "Тана",  # Geox is not the best reading (тан)
    "Мурси",  # unknown to the dictionary: its guessed Geox parse does not count
    "Ильхам Алиев",
    "Гейдара Алиева",
    "Эрдоган",
    "Пашинян",
    "Азербайджанской",  # an adjective alone is not a place
    "",
]


@pytest.mark.parametrize("text", PLACES)
def test_is_place_name(text):
    assert N.is_place_name(text)


@pytest.mark.parametrize("text", PERSONS)
def test_is_not_place_name(text):
    assert not N.is_place_name(text)


CHROME = ["Фото-Видео", "(Фото-Видео)", "ПОДЕЛИТЬСЯ", "Поделиться", "Фото", "Видео", "Читайте также", "Фото ©REUTERS"]
NOT_CHROME = ["Sputnik", "REUTERS", "ТАСС", "РИА Новости", "Министерство обороны", "Фотон", ""]


@pytest.mark.parametrize("text", CHROME)
def test_is_chrome_word(text):
    assert N.is_chrome_word(text)


@pytest.mark.parametrize("text", NOT_CHROME)
def test_is_not_chrome_word(text):
    assert not N.is_chrome_word(text)


@pytest.mark.parametrize(
    ("start", "dateline_end", "expected"),
    [(0, 27, True), (18, 27, True), (26, 27, True), (27, 27, False), (100, 27, False), (0, 0, False)],
)
def test_in_dateline(start, dateline_end, expected):
    assert N.in_dateline(start, dateline_end) is expected


ORGS = [
    # (span text, natasha's normal form, expected)
    ("Министерства обороны", "Министерство оборона", "Министерство обороны"),
    (
        "Министерства обороны Азербайджанской Республики",
        "Министерство оборона Азербайджанская Республика",
        "Министерство обороны Азербайджанской Республики",
    ),
    ("Генерального штаба Вооруженных сил", "Генеральный штаб Вооруженные силы", "Генеральный штаб Вооруженных сил"),
    ("Совета министров обороны СНГ", "Совет министры оборона СНГ", "Совет министров обороны СНГ"),
    ("Министерством обороны", "Министерство обороны", "Министерство обороны"),
    ("Вооруженными силами", "Вооруженные силы", "Вооруженные силы"),  # plural head stays plural
    ("Азербайджанской Армией", "Азербайджанская Армия", "Азербайджанская Армия"),
    ("Министерствах обороны стран", "Министерствах оборона страна", "Министерства обороны стран"),  # bad hint
    ("Генеральным штабом ВС РФ", "", "Генеральный штаб ВС РФ"),  # no hint: pymorphy2 alone
    ("МО РФ", "МО РФ", "МО РФ"),  # abbreviation head: as written
    (
        "Шанхайской организации сотрудничества",
        "Шанхайская организация сотрудничество",
        "Шанхайская организация сотрудничества",
    ),
    # the best reading of «Главного» is the noun «главное»: any adjective reading counts
    (
        "Главного разведывательного управления (ГРУ)",
        "Главное разведывательное управление (ГРУ)",
        "Главное разведывательное управление (ГРУ)",
    ),
    # the adjectives fix the number of an ambiguous head natasha left as written
    (
        "Северо-европейской газопроводной компании",
        "североевропейская газопроводной компании",
        "Североевропейская газопроводная компания",
    ),
    ("Северного потока-2", "Северный потока-2", "Северный поток-2"),  # numbered head
    ("Национальная Медиа Группа", "Национальная Медиа Группа", "Национальная Медиа Группа"),  # already nominative
    ("Бильд ам зонтаг", "Бильд ам зонтаг", "Бильд ам зонтаг"),  # unknown head: never a guessed inflection
    ('НПЦИиОМ "Образ Здоровья', 'НПЦИиОМ "Образ Здоровья', 'НПЦИиОМ "Образ Здоровья'),  # mixed-case abbreviation
    ("Из пакистанской тюрьмы", "Из пакистанская тюрьма", "Из пакистанской тюрьмы"),  # not a noun: as written
    ("НАТО", "НАТО", "НАТО"),  # one word: natasha's form
    ("Sputnik", "Sputnik", "Sputnik"),
]


@pytest.mark.parametrize(("text", "natasha", "expected"), ORGS)
def test_normalize_org(text, natasha, expected):
    assert N.normalize_org(text, natasha) == expected


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("встреча с Cултаном Рахимовым", "встреча с Султаном Рахимовым"),  # a Latin C opening a Cyrillic word
        ("министр oбoроны Перу", "министр обороны Перу"),  # Latin o inside
        ("ТAСС", "ТАСС"),
        ("QURESHIИсламабад", "QURESHIИсламабад"),  # Q, U, R, S, I have no Cyrillic twin: two words run together
        ("визит NATO в Ригу", "визит NATO в Ригу"),  # one script per word: untouched
        ("МиГ-29 и Cessna", "МиГ-29 и Cessna"),
        ("штаб_2Bостока и Ka-52", "штаб_2Востока и Ka-52"),  # a word is a run of letters, digits and _
        ("рейс A320 в Hовосибирск, затем в Омск", "рейс A320 в Новосибирск, затем в Омск"),
    ],
)
def test_latin_lookalikes_in_cyrillic_words_are_cyrillic(written, folded):
    from defcoop_dagster.core.lang.spelling import fold_lookalikes

    assert fold_lookalikes(written) == folded
    assert len(fold_lookalikes(written)) == len(written)  # offsets do not move


def test_article_body_is_read_with_lookalikes_folded():
    from defcoop_dagster.core.ingest.articles import parse_article

    body = parse_article("Министр обороны Таджикистана встретился с Cултаном Рахимовым в Душанбе.").body
    assert "Султаном" in body


def test_a_gloss_is_a_latin_spelling_in_parentheses():
    body = "Министр Лианг Гуангли (Liang Guanglie) и генерал Джон Смит (США)."
    start = body.index("Liang")
    assert N.is_gloss(body, start, start + len("Liang Guanglie"))
    start = body.index("США")
    assert not N.is_gloss(body, start, start + 3)  # Cyrillic: a country, not a spelling
    assert not N.is_gloss("Министр Liang Guanglie прибыл.", 8, 22)  # no parentheses


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Левоном Айвазяном", True),  # an ORG span that is a first name and a surname
        ("Игорь Миронов", True),
        ("Департамента международного сотрудничества", False),
        ("Генерального штаба", False),
        ("Министерство обороны", False),
        ("Наджибом Хамидзаде", False),  # a first name the dictionary does not know: natasha's word stands
        ("Роман", False),  # one word
    ],
)
def test_people_natasha_reads_as_organisations(text, person):
    assert N.looks_like_person(text) is person


def test_a_name_cut_at_its_patronymic_is_joined():
    from natasha.doc import DocSpan

    body = "Встреча с Тимуром Оюновичем Ондаром и Анной Ивановной Рыбак."

    def span(text):
        start = body.index(text)
        return DocSpan(start, start + len(text), "PER", text, tokens=[])

    cut = [span("Тимуром Оюновичем"), span("Ондаром"), span("Анной Ивановной"), span("Рыбак")]
    assert [s.text for s in N.join_split_names(body, cut)] == ["Тимуром Оюновичем Ондаром", "Анной Ивановной Рыбак"]
    # two names side by side without a patronymic stay two
    whole = [span("Тимуром"), span("Оюновичем Ондаром")]
    assert len(N.join_split_names(body, whole)) == 2
