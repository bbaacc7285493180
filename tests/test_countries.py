"""Tests for the Russian country/organisation gazetteer (defcoop_dagster.core.gazetteers.countries)."""

import pycountry
import pytest

from defcoop_dagster.core.gazetteers import countries as C
from defcoop_dagster.core.gazetteers.countries import index as country_index
from defcoop_dagster.core.lang.morph import morph_vocab

# (phrase, expected code) for resolve_country: names in all cases, official forms, abbreviations,
# adjectives, organisations and capitals.
POSITIVE = [
    # short names, every case
    ("Азербайджан", "AZE"),
    ("Азербайджана", "AZE"),
    ("Азербайджану", "AZE"),
    ("Азербайджаном", "AZE"),
    ("в Азербайджане", "AZE"),
    ("России", "RUS"),
    ("Россией", "RUS"),
    ("Россию", "RUS"),
    ("Белоруссии", "BLR"),
    ("Беларуси", "BLR"),
    ("Белоруссией", "BLR"),
    ("Египта", "EGY"),
    ("Египтом", "EGY"),
    ("Турции", "TUR"),
    ("Турцией", "TUR"),
    ("Казахстане", "KAZ"),
    ("Киргизии", "KGZ"),
    ("Кыргызстана", "KGZ"),
    ("Молдавии", "MDA"),
    ("Молдовы", "MDA"),
    ("Китаем", "CHN"),
    ("Китае", "CHN"),
    ("Южной Кореи", "KOR"),
    ("Южной Корее", "KOR"),
    ("Корея", "KOR"),
    ("Северной Кореей", "PRK"),
    ("Соединённых Штатов", "USA"),
    ("Америкой", "USA"),
    ("Великобритании", "GBR"),
    ("Объединённых Арабских Эмиратов", "ARE"),
    ("Саудовской Аравии", "SAU"),
    ("Новой Зеландии", "NZL"),
    ("Гвинеи-Бисау", "GNB"),
    ("Гвинеи", "GIN"),
    ("Экваториальной Гвинее", "GNQ"),
    ("Папуа — Новой Гвинеи", "PNG"),
    ("Папуа-Новую Гвинею", "PNG"),
    ("Нигера", "NER"),
    ("Нигерии", "NGA"),
    ("Ирландии", "IRL"),
    ("Боснии и Герцеговине", "BIH"),
    ("Тринидада и Тобаго", "TTO"),
    ("Коста-Рике", "CRI"),
    ("Шри-Ланкой", "LKA"),
    ("Кот-д'Ивуара", "CIV"),
    ("Кот-д’Ивуаре", "CIV"),
    ("Демократической Республики Конго", "COD"),
    ("ДР Конго", "COD"),
    ("Республики Конго", "COG"),
    ("Конго", "COG"),
    ("Того", "TGO"),
    ("Перу", "PER"),
    ("Чили", "CHL"),
    ("Мали", "MLI"),
    ("Чада", "TCD"),
    ("Гаити", "HTI"),
    ("Нидерландов", "NLD"),
    ("Филиппинах", "PHL"),
    ("Маршалловых Островов", "MHL"),
    ("Восточного Тимора", "TLS"),
    ("Южного Судана", "SSD"),
    ("Северной Македонии", "MKD"),
    ("на Кубе", "CUB"),
    ("Панаме", "PAN"),
    ("Израилем", "ISR"),
    ("Украине", "UKR"),
    # official long forms
    ("Азербайджанской Республики", "AZE"),
    ("азербайджанской республики", "AZE"),
    ("Республикой Беларусь", "BLR"),
    ("Кыргызской Республике", "KGZ"),
    ("Турецкой Республики", "TUR"),
    ("Китайской Народной Республикой", "CHN"),
    ("Исламской Республики Иран", "IRN"),
    ("Арабской Республике Египет", "EGY"),
    ("Российской Федерации", "RUS"),
    ("Республики Казахстан", "KAZ"),
    ("Республике Армения", "ARM"),
    ("Федеративной Республики Германия", "DEU"),
    ("Корейской Народно-Демократической Республики", "PRK"),
    ("Соединённого Королевства Великобритании и Северной Ирландии", "GBR"),
    ("Южно-Африканской Республики", "ZAF"),
    ("Республики Узбекистан", "UZB"),
    ("Соединенными Штатами Америки", "USA"),
    # abbreviations (upper case only)
    ("РФ", "RUS"),
    ("США", "USA"),
    ("РК", "KAZ"),
    ("АР", "AZE"),
    ("КНР", "CHN"),
    ("ОАЭ", "ARE"),
    ("РТ", "TUR"),
    ("КР", "KGZ"),
    ("РА", "ARM"),
    ("РБ", "BLR"),
    ("ФРГ", "DEU"),
    ("КНДР", "PRK"),
    ("ЮАР", "ZAF"),
    # adjectives, varied gender/number/case
    ("белорусская", "BLR"),
    ("казахстанских", "KAZ"),
    ("азербайджанского", "AZE"),
    ("российскому", "RUS"),
    ("египетской", "EGY"),
    ("американскими", "USA"),
    ("турецкое", "TUR"),
    ("китайскую", "CHN"),
    ("узбекистанской", "UZB"),
    ("таджикских", "TJK"),
    ("армянского", "ARM"),
    ("грузинской", "GEO"),
    ("индийскими", "IND"),
    ("южнокорейские", "KOR"),
    ("северокорейской", "PRK"),
    ("киргизским", "KGZ"),
    ("кыргызской", "KGZ"),
    ("пакистанском", "PAK"),
    ("иранские", "IRN"),
    ("сирийской", "SYR"),
    ("вьетнамскую", "VNM"),
    ("британскими", "GBR"),
    ("Российская", "RUS"),
    ("натовских", "NATO"),
    # organisations
    ("ОДКБ", "CSTO"),
    ("ШОС", "SCO"),
    ("СНГ", "CIS"),
    ("НАТО", "NATO"),
    ("Североатлантического альянса", "NATO"),
    ("ООН", "UN"),
    ("ЕС", "EU"),
    ("Евросоюза", "EU"),
    ("Европейским союзом", "EU"),
    ("ОБСЕ", "OSCE"),
    ("Организации Договора о коллективной безопасности", "CSTO"),
    ("Шанхайской организации сотрудничества", "SCO"),
    ("Содружества Независимых Государств", "CIS"),
    ("Организацией Объединённых Наций", "UN"),
    # capitals
    ("Баку", "AZE"),
    ("Анкары", "TUR"),
    ("в Москве", "RUS"),
    ("Минском", "BLR"),
    ("Астане", "KAZ"),
    ("Нур-Султане", "KAZ"),
    ("Тбилиси", "GEO"),
    ("Еревана", "ARM"),
    ("Ташкенте", "UZB"),
    ("Бишкеку", "KGZ"),
    ("Душанбе", "TJK"),
    ("Ашхабаде", "TKM"),
    ("Пекине", "CHN"),
    ("Вашингтона", "USA"),
    ("Киеве", "UKR"),
    ("Кишинёва", "MDA"),
    ("Кишинева", "MDA"),
    ("Каира", "EGY"),
    ("Нью-Дели", "IND"),
    ("Эр-Рияде", "SAU"),
    ("Абу-Даби", "ARE"),
    ("Тегераном", "IRN"),
    ("Пхеньяна", "PRK"),
    ("Улан-Баторе", "MNG"),
    ("Куала-Лумпура", "MYS"),
    ("Аддис-Абебе", "ETH"),
]

# Phrases that must not resolve to anything (and yield no mention in find_countries).
NEGATIVE = [
    "того",
    "Чадаев",
    "Малик",
    "ес",
    "Ес",
    "рф",
    "мир",
    "Грузовик",
    "Грузинов",
    "чадо",
    "по перу",
    "в кубе",
    "вены",
    "Новая Гвинея",
    "Северная Ирландия",
    "Латинской Америке",
    "английский язык",
    "Индийском океане",
    "Южно-Китайское море",
    "военно-техническое",
    "Республика",
    "Корейский полуостров",
    "Нигерийцев",
    "Малика",
    "Туркин",
]


@pytest.mark.parametrize(("phrase", "code"), POSITIVE)
def test_resolve_positive(phrase, code):
    assert C.resolve_country(phrase) == code


@pytest.mark.parametrize("phrase", NEGATIVE)
def test_resolve_negative(phrase):
    assert C.resolve_country(phrase) is None
    assert C.find_countries(phrase) == []


@pytest.mark.parametrize(
    ("phrase", "codes"),
    [
        ("российско-египетской", ("RUS", "EGY")),
        ("азербайджано-белорусского", ("AZE", "BLR")),
        ("Российско-китайские", ("RUS", "CHN")),
        ("американо-южнокорейских", ("USA", "KOR")),
        ("индо-пакистанский", ("IND", "PAK")),
        ("российско-азербайджанско-турецких", ("RUS", "AZE", "TUR")),
    ],
)
def test_compound_adjectives(phrase, codes):
    [m] = C.find_countries(phrase)
    assert m.codes == codes
    assert m.kind == "adjective"
    assert m.text == phrase
    assert C.resolve_country(phrase) is None  # several states: not one code


def _spans(text, **kw):
    ms = C.find_countries(text, **kw)
    for m in ms:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.codes, m.kind) for m in ms]


def test_find_countries_sentences():
    text = (
        "Министр обороны Азербайджанской Республики встретился в Баку с белорусской делегацией. "
        "Того же мнения придерживаются в Анкаре. Российско-египетские учения прошли в Египте; "
        "РФ и ОДКБ, а также НАТО и ЕС. Делегации Республики Того и Гвинеи-Бисау."
    )
    assert _spans(text) == [
        ("Азербайджанской Республики", ("AZE",), "official"),
        ("Баку", ("AZE",), "capital"),
        ("белорусской", ("BLR",), "adjective"),
        ("Анкаре", ("TUR",), "capital"),
        ("Российско-египетские", ("RUS", "EGY"), "adjective"),
        ("Египте", ("EGY",), "name"),
        ("РФ", ("RUS",), "abbr"),
        ("ОДКБ", ("CSTO",), "org"),
        ("НАТО", ("NATO",), "org"),
        ("ЕС", ("EU",), "org"),
        ("Республики Того", ("TGO",), "official"),
        ("Гвинеи-Бисау", ("GNB",), "name"),
    ]


def test_find_countries_longest_match_and_boundaries():
    text = (
        "Чадаев и Малик обсудили поставки из Папуа — Новой Гвинеи, Новой Гвинеи и Соединённых "
        "Штатов Америки, а также из Нигерии, Нигера, Северной Ирландии и Ирландии. "
        "Казахстанских военнослужащих принял азербайджанский коллега; ес не при чём."
    )
    assert _spans(text) == [
        ("Папуа — Новой Гвинеи", ("PNG",), "name"),
        ("Соединённых Штатов Америки", ("USA",), "official"),
        ("Нигерии", ("NGA",), "name"),
        ("Нигера", ("NER",), "name"),
        ("Ирландии", ("IRL",), "name"),
        ("Казахстанских", ("KAZ",), "adjective"),
        ("азербайджанский", ("AZE",), "adjective"),
    ]


def test_find_countries_capitals_flag_and_normal():
    text = "Анкара и Баку договорились; делегация из Минска прибыла в Россию."
    assert [m.normal for m in C.find_countries(text)] == ["Анкара", "Баку", "Минск", "Россия"]
    assert [m.codes for m in C.find_countries(text, capitals=False)] == [("RUS",)]


def test_find_countries_hyphen_joined_names():
    assert _spans("саммит Россия-НАТО и форум Россия–Египет") == [
        ("Россия", ("RUS",), "name"),
        ("НАТО", ("NATO",), "org"),
        ("Россия", ("RUS",), "name"),
        ("Египет", ("EGY",), "name"),
    ]


def test_names_capitals_and_codes():
    assert C.country_name("AZE") == "Азербайджан"
    assert C.country_name("RUS") == "Россия"
    assert C.country_name("CSTO") == "ОДКБ"
    assert C.capital_of("AZE") == "Баку"
    assert C.capital_of("KAZ") == "Астана"
    assert C.capital_of("NATO") is None
    assert C.is_valid_code("EGY") and C.is_valid_code("OSCE")
    assert not C.is_valid_code("XXX") and not C.is_valid_code("PRI")
    assert frozenset({"NATO", "CSTO", "SCO", "CIS", "UN", "EU", "OSCE"}) == C.ORG_CODES
    with pytest.raises(KeyError):
        C.country_name("XXX")


# pycountry entries that are not UN member states (territories, dependencies, observers).
_NON_MEMBERS = (
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL "
    "GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PSE PYF REU SGS "
    "SHN SJM SPM SXM TCA TKL TWN UMI VAT VGB VIR WLF"
)
NON_MEMBERS = set(_NON_MEMBERS.split())

# Hand-written genitive / locative of the multi-word and hyphenated short names.
MULTIWORD_CASES = {
    "ATG": ("Антигуа и Барбуды", "Антигуа и Барбуде"),
    "BIH": ("Боснии и Герцеговины", "Боснии и Герцеговине"),
    "BFA": ("Буркина-Фасо", "Буркина-Фасо"),
    "CIV": ("Кот-д'Ивуара", "Кот-д'Ивуаре"),
    "COD": ("ДР Конго", "ДР Конго"),
    "DOM": ("Доминиканской Республики", "Доминиканской Республике"),
    "GNB": ("Гвинеи-Бисау", "Гвинее-Бисау"),
    "GNQ": ("Экваториальной Гвинеи", "Экваториальной Гвинее"),
    "KNA": ("Сент-Китса и Невиса", "Сент-Китсе и Невисе"),
    "KOR": ("Южной Кореи", "Южной Корее"),
    "LCA": ("Сент-Люсии", "Сент-Люсии"),
    "LKA": ("Шри-Ланки", "Шри-Ланке"),
    "MHL": ("Маршалловых Островов", "Маршалловых Островах"),
    "MKD": ("Северной Македонии", "Северной Македонии"),
    "NZL": ("Новой Зеландии", "Новой Зеландии"),
    "PNG": ("Папуа — Новой Гвинеи", "Папуа — Новой Гвинее"),
    "SAU": ("Саудовской Аравии", "Саудовской Аравии"),
    "SLB": ("Соломоновых Островов", "Соломоновых Островах"),
    "SLE": ("Сьерра-Леоне", "Сьерра-Леоне"),
    "SMR": ("Сан-Марино", "Сан-Марино"),
    "SSD": ("Южного Судана", "Южном Судане"),
    "STP": ("Сан-Томе и Принсипи", "Сан-Томе и Принсипи"),
    "TLS": ("Восточного Тимора", "Восточном Тиморе"),
    "TTO": ("Тринидада и Тобаго", "Тринидаде и Тобаго"),
    "VCT": ("Сент-Винсента и Гренадин", "Сент-Винсенте и Гренадинах"),
    "CRI": ("Коста-Рики", "Коста-Рике"),
    "CPV": ("Кабо-Верде", "Кабо-Верде"),
}


def _gent_loct(name: str) -> tuple[str, str]:
    """Genitive and locative of a one-word name straight from pymorphy2 (independent check)."""
    parses = [p for p in morph_vocab().parse(name) if "nomn" in p.tag and "Geox" in p.tag]
    if name.isupper() or not parses or "Fixd" in parses[0].tag:
        return name, name
    by_case = {f.tag.case: f.word for f in parses[0].lexeme if f.tag.number == parses[0].tag.number}
    return by_case["gent"].capitalize(), by_case["loct"].capitalize()


def test_every_un_member():
    members = {c.alpha_3 for c in pycountry.countries} - NON_MEMBERS
    assert len(members) == 193
    assert C.un_member_codes() == members
    failures = []
    for code in sorted(members):
        name = C.country_name(code)
        assert name and C.capital_of(code), code
        assert C.is_valid_code(code)
        gent, loct = MULTIWORD_CASES.get(code) or _gent_loct(name)
        for phrase in (name, gent, f"в {loct}"):
            if C.resolve_country(phrase) != code:
                failures.append((code, phrase, C.resolve_country(phrase)))
        capital = C.capital_of(code)
        if C.resolve_country(capital) != code and code != "SYC":  # Виктория: not matched, a name
            failures.append((code, capital, C.resolve_country(capital)))
    assert failures == []


def test_the_index_is_large_and_finds_every_mention_of_a_long_text():
    # sizes and counts, not seconds: tests never time the machine (benchmarks/ does)
    country_index.gazetteer.cache_clear()
    assert C.gazetteer_size() > 5000
    text = "Министр обороны России провёл переговоры с коллегами из Азербайджана в Баку. " * 200
    assert len(C.find_countries(text)) == 600


def test_surface_forms():
    names = C.surface_forms("name")
    assert names["азербайджана"] == ("AZE",) and names["южной кореи"] == ("KOR",)
    assert "баку" not in names and C.surface_forms("capital")["баку"] == ("AZE",)


def test_venezuela_by_its_official_name_alone():
    from defcoop_dagster.core.gazetteers.countries import find_countries

    found = find_countries("Министр встретился с министром обороны Боливарианской Республики.")
    assert [(m.text, m.codes) for m in found] == [("Боливарианской Республики", ("VEN",))]
