"""The sensor on the input folder and the daily refresh: runs start when articles arrive or change."""

import hashlib
import json
import os

import dagster as dg

from defcoop_dagster.core.ingest.sources import walk

from .resources import InputFolder

ALL = dg.AssetSelection.all()


def _status(var: str) -> dg.DefaultSensorStatus:
    """On by default; DEFCOOP_SENSOR=off / DEFCOOP_SCHEDULE=off starts it stopped (the UI can still turn it on)."""
    off = os.environ.get(var, "on").lower() in ("off", "0", "false", "no")
    return dg.DefaultSensorStatus.STOPPED if off else dg.DefaultSensorStatus.RUNNING


class SettingError(ValueError):
    """An environment setting the code location cannot load with; shown in the UI in one line."""


def _interval() -> int:
    raw = os.environ.get("DEFCOOP_SENSOR_INTERVAL", "30")
    if not raw.strip().isdigit() or int(raw) < 1:
        raise SettingError(f"DEFCOOP_SENSOR_INTERVAL={raw!r} is not a number of seconds; set it to e.g. 30.")
    return int(raw)


def folder_listing(input_folder: InputFolder) -> dict[str, str]:
    """Every file below the input folder with its size and modification time: what a change changes."""
    root = input_folder.root()
    out = {}
    try:
        paths = list(walk(root))
    except OSError as e:
        raise input_folder.cannot_read(e) from e
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue  # gone between listing and stat: the next tick sees it gone
        out[path.relative_to(root).as_posix()] = f"{st.st_size}:{st.st_mtime_ns}"
    return out


@dg.sensor(
    target=ALL,
    minimum_interval_seconds=_interval(),
    default_status=_status("DEFCOOP_SENSOR"),
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


def _daily_refresh() -> dg.ScheduleDefinition:
    cron = os.environ.get("DEFCOOP_SCHEDULE_CRON", "0 5 * * *")
    timezone = os.environ.get("DEFCOOP_SCHEDULE_TIMEZONE", "UTC")
    try:
        return dg.ScheduleDefinition(
            name="daily_refresh",
            target=ALL,
            cron_schedule=cron,
            execution_timezone=timezone,
            default_status=dg.DefaultScheduleStatus.RUNNING
            if _status("DEFCOOP_SCHEDULE") == dg.DefaultSensorStatus.RUNNING
            else dg.DefaultScheduleStatus.STOPPED,
            description="Refreshes the whole graph, SQL models included, once a day (DEFCOOP_SCHEDULE_CRON, "
            "DEFCOOP_SCHEDULE_TIMEZONE).",
        )
    except dg.DagsterInvalidDefinitionError as e:
        # Dagster's message names neither setting: say which one to fix
        if "cron" in str(e):
            raise SettingError(
                f"DEFCOOP_SCHEDULE_CRON={cron!r} is not a cron schedule; use five fields, e.g. '0 5 * * *'."
            ) from e
        raise SettingError(
            f"DEFCOOP_SCHEDULE_TIMEZONE={timezone!r} is not a timezone; use an IANA name, e.g. 'Europe/Moscow'."
        ) from e


daily_refresh = _daily_refresh()

__all__ = ["daily_refresh", "input_folder_sensor"]
