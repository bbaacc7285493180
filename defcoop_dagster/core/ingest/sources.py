"""Scan an input folder: one row per entry, accepted, duplicate or rejected with its reason."""

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from .documents import MAX_BYTES, MAX_CHARS, Rejected, file_format, read_document
from .entries import SKIP_DIRS, TooLarge, read_entry, relative_name, walk

__all__ = ["SKIP_DIRS", "relative_name", "scan", "walk"]

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def scan(
    root: Path, max_bytes: int = MAX_BYTES, max_chars: int = MAX_CHARS, paths: Iterable[Path] | None = None
) -> list[dict]:
    """Rows for source_files (dicts of the columns known for each entry). The first file with a given
    text is accepted, later ones are duplicates. ``paths``: only these entries of ``root`` (a batch of a
    partitioned run), in the order given; by default every entry, in ``walk`` order."""
    rows: list[dict] = []
    first_with_text: dict[str, str] = {}
    for path in walk(root) if paths is None else paths:
        rel, name_note = relative_name(path, root)
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
        text_hash = hashlib.sha256(doc.text.strip().encode("utf-8")).hexdigest()
        row.update(
            format=doc.format,
            encoding=doc.encoding,
            note="; ".join(n for n in (name_note, doc.note) if n) or None,
            content_sha256=text_hash,
            title_hint=doc.title,
            url=doc.url,
            published_hint=doc.published,
            raw_text=doc.text,
        )
        if text_hash in first_with_text:
            row.update(
                status="duplicate",
                duplicate_of=first_with_text[text_hash],
                reason=f"same text as {first_with_text[text_hash]}",
            )
        else:
            first_with_text[text_hash] = rel
            row["status"] = "accepted"
    return rows


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
