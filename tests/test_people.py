"""People: canonical names, roles, ranks and countries, on the seeds and on appositions written here."""

import json
import subprocess
import sys

import pytest

from defcoop_dagster.core.entities.people import person_rows
from defcoop_dagster.core.gazetteers.countries import find_countries
from defcoop_dagster.core.lang import lexicon
from defcoop_dagster.core.lang.analysis import analyse
from defcoop_dagster.core.lang.inflect import nominative
from defcoop_dagster.core.lang.roles import canonical_role

from .conftest import SHARED, query

GOLD_SEEDS = SHARED / "gold" / "seeds"


def people_of(text: str) -> dict[str, dict]:
    doc = analyse(text)
    persons, _ = person_rows("art_0000000000000000", text, doc, find_countries(text))
    return {p["name"]: p for p in persons}


@pytest.mark.parametrize(
    ("sentence", "name", "role", "rank", "country"),
    [
        (
            "Министр обороны Грузии Джуаншер Бурчуладзе встретился с коллегой.",
            "Джуаншер Бурчуладзе",
            "министр обороны",
            None,
            "GEO",
        ),
        (
            "Соглашение подписал его азербайджанский коллега генерал-полковник Закир Гасанов.",
            "Закир Гасанов",
            None,
            "генерал-полковник",
            "AZE",
        ),
        ("Президент Азербайджана Ильхам Алиев принял гостей в Баку.", "Ильхам Алиев", "президент", None, "AZE"),
        (
            "Генсек ОДКБ Имангали Тасмагамбетов выступил с речью.",
            "Имангали Тасмагамбетов",
            "генеральный секретарь",
            None,
            "CSTO",
        ),
        (
            "В Минске прошла встреча с министром обороны Республики Беларусь генерал-лейтенантом Виктором Хрениным.",
            "Виктор Хренин",
            "министр обороны",
            "генерал-лейтенант",
            "BLR",
        ),
        (
            "Делегацию возглавил первый заместитель министра обороны Армении Давид Тоноян.",
            "Давид Тоноян",
            "первый заместитель министра обороны",
            None,
            "ARM",
        ),
        ("Посол Беларуси в Молдове Сергей Чичук провёл встречу.", "Сергей Чичук", "посол", None, "BLR"),
        (
            "Министр иностранных дел России Сергей Лавров прибыл в Анкару.",
            "Сергей Лавров",
            "министр иностранных дел",
            None,
            "RUS",
        ),
        (
            "Глава оборонного ведомства Казахстана Нурлан Ермекбаев посетил Ташкент.",
            "Нурлан Ермекбаев",
            "министр обороны",
            None,
            "KAZ",
        ),
        (
            "Переговоры провёл начальник Генерального штаба Вооруженных сил Узбекистана генерал-майор Шухрат "
            "Халмухамедов.",
            "Шухрат Халмухамедов",
            "начальник генерального штаба",
            "генерал-майор",
            "UZB",
        ),
        (
            "Военный атташе Франции полковник Жан Дюпон посетил выставку.",
            "Жан Дюпон",
            "военный атташе",
            "полковник",
            "FRA",
        ),
        ("Король Иордании Абдалла II прибыл в Баку.", "Абдалла II", "король", None, "JOR"),
        (
            "Министр национальной обороны Польши Мариуш Блащак провёл переговоры.",
            "Мариуш Блащак",
            "министр национальной обороны",
            None,
            "POL",
        ),
        (
            "Глава Минобороны России Андрей Белоусов встретился с генсеком ОДКБ.",
            "Андрей Белоусов",
            "министр обороны",
            None,
            "RUS",
        ),
        (
            "Министр провёл переговоры с коллегой из Лаоса Кхамлиенгом Утхакайсоном.",
            "Кхамлиенг Утхакайсон",
            None,
            None,
            "LAO",
        ),
        (
            "Президент принял министра национальной обороны Турецкой Республики Яшара Гюлера.",
            "Яшар Гюлер",
            "министр национальной обороны",
            None,
            "TUR",
        ),
        # "страны" names no country; the officials gazetteer knows whom Раси-заде served
        (
            "Встреча прошла с премьер-министром страны Артуром Раси-заде.",
            "Артур Раси-заде",
            "премьер-министр",
            None,
            "AZE",
        ),
    ],
)
def test_apposition(sentence, name, role, rank, country):
    people = people_of(sentence)
    assert name in people, people.keys()
    p = people[name]
    assert (p["role"], p["rank"], p["country_iso3"]) == (role, rank, country)


def test_surnames_and_initials_merge_into_the_full_name():
    text = (
        "Министр обороны Азербайджана генерал-полковник Закир Гасанов встретился с гостем. "
        "Генерал-полковник З.Гасанов подчеркнул важность визита. Гасанов поблагодарил коллег. "
        "Там же был и Гейдар Алиев, а затем Ильхам Алиев. Алиев выступил."
    )
    people = people_of(text)
    assert people["Закир Гасанов"]["mention_count"] == 3
    assert {"Гейдар Алиев", "Ильхам Алиев"} <= set(people)
    assert people["Ильхам Алиев"]["mention_count"] == 2  # the bare surname joins the nearest before it


def test_places_and_misspelt_countries_are_not_people():
    people = people_of("В начале апреля Азербайдажан посетила делегация. Лидеры подписали в городе Шуша декларацию.")
    assert people == {}


def test_well_known_officials_get_their_country_when_the_text_is_silent():
    people = people_of("Во время встречи Пашинян и Алиев не пожали друг другу руки.")
    assert people["Пашинян"]["country_iso3"] == "ARM" and people["Алиев"]["country_iso3"] == "AZE"
    # a post written in the text wins over the gazetteer
    people = people_of("Министр обороны Грузии Сергей Шойгу выступил.")
    assert people["Сергей Шойгу"]["country_iso3"] == "GEO"


def test_unknown_names_put_in_the_nominative():
    people = people_of("Встреча с министром обороны Республики Казахстан Сакеном Жасузаковым прошла в Ташкенте.")
    assert "Сакен Жасузаков" in people


@pytest.mark.skipif(not GOLD_SEEDS.exists(), reason="../shared/gold/seeds is not beside the project")
def test_every_gold_seed_participant_found(seeds_warehouse):
    rows = query(
        seeds_warehouse,
        "SELECT a.source_path, p.name, p.role, p.country_iso3, p.role_rule"
        " FROM persons p JOIN articles a USING (article_id)",
    )
    found = {(path.removesuffix(".txt"), name): (role, country, rule) for path, name, role, country, rule in rows}
    for gold_file in sorted(GOLD_SEEDS.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for meeting in gold["meetings"]:
            for p in meeting["participants"]:
                key = (gold["id"], p["name"])
                assert key in found, key
                role, country, rule = found[key]
                assert country == p["country"], key
                # a gold role of null is one the text does not write beside the name; the officials
                # gazetteer may know it, or the counterpart's post («азербайджанский коллега»)
                assert role == p["role"] or (p["role"] is None and rule in ("official_gazetteer", "colleague")), key


def test_pymorphy2_works_however_the_package_is_imported():
    """pymorphy2 0.9 breaks on Python 3.11 unless patched; importing our package must be enough."""
    for code in [
        "import pymorphy2, defcoop_dagster.core.entities.people; "
        "from defcoop_dagster.core.lang.morph import morph_vocab; "
        "print(morph_vocab().parse('министра')[0].normal_form)",
        "import defcoop_dagster; import pymorphy2; print(pymorphy2.MorphAnalyzer().parse('министра')[0].normal_form)",
    ]:
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr[-2000:]
        assert run.stdout.strip() == "министр"


def test_initials_only_person_is_one_person():
    people = people_of("Д.Рааб заявил о поддержке. Позже Д.Рааб добавил, что визит состоится.")
    assert list(people) == ["Д.Рааб"]  # one person however often the initials recur


@pytest.mark.parametrize(
    ("words", "role"),
    [
        (["глава", "оборонного ведомства"], "министр обороны"),  # a synonym of the whole role
        (["глава", "МИД"], "министр иностранных дел"),
        (["генсек", "ОДКБ"], "генеральный секретарь одкб"),  # a short form begins the role
        (["замминистра", "обороны"], "заместитель министра обороны"),
        (["начальник", "генштаба", "Вооружённых сил"], "начальник генерального штаба"),
        (["премьер-министр", "страны"], "премьер-министр"),  # "страны" is the country column
        (["глава", "делегации"], "глава делегации"),
    ],
)
def test_canonical_role(words, role):
    assert canonical_role(words) == role


@pytest.mark.parametrize(
    ("word", "case", "pos", "nominative_form"),
    [("министром", "Ins", "NOUN", "министр"), ("послов", "Gen", "NOUN", "посол"), ("первым", "Ins", "ADJ", "первый")],
)
def test_nominative(word, case, pos, nominative_form):
    assert nominative(word, case, pos) == nominative_form


@pytest.mark.parametrize("name", lexicon.names())
def test_word_lists_say_what_they_are_for(name):
    """A linguist extends a list without reading the rules: its first lines are comments saying what it holds."""
    path = next(lexicon.WORDS.glob(f"{name}.*"))
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#") and len(first) > 20, path.name


def test_a_latin_gloss_in_parentheses_is_not_part_of_the_name():
    people = people_of(
        "Министр обороны Вьетнама Фан Ван Зянг (Phan Van Giang) провёл переговоры. "
        "По словам Фан Ван Зянга, стороны договорились о сотрудничестве."
    )
    assert set(people) == {"Фан Ван Зянг"}
    assert people["Фан Ван Зянг"]["mention_count"] == 2
    assert people["Фан Ван Зянг"]["role"] == "министр обороны"


def test_a_parenthesis_that_is_no_gloss_leaves_the_name_alone():
    people = people_of("Министр обороны Португалии Жуан Гомеш Кравинью (слева) встретился с послом.")
    assert "Жуан Гомеш Кравинью" in people


# Names in oblique cases: the case from the apposition, the preposition, the coordinated name or
# the endings, the gender from the first name, indeclinable endings kept (names invented here).
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # Vietnamese: only the last word is declined; a soft stem's instrumental -ем is -ь
        ("Министр встретился с заместителем министра обороны Вьетнама генералом Чан Ван Донем.", "Чан Ван Донь"),
        ("Министр встретился с министром обороны Вьетнама Ле Минь Туаном.", "Ле Минь Туан"),
        # Tajik -зода and -заде stay as written in every case
        ("Визит министра обороны Таджикистана Нурали Шарипзода завершился.", "Нурали Шарипзода"),
        ("Переговоры с начальником штаба Таджикистана Фаридуном Хакимзода прошли в Душанбе.", "Фаридун Хакимзода"),
        # Portuguese: -у, -о names are not declined, the declined surname shows the case
        ("Соглашение подписано министром обороны Бразилии Жуану Перейру Бастушем.", "Жуану Перейру Бастуш"),
        ("Переговоры президентов Бразилии и Анголы Педру Силвы и Мануэла Кошты завершились.", "Педру Силва"),
        # a consonant-final surname in the genitive after a masculine first name
        ("Визит министра обороны Сербии Драгана Стевина прошёл успешно.", "Драган Стевин"),
        ("Министр вручил орден министру обороны Литвы Миндаугасу Кярнаусу.", "Миндаугас Кярнаус"),
        # a masculine name in -а, and an adjectival surname
        ("Министр встретился с начальником штаба Пакистана Тарик Мирзой.", "Тарик Мирза"),
        ("Визит министра обороны Молдовы Анатолия Бойкого завершился.", "Анатолий Бойкий"),
        ("Министр встретился с министром обороны Молдовы Сергеем Ровенским.", "Сергей Ровенский"),
        # Arabic and Turkish: -и, -оглу, -о stay
        ("Министр направил письмо министру обороны Турции Хулуси Карамоглу.", "Хулуси Карамоглу"),
        ("Министр встретился с министром обороны Италии Лоренцо Бруньетто.", "Лоренцо Бруньетто"),
        ("Министр встретился с министром обороны Сирии Али Махмудом Хасуном.", "Али Махмуд Хасун"),
        # a woman's names
        ("Министр встретился с министром обороны Эстонии Кайей Саарметс.", "Кайя Саарметс"),
        ("Визит министра обороны Латвии Инары Берзиньи завершился.", "Инара Берзинья"),
        # a preposition alone tells the case
        ("Министр провёл переговоры с Дуонгом Ван Хаем.", "Дуонг Ван Хай"),
        # the case is the outer post's, not that of the post it governs («министра»)
        ("Заместитель министра обороны Узбекистана Улугбек Зайнутдинов прибыл в Баку.", "Улугбек Зайнутдинов"),
        # -е is a dative and the end of many foreign names: as written, unless another mention says
        ("Министр направил письмо генералу Марку Сальваторе.", "Марк Сальваторе"),
        ("Письмо было направлено к Жозе Алмейде. Жозе Алмейда ответил на него.", "Жозе Алмейда"),
    ],
)
def test_names_in_oblique_cases_put_in_the_nominative(sentence, name):
    assert name in people_of(sentence)


def test_a_name_is_settled_from_all_its_mentions():
    people = people_of(
        "Министр обороны Китая Чжан Гоцян прибыл в Бишкек. По словам Чжана Гоцяна, визит важен. "
        "Встреча с Чжаном Гоцяном продлилась два часа."
    )
    assert list(people) == ["Чжан Гоцян"] and people["Чжан Гоцян"]["mention_count"] == 3


def test_an_indeclinable_surname_is_the_same_in_every_mention():
    people = people_of(
        "Министр обороны Японии Кэнта Хамади прибыл в Москву. Переговоры с Кэнтой Хамади прошли в Кремле."
    )
    assert list(people) == ["Кэнта Хамади"]


@pytest.mark.parametrize(
    ("word", "case", "gender", "nominative_form"),
    [
        ("Донем", "ablt", None, "Донь"),  # soft stem
        ("Бабичем", "ablt", "masc", "Бабич"),  # hushing stem: -ем is the hard ending
        ("Тимофеем", "ablt", None, "Тимофей"),
        ("Стевина", "gent", "masc", "Стевин"),
        ("Стевиным", "ablt", None, "Стевин"),  # -ин/-ов surnames take -ым
        ("Мирзы", "gent", None, "Мирза"),
        ("Ковалевской", "gent", "femn", "Ковалевская"),
        ("Сидоровой", "datv", "femn", "Сидорова"),
        ("Бойкого", "gent", None, "Бойкий"),
        ("Шарипзода", "gent", "masc", "Шарипзода"),  # indeclinable endings
        ("Раси-заде", "ablt", "masc", "Раси-заде"),
        ("Карамоглу", "datv", "masc", "Карамоглу"),
        ("Бруньетто", "ablt", None, "Бруньетто"),
        ("Хамади", "gent", None, "Хамади"),  # -и: a genitive only on other evidence
        ("Сальваторе", "datv", None, "Сальваторе"),  # -е: likewise
        ("Саарметс", "ablt", "femn", "Саарметс"),  # a woman's consonant-final name
        ("Жуану", "ablt", None, "Жуану"),  # no instrumental ending: not declined
        ("Гасанов", "nomn", None, "Гасанов"),
    ],
)
def test_word_nominatives(word, case, gender, nominative_form):
    from defcoop_dagster.core.lang.names import word_nominatives

    assert word_nominatives(word, case, gender)[0] == nominative_form


# The grammar of a post written before a name (sentences and names invented here).
@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # genitives coordinated with «и»
        (
            "Гостя принял председатель Государственного совета и Совета министров Кубы Педро Мартинес.",
            "Педро Мартинес",
            "председатель государственного совета и совета министров",
        ),
        # adjectives coordinated with «и»
        (
            "Чрезвычайный и Полномочный Посол Беларуси в Никарагуа Олег Сидоренко вручил грамоты.",
            "Олег Сидоренко",
            "чрезвычайный и полномочный посол",
        ),
        # the field of a post after «по»: an abbreviation or an adjective with its noun
        (
            "Документ подписал директор Федеральной службы по ВТС Игорь Миронов.",
            "Игорь Миронов",
            "директор федеральной службы по втс",
        ),
        (
            "Гостя встретил секретарь по оборонным и военно-техническим вопросам Анголы Жуан Лоуренсу.",
            "Жуан Лоуренсу",
            "секретарь по оборонным и военно-техническим вопросам",
        ),
        # a bare post after a dash is told by the one before it; a full one stands alone
        (
            "Заместитель министра обороны Молдовы — генеральный инспектор Ион Руснак прибыл в Киев.",
            "Ион Руснак",
            "заместитель министра обороны — генеральный инспектор",
        ),
        (
            "Делегацию возглавил первый заместитель министра обороны – начальник Генерального штаба Сербии "
            "Милан Йованович.",
            "Милан Йованович",
            "начальник генерального штаба",
        ),
        # words standing for the country, and the army of a staff, are not part of the post
        (
            "Министр встретился с начальником штаба обороны ВС этого островного государства Ранилом Перерой.",
            "Ранил Перера",
            "начальник штаба обороны",
        ),
        (
            "Министр встретился с министром обороны этой страны, генерал-майором Бекзатом Омаровым.",
            "Бекзат Омаров",
            "министр обороны",
        ),
    ],
)
def test_post_grammar(sentence, name, role):
    people = people_of(sentence)
    assert name in people, people.keys()
    assert people[name]["role"] == role


def test_an_invitation_is_no_post():
    people = people_of("Министр обороны Армении по приглашению Кравцова отправился в Москву.")
    assert all(p["role"] is None for p in people.values()), people


def test_a_well_known_officials_post_when_the_article_writes_it_without_the_name():
    def roles(text, year=None):
        persons, _ = person_rows("art_0000000000000000", text, analyse(text), find_countries(text), year=year)
        return {p["name"]: (p["role"], p["role_rule"]) for p in persons}

    text = "В Минск прибыл Сергей Шойгу. Глава российского военного ведомства обсудил с Лукашенко учения."
    # the article writes "министр обороны" (a synonym) but not "президент"
    assert roles(text, 2016) == {
        "Сергей Шойгу": ("министр обороны", "official_gazetteer"),
        "Лукашенко": (None, None),
    }
    assert roles(text)["Сергей Шойгу"] == ("министр обороны", "official_gazetteer")  # the only post of his written
    # a post the article does not write is not given, though the gazetteer knows it
    assert roles("Во время встречи Шойгу и Лукашенко обсудили учения.", 2016) == {
        "Шойгу": (None, None),
        "Лукашенко": (None, None),
    }
    # nor a post the official did not hold that year
    assert roles(text, 2010)["Сергей Шойгу"] == (None, None)
    # a post written beside the name wins
    text = "Встреча с министром обороны Беларуси Шойгу прошла в Минске. Там был и президент."
    assert roles(text, 2016)["Шойгу"] == ("министр обороны", "apposition")


# A post written before or after the names it goes with (sentences and names invented here).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # one state per name, in order: the first name's apposition alone would give it the last state
        (
            "Переговоры президентов Анголы и Бразилии Жуана Лоренсу и Луиса Гонсалвеса завершились.",
            {"Жуан Лоренсу": ("президент", "AGO"), "Луис Гонсалвес": ("президент", "BRA")},
        ),
        (
            "Рашид Мансур и Карим Тахири, министры обороны Алжира и Туниса, подписали план.",
            {"Рашид Мансур": ("министр обороны", "DZA"), "Карим Тахири": ("министр обороны", "TUN")},
        ),
        # a post after the name, between commas or dashes
        ("Хаким Бенали, министр обороны Алжира, заявил о готовности.", {"Хаким Бенали": ("министр обороны", "DZA")}),
        ("Хаким Бенали — министр обороны Алжира — заявил о готовности.", {"Хаким Бенали": ("министр обороны", "DZA")}),
        (
            "Об этом сообщил Ларс Эриксен, генеральный секретарь НАТО.",
            {"Ларс Эриксен": ("генеральный секретарь", "NATO")},
        ),
        # a post followed by another name is that name's, not the one before the comma
        (
            "Встречу открыл Хаким Бенали, министр иностранных дел Алжира Рамтан Ламамра выступил после.",
            {"Хаким Бенали": (None, None), "Рамтан Ламамра": ("министр иностранных дел", "DZA")},
        ),
    ],
)
def test_posts_beside_lists_of_names(sentence, expected):
    people = people_of(sentence)
    assert {name: (p["role"], p["country_iso3"]) for name, p in people.items()} == expected


def test_a_colleague_holds_the_counterparts_post():
    people = people_of(
        "Министр обороны Ирака Халид Аббаси прибыл в Дамаск. "
        "Его сирийский коллега, генерал Насер Хаддад, встретил гостя в аэропорту."
    )
    assert (people["Насер Хаддад"]["role"], people["Насер Хаддад"]["role_rule"]) == ("министр обороны", "colleague")
    # nobody named before: no post to share
    people = people_of("Соглашение подписал его сирийский коллега генерал Насер Хаддад.")
    assert people["Насер Хаддад"]["role"] is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # «этой страны»: the state spoken of last, not one in another person's apposition in the sentence
        (
            "Прибывший в Монголию министр обороны Армении Ашот Варданян встретился с министром обороны этой "
            "страны Батбаяром Ганзоригом.",
            "Батбаяр Ганзориг",
            "MNG",
        ),
        (
            "Начальник штаба Индии Рави Капур провёл переговоры о сотрудничестве с Непалом. Встреча с начальником "
            "штаба этого горного государства генералом Рамешем Тапой прошла в Дели.",
            "Рамеш Тапа",
            "NPL",
        ),
        # …but the state of a person of an earlier sentence may be the one meant
        (
            "Министр обороны Кении Джозеф Очиенг прибыл в Москву. Позже его принял президент этой страны "
            "Даниэль Кипроно.",
            "Даниэль Кипроно",
            "KEN",
        ),
        # a delegation's state, written before «во главе с»
        (
            "В Баку прибыла делегация Вооруженных сил Португалии во главе с начальником штаба адмиралом Жозе Мота.",
            "Жозе Мота",
            "PRT",
        ),
        (
            "Министр встретился с министром обороны Боливарианской Республики Карлосом Рамиресом.",
            "Карлос Рамирес",
            "VEN",
        ),
    ],
)
def test_the_state_a_person_represents_when_the_apposition_does_not_name_it(text, name, country):
    people = people_of(text)
    assert name in people, people.keys()
    assert people[name]["country_iso3"] == country


def test_a_compound_adjective_the_tagger_leaves_without_a_case_is_part_of_the_post():
    people = people_of(
        "План подписал председатель Государственного военно-промышленного комитета Казахстана Ерлан Сагадиев."
    )
    assert people["Ерлан Сагадиев"]["role"] == "председатель государственного военно-промышленного комитета"


@pytest.mark.parametrize(
    ("sentence", "name", "role", "country"),
    [
        # a post that governs the instrumental
        (
            "Министр встретился с командующим Военно-морскими силами Омана контр-адмиралом Саифом Бусаиди.",
            "Саиф Бусаиди",
            "командующий военно-морскими силами",
            "OMN",
        ),
        # …an instrumental noun without such a post is no post
        ("Министр встретился с делегацией генералом Саифом Бусаиди.", "Саиф Бусаиди", None, None),
        # synonyms of the formal post
        ("Премьер Индии Арджун Мехта прибыл в Москву.", "Арджун Мехта", "премьер-министр", "IND"),
        (
            "Глава Генштаба Египта Ахмед Фарид провёл переговоры.",
            "Ахмед Фарид",
            "начальник генерального штаба",
            "EGY",
        ),
        # a national body that names no state
        ("Переговоры провёл глава Пентагона Дэвид Моррис.", "Дэвид Моррис", "министр обороны", "USA"),
        (
            "Документ подписал директор Федеральной службы по военно-техническому сотрудничеству Олег Жуков.",
            "Олег Жуков",
            "директор федеральной службы по военно-техническому сотрудничеству",
            "RUS",
        ),
    ],
)
def test_posts_that_govern_other_cases_synonyms_and_bodies(sentence, name, role, country):
    people = people_of(sentence)
    assert name in people, people.keys()
    assert (people[name]["role"], people[name]["country_iso3"]) == (role, country)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # a title that is no post is stepped over
        ("Эмир Кувейта шейх Наваф Аль-Сабах принял министра.", "Наваф Аль-Сабах", "эмир"),
        ("Министра принял Его Величество король Марокко Хасан Алауи.", "Хасан Алауи", "король"),
        # short forms of posts
        ("Главком ВМФ Индии адмирал Раджеш Кханна посетил верфь.", "Раджеш Кханна", "главнокомандующий вмф"),
        (
            "В переговорах участвовал замглавы Минобороны Сербии Марко Илич.",
            "Марко Илич",
            "заместитель министра обороны",
        ),
    ],
)
def test_titles_and_short_posts(sentence, name, role):
    people = people_of(sentence)
    assert name in people, people.keys()
    assert people[name]["role"] == role


def test_a_known_officials_spelling_settles_a_doubtful_ending():
    # -е is a dative and the end of many foreign names; the officials gazetteer knows Науседа
    assert "Гитанас Науседа" in people_of("Министр направил письмо президенту Литвы Гитанасу Науседе.")
    # an unknown name keeps what is written
    assert "Гедиминас Кяупе" in people_of("Министр направил письмо министру Литвы Гедиминасу Кяупе.")


def test_a_person_tagged_as_an_organisation_is_a_person_with_the_post_after_the_name():
    text = (
        "В консультациях приняли участие делегации во главе с Тиграном Арутюняном, начальником отдела "
        "оборонной политики и Департамента планирования, и полковником Никосом Папасом."
    )
    people = people_of(text)
    assert people["Тигран Арутюнян"]["role"] == "начальник отдела оборонной политики и департамента планирования"


def test_a_quoted_name_is_part_of_the_post():
    people = people_of("Мы готовы, — сказал командующий бригадой «Тигр» Раджив Сингх.")
    assert people["Раджив Сингх"]["role"] == "командующий бригадой «тигр»"
    people = people_of(
        "На церемонии были генерал Олег Петров, командующий бригадой «Тигр» генерал-майор Раджив Сингх и другие."
    )
    assert people["Раджив Сингх"]["role"] == "командующий бригадой «тигр»"
    assert people["Олег Петров"]["role"] is None  # the post after the comma is the next name's


def test_a_colleague_is_of_another_state_than_the_person_named_between():
    people = people_of(
        "Министр обороны Молдовы Виктор Гайчук прибыл в Баку. Он встретился с премьер-министром Азербайджана "
        "Али Асадовым и своим азербайджанским коллегой Закиром Гасановым."
    )
    assert people["Закир Гасанов"]["role"] == "министр обороны"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a noun's complement without a preposition is genitive (the tagger reads unknown names as Nom)
        ("Визит Пак Мён Чхоля завершился.", "Пак Мён Чхоль"),
        ("Визит президента Абдель Рахима Сабри завершился.", "Абдель Рахим Сабри"),
        ("Визит Лейлы Мансур завершился.", "Лейла Мансур"),
        # -йи is the genitive of -йя
        ("Визит Айи Каримовой завершился.", "Айя Каримова"),
    ],
)
def test_the_case_of_a_name_from_its_place_in_the_sentence(sentence, name):
    assert name in people_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "name", "role", "country"),
    [
        # what a person does at an event is no office
        ("Делегацию принял глава делегации Вьетнама генерал Ле Ван Кыонг.", "Ле Ван Кыонг", None, "VNM"),
        ("Переговоры провёл руководитель делегации Индонезии Агус Сантосо.", "Агус Сантосо", None, "IDN"),
        # an office beside it is the role
        (
            "Переговоры провёл глава делегации, министр обороны Индонезии Агус Сантосо.",
            "Агус Сантосо",
            "министр обороны",
            "IDN",
        ),
    ],
)
def test_a_descriptor_that_is_no_post_is_no_role(sentence, name, role, country):
    people = people_of(sentence)
    assert name in people, people.keys()
    assert (people[name]["role"], people[name]["country_iso3"]) == (role, country)


def test_a_state_in_the_field_of_a_post_is_not_the_persons():
    people = people_of(
        "Британский министр по вопросам выхода из Евросоюза Оливер Грин ушёл в отставку. Министр обороны "
        "Вьетнама встретился с коллегой из Лаоса Чансамоном Чаньялатом."
    )
    assert people["Оливер Грин"]["country_iso3"] != "EU"
    assert people["Чансамон Чаньялат"]["country_iso3"] == "LAO"  # «коллегой из Лаоса»: where he comes from


def test_what_a_talk_is_about_gives_no_state():
    people = people_of("Канада ведёт переговоры с Перу по поводу судьбы журналистки Анны Ривас, задержанной в Лиме.")
    assert people["Анна Ривас"]["country_iso3"] is None
