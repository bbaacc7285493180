"""The sensor on the input folder: a run starts when articles arrive, change or leave."""

import hashlib
import json
import os

import dagster as dg

from ...core.ingest.entries import signature, walk
from ..resources import InputFolder
from .settings import SettingError, on_by_default


def _interval() -> int:
    raw = os.environ.get("DEFCOOP_SENSOR_INTERVAL", "30")
    if not raw.strip().isdigit() or int(raw) < 1:
        raise SettingError(f"DEFCOOP_SENSOR_INTERVAL={raw!r} is not a number of seconds; set it to e.g. 30.")
    return int(raw)


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


@dg.sensor(
    target=dg.AssetSelection.all(),
    minimum_interval_seconds=_interval(),
    default_status=on_by_default("DEFCOOP_SENSOR"),
    description="Starts a run of the whole graph when files appear in, change in or leave the input folder.",
)
def input_folder_sensor(context: dg.SensorEvaluationContext, input_folder: InputFolder):
    try:
        listing = folder_listing(input_folder)
    except dg.Failure as e:
        # the cursor is kept: when the folder is back, only what really changed starts a run
        return dg.SkipReason(e.description)
    seen = json.loads(context.cursor) if context.cursor else {}
    added = sorted(p for p in listing if p not in seen)
    changed = sorted(p for p in listing if p in seen and seen[p] != listing[p])
    removed = sorted(p for p in seen if p not in listing)
    if not (added or changed or removed):
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
