"""Reference data of the gazetteer: states and organisations with their names, capitals and adjectives.

Read from the hand-written ``gazetteers/data/countries_ru.tsv`` (its header says what each column
holds) and from pycountry's Russian ``iso3166-1`` translations. Nominatives only: case forms are
generated in :mod:`.forms`.
"""

import gettext
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycountry

from ...lang import lexicon

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "countries_ru.tsv"

ORG_CODES: frozenset[str] = frozenset({"NATO", "CSTO", "SCO", "CIS", "UN", "EU", "OSCE"})


@dataclass(frozen=True)
class State:
    """One row of ``countries_ru.tsv``: a state or an organisation."""

    code: str
    group: str  # 'un' | 'obs' | 'org'
    short: str
    capitals: tuple[str, ...]  # first is canonical; '!'-prefixed ones are not matched in text
    adjectives: tuple[str, ...]
    names: tuple[str, ...]
    official: tuple[str, ...]
    abbrs: tuple[str, ...]
    prefixes: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())


@lru_cache(maxsize=1)
def states() -> dict[str, State]:
    """Every state and organisation of the data file, by code, in file order."""
    out: dict[str, State] = {}
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, group, short, *lists = (line.split("\t") + [""] * 9)[:9]
        out[code] = State(code, group, short, *(_split(cell) for cell in lists))
    return out


def un_member_codes() -> frozenset[str]:
    """ISO alpha-3 codes of the 193 UN member states."""
    return frozenset(c for c, s in states().items() if s.group == "un")


def country_name(code: str) -> str:
    """Nominative short Russian name for a code ("AZE" -> "Азербайджан"); KeyError if unknown."""
    return states()[code].short


def capital_of(code: str) -> str | None:
    """Nominative capital of a state ("AZE" -> "Баку"); None for organisations / unknown codes."""
    st = states().get(code)
    return st.capitals[0].lstrip("!") if st and st.capitals else None


def is_valid_code(code: str) -> bool:
    """True for an ISO alpha-3 code of a state in the gazetteer or one of ``ORG_CODES``."""
    return code in states()


@cache
def _official_words() -> re.Pattern:
    """Stems that make a pycountry name the long, official one (``words/official_name_words.txt``)."""
    stems = sorted(lexicon.words("official_name_words"))
    return re.compile("|".join(re.escape(s) for s in stems), re.IGNORECASE)


def pycountry_names() -> dict[str, list[tuple[str, str]]]:
    """{alpha3: [(russian name, 'name' | 'official')]} from pycountry's translations."""
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    out: dict[str, list[tuple[str, str]]] = {}
    for c in pycountry.countries:
        items = []
        for attr in ("name", "official_name"):
            en = getattr(c, attr, None)
            if not en:
                continue
            ru = tr.gettext(en).replace("\u0301", "").strip()
            if ru == en or "(" in ru:  # untranslated or annotated ("Сен-Мартен (Франция)")
                continue
            kind = "official" if attr == "official_name" or _official_words().search(ru) else "name"
            items.append((ru, kind))
        out[c.alpha_3] = items
    return out
