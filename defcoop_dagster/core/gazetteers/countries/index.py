"""The gazetteer's index: every surface form of every name, keyed by its normalised word tokens.

Built once, lazily (~1 s), and kept on disk for the next processes (``core/built.py``). On a
surface form shared by two entries the better kind wins (organisation > name > adjective > capital
> non-country phrase), then the first written.
A name word that is also an ordinary word (Того/того, Вена/вена) must be capitalised in text.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from ...built import built
from ...lang import lexicon, morph
from .forms import adjective_forms, phrase_forms, word_class, word_forms
from .reference import pycountry_names, states

# A token is a run of letters (stress marks allowed), possibly with an inner apostrophe (д'Ивуар).
_TOKEN_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|\u0301|['’](?=[^\W\d_]))*")
_HYPHENS = {"-", "\u2010", "\u2011"}
_DASH_GAP = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_KIND_RANK = {"org": 0, "official": 1, "name": 1, "abbr": 1, "adjective": 2, "capital": 3, "block": 4}


def norm(token: str) -> str:
    """A token as the index keys it: no stress marks, one apostrophe, lower case, ё as е."""
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
class Tok:
    start: int
    end: int
    raw: str
    norm: str
    sep: str | None  # separator class to the next token


def tokenize(text: str) -> list[Tok]:
    spans = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    toks = []
    for i, (s, e) in enumerate(spans):
        sep = _gap_class(text[e : spans[i + 1][0]]) if i + 1 < len(spans) else None
        toks.append(Tok(s, e, text[s:e], norm(text[s:e]), sep))
    return toks


def key_of(toks: list[Tok]) -> str:
    """The index key of a run of tokens: their normal forms joined by their separator classes."""
    parts = []
    for i, t in enumerate(toks):
        parts.append(t.norm)
        if i + 1 < len(toks):
            parts.append(t.sep or " ")
    return "".join(parts)


@dataclass(frozen=True)
class Entry:
    codes: tuple[str, ...]
    kind: str  # 'name' | 'official' | 'abbr' | 'adjective' | 'capital' | 'org' | 'block'
    normal: str
    caps: tuple[bool, ...] = ()  # per token: must be capitalised in text (form is also an ordinary word)
    func: tuple[bool, ...] = ()  # per token: ordinary reading is a function word (Того = того)


@dataclass
class Gazetteer:
    index: dict[str, Entry]  # case-insensitive surface forms
    abbrs: dict[str, Entry]  # exact-case abbreviations (РФ, ЕС)
    combining: dict[str, str]  # compound first part -> code
    prefixes: set[str]  # keys of every proper token prefix of a multi-token key
    max_tokens: int
    collisions: list[tuple[str, str, str]]  # (key, kept codes, dropped codes), for inspection


class _Candidates:
    """Surface forms collected before indexing, and the name words that must be capitalised."""

    def __init__(self) -> None:
        self.forms: list[tuple[str, Entry]] = []
        self.capitalised: set[str] = set()

    def add(self, phrase: str, codes: tuple[str, ...], kind: str, normal: str) -> None:
        # A proper name word (Geox or unknown to the dictionary) whose form is also an ordinary
        # word has to be capitalised in text to count.
        forced = lexicon.words("capitalised_country_words")
        mv = morph.morph_vocab()
        for w in phrase.split():
            if "-" in w or "'" in w:
                continue
            if any("Geox" in p.tag for p in mv.parse(w)) or not mv.word_is_known(w):
                for forms in word_forms(w, adjective=False).values():
                    for form in map(norm, forms):
                        if word_class(form)[0] or form in forced:
                            self.capitalised.add(form)
        for f in phrase_forms(phrase):
            self.forms.append((f, Entry(codes, kind, normal)))

    def add_forms(self, forms, entry: Entry) -> None:
        self.forms.extend((f, entry) for f in forms)


def _candidates() -> tuple[_Candidates, dict[str, Entry], dict[str, str]]:
    """Every surface form of the reference data, the abbreviations and the compound first parts."""
    cands = _Candidates()
    abbrs: dict[str, Entry] = {}
    combining: dict[str, str] = {}
    block = Entry((), "block", "")
    pyc = pycountry_names()
    for code, st in states().items():
        codes = (code,)
        is_org = st.group == "org"
        name_kind = "org" if is_org else "name"
        if not st.short.isupper():  # США, ОАЭ, ОДКБ … are abbreviations: exact case only
            cands.add(st.short, codes, name_kind, st.short)
        for n in st.names:
            cands.add(n, codes, name_kind, st.short)
        for n in st.official:
            cands.add(n, codes, "org" if is_org else "official", st.short)
        for n, kind in pyc.get(code, []):
            cands.add(n, codes, kind, st.short)
        for a in st.abbrs:
            abbrs[a.replace("ё", "е")] = Entry(codes, "org" if is_org else "abbr", st.short)
        for cap in st.capitals:
            if not cap.startswith("!"):
                cands.add(cap, codes, "capital", st.capitals[0].lstrip("!"))
        for adj in st.adjectives:
            forms, comb = adjective_forms(adj)
            cands.add_forms(forms, Entry(codes, "adjective", st.short))
            if not is_org and "-" not in adj:
                combining.setdefault(norm(comb), code)
            for noun in lexicon.words("language_nouns"):  # «английский язык» is no state
                cands.add_forms(phrase_forms(f"{adj} {noun}"), block)
        for p in st.prefixes:
            combining[norm(p)] = code
    for phrase in lexicon.words("non_country_phrases"):
        cands.add_forms(phrase_forms(phrase), block)
    return cands, abbrs, combining


def _build() -> Gazetteer:
    cands, abbrs, combining = _candidates()
    index: dict[str, Entry] = {}
    collisions = []
    prefixes: set[str] = set()
    max_tokens = 1
    # Stable sort: on a shared surface form the better kind wins, then the first-written entry;
    # cross-code clashes are kept for inspection.
    for surface, entry in sorted(cands.forms, key=lambda c: _KIND_RANK[c[1].kind]):
        toks = tokenize(surface)
        if not toks:
            continue
        key = key_of(toks)
        old = index.get(key)
        if old is not None:
            if old.codes != entry.codes and entry.kind != "block" and old.kind != "block":
                collisions.append((key, "/".join(old.codes), "/".join(entry.codes)))
            continue
        capitalised = entry.kind != "adjective"
        caps = tuple(capitalised and t.norm in cands.capitalised for t in toks)
        func = tuple(c and word_class(t.norm)[1] for c, t in zip(caps, toks, strict=True))
        index[key] = Entry(entry.codes, entry.kind, entry.normal, caps, func)
        max_tokens = max(max_tokens, len(toks))
        for i in range(1, len(toks)):
            prefixes.add(key_of(toks[:i]))
    return Gazetteer(index, abbrs, combining, prefixes, max_tokens, collisions)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The index, built on first use, or read from the cache of this extractor version (``core/built.py``)."""
    return built("countries", _build)


def surface_forms(kind: str) -> dict[str, tuple[str, ...]]:
    """{surface form: codes} of one kind ('name', 'official', 'adjective', 'capital', 'org'):
    every case form the gazetteer matches case-insensitively, lower-cased with ё as е, words
    joined by their separator ("азербайджана", "южной кореи", "гвинеи-бисау")."""
    return {key: entry.codes for key, entry in gazetteer().index.items() if entry.kind == kind}


def gazetteer_size() -> int:
    """Number of surface forms (case-insensitive keys plus abbreviations) the gazetteer holds."""
    g = gazetteer()
    return len(g.index) + len(g.abbrs)
