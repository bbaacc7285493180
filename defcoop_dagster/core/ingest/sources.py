"""Scan an input folder: one row per entry, accepted, duplicate or rejected with its reason."""

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from .documents import MAX_BYTES, MAX_CHARS, Rejected, file_format, read_document
from .entries import SKIP_DIRS, TooLarge, read_entry, relative_name, walk

__all__ = ["SKIP_DIRS", "relative_name", "scan", "walk"]

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


# what reading an entry found, kept for an entry read before; where it stands among duplicates is decided again
READ_COLUMNS = [
    "size_bytes", "sha256", "modified_at", "format", "encoding", "note", "content_sha256", "title_hint", "url",
    "published_hint", "raw_text",
]  # fmt: skip


def scan(
    root: Path,
    max_bytes: int = MAX_BYTES,
    max_chars: int = MAX_CHARS,
    paths: Iterable[Path] | None = None,
    known: Mapping[str, dict] | None = None,
) -> list[dict]:
    """Rows for source_files (dicts of the columns known for each entry). The first file with a given
    text is accepted, later ones are duplicates. ``paths``: only these entries of ``root`` (a batch of a
    partitioned run), in the order given; by default every entry, in ``walk`` order. ``known``: path →
    its row of an earlier scan, for entries unchanged since (the caller knows): not read again."""
    rows: list[dict] = []
    first_with_text: dict[str, str] = {}
    known = known or {}
    for path in walk(root) if paths is None else paths:
        rel, name_note = relative_name(path, root)
        if rel in known:
            rows.append(_kept(known[rel], rel, first_with_text))
            continue
        # rejected until read; what is not known of an entry stays NULL (the table's declaration lists its columns)
        row = {
            "source_path": rel,
            "size_bytes": 0,
            "sha256": EMPTY_SHA256,
            "format": file_format(rel),
            "status": "rejected",
            "note": name_note,
        }
        rows.append(row)
        try:
            _stat_into(row, path.lstat())  # the entry itself; a link's target only once it is known to be safe
            data, st = read_entry(path, root, max_bytes)
            _stat_into(row, st)
            row["sha256"] = hashlib.sha256(data).hexdigest()
            doc = read_document(rel, data, max_bytes, max_chars)
        except TooLarge as e:
            # read no further than needed: a huge file is rejected on its size alone
            _stat_into(row, e.stat)
            row["sha256"] = _sha256_file(path)
            row["reason"] = f"too large: {e.stat.st_size:,} bytes, the limit is {max_bytes:,}"
            continue
        except Rejected as e:
            row["reason"] = str(e)
            continue
        except OSError as e:
            row["reason"] = f"cannot read: {e.strerror or e}"
            continue
        except Exception as e:  # a parser (HTML, JSON, charset detection) failing on one file fails that file only
            row["reason"] = f"cannot be read as {row['format']}: {type(e).__name__}: {str(e)[:200]}"
            continue
        row.update(
            format=doc.format,
            encoding=doc.encoding,
            note="; ".join(n for n in (name_note, doc.note) if n) or None,
            content_sha256=hashlib.sha256(doc.text.strip().encode("utf-8")).hexdigest(),
            title_hint=doc.title,
            url=doc.url,
            published_hint=doc.published,
            raw_text=doc.text,
        )
        _place(row, first_with_text)
    return rows


def _place(row: dict, first_with_text: dict[str, str]) -> None:
    """A row with its text read: accepted when it is the first with that text, else a duplicate."""
    text_hash = row["content_sha256"]
    if text_hash in first_with_text:
        original = first_with_text[text_hash]
        row.update(status="duplicate", duplicate_of=original, reason=f"same text as {original}")
    else:
        first_with_text[text_hash] = row["source_path"]
        row.update(status="accepted", duplicate_of=None, reason=None)


def _kept(old: dict, rel: str, first_with_text: dict[str, str]) -> dict:
    """An unchanged entry's row from what an earlier scan read: a rejection stands, a text is placed again
    (the file it duplicated may be gone)."""
    row = {"source_path": rel, **{name: old.get(name) for name in READ_COLUMNS}}
    if old["status"] == "rejected":
        row.update(status="rejected", reason=old["reason"])
    else:
        _place(row, first_with_text)
    return row


def _stat_into(row: dict, st) -> None:
    row["size_bytes"] = st.st_size
    row["modified_at"] = dt.datetime.fromtimestamp(st.st_mtime)


def _sha256_file(path: Path) -> str:
    """The digest of a file too large to hold, read in chunks (a regular file: read_entry said so)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
