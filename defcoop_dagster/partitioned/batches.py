"""Batches of input files, the partitions of the partitioned deployment (no Dagster here).

A batch is the files that arrived on one day, at most ``max_files`` of them. Its manifest (each
file's path and signature, its size and modification time) is written under the parts folder before
its partition is added, so any worker with the parts folder knows what the partition reads. Keys
sort in the order batches were made: ``<arrival day>-<sequence>``.
"""

import datetime as dt
import json
import os
from pathlib import Path

MANIFESTS = "_batches"  # sub-folder of the parts folder


def manifest_path(parts_dir: Path, key: str) -> Path:
    return Path(parts_dir) / MANIFESTS / f"{key}.json"


def read_manifest(parts_dir: Path, key: str) -> dict[str, str]:
    """path → signature of the files of batch ``key``."""
    return json.loads(manifest_path(parts_dir, key).read_text())["files"]


def manifests(parts_dir: Path) -> dict[str, dict[str, str]]:
    """Every batch made so far: key → its files."""
    folder = Path(parts_dir) / MANIFESTS
    return {p.stem: json.loads(p.read_text())["files"] for p in sorted(folder.glob("*.json"))}


def batched(parts_dir: Path) -> dict[str, str]:
    """What the batches hold: each path with its signature in the latest batch that has it."""
    seen: dict[str, str] = {}
    for files in manifests(parts_dir).values():  # in key order: a later batch has the newer version
        seen.update(files)
    return seen


def plan(
    listing: dict[str, str], parts_dir: Path, max_files: int, today: dt.date | None = None
) -> tuple[dict[str, dict[str, str]], list[str]]:
    """New batches for the files of ``listing`` (path → signature) that no batch holds as they are now,
    ``max_files`` at most in each; and the batched files gone from the folder."""
    seen = batched(parts_dir)
    fresh = sorted(p for p, sig in listing.items() if seen.get(p) != sig)
    removed = sorted(p for p in seen if p not in listing)
    day = (today or dt.datetime.now(dt.UTC).date()).strftime("%Y%m%d")
    start = len(manifests(parts_dir))
    batches = {
        f"{day}-{start + n:06d}": {p: listing[p] for p in fresh[i : i + max_files]}
        for n, i in enumerate(range(0, len(fresh), max_files))
    }
    return batches, removed


def write_manifests(parts_dir: Path, batches: dict[str, dict[str, str]]) -> None:
    """Each batch's manifest, written whole (a temporary name renamed) before its partition exists."""
    for key, files in batches.items():
        path = manifest_path(parts_dir, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"files": files, "made_at": dt.datetime.now(dt.UTC).isoformat()}, indent=0))
        os.replace(tmp, path)
