"""Scan an input folder: one row per file, accepted, duplicate or rejected with its reason."""

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from .documents import MAX_BYTES, Rejected, file_format, read_document

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
# Folders no one drops articles into; their files would only be noise.
SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", ".ipynb_checkpoints"}


def walk(root: Path) -> Iterator[Path]:
    """Every file below ``root``, in a stable order (sorted paths), following the folder tree.

    A folder that cannot be listed raises OSError: skipping it, as os.walk does by default, would
    make its files look removed and drop their rows from the warehouse.
    """
    for dirpath, dirnames, filenames in os.walk(root, onerror=_raise):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for name in sorted(filenames):
            yield Path(dirpath) / name


def scan(root: Path, max_bytes: int = MAX_BYTES) -> list[dict]:
    """Rows for source_files (dicts of the columns known for each file). The first file with a given
    text is accepted, later ones are duplicates."""
    rows: list[dict] = []
    first_with_text: dict[str, str] = {}
    for path in walk(root):
        rel = path.relative_to(root).as_posix()
        # rejected until read; what is not known of a file stays NULL (the table's declaration lists its columns)
        row = {
            "source_path": rel,
            "size_bytes": 0,
            "sha256": EMPTY_SHA256,
            "format": file_format(rel),
            "status": "rejected",
        }
        rows.append(row)
        try:
            stat = path.stat()
            row["size_bytes"] = stat.st_size
            row["modified_at"] = dt.datetime.fromtimestamp(stat.st_mtime)
            if stat.st_size > max_bytes:
                # read no further than needed: a huge file is rejected on its size alone
                row["sha256"] = _sha256_file(path)
                raise Rejected(f"too large: {stat.st_size:,} bytes, the limit is {max_bytes:,}")
            data = path.read_bytes()
            row["sha256"] = hashlib.sha256(data).hexdigest()
            doc = read_document(rel, data, max_bytes)
        except Rejected as e:
            row["reason"] = str(e)
            continue
        except OSError as e:
            row["reason"] = f"cannot read: {e.strerror or e}"
            continue
        text_hash = hashlib.sha256(doc.text.strip().encode("utf-8")).hexdigest()
        row.update(
            format=doc.format,
            encoding=doc.encoding,
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


def _raise(error: OSError) -> None:
    raise error


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
