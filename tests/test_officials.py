"""Tests for the gazetteer of well-known officials (defcoop_dagster.core.gazetteers.officials)."""

import pycountry
import pytest

from defcoop_dagster.core.gazetteers import officials as O
from defcoop_dagster.core.gazetteers.countries import ORG_CODES

# (name as written in an article, year or None, expected country/organisation code or None)
COUNTRY_CASES = [
    # surname only
    ("Пашинян", None, "ARM"),
    ("Алиев", None, "AZE"),
    ("Шойгу", None, "RUS"),
    ("Лукашенко", None, "BLR"),
    ("Эрдоган", None, "TUR"),
    ("Гасанов", None, "AZE"),
    ("Токаев", None, "KAZ"),
    ("Мирзиёев", None, "UZB"),
    ("Рахмон", None, "TJK"),
    ("Бердымухамедов", None, "TKM"),
    ("Бердымухаммедов", None, "TKM"),
    ("Саркисян", None, "ARM"),
    ("Саргсян", None, "ARM"),
    ("Расизаде", None, "AZE"),
    ("Раси-заде", None, "AZE"),
    ("Гарибашвили", None, "GEO"),
    ("Хренин", None, "BLR"),
    ("Столтенберг", None, "NATO"),
    ("Гутерриш", None, "UN"),
    ("Бордюжа", None, "CSTO"),
    ("Мезенцев", None, "SCO"),
    ("Хурэлсух", None, "MNG"),
    ("Си", None, "CHN"),
    ("Сиси", None, "EGY"),
    ("Асад", None, "SYR"),
    ("аль-Асад", None, "SYR"),
    ("ЛАВРОВ", None, "RUS"),
    ("Шойгу", 2015, "RUS"),
    ("Белоусов", 2025, "RUS"),
    # full names
    ("Никол Пашинян", None, "ARM"),
    ("Ильхам Алиев", None, "AZE"),
    ("Гейдар Алиев", None, "AZE"),
    ("Реджеп Тайип Эрдоган", None, "TUR"),
    ("Тайип Эрдоган", None, "TUR"),
    ("Закир Гасанов", None, "AZE"),
    ("Станислав Зась", 2021, "CSTO"),
    ("Ли Кэцян", None, "CHN"),
    ("Ким Чен Ын", None, "PRK"),
    ("Ким Дэ Чжун", None, "KOR"),
    ("Имран Хан", None, "PAK"),
    ("Сергей Кужугетович Шойгу", None, "RUS"),
    ("Урсула фон дер Ляйен", 2022, "EU"),
    ("Урсула фон дер Ляйен", 2015, "DEU"),
    ("Жан-Ив Ле Дриан", None, "FRA"),
    ("Ле Дриан", None, "FRA"),
    ("Абдалла II", None, "JOR"),
    ("Гурбангулы Бердымухамедов", 2010, "TKM"),
    ("Артём Хачатуров", None, None),  # first name does not match Юрий Хачатуров
    # initials
    ("З.Гасанов", None, "AZE"),
    ("З. Гасанов", None, "AZE"),
    ("И. Алиев", None, "AZE"),
    ("В.В. Путин", None, "RUS"),
    ("Путин В.В.", None, "RUS"),
    ("К.-Ж. Токаев", None, "KAZ"),
    ("Р.Т. Эрдоган", None, "TUR"),
    ("Х. Акар", 2020, "TUR"),
    # ё = е
    ("Пётр Порошенко", None, "UKR"),
    ("Петр Порошенко", None, "UKR"),
    # year filtering
    ("Зась", 2017, "BLR"),
    ("Зась", 2021, "CSTO"),
    ("Тасмагамбетов", 2024, "CSTO"),
    ("Тасмагамбетов", 2015, "KAZ"),
    ("Ермекбаев", 2019, "KAZ"),
    ("Ермекбаев", 2025, "SCO"),
    ("Каллас", 2022, "EST"),
    ("Каллас", 2025, "EU"),
    ("Рютте", 2020, "NLD"),
    ("Рютте", 2025, "NATO"),
    ("Белоусов", 2015, None),  # not yet in office
    ("Сердюков", 2020, None),
    # female forms: only for female officials
    ("Алиева", None, "AZE"),  # Мехрибан Алиева
    ("Захарова", None, "RUS"),
    ("Захаров", None, None),
    ("Пашиняна", None, None),
    # ambiguity -> None
    ("Ким", None, None),
    ("Ли", None, None),
    ("Хан", None, None),
    ("Зась", None, None),
    ("Лебедев", None, None),
    ("Каллас", None, None),
    ("Браун", None, None),
    # unknown -> None
    ("Иван Петров", None, None),
    ("Сидоров", None, None),
    ("", None, None),
    ("   ", None, None),
]


@pytest.mark.parametrize(("name", "year", "expected"), COUNTRY_CASES)
def test_country_of(name, year, expected):
    assert O.country_of(name, year) == expected


# (name, year, the set of distinct person names expected among the matches)
PERSON_CASES = [
    ("Алиев", None, {"Гейдар Алиев", "Ильхам Алиев"}),
    ("Гейдар Алиев", None, {"Гейдар Алиев"}),
    ("Ильхам Алиев", None, {"Ильхам Алиев"}),
    ("Алиев", 2000, {"Гейдар Алиев"}),
    ("Алиев", 2010, {"Ильхам Алиев"}),
    ("Алиева", None, {"Мехрибан Алиева"}),
    ("Бердымухамедов", 2010, {"Гурбангулы Бердымухамедов"}),
    ("Сердар Бердымухамедов", None, {"Сердар Бердымухамедов"}),
    ("Иванов", None, {"Сергей Иванов", "Игорь Иванов"}),
    ("С. Иванов", None, {"Сергей Иванов"}),
    ("Ли", 2020, {"Ли Кэцян", "Ли Цзочэн"}),
    ("Ли Цян", None, {"Ли Цян"}),
    ("Шойгу", 2025, {"Сергей Шойгу"}),
    ("Нгуен Фу Чонг", None, {"Нгуен Фу Чонг"}),
    ("Неизвестный", None, set()),
]


@pytest.mark.parametrize(("name", "year", "expected"), PERSON_CASES)
def test_find_officials_people(name, year, expected):
    assert {o.name for o in O.find_officials(name, year)} == expected


def test_find_officials_roles_and_years():
    shoigu = O.find_officials("Шойгу", 2015)
    assert [(o.name, o.code, o.role) for o in shoigu] == [("Сергей Шойгу", "RUS", "министр обороны")]
    assert shoigu[0].from_year == 2012 and shoigu[0].to_year == 2024
    (belousov,) = O.find_officials("Андрей Белоусов")
    assert belousov.role == "министр обороны" and belousov.to_year is None
    roles = {o.role for o in O.find_officials("Сергей Шойгу")}
    assert {"министр обороны", "секретарь совета безопасности"} <= roles
    # first name must agree: Гейдар is not Ильхам
    assert all(o.name == "Гейдар Алиев" for o in O.find_officials("Гейдар Алиев"))
    assert O.find_officials("Гейдар Алиев", 2010) == []


def test_official_is_frozen_and_hashable():
    o = O.find_officials("Пашинян")[0]
    assert isinstance(o, O.Official)
    with pytest.raises(AttributeError):
        o.code = "XXX"
    assert hash(o) == hash(O.Official(o.name, o.code, o.role, o.from_year, o.to_year))


def _rows():
    rows = []
    header = None
    for line in O.DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(cells)
    return header, rows


def test_data_file_is_well_formed():
    header, rows = _rows()
    assert header == ["name", "code", "role", "from_year", "to_year", "sex"]
    assert len(rows) >= 300
    seen = set()
    for cells in rows:
        assert len(cells) == 6, cells
        name, code, role, from_year, to_year, sex = cells
        assert name == name.strip() and name, cells
        assert role == role.lower() and role, cells
        assert sex in ("", "f"), cells
        assert from_year.isdigit(), cells
        assert to_year == "" or (to_year.isdigit() and int(from_year) <= int(to_year)), cells
        assert 1950 <= int(from_year) <= 2026, cells
        key = (name, code, role, from_year)
        assert key not in seen, f"duplicate row {cells}"
        seen.add(key)


def test_every_code_is_iso_alpha3_or_organisation():
    _, rows = _rows()
    for cells in rows:
        code = cells[1]
        assert code in ORG_CODES or pycountry.countries.get(alpha_3=code) is not None, code
    codes = {cells[1] for cells in rows}
    required = {
        "RUS", "BLR", "UKR", "MDA", "GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB",
        "TUR", "CHN", "IND", "IRN", "PAK", "SRB", "USA", "FRA", "DEU", "GBR", "ITA", "ISR", "EGY", "SYR",
        "MNG", "VNM", "LAO", "SDN", "JOR", "GRC", "CYP", "POL", "LTU", "LVA", "EST",
        "NATO", "CSTO", "SCO", "CIS", "UN", "OSCE",
    }  # fmt: skip
    assert required <= codes


def test_all_officials_covers_the_file():
    _, rows = _rows()
    assert len(O.all_officials()) == len(rows)
