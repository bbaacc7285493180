"""The sensor on the input folder and the daily refresh: runs start when articles arrive or change."""

import hashlib
import json
import os

import dagster as dg

from ..core.sources import walk
from .resources import InputFolder

ALL = dg.AssetSelection.all()


def _status(var: str) -> dg.DefaultSensorStatus:
    """On by default; DEFCOOP_SENSOR=off / DEFCOOP_SCHEDULE=off starts it stopped (the UI can still turn it on)."""
    off = os.environ.get(var, "on").lower() in ("off", "0", "false", "no")
    return dg.DefaultSensorStatus.STOPPED if off else dg.DefaultSensorStatus.RUNNING


def folder_listing(input_folder: InputFolder) -> dict[str, str]:
    """Every file below the input folder with its size and modification time: what a change changes."""
    root = input_folder.root()
    out = {}
    for path in walk(root):
        try:
            st = path.stat()
        except OSError:
            continue  # gone between listing and stat: the next tick sees it gone
        out[path.relative_to(root).as_posix()] = f"{st.st_size}:{st.st_mtime_ns}"
    return out


@dg.sensor(
    target=ALL,
    minimum_interval_seconds=int(os.environ.get("DEFCOOP_SENSOR_INTERVAL", "30")),
    default_status=_status("DEFCOOP_SENSOR"),
    description="Starts a run of the whole graph when files appear in, change in or leave the input folder.",
)
def input_folder_sensor(context: dg.SensorEvaluationContext, input_folder: InputFolder):
    listing = folder_listing(input_folder)
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


daily_refresh = dg.ScheduleDefinition(
    name="daily_refresh",
    target=ALL,
    cron_schedule=os.environ.get("DEFCOOP_SCHEDULE_CRON", "0 5 * * *"),
    execution_timezone=os.environ.get("DEFCOOP_SCHEDULE_TIMEZONE", "UTC"),
    default_status=dg.DefaultScheduleStatus.RUNNING
    if _status("DEFCOOP_SCHEDULE") == dg.DefaultSensorStatus.RUNNING
    else dg.DefaultScheduleStatus.STOPPED,
    description="Refreshes the whole graph, SQL models included, once a day (DEFCOOP_SCHEDULE_CRON, "
    "DEFCOOP_SCHEDULE_TIMEZONE).",
)

__all__ = ["daily_refresh", "input_folder_sensor"]
