"""The sensor that frees the warehouse from runs whose process died, under the daemon."""

import dagster as dg

from ...runs import release_dead_runs
from .settings import sensor_interval


# a run queued behind a dead one waits at most this long (plus the daemon's tick): DEFCOOP_SENSOR_INTERVAL
@dg.sensor(
    minimum_interval_seconds=sensor_interval(),
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Marks runs whose process no longer exists (killed, out of memory, a restart of the machine or "
    "of `dagster dev`) as failed and frees the warehouse slot they held, so queued runs, retries, the folder "
    "sensor's and the schedule's runs go on. Starts no run itself.",
)
def dead_run_sensor(context: dg.SensorEvaluationContext):
    lines: list[str] = []
    release_dead_runs(context.instance, log=lines.append)
    for line in lines:
        context.log.warning(line)
    return dg.SkipReason("; ".join(lines) or "no dead run holds the warehouse")
