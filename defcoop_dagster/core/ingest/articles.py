"""A document's text to one clean article: body, title, publication date, dateline, agency."""

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..lang.dates import PartialDate, parse_date
from ..lang.spelling import fold_lookalikes
from . import pubdate
from .boilerplate import classify, has_verb, is_prose

# Header zone: site chrome and stamps live above the first paragraph, within the first lines.
HEADER_MAX_LINES = 12
# BSNLP raw files: id, language, date, URL, then the text.
BSNLP_HEADER = re.compile(r"^[\w\-]+\n[a-z]{2}\n([^\n]*)\n(https?://\S*)\n")
MEDIA_MARK = re.compile(r"\s*\((?:фото|видео|фото-видео|фото, видео|видео, фото)\)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    article_id: str
    body: str
    title: str | None
    published: PartialDate | None
    published_source: str | None  # metadata | bsnlp_header | stamp | header | publication_line | dateline
    published_evidence: str | None
    agency: str | None
    dateline_place: str | None
    dateline_end: int  # offset in body where the lead starts after "БАКУ, 26 ноя — Sputnik."
    url: str | None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (rule, line) pairs


def article_id(body: str) -> str:
    """Stable id from the content: the same article under two names gets one id."""
    canon = " ".join(unicodedata.normalize("NFC", body).split())
    return "art_" + hashlib.sha256(canon.encode("utf-8")).hexdigest()[:16]


def parse_article(
    text: str,
    title_hint: str | None = None,
    url: str | None = None,
    published_hint: str | None = None,
) -> Article:
    """Clean ``text`` and read its header. Hints come from the file format (JSON fields, HTML meta)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = fold_lookalikes(text)  # before anything reads a word: «Cултаном» with a Latin C is «Султаном»
    published, source, evidence = None, None, None
    if published_hint:
        published = parse_date(published_hint[:10]) or parse_date(published_hint)
        source, evidence = ("metadata", published_hint) if published else (None, None)

    m = BSNLP_HEADER.match(text)
    if m:
        stated = parse_date(m.group(1)[:10]) if m.group(1).strip() else None
        if published is None and stated is not None:
            published, source, evidence = stated, "bsnlp_header", m.group(1)
        url = url or m.group(2)
        text = text[m.end() :]

    lines = text.split("\n")
    removed: list[tuple[str, str]] = []
    stamp = pubdate.leading_stamp(lines[0]) if lines else None
    if stamp:
        value, end = stamp
        if published is None:
            published, source, evidence = value, "stamp", lines[0][:end].strip()
        removed.append(("leading_stamp", lines[0][:end]))
        lines[0] = lines[0][end:]

    header_end = _header_end(lines)
    if published is None:
        for line in lines[:header_end]:
            value = pubdate.date_in_header_line(line)
            if value is not None:
                published, source, evidence = value, "header", line.strip()
                break

    footer = {}  # the site's "Опубликовано …" line, wherever it stands
    for i, line in enumerate(lines):
        value = pubdate.publication_line(line)
        if value is not None:
            footer[i] = value
    if published is None and footer:
        i = min(footer)
        published, source, evidence = footer[i], "publication_line", lines[i].strip()

    kept: list[str] = []
    seen: set[str] = set()
    title = _clean_title(title_hint)
    for i, line in enumerate(lines):
        s = line.strip()
        in_header = i < header_end
        verdict = classify(s, in_header)
        rule = verdict.rule or ("publication_line" if i in footer else None)
        if rule is None and (in_header and pubdate.is_date_line(s) or pubdate.bare_date_line(s)):
            rule = "date_line"  # a lone date below the text ("14.11.2024") is the page's, not the article's
        if rule is None and s and len(s) >= 20 and s in seen:
            rule = "repeated_line"  # headlines and leads printed twice by the page template
        if rule is None and in_header and title is None and _looks_like_title(s):
            title, rule = _clean_title(s), "title"
        elif rule is None and title is not None and _clean_title(s) == title and in_header:
            rule = "title"
        if rule:
            if s and rule != "title":
                removed.append((rule, s))
            continue
        if s:
            seen.add(s)
        kept.append(line.rstrip())

    # the headline opens the body: it is text of the article, and events may be stated only there
    # ("Подписан план действий Армении, Греции и Кипра …")
    body = _join(([title, ""] if title else []) + kept)
    dateline, dateline_start = _find_dateline(body)
    dateline_end = dateline_start + dateline.end if dateline else 0
    if dateline and dateline.date is not None and published is None:
        published, source, evidence = dateline.date, "dateline", body[dateline_start:dateline_end].strip()
    if published is not None:
        published = pubdate.infer_publication_year(published, body)
    agency = (dateline.agency if dateline else None) or pubdate.cited_agency(body)
    return Article(
        article_id=article_id(body),
        body=body,
        title=title,
        published=published,
        published_source=source,
        published_evidence=evidence,
        agency=agency,
        dateline_place=dateline.place if dateline else None,
        dateline_end=dateline_end,
        url=url,
        removed=removed,
    )


def _find_dateline(body: str) -> tuple[pubdate.Dateline | None, int]:
    """The dateline opening one of the first paragraphs, and the offset of its line."""
    offset, seen = 0, 0
    for line in body.split("\n"):
        if line.strip():
            dateline = pubdate.parse_dateline(line)
            if dateline:
                return dateline, offset
            seen += 1
            if seen >= 4:
                break
        offset += len(line) + 1
    return None, 0


def _header_end(lines: list[str]) -> int:
    """Index of the first prose line, within the first HEADER_MAX_LINES non-empty lines."""
    non_empty = 0
    for i, line in enumerate(lines):
        if is_prose(line):
            return i
        if line.strip():
            non_empty += 1
            if non_empty >= HEADER_MAX_LINES:
                return i
    return len(lines)


def _looks_like_title(s: str) -> bool:
    words = s.split()
    return (
        (4 <= len(words) <= 30 or (len(words) >= 2 and has_verb(s)))
        and len(s) <= 250
        and not re.search(r"[.:;,]$", s)
        and bool(re.search(r"[а-яё]", s))
        and pubdate.parse_dateline(s) is None
    )


def _clean_title(s: str | None) -> str | None:
    if not s:
        return None
    s = " ".join(s.split())
    return (MEDIA_MARK.sub("", s) if s.endswith(")") else s) or None  # the mark ends the line


def _join(lines: list[str]) -> str:
    """Lines back into text with at most one blank line between paragraphs."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def parse_inputs(src: Mapping) -> str:
    """A digest of what ``parse_article`` reads of a source_files row: its text and the file's hints."""
    read = [src["raw_text"], src.get("title_hint"), src.get("url"), src.get("published_hint")]
    return hashlib.sha256(json.dumps(read, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()[:24]


def article_rows(sources: list[dict], known: Mapping[str, tuple[str, dict | None]] | None = None) -> list[dict]:
    """Rows of the articles table from source_files rows (accepted and duplicate).

    Files whose texts differ but clean to the same body (one page saved with and without its
    menus) become one article too; every path that led to it is kept in ``source_paths``.
    ``known``: path → (article id, its row when this file made it) of files parsed before from the
    same inputs by the same code: taken as they were, not parsed again (the same rows, in the same order).
    """
    by_id: dict[str, dict] = {}
    article_of_path: dict[str, str] = {}
    for src in sources:
        if src["status"] != "accepted":
            continue
        found_id, found_row = (known or {}).get(src["source_path"], (None, None))
        if found_id is not None and (found_id in by_id or found_row is not None):
            article_of_path[src["source_path"]] = found_id
            if found_id in by_id:
                by_id[found_id]["source_paths"].append(src["source_path"])
            else:
                by_id[found_id] = {**found_row, "source_path": src["source_path"], "source_paths": [src["source_path"]]}
            continue
        art = parse_article(src["raw_text"], src.get("title_hint"), src.get("url"), src.get("published_hint"))
        article_of_path[src["source_path"]] = art.article_id
        if art.article_id in by_id:
            by_id[art.article_id]["source_paths"].append(src["source_path"])
            continue
        published = art.published
        by_id[art.article_id] = {
            "article_id": art.article_id,
            "source_path": src["source_path"],
            "title": art.title,
            "published_date": published.to_date() if published else None,
            "published_precision": published.precision if published else None,
            "body": art.body,
            "source_paths": [src["source_path"]],
            "published": published.iso() if published else None,
            "published_inferred": bool(published and published.inferred),
            "published_source": art.published_source,
            "published_evidence": art.published_evidence,
            "agency": art.agency,
            "dateline_place": art.dateline_place,
            "dateline_end": art.dateline_end,
            "url": art.url,
            "boilerplate_removed": len(art.removed),
        }
    for src in sources:
        if src["status"] == "duplicate" and src.get("duplicate_of") in article_of_path:
            by_id[article_of_path[src["duplicate_of"]]]["source_paths"].append(src["source_path"])
    return list(by_id.values())
