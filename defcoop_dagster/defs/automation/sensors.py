"""The sensor on the input folder: a run starts when articles arrive, change or leave."""

import datetime as dt
import hashlib
import json
from pathlib import Path

import dagster as dg
import duckdb

from ...core.ingest.entries import signature, walk
from ..resources import InputFolder, Warehouse
from .settings import on_by_default, sensor_interval


def folder_listing(input_folder: InputFolder) -> dict[str, str]:
    """Every entry below the input folder with its size and modification time: what a change changes.
    Entries are never opened (a FIFO would block the tick), links not followed."""
    root = input_folder.root()
    try:
        paths = list(walk(root))
    except OSError as e:
        raise input_folder.cannot_read(e) from e
    # an entry gone between listing and lstat is left out: the next tick sees it gone
    return {p.relative_to(root).as_posix(): sig for p in paths if (sig := signature(p)) is not None}


def seen_by_warehouse(warehouse: Warehouse, listing: dict[str, str], root: Path) -> dict[str, str]:
    """A first cursor from what the published warehouse already holds (``source_files``: path, size,
    modification time), so the first tick after `defcoop materialize` does not run everything again.

    A file on disk with the same size and time as its row counts as seen (with the listing's own
    value); a row whose file is gone stays in, so its removal still starts a run; anything else is new.
    """
    path = Path(warehouse.database).expanduser()
    if warehouse.database == ":memory:" or not path.is_file():
        return {}
    try:
        con = duckdb.connect(str(path), read_only=True)  # the published copy: a reader never blocks a run
        try:
            rows = con.execute("SELECT source_path, size_bytes, modified_at FROM source_files").fetchall()
        finally:
            con.close()
    except duckdb.Error:
        return {}  # no warehouse yet, or one without source_files: every file is new
    seeded = {}
    for source_path, size, modified in rows:
        on_disk = listing.get(source_path)
        if on_disk is None:
            seeded[source_path] = f"{size}:{modified}"  # gone since: the first tick sees it removed
            continue
        try:
            st = (root / source_path).lstat()  # never follow a link out of the folder
        except OSError:
            continue  # gone since the listing: the tick sees it removed
        # source_files keeps the time as sources.py read it (fromtimestamp of st_mtime, microseconds)
        if st.st_size == size and modified is not None and dt.datetime.fromtimestamp(st.st_mtime) == modified:
            seeded[source_path] = on_disk
    return seeded


@dg.sensor(
    target=dg.AssetSelection.all(),
    minimum_interval_seconds=sensor_interval(),
    default_status=on_by_default("DEFCOOP_SENSOR"),
    description="Starts a run of the whole graph when files appear in, change in or leave the input folder.",
)
def input_folder_sensor(context: dg.SensorEvaluationContext, input_folder: InputFolder, warehouse: Warehouse):
    try:
        listing = folder_listing(input_folder)
    except dg.Failure as e:
        # the cursor is kept: when the folder is back, only what really changed starts a run
        return dg.SkipReason(e.description)
    seen = json.loads(context.cursor) if context.cursor else seen_by_warehouse(warehouse, listing, input_folder.root())
    added = sorted(p for p in listing if p not in seen)
    changed = sorted(p for p in listing if p in seen and seen[p] != listing[p])
    removed = sorted(p for p in seen if p not in listing)
    if not (added or changed or removed):
        if not context.cursor:  # seeded from the warehouse: remember it, the next ticks compare with it
            context.update_cursor(json.dumps(listing, sort_keys=True))
        return dg.SkipReason(f"no change among {len(listing)} files")
    # the cursor is the folder as this tick saw it: a file that lands during the run differs from
    # it at the next tick and starts another run, so nothing is missed
    context.update_cursor(json.dumps(listing, sort_keys=True))
    digest = hashlib.sha256(json.dumps(listing, sort_keys=True).encode()).hexdigest()[:16]
    return dg.RunRequest(
        run_key=f"folder-{digest}",
        tags={
            "defcoop/added": str(len(added)),
            "defcoop/changed": str(len(changed)),
            "defcoop/removed": str(len(removed)),
        },
    )
