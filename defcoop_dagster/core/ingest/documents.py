"""One input file to one document (text plus what its format tells), or a reason to reject it."""

import json
import unicodedata
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from .decoding import DecodeError, check_prose, decode

MAX_BYTES = 5 * 1024 * 1024
# Characters of one article's text. The analysis reads long texts in bounded pieces, but several
# extraction rules compare each sentence with the rest of its article, so their time grows with the
# square of its length: 200,000 characters (six times the longest article of the corpus) take about
# 15 s and 0.5 GB, a million take minutes. Longer texts are books or dumps, not news articles.
MAX_CHARS = 200_000
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
# Formats we know to be binary: a clear reason beats "control characters in the decoded text".
BINARY_SUFFIXES = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".gz", ".png", ".jpg", ".jpeg", ".gif"}


class Rejected(ValueError):
    """The file cannot become an article; ``str(e)`` is the reason stored in source_files."""


@dataclass(frozen=True)
class Document:
    format: str  # 'text' | 'html' | 'json'
    encoding: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as the source states it (JSON field, HTML metadata)
    note: str | None = None  # what reading had to drop (a character cut short at the end)


def file_format(path: str) -> str:
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in BINARY_SUFFIXES:
        return suffix.lstrip(".")
    return "text"


def read_document(path: str, data: bytes, max_bytes: int = MAX_BYTES, max_chars: int = MAX_CHARS) -> Document:
    """Turn the bytes of the file at ``path`` (used for its suffix only) into a Document."""
    if len(data) > max_bytes:
        raise Rejected(f"too large: {len(data):,} bytes, the limit is {max_bytes:,}")
    fmt = file_format(path)
    if fmt not in ("text", "html", "json"):
        raise Rejected(f"unsupported format: .{fmt} files are binary documents")
    try:
        decoded = decode(data)
    except DecodeError as e:
        raise Rejected(str(e)) from e
    if fmt == "html":
        doc = _from_html(decoded.text, decoded.encoding)
    elif fmt == "json":
        doc = _from_json(decoded.text, decoded.encoding)
    else:
        doc = Document(format="text", encoding=decoded.encoding, text=decoded.text)
    if len(doc.text) > max_chars:
        raise Rejected(
            f"too long for one article: {len(doc.text):,} characters, the limit is {max_chars:,}; split it into "
            "articles"
        )
    try:
        check_prose(doc.text)
    except DecodeError as e:
        raise Rejected(str(e)) from e
    return replace(doc, note=decoded.note)


def _from_html(html: str, encoding: str) -> Document:
    import trafilatura  # heavy import, only when an HTML file arrives

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # only dates the page states; htmldate's extensive search guesses from any number
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise Rejected("HTML page with no article text")
    title = doc.title.strip() if doc.title else None
    # trafilatura repeats the headline as the first line of the text; the article keeps it once.
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        text = rest.strip()
    return Document(
        format="html",
        encoding=encoding,
        text=_nfc(text),
        title=_nfc(title),
        url=doc.url,
        published=doc.date,
    )


def _from_json(raw: str, encoding: str) -> Document:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        raise Rejected(f"invalid JSON: {e.msg} at line {e.lineno}") from e
    except RecursionError as e:  # [[[[…]]]] thousands deep: the parser's stack, not the run, gives way
        raise Rejected("invalid JSON: nested too deeply") from e
    if not isinstance(obj, dict):
        raise Rejected(f"JSON must be one object with a 'text' field, found {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise Rejected("JSON object has no non-empty 'text' field")

    def field(name):
        value = obj.get(name)
        return _nfc(str(value).strip()) if value not in (None, "") else None

    return Document(
        format="json",
        encoding=encoding,
        text=_nfc(text.replace("\r\n", "\n")),
        title=field("title"),
        url=field("url"),
        published=field("published"),
    )


def _nfc(s: str | None) -> str | None:
    return unicodedata.normalize("NFC", s) if s is not None else None
