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
    raw = os.environ.get("DEFCOOP_SENSOR_INTERVAL", "30")
    if not raw.strip().isdigit() or int(raw) < 1:
        raise SettingError(f"DEFCOOP_SENSOR_INTERVAL={raw!r} is not a number of seconds; set it to e.g. 30.")
    return int(raw)
