"""Rows of the ``mentions`` table: every entity, state, organisation and date an article names.

Three sources are merged per article, all with offsets into the article body
(``body[start:end] == text`` always holds):

* natasha's NER spans (PER, LOC, ORG) after the noise rules of :mod:`.noise`;
* the gazetteer of :mod:`..gazetteers.countries` (COUNTRY, ORGANISATION), one row per ISO3/organisation code;
* the date finder of :mod:`..lang.dates` (DATE), with the resolved value in the ``date_*`` columns.

Decisions:

* The same text may give two rows of different types: natasha's LOC «Азербайджана» *and* the
  gazetteer's COUNTRY AZE; natasha's ORG «НАТО» and ORGANISATION NATO.  The types answer different
  questions (what natasha saw vs which state), so analysts filter by type instead of us choosing.
* Nothing inside the dateline («ТБИЛИСИ, 24 апр — Sputnik.») is a mention: its place, date and
  agency are already columns of ``articles`` (dateline_place, published, agency).
* Capitals are not COUNTRY rows (Баку is a city; natasha's LOC row keeps it).
* PER spans: a misspelt state («Азербайдажан») becomes a COUNTRY row only; a place («Шуша»,
  «Баку») becomes LOC, unless it is the surname of a full name elsewhere in the article («Маас»
  after «Хайко Маас»).  A LOC span that is a misspelt state gets a COUNTRY row beside it.  ORG
  spans made only of state names («Азербайджан-Турция-Грузия», «АР») become LOC.  Chrome
  («Фото-Видео», «ПОДЕЛИТЬСЯ») is dropped.  A span running over a line break is cut per line.
* natasha splits «Министерства обороны | Азербайджанской Республики» and «Генерального штаба |
  Вооруженных сил | РФ»; an ORG is joined with the genitive ORG / state names that follow it
  (source 'rule:org_chain'); the state keeps its own LOC and COUNTRY rows, the absorbed ORG goes.
  ORG normal forms come from ``noise.normalize_org`` («Министерство обороны …», never
  «Министерство оборона»).
* ``source`` says where a row came from: 'natasha', 'gazetteer', 'dates' or 'rule:<name>' when a
  rule changed natasha's type or extent (misspelt_country, place_name, org_is_state, org_chain,
  person_name: «Левоном Айвазяном» tagged ORG).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from natasha.doc import DocSpan
from natasha.shape import recover_shape

from ..gazetteers.countries import ORG_CODES, CountryMention, country_name, find_countries
from ..lang.dates import PartialDate, find_dates
from ..lang.morph import morph_vocab
from ..lang.spelling import CYRILLIC_WORD
from . import noise
from .span_normals import normalize

__all__ = ["COLUMNS", "TYPES", "mention_rows"]

COLUMNS = (
    "article_id",
    "sentence_no",
    "start",
    "end",
    "type",
    "text",
    "normal",
    "code",
    "date_value",
    "date_precision",
    "date_iso",
    "date_inferred",
    "source",
)
TYPES = ("PER", "LOC", "ORG", "COUNTRY", "ORGANISATION", "DATE")
_TYPE_ORDER = {t: i for i, t in enumerate(TYPES)}
_SEPARATORS = re.compile(r"[\s\-‐‑–—,]*")


def mention_rows(
    article_id: str,
    body: str,
    doc,
    published: PartialDate | None,
    dateline_end: int,
    countries: list[CountryMention] | None = None,
) -> list[dict]:
    """The mentions of one article, sorted by offset; ``doc`` is natasha's analysed ``body``
    (from ``lang.analysis.analyse_batch``: segmented, morph-tagged and NER-tagged)."""
    if doc.text != body:
        raise ValueError(f"{article_id}: the natasha Doc was built from another text than the body")
    sent_starts = [s.start for s in doc.sents]
    found = countries if countries is not None else find_countries(body, capitals=False)
    gazetteer = [m for m in found if not noise.in_dateline(m.start, dateline_end)]
    states = [m for m in gazetteer if not set(m.codes) & ORG_CODES]

    rows: list[dict] = []

    def add(start: int, end: int, type_: str, normal: str, code: str | None, source: str, date=None) -> None:
        rows.append(
            {
                "article_id": article_id,
                "sentence_no": max(1, bisect.bisect_right(sent_starts, start)),
                "start": start,
                "end": end,
                "type": type_,
                "text": body[start:end],
                "normal": normal,
                "code": code,
                "date_value": date.to_date() if date else None,
                "date_precision": date.precision if date else None,
                "date_iso": date.iso() if date else None,
                "date_inferred": date.inferred if date else None,
                "source": source,
            }
        )

    for item in _merge_org_chains(body, _natasha_items(body, doc, dateline_end, gazetteer, states)):
        add(item.start, item.end, item.type, item.normal, item.code, item.source)

    for m in gazetteer:
        for code in m.codes:
            type_ = "ORGANISATION" if code in ORG_CODES else "COUNTRY"
            add(m.start, m.end, type_, m.normal if len(m.codes) == 1 else country_name(code), code, "gazetteer")

    for d in find_dates(body, published):
        if not noise.in_dateline(d.start, dateline_end):
            add(d.start, d.end, "DATE", d.value.iso(), None, "dates", date=d.value)

    rows.sort(key=lambda r: (r["start"], r["end"], _TYPE_ORDER[r["type"]], r["code"] or ""))
    return rows


@dataclass
class _Item:
    """A natasha span after the noise rules, before it becomes a row."""

    start: int
    end: int
    type: str
    normal: str
    code: str | None
    source: str
    genitive: bool = False  # natasha's tagger read the first word in the genitive
    named_body: bool = False  # the span is exactly a state or organisation of the gazetteer


def _natasha_items(body: str, doc, dateline_end: int, gazetteer: list, states: list) -> list[_Item]:
    vocab = morph_vocab()
    spans = [part for whole in noise.join_split_names(body, doc.spans) for part in _split_lines(body, whole)]
    spans = [noise.without_gloss(body, s) if s.type == "PER" else s for s in spans]
    surnames = _full_name_surnames(spans, vocab)
    items: list[_Item] = []
    for span in spans:
        start, end = span.start, span.stop
        text = body[start:end]
        if noise.in_dateline(start, dateline_end) or noise.is_chrome_word(text):
            continue
        exact = [m for m in gazetteer if m.start == start and m.end == end and m.kind != "adjective"]
        exact_state = any(not set(m.codes) & ORG_CODES for m in exact)
        genitive = bool(span.tokens) and span.tokens[0].feats.get("Case") == "Gen"
        item = None
        if span.type in ("ORG", "LOC") and not exact and noise.looks_like_person(text):
            normalize(span, vocab)  # «во главе с Левоном Айвазяном» tagged ORG
            item = _Item(start, end, "PER", span.normal, None, "rule:person_name")
        elif span.type == "PER":
            normalize(span, vocab)
            known_person = span.normal.lower() in surnames  # «Маас» after «Хайко Маас»
            code = None if exact_state or known_person else noise.misspelt_country(text)
            if code:
                item = _Item(start, end, "COUNTRY", country_name(code), code, "rule:misspelt_country")
            elif not known_person and noise.is_place_name(text):
                item = _Item(start, end, "LOC", _place_normal(text, span.normal), None, "rule:place_name")
            else:
                item = _Item(start, end, "PER", span.normal, None, "natasha")
        elif span.type == "LOC":
            normalize(span, vocab)
            item = _Item(start, end, "LOC", _place_normal(text, span.normal), None, "natasha")
            code = None if _overlaps(start, end, gazetteer) else noise.misspelt_country(text)
            if code:
                items.append(_Item(start, end, "COUNTRY", country_name(code), code, "rule:misspelt_country"))
        elif span.type == "ORG":
            normalize(span, vocab)
            if _only_states(body, start, end, states):
                item = _Item(start, end, "LOC", span.normal, None, "rule:org_is_state")
            else:
                item = _Item(start, end, "ORG", noise.normalize_org(text, span.normal), None, "natasha")
        if item is not None:
            item.genitive, item.named_body = genitive, bool(exact) or item.source == "rule:org_is_state"
            items.append(item)
    return items


def _full_name_surnames(spans, vocab) -> set[str]:
    """Last words (nominative, lower-case) of the article's PER spans of two or more words."""
    out = set()
    for span in spans:
        if span.type == "PER" and len(span.tokens or []) > 1:
            normalize(span, vocab)
            out.add(span.normal.split()[-1].lower())
    return out


def _split_lines(body: str, span) -> list:
    """natasha's segmenter does not always cut at a line break, so a span may run over one
    («Илья Питалев\nШуша» under a photo credit): cut it into one span per line, each judged alone."""
    tokens = span.tokens or []
    if "\n" not in body[span.start : span.stop] or not tokens:
        return [span]
    groups = [[tokens[0]]]
    for prev, tok in zip(tokens, tokens[1:], strict=False):
        if "\n" in body[prev.stop : tok.start]:
            groups.append([])
        groups[-1].append(tok)
    return [DocSpan(g[0].start, g[-1].stop, span.type, body[g[0].start : g[-1].stop], tokens=g) for g in groups]


_ONE_SPACE = re.compile(r"[ \t\u00a0]{1,2}")


def _merge_org_chains(body: str, items: list[_Item]) -> list[_Item]:
    """Join an ORG with the genitive names natasha split off it: «Министерства обороны» +
    «Азербайджанской Республики» → ORG «Министерство обороны Азербайджанской Республики»;
    «Вооруженных сил» + «РФ».  The state keeps its own LOC (and the gazetteer's COUNTRY) row; an
    absorbed ORG is dropped (it is part of the longer name).  Only a state/organisation of the
    gazetteer or another ORG, in the genitive (or an abbreviation), one space after, is joined."""
    out: list[_Item] = []
    absorbed: set[int] = set()
    for i, item in enumerate(items):
        if i in absorbed:
            continue
        if item.type != "ORG":
            out.append(item)
            continue
        end, j, parts = item.end, i + 1, []
        while j < len(items):
            nxt = items[j]
            text = body[nxt.start : nxt.end]
            joinable = (
                _ONE_SPACE.fullmatch(body[end : nxt.start]) is not None
                and (nxt.genitive or text.isupper())
                and (nxt.type == "ORG" or (nxt.type == "LOC" and nxt.named_body))
            )
            if not joinable:
                break
            parts.append(nxt)
            end = nxt.end
            j += 1
        if not parts:
            out.append(item)
            continue
        text = body[item.start : end]
        hint = " ".join([item.normal, *body[item.end : end].split()])
        out.append(_Item(item.start, end, "ORG", noise.normalize_org(text, hint), None, "rule:org_chain"))
        for k, part in enumerate(parts, i + 1):
            if part.type == "ORG":
                absorbed.add(k)
    return out


def _overlaps(start: int, end: int, mentions: list[CountryMention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _only_states(body: str, start: int, end: int, states: list[CountryMention]) -> bool:
    """body[start:end] is state names (not adjectives) and separators only: «Азербайджан-Турция-
    Грузия», «АР»; not «Россия 1», «Египет-25» (channels, events), not «Азербайджанская Армия»."""
    names = [m for m in states if m.kind != "adjective" and m.start < end and start < m.end]
    if not names:
        return False
    rest = list(body[start:end])
    for m in names:
        for i in range(max(m.start, start), min(m.end, end)):
            rest[i - start] = " "
    return _SEPARATORS.fullmatch("".join(rest)) is not None


def _place_normal(text: str, natasha_normal: str) -> str:
    """Nominative of a one-word place: pymorphy2's place (Geox) lemma when it has one, since
    natasha leaves forms it tagged oddly as written (Каспии, Шуше, Беларусью)."""
    if not CYRILLIC_WORD.fullmatch(text):
        return natasha_normal
    geox = next((p for p in morph_vocab().parse(text) if "Geox" in p.tag), None)
    return recover_shape(geox.normal_form, text) if geox is not None else natasha_normal
