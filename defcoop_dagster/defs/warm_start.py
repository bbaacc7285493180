"""What the heavy steps need, started as the run starts, so it loads on the other core while the
first steps read the files: the extraction's fork server (natasha's models, the gazetteer) and a
dbt process that has imported dbt.

Dagster initialises a run's resources before its first step (in one process, the default
executor), and only those its selected steps use: a run without the models' step starts no dbt.
Both helpers stay for the process's later runs and end with it. A step whose helper is missing
does the work itself, as before.
"""

import dagster as dg

from ..analytics import dbt_server


class ExtractionWorkers(dg.ConfigurableResource):
    """The extraction's fork server, its models loading from the run's start."""

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        from ..core.extraction import start_workers  # light: the rules and natasha load in the workers

        start_workers()


class WarmDbt(dg.ConfigurableResource):
    """A dbt process waiting for the models' step, dbt imported (``analytics/dbt_server.py``)."""

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        dbt_server.start()
