"""The daily refresh of the whole graph."""

import os

import dagster as dg

from .settings import SettingError, on_by_default


def _daily_refresh() -> dg.ScheduleDefinition:
    cron = os.environ.get("DEFCOOP_SCHEDULE_CRON", "0 5 * * *")
    timezone = os.environ.get("DEFCOOP_SCHEDULE_TIMEZONE", "UTC")
    try:
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
