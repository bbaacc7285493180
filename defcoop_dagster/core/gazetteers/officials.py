"""A gazetteer of well-known officials: which country (or organisation) a person named in an article represents.

News often names a leader by surname only ("Пашинян и Алиев не пожали друг другу руки", "Шойгу прибыл с
визитом"); the article itself may never say which country they speak for. ``data/officials_ru.tsv`` lists
heads of state and government, defence and foreign ministers, chiefs of general staff and the secretaries
general of the international organisations that appear in Russian defence-diplomacy news 2000-2025, one row
per person and office, with the years in office.

    >>> country_of("Пашинян")
    'ARM'
    >>> country_of("Зась", 2021)
    'CSTO'
    >>> post_of("Шойгу", 2015)
    'министр обороны'

Names are matched as written in an article: full ("Ильхам Алиев"), surname only ("Алиев"), initials
("З.Гасанов", "З. Гасанов", "Путин В.В."); case-insensitive, ё = е. East-Asian names are written family name
first ("Си Цзиньпин", "Ли Кэцян"), so a name's family name may be its first or its last word; Vietnamese and
Lao officials can also be named by their last word. Particles ("фон дер", "де", "Ле") and Arabic articles
("аль-", "ас-") are optional; Roman numerals of monarchs ("Абдалла II") are ignored.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "officials_ru.tsv"

# Countries whose names are written family name first; for VNM/LAO the last word is indexed as well,
# since the given name is how people are commonly referred to.
FAMILY_FIRST = frozenset({"CHN", "PRK", "KOR", "VNM"})
BOTH_ENDS = frozenset({"VNM", "LAO"})

PARTICLES = frozenset(
    {"фон", "дер", "де", "ди", "да", "дю", "ван", "ле", "ла", "цу", "дель", "эль", "аль", "бин", "ибн"}
)
ARTICLE = re.compile(r"^(?:аль|ал|ас|аш|ад|ан|ат|аз|ар|эль|эш|эс)-(?=\w{3})")
PATRONYMIC = re.compile(r"(?:вич|вна|ична|инична|оглы|кызы)$")
ROMAN = re.compile(r"^[ivx]+$")
WORD = re.compile(r"[a-zа-я]+(?:-[a-zа-я]+)*")


@dataclass(frozen=True)
class Official:
    name: str
    code: str
    role: str
    from_year: int | None
    to_year: int | None


@dataclass(frozen=True)
class _Entry:
    official: Official
    female: bool
    given: tuple[str, ...]  # given names (and other non-family words), normalised


def _norm(text: str) -> str:
    return text.lower().replace("ё", "е").replace("\u0301", "")


def _words(text: str) -> list[str]:
    """Normalised words of a name; initials come out as single letters, Roman numerals are dropped."""
    return [w for w in WORD.findall(_norm(text)) if not ROMAN.match(w)]


def _surname_keys(word: str) -> set[str]:
    keys = {word}
    stripped = ARTICLE.sub("", word)
    if stripped != word:
        keys.add(stripped)
    return keys


def _parse_year(cell: str) -> int | None:
    cell = cell.strip()
    return int(cell) if cell else None


class _Gazetteer:
    def __init__(self, entries: list[_Entry], by_surname: dict[str, list[tuple[_Entry, frozenset[str]]]]):
        self.entries = entries
        self.by_surname = by_surname


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    entries: list[_Entry] = []
    by_surname: dict[str, list[tuple[_Entry, frozenset[str]]]] = defaultdict(list)
    header_seen = False
    for raw in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if not header_seen:
            header_seen = True
            if cells[0] == "name":
                continue
        cells += [""] * (6 - len(cells))
        name, code, role, from_year, to_year, sex = (c.strip() for c in cells[:6])
        official = Official(name, code, role, _parse_year(from_year), _parse_year(to_year))
        words = _words(name)
        if not words:
            continue
        # the family-name candidates: (index of the word, the keys under which it is indexed)
        positions = [0] if code in FAMILY_FIRST else [len(words) - 1]
        if code in BOTH_ENDS:
            positions = sorted({0, len(words) - 1})
        for pos in positions:
            surname = words[pos]
            given = tuple(w for i, w in enumerate(words) if i != pos and w not in PARTICLES)
            entry = _Entry(official, sex.lower() == "f", given)
            entries.append(entry)
            keys = _surname_keys(surname)
            # "Ле Дриан", "фон дер Ляйен", "де Вильпен": the particles may be written with the surname
            lead = pos
            while lead > 0 and words[lead - 1] in PARTICLES:
                lead -= 1
                keys.add(" ".join(words[lead : pos + 1]))
            for key in keys:
                by_surname[key].append((entry, frozenset(keys)))
    return _Gazetteer(entries, dict(by_surname))


def _given_match(query: list[str], given: tuple[str, ...]) -> bool:
    """Every given word of the query (a full word or an initial) matches a distinct given word of the entry."""
    parts = [set([g, *g.split("-")]) for g in given]
    used: set[int] = set()
    previous_initial = False
    for word in query:
        for i, forms in enumerate(parts):
            if i in used:
                continue
            if word in forms or (len(word) == 1 and any(f.startswith(word) for f in forms)):
                used.add(i)
                break
        else:
            # a second initial is the patronymic ("В.В. Путин"), which the gazetteer does not record
            if not (len(word) == 1 and previous_initial):
                return False
        previous_initial = len(word) == 1
    return True


def _clean_given(words: list[str]) -> list[str]:
    return [w for w in words if w not in PARTICLES and not (len(w) > 5 and PATRONYMIC.search(w))]


def _lookup(surname: str, given: list[str]) -> list[_Entry]:
    table = _gazetteer().by_surname
    found: list[_Entry] = []
    for key in _surname_keys(surname):
        candidates = list(table.get(key, ()))
        # the female form of a surname ("Алиева") matches a female official's surname written without -а
        if key.endswith("а") and len(key) > 3:
            candidates += [(e, k) for e, k in table.get(key[:-1], ()) if e.female]
        for entry, _keys in candidates:
            if entry not in found and _given_match(given, entry.given):
                found.append(entry)
    return found


def find_officials(name: str, year: int | None = None) -> list[Official]:
    """Officials that ``name`` (as written in an article) may refer to, optionally only those in office in ``year``."""
    words = _words(name)
    if not words:
        return []
    matched: dict[Official, None] = {}
    n = len(words)
    for k in range(n):
        # family name last: words[k:] is the (possibly particle-led) surname, words[:k] the given names
        for entry in _lookup(" ".join(words[k:]), _clean_given(words[:k])):
            matched.setdefault(entry.official)
        # family name first ("Ли Кэцян", "Путин В.В."): words[:k+1] is the surname
        if k < n - 1 or n == 1:
            for entry in _lookup(" ".join(words[: k + 1]), _clean_given(words[k + 1 :])):
                matched.setdefault(entry.official)
    officials = list(matched)
    if year is not None:
        officials = [
            o
            for o in officials
            if (o.from_year is None or o.from_year <= year) and (o.to_year is None or year <= o.to_year)
        ]
    return sorted(officials, key=lambda o: (o.from_year or 0, o.name, o.code, o.role))


def country_of(name: str, year: int | None = None) -> str | None:
    """The single country (or organisation) code all matching officials share; None if none or ambiguous."""
    codes = {o.code for o in find_officials(name, year)}
    return codes.pop() if len(codes) == 1 else None


def post_of(name: str, year: int | None = None, code: str | None = None, among: set[str] | None = None) -> str | None:
    """The one post the matching officials held (in ``year``, when known; of ``code``, when the
    text says whom the person represents; one of ``among``, the posts an article writes); None
    if none or several («Шойгу» without a year: three posts)."""
    found = [o for o in find_officials(name, year) if code is None or o.code == code]
    posts = {o.role for o in found if among is None or o.role in among}
    return posts.pop() if len(posts) == 1 else None


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Every official's name as the gazetteer writes it (nominative), lower case, ё as е."""
    return frozenset(_norm(o.name) for o in all_officials())


def all_officials() -> list[Official]:
    """Every row of the gazetteer, in file order (one per person and office)."""
    seen: dict[Official, None] = {}
    for entry in _gazetteer().entries:
        seen.setdefault(entry.official)
    return list(seen)
