"""The daily refresh of the whole graph."""

import dagster as dg

from .settings import on_by_default, schedule


def _daily_refresh() -> dg.ScheduleDefinition:
    cron, timezone = schedule()  # checked with the other settings: every wrong one named at once
    return dg.ScheduleDefinition(
        name="daily_refresh",
        target=dg.AssetSelection.all(),
        cron_schedule=cron,
        execution_timezone=timezone,
        default_status=dg.DefaultScheduleStatus.RUNNING
        if on_by_default("DEFCOOP_SCHEDULE") == dg.DefaultSensorStatus.RUNNING
        else dg.DefaultScheduleStatus.STOPPED,
        description="Refreshes the whole graph, SQL models included, once a day (DEFCOOP_SCHEDULE_CRON, "
        "DEFCOOP_SCHEDULE_TIMEZONE).",
    )


daily_refresh = _daily_refresh()
