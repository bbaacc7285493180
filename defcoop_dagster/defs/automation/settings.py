"""Settings of the automation read from the environment, checked when the code location loads."""

import os

import dagster as dg


class SettingError(ValueError):
    """An environment setting the code location cannot load with; shown in the UI in one line."""


def on_by_default(var: str) -> dg.DefaultSensorStatus:
    """On by default; DEFCOOP_SENSOR=off / DEFCOOP_SCHEDULE=off starts it stopped (the UI can still turn it on)."""
    off = os.environ.get(var, "on").lower() in ("off", "0", "false", "no")
    return dg.DefaultSensorStatus.STOPPED if off else dg.DefaultSensorStatus.RUNNING


def sensor_interval() -> int:
    """Seconds between the sensors' ticks (DEFCOOP_SENSOR_INTERVAL, 30 by default)."""
    checked()
    return int(os.environ.get("DEFCOOP_SENSOR_INTERVAL", "30"))


def schedule() -> tuple[str, str]:
    """The daily refresh's cron schedule and timezone (DEFCOOP_SCHEDULE_CRON, DEFCOOP_SCHEDULE_TIMEZONE)."""
    checked()
    return os.environ.get("DEFCOOP_SCHEDULE_CRON", "0 5 * * *"), os.environ.get("DEFCOOP_SCHEDULE_TIMEZONE", "UTC")


def checked() -> None:
    """Every setting of the automation read: all those the location cannot load with named in one
    SettingError, so a user fixes them in one go rather than one per attempt."""
    told = problems()
    if told:
        raise SettingError(" ".join(told))


def problems() -> list[str]:
    """What is wrong with each automation setting, in the order of the README's table."""
    from dagster._time import get_timezone
    from dagster._utils.schedules import is_valid_cron_string

    found = []
    cron = os.environ.get("DEFCOOP_SCHEDULE_CRON", "0 5 * * *")
    if not is_valid_cron_string(cron):
        found.append(f"DEFCOOP_SCHEDULE_CRON={cron!r} is not a cron schedule; use five fields, e.g. '0 5 * * *'.")
    timezone = os.environ.get("DEFCOOP_SCHEDULE_TIMEZONE", "UTC")
    try:
        get_timezone(timezone)  # Dagster's own test of a schedule's timezone
    except (KeyError, ValueError):  # zoneinfo's ZoneInfoNotFoundError is a KeyError
        found.append(
            f"DEFCOOP_SCHEDULE_TIMEZONE={timezone!r} is not a timezone; use an IANA name, e.g. 'Europe/Moscow'."
        )
    raw = os.environ.get("DEFCOOP_SENSOR_INTERVAL", "30")
    if not raw.strip().isdigit() or int(raw) < 1:
        found.append(f"DEFCOOP_SENSOR_INTERVAL={raw!r} is not a number of seconds; set it to e.g. 30.")
    return found
