"""Finding the gazetteer's states and organisations in text: a longest match over word tokens."""

from dataclasses import dataclass

from .index import Entry, Gazetteer, Tok, gazetteer, tokenize
from .reference import country_name

_SENTENCE_END = set(".!?…\n")
_SKIP_BACK = set(" \t\r«»\"„“”'()—–-")


@dataclass(frozen=True)
class CountryMention:
    """One mention of a state or organisation; ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    kind: str  # 'name' | 'official' | 'abbr' | 'adjective' | 'capital' | 'org'
    normal: str  # canonical nominative: country/org short name, or the capital for kind 'capital'


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


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _SKIP_BACK:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _acceptable(entry: Entry, toks: list[Tok], text: str, sentences: bool, capitals: bool) -> bool:
    if entry.kind == "capital" and not capitals:
        return False
    for must_be_capital, function_word, tok in zip(entry.caps, entry.func, toks, strict=True):
        if must_be_capital and not tok.raw[0].isupper():
            return False
        # «Того же …» opening a sentence is the pronoun, not the state
        if sentences and function_word and tok is toks[0] and _sentence_start(text, tok.start):
            return False
    return True


def _mention(text: str, toks: list[Tok], entry: Entry) -> CountryMention:
    s, e = toks[0].start, toks[-1].end
    return CountryMention(s, e, text[s:e], entry.codes, entry.kind, entry.normal)


def _single(g: Gazetteer, text: str, tok: Tok, sentences: bool, capitals: bool) -> Entry | None:
    """Entry for one token taken on its own: an abbreviation (exact case) or a one-word key."""
    abbr = g.abbrs.get(tok.raw.replace("ё", "е"))
    if abbr is not None:
        return abbr
    entry = g.index.get(tok.norm)
    if entry is not None and _acceptable(entry, [tok], text, sentences, capitals):
        return entry
    return None


def _match(text: str, capitals: bool, sentences: bool) -> list[CountryMention]:
    g = gazetteer()
    toks = tokenize(text)
    out: list[CountryMention] = []
    n = len(toks)
    i = 0
    while i < n:
        # The hyphen-chain starting here (Гвинея-Бисау, российско-египетский): matches must start
        # and end at chain boundaries so that parts of words are never taken on their own.
        k = i
        while k + 1 < n and toks[k].sep == "-":
            k += 1
        best: tuple[int, Entry] | None = None
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
            abbr = g.abbrs.get(toks[i].raw.replace("ё", "е"))
            if abbr is not None:
                best = (i, abbr)
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


def _chain(g: Gazetteer, text: str, chain: list[Tok], sentences: bool, capitals: bool) -> list[CountryMention]:
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
