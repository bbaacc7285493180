"""Gazetteer of states and international organisations as Russian news names them.

States come from pycountry (codes plus its Russian ``iso3166-1`` translations) and the hand-written
``data/countries_ru.tsv`` (short press names, capitals, adjectives, abbreviations): :mod:`.reference`.
Every inflected form is generated with pymorphy2, so only nominatives are written by hand:
:mod:`.forms`. The surface forms are indexed once, lazily (~2 s): :mod:`.index`; matching is a
longest match over word tokens: :mod:`.matching`.

Decisions worth knowing:

* abbreviations (РФ, РК, АР, ЕС, …) match only as exact upper-case tokens;
* names and capitals are case-insensitive, except forms that are also ordinary words (Того/того,
  Чад/чадо, Перу/перо, Вена/вена, Куба/кубе, Рига/рига, …), which must be capitalised; a
  capitalised pronoun-like form (``Того же …``) at a sentence start is not taken as a country;
* plain «Корея» resolves to KOR and plain «Конго» to COG (Republic of the Congo); «корейский» and
  «конголезский» are deliberately not mapped;
* phrases such as «Новая Гвинея» (the island), «Северная Ирландия», «Латинская Америка»,
  «Индийский океан», «английский язык» are recognised and swallowed so that their parts do not
  produce false mentions (``lang/words/non_country_phrases.txt``, ``language_nouns.txt``);
* a compound adjective («российско-египетский») yields one mention with several codes.
"""

from .index import gazetteer_size, surface_forms
from .matching import CountryMention, find_countries, resolve_country
from .reference import ORG_CODES, capital_of, country_name, is_valid_code, un_member_codes

__all__ = [
    "ORG_CODES",
    "CountryMention",
    "capital_of",
    "country_name",
    "find_countries",
    "gazetteer_size",
    "is_valid_code",
    "resolve_country",
    "surface_forms",
    "un_member_codes",
]
