"""Gazetteer of states and international organisations as Russian news names them.

States come from pycountry (codes plus its Russian ``iso3166-1`` translations) and the hand-written
``data/countries_ru.tsv`` (short press names, capitals, adjectives, abbreviations); every inflected
form is generated with pymorphy2 through :mod:`defcoop_dagster.core.lang.morph`, so only nominatives are
written by hand.  The surface-form dictionary is built once, lazily (~2 s), and matching is a
longest-match over word tokens.

Decisions worth knowing:

* abbreviations (РФ, РК, АР, ЕС, …) match only as exact upper-case tokens;
* names and capitals are case-insensitive, except forms that are also ordinary words (Того/того,
  Чад/чадо, Перу/перо, Вена/вена, Куба/кубе, Рига/рига, …), which must be capitalised; a
  capitalised pronoun-like form (``Того же …``) at a sentence start is not taken as a country;
* plain «Корея» resolves to KOR and plain «Конго» to COG (Republic of the Congo); «корейский» and
  «конголезский» are deliberately not mapped;
* spans such as «Новая Гвинея» (the island), «Северная Ирландия», «Латинская Америка»,
  «Индийский океан», «английский язык» are recognised and swallowed so that their parts do not
  produce false mentions;
* a compound adjective («российско-египетский») yields one mention with several codes.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycountry

from ..lang import morph  # importing it applies the pymorphy2 fix for Python 3.11

__all__ = [
    "ORG_CODES",
    "CountryMention",
    "capital_of",
    "country_name",
    "find_countries",
    "is_valid_code",
    "resolve_country",
]

DATA_FILE = Path(__file__).parent / "data" / "countries_ru.tsv"

ORG_CODES: frozenset[str] = frozenset({"NATO", "CSTO", "SCO", "CIS", "UN", "EU", "OSCE"})


@dataclass(frozen=True)
class CountryMention:
    """One mention of a state or organisation; ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    kind: str  # 'name' | 'official' | 'abbr' | 'adjective' | 'capital' | 'org'
    normal: str  # canonical nominative: country/org short name, or the capital for kind 'capital'


# --- reference data -------------------------------------------------------------------------


@dataclass(frozen=True)
class _State:
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
def _states() -> dict[str, _State]:
    out: dict[str, _State] = {}
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 9)[:9]
        code, group, short, caps, adjs, names, official, abbrs, prefixes = cells
        out[code] = _State(
            code,
            group,
            short,
            _split(caps),
            _split(adjs),
            _split(names),
            _split(official),
            _split(abbrs),
            _split(prefixes),
        )
    return out


def un_member_codes() -> frozenset[str]:
    """ISO alpha-3 codes of the 193 UN member states."""
    return frozenset(c for c, s in _states().items() if s.group == "un")


# Words in pycountry's Russian names that mark a long/official form rather than a short name.
_OFFICIAL_WORDS = re.compile(
    r"Республик|Федерац|Королевств|Государств|Содружеств|Союз|Княжеств|Султанат|Герцогств|Конфедерац",
    re.IGNORECASE,
)


def _pycountry_names() -> dict[str, list[tuple[str, str]]]:
    """{alpha3: [(russian name, kind)]} from pycountry's translations, for the codes we keep."""
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
            kind = "official" if attr == "official_name" or _OFFICIAL_WORDS.search(ru) else "name"
            items.append((ru, kind))
        out[c.alpha_3] = items
    return out


# --- tokenisation & normalisation --------------------------------------------------------------

# A token is a run of letters (stress marks allowed), possibly with an inner apostrophe (д'Ивуар).
_TOKEN_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|\u0301|['’](?=[^\W\d_]))*")
_HYPHENS = {"-", "\u2010", "\u2011"}
_DASH_GAP = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")


def _norm(token: str) -> str:
    return token.replace("\u0301", "").replace("’", "'").lower().replace("ё", "е")


def _gap_class(gap: str) -> str | None:
    """Separator between two tokens: '-' (hyphen inside a word), ' ', '—' (dash), or None (break)."""
    if gap in _HYPHENS:
        return "-"
    if gap.isspace():
        return " "
    if _DASH_GAP.fullmatch(gap):
        return "—"
    return None


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    raw: str
    norm: str
    sep: str | None  # separator class to the next token


def _tokenize(text: str) -> list[_Tok]:
    spans = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    toks = []
    for i, (s, e) in enumerate(spans):
        sep = _gap_class(text[e : spans[i + 1][0]]) if i + 1 < len(spans) else None
        toks.append(_Tok(s, e, text[s:e], _norm(text[s:e]), sep))
    return toks


def _key(toks: list[_Tok]) -> str:
    parts = []
    for i, t in enumerate(toks):
        parts.append(t.norm)
        if i + 1 < len(toks):
            parts.append(t.sep or " ")
    return "".join(parts)


# --- morphology ---------------------------------------------------------------------------------

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_PROPER_TAGS = {"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr", "Init"}
_FUNCTION_TAGS = {"Apro", "NPRO", "PREP", "CONJ", "PRCL", "ADVB", "Anph"}
_FIXED_ENDINGS = ("о", "е", "и", "у", "ю", "э", "иа")
# Indeclinable names that look like nothing else in the dictionary but must still be capitalised.
_FORCE_CAPITAL = {"мали", "гаити", "чили", "того", "чад", "перу"}


def _pick(word: str, adjective: bool):
    """The parse of a nominative name word to inflect from; None if it does not decline, or a
    model word's paradigm (see _analogy) if pymorphy2 knows the word only in another role."""
    mv = morph.morph_vocab()
    parses = mv.parse(word)
    nomn = [p for p in parses if "nomn" in p.tag]
    if adjective:
        cands = [p for p in nomn if {"ADJF", "PRTF"} & p.tag.grammemes]
    else:
        nouns = [p for p in nomn if "NOUN" in p.tag]
        cands = [p for p in nomn if "Geox" in p.tag] or [p for p in nouns if "sing" in p.tag]
        if not cands and mv.word_is_known(word):
            cands = nouns  # a plural name (Штаты, Острова)
    if not mv.word_is_known(word) and word.lower().endswith(_FIXED_ENDINGS):
        return None  # unknown foreign word with a vowel ending: treat as indeclinable (Уагадугу)
    if not cands:
        return None if adjective else _analogy(word)
    return None if "Fixd" in cands[0].tag else cands[0]


# Geographic names whose paradigm serves a name pymorphy2 only knows as something else
# (Рияд = plural of the name Рияда, Абеба = adverb, Велья), chosen by the final letter.
_MODELS = {"а": "анкара", "я": "гвинея", "": "багдад"}
_VOWELS = set("аеёиоуыэюяь")


def _analogy(word: str):
    low = word.lower()
    last = low[-1]
    model = _MODELS.get(last) or (_MODELS[""] if last not in _VOWELS else None)
    if model is None:
        return None
    base = next(p for p in morph.morph_vocab().parse(model) if "Geox" in p.tag and "nomn" in p.tag)
    return _Analogy(low, base)


@dataclass(frozen=True)
class _Analogy:
    """Duck-types the bits of a pymorphy2 Parse that _forms_by_case uses, for ``word`` declined
    like ``model``: each model form's ending replaces the word's ending."""

    word: str
    model: object

    @property
    def tag(self):
        return self.model.tag

    @property
    def lexeme(self):
        lemma = self.model.word
        out = []
        for f in self.model.lexeme:
            common = len(_common_prefix(lemma, f.word))
            cut = len(lemma) - common
            new = self.word[: len(self.word) - cut] + f.word[common:]
            out.append(_Form(new, f.tag))
        return out


@dataclass(frozen=True)
class _Form:
    word: str
    tag: object


def _common_prefix(a: str, b: str) -> str:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[:i]


def _is_adjective(word: str) -> bool:
    last = re.split(r"-", word)[-1]
    parses = morph.morph_vocab().parse(last)
    if any("Geox" in p.tag for p in parses):
        return False
    nomn = [p for p in parses if "nomn" in p.tag]
    return bool(nomn) and bool({"ADJF", "PRTF"} & nomn[0].tag.grammemes)


def _forms_by_case(parse) -> dict[str, list[str]]:
    """Forms of ``parse``'s lexeme by case, same number (and gender, if singular) and POS."""
    tag = parse.tag
    out: dict[str, list[str]] = {case: [] for case in _CASES}
    for f in parse.lexeme:
        ft = f.tag
        if ft.case not in out or ft.number != tag.number or ft.POS != tag.POS:
            continue
        if tag.number == "sing" and tag.gender and ft.gender and ft.gender != tag.gender:
            continue
        if tag.POS == "PRTF" and (ft.voice != tag.voice or ft.tense != tag.tense):
            continue  # объединённых, not объединивших
        if "Supr" in ft and "Supr" not in tag:
            continue
        out[ft.case].append(f.word)
    return {case: forms or [parse.word] for case, forms in out.items()}


@cache
def _word_forms(word: str, adjective: bool) -> dict[str, list[str]]:
    """{case: forms} of one (possibly hyphenated) word of a name, lower-cased."""
    low = word.lower()
    parts = low.split("-")
    # Which part declines: normally the last (Коста-Рики, Нур-Султана); Гвинея-Бисау: the first.
    for idx in (len(parts) - 1, 0):
        part = parts[idx]
        head, apos, tail = part.rpartition("'")  # д'Ивуар -> inflect "ивуар"
        p = _pick(tail, adjective) if tail else None
        if p is None or (idx == 0 and len(parts) > 1 and ("Geox" not in p.tag or isinstance(p, _Analogy))):
            continue
        return {
            case: ["-".join(parts[:idx] + [head + apos + f] + parts[idx + 1 :]) for f in forms]
            for case, forms in _forms_by_case(p).items()
        }
    return {case: [low] for case in _CASES}


def _phrase_forms(phrase: str) -> set[str]:
    """All case forms of a (multi-word) name, lower-cased."""
    return {phrase.lower(), *(f for case in _CASES for f in _inflect_case(phrase, case))}


@cache
def _inflect_case(phrase: str, case: str) -> frozenset[str]:
    """``phrase`` in one case: the head noun and the adjectives before it inflect; a tail after the
    head stays as written (Штатов Америки, Королевства Великобритании …), except after «и»/«—»,
    where the next conjunct inflects in the same case (Боснии и Герцеговины, Папуа — Новой Гвинеи)."""
    words = phrase.split()
    if not words:
        return frozenset({""})
    head = next((i for i, w in enumerate(words) if not _is_adjective(w)), len(words) - 1)
    combos = [""]
    for i, w in enumerate(words[: head + 1]):
        combos = [f"{c} {f}".strip() for c in combos for f in _word_forms(w, i < head)[case]]
    rest = words[head + 1 :]
    if rest and rest[0] in {"и", "—", "–", "-"}:
        tails = {f"{rest[0]} {t}".strip() for t in _inflect_case(" ".join(rest[1:]), case)}
    else:
        tails = {" ".join(rest).lower()}
    return frozenset(f"{c} {t}".strip() for c in combos for t in tails)


def _adjective_forms(lemma: str) -> tuple[set[str], str]:
    """All full forms of an adjective (every gender/number/case) and its compound first part."""
    low = lemma.lower()
    prefix, _, last = low.rpartition("-")
    parses = [p for p in morph.morph_vocab().parse(last) if "ADJF" in p.tag and "nomn" in p.tag]
    forms = {low}
    if parses:
        forms |= {f.word for f in parses[0].lexeme if "ADJF" in f.tag and "Supr" not in f.tag}
    if prefix:
        forms = {f"{prefix}-{f}" if not f.startswith(prefix + "-") else f for f in forms}
    combining = re.sub(r"(ий|ый|ой)$", "о", low)  # российский -> российско(-египетский)
    return forms, combining


@lru_cache(maxsize=65536)
def _word_class(form: str) -> tuple[bool, bool]:
    """(is an ordinary dictionary word, is a function word) for a normalised single token."""
    mv = morph.morph_vocab()
    if not mv.word_is_known(form):
        return False, False
    common = [p for p in mv.parse(form) if not (_PROPER_TAGS & p.tag.grammemes)]
    return bool(common), any(_FUNCTION_TAGS & p.tag.grammemes for p in common)


# --- the gazetteer -------------------------------------------------------------------------------

_KIND_RANK = {"org": 0, "official": 1, "name": 1, "abbr": 1, "adjective": 2, "capital": 3, "block": 4}

# Spans that contain a country word but do not mention the country (swallowed, never reported).
_BLOCKERS = (
    "Новая Гвинея",
    "Северная Ирландия",
    "Латинская Америка",
    "Южная Америка",
    "Северная Америка",
    "Центральная Америка",
    "Индийский океан",
    "Гвинейский залив",
    "Мексиканский залив",
    "Японское море",
    "Филиппинское море",
    "Норвежское море",
    "Ирландское море",
    "Москва-река",
)
# Nouns after which a country adjective names a language, not the state («английский язык»).
_BLOCK_HEADS = ("язык",)


@dataclass(frozen=True)
class _Entry:
    codes: tuple[str, ...]
    kind: str
    normal: str
    caps: tuple[bool, ...]  # per token: must be capitalised in text (form is also an ordinary word)
    func: tuple[bool, ...]  # per token: ordinary reading is a function word (Того = того)


@dataclass
class _Gazetteer:
    index: dict[str, _Entry]
    abbrs: dict[str, _Entry]
    combining: dict[str, str]  # compound first part -> code
    prefixes: set[str]
    max_tokens: int
    collisions: list[tuple[str, str, str]]


def _build() -> _Gazetteer:
    states = _states()
    pyc = _pycountry_names()
    cands: list[tuple[str, _Entry]] = []  # (lower-cased surface form, entry)
    abbrs: dict[str, _Entry] = {}
    combining: dict[str, str] = {}
    ambiguous: set[str] = set()

    def add_phrase(phrase: str, codes: tuple[str, ...], kind: str, normal: str) -> None:
        forms = _phrase_forms(phrase)
        # A proper name word (Geox or unknown to the dictionary) whose form is also an ordinary
        # word has to be capitalised in text to count.
        for w in phrase.split():
            if "-" in w or "'" in w:
                continue
            mv = morph.morph_vocab()
            proper = any("Geox" in p.tag for p in mv.parse(w)) or not mv.word_is_known(w)
            if proper:
                for f in _word_forms(w, adjective=False).values():
                    for x in f:
                        nx = _norm(x)
                        if _word_class(nx)[0] or nx in _FORCE_CAPITAL:
                            ambiguous.add(nx)
        for f in forms:
            cands.append((f, _Entry(codes, kind, normal, (), ())))

    for code, st in states.items():
        codes = (code,)
        is_org = st.group == "org"
        name_kind = "org" if is_org else "name"
        if not st.short.isupper():  # США, ОАЭ, ОДКБ … are abbreviations: exact case only
            add_phrase(st.short, codes, name_kind, st.short)
        for n in st.names:
            add_phrase(n, codes, name_kind, st.short)
        for n in st.official:
            add_phrase(n, codes, "org" if is_org else "official", st.short)
        for n, kind in pyc.get(code, []):
            add_phrase(n, codes, kind, st.short)
        for a in st.abbrs:
            abbrs[a.replace("ё", "е")] = _Entry(codes, "org" if is_org else "abbr", st.short, (), ())
        for cap in st.capitals:
            if not cap.startswith("!"):
                add_phrase(cap, codes, "capital", st.capitals[0].lstrip("!"))
        for adj in st.adjectives:
            forms, comb = _adjective_forms(adj)
            for f in forms:
                cands.append((f, _Entry(codes, "adjective", st.short, (), ())))
            if not is_org and "-" not in adj:
                combining.setdefault(_norm(comb), code)
            for noun in _BLOCK_HEADS:
                for f in _phrase_forms(f"{adj} {noun}"):
                    cands.append((f, _Entry((), "block", "", (), ())))
        for p in st.prefixes:
            combining[_norm(p)] = code
    for b in _BLOCKERS:
        for f in _phrase_forms(b):
            cands.append((f, _Entry((), "block", "", (), ())))

    index: dict[str, _Entry] = {}
    collisions = []
    prefixes: set[str] = set()
    max_tokens = 1
    # Stable sort: on a shared surface form the better kind wins (org > name > adjective >
    # capital > blocker), then the first-written entry; cross-code clashes are kept for inspection.
    for surface, entry in sorted(cands, key=lambda c: _KIND_RANK[c[1].kind]):
        toks = _tokenize(surface)
        if not toks:
            continue
        key = _key(toks)
        old = index.get(key)
        if old is not None:
            if old.codes != entry.codes and entry.kind != "block" and old.kind != "block":
                collisions.append((key, "/".join(old.codes), "/".join(entry.codes)))
            continue
        caps = tuple(t.norm in ambiguous for t in toks) if entry.kind != "adjective" else (False,) * len(toks)
        func = tuple(c and _word_class(t.norm)[1] for c, t in zip(caps, toks, strict=True))
        index[key] = _Entry(entry.codes, entry.kind, entry.normal, caps, func)
        max_tokens = max(max_tokens, len(toks))
        for i in range(1, len(toks)):
            prefixes.add(_key(toks[:i]))
    return _Gazetteer(index, abbrs, combining, prefixes, max_tokens, collisions)


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    return _build()


# --- matching -----------------------------------------------------------------------------------

_SENTENCE_END = set(".!?…\n")
_SKIP_BACK = set(" \t\r«»\"„“”'()—–-")


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _SKIP_BACK:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _acceptable(entry: _Entry, toks: list[_Tok], text: str, sentences: bool, capitals: bool) -> bool:
    if entry.kind == "capital" and not capitals:
        return False
    for flag, func, tok in zip(entry.caps, entry.func, toks, strict=True):
        if flag and not tok.raw[0].isupper():
            return False
        if sentences and func and tok is toks[0] and _sentence_start(text, tok.start):
            return False
    return True


def _mention(text: str, toks: list[_Tok], entry: _Entry) -> CountryMention:
    s, e = toks[0].start, toks[-1].end
    return CountryMention(s, e, text[s:e], entry.codes, entry.kind, entry.normal)


def _single(g: _Gazetteer, text: str, tok: _Tok, sentences: bool, capitals: bool) -> _Entry | None:
    """Entry for one token taken on its own: an abbreviation (exact case) or a one-word key."""
    ab = g.abbrs.get(tok.raw.replace("ё", "е"))
    if ab is not None:
        return ab
    entry = g.index.get(tok.norm)
    if entry is not None and _acceptable(entry, [tok], text, sentences, capitals):
        return entry
    return None


def _match(text: str, capitals: bool, sentences: bool) -> list[CountryMention]:
    g = _gazetteer()
    toks = _tokenize(text)
    out: list[CountryMention] = []
    n = len(toks)
    i = 0
    while i < n:
        # The hyphen-chain starting here (Гвинея-Бисау, российско-египетский): matches must start
        # and end at chain boundaries so that parts of words are never taken on their own.
        k = i
        while k + 1 < n and toks[k].sep == "-":
            k += 1
        best: tuple[int, _Entry] | None = None
        key = ""
        for j in range(i, min(n, i + g.max_tokens)):
            key = toks[j].norm if j == i else key + (toks[j - 1].sep or " ") + toks[j].norm
            entry = g.index.get(key)
            if (
                entry is not None
                and j >= k
                and toks[j].sep != "-"
                and _acceptable(entry, toks[i : j + 1], text, sentences, capitals)
            ):
                best = (j, entry)
            if key not in g.prefixes or toks[j].sep is None:
                break
        if best is None and k == i:
            ab = g.abbrs.get(toks[i].raw.replace("ё", "е"))
            if ab is not None:
                best = (i, ab)
        if best is not None:
            j, entry = best
            if entry.kind != "block":
                out.append(_mention(text, toks[i : j + 1], entry))
            i = j + 1
            continue
        if k > i:
            out.extend(_chain(g, text, toks[i : k + 1], sentences, capitals))
        i = k + 1
    return out


def _chain(g: _Gazetteer, text: str, chain: list[_Tok], sentences: bool, capitals: bool) -> list[CountryMention]:
    """A hyphenated word that is not itself a key: a compound adjective (российско-египетский) or
    names joined by a hyphen (Россия-Египет)."""
    last = g.index.get(chain[-1].norm)
    firsts = [g.combining.get(t.norm) for t in chain[:-1]]
    if last is not None and last.kind == "adjective" and all(firsts):
        codes = tuple(dict.fromkeys([*firsts, *last.codes]))  # type: ignore[list-item]
        normal = ", ".join(country_name(c) for c in codes)
        s, e = chain[0].start, chain[-1].end
        return [CountryMention(s, e, text[s:e], codes, "adjective", normal)]
    out = []
    for t in chain:
        entry = _single(g, text, t, sentences, capitals)
        if entry is not None and entry.kind not in {"adjective", "block"}:
            out.append(_mention(text, [t], entry))
    return out


# --- public API ---------------------------------------------------------------------------------


def find_countries(text: str, capitals: bool = True) -> list[CountryMention]:
    """Every state/organisation mention in ``text``, sorted by start, non-overlapping (longest
    wins).  With ``capitals=False`` capital cities are not reported."""
    return _match(text, capitals=capitals, sentences=True)


def resolve_country(phrase: str) -> str | None:
    """The one code a phrase names («Азербайджанской Республики», «белорусская», «РФ», «Анкара»),
    or None if it names none or several.  Same rules as find_countries (abbreviations exact-case,
    homographs such as того/Чад/Вена capitalised), except that a phrase start is not a sentence
    start («Того» resolves)."""
    codes = {c for m in _match(phrase, capitals=True, sentences=False) for c in m.codes}
    return next(iter(codes)) if len(codes) == 1 else None


def country_name(code: str) -> str:
    """Nominative short Russian name for a code ("AZE" -> "Азербайджан"); KeyError if unknown."""
    return _states()[code].short


def capital_of(code: str) -> str | None:
    """Nominative capital of a state ("AZE" -> "Баку"); None for organisations / unknown codes."""
    st = _states().get(code)
    return st.capitals[0].lstrip("!") if st and st.capitals else None


def is_valid_code(code: str) -> bool:
    """True for an ISO alpha-3 code of a state in the gazetteer or one of ``ORG_CODES``."""
    return code in _states()


def gazetteer_size() -> int:
    """Number of surface forms (case-insensitive keys plus abbreviations) the gazetteer holds."""
    g = _gazetteer()
    return len(g.index) + len(g.abbrs)
