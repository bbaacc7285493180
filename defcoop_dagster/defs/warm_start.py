"""What the heavy steps need, started early, so it loads on the other core while the first steps
read the files: the extraction's fork server (natasha's models, the gazetteer) and a dbt process
that has imported dbt.

Dagster initialises a run's resources before its first step (in one process, the default
executor), and only those its selected steps use: a run without the models' step starts no dbt.
The resources ask for their helpers; ``begin()`` starts them, called by the first step once the
input folder and the warehouse path are found usable (a run that fails on them loads neither
natasha nor dbt), and by the steps that use them (a run without that first step, or a step in a
process of its own). Both helpers stay for the process's later runs and end with it. A step whose
helper is missing does the work itself, as before.
"""

from collections.abc import Callable

import dagster as dg

from ..analytics import dbt_server

_asked: dict[str, Callable[[], object]] = {}  # this process's helpers asked for and not started yet


def begin() -> None:
    """Start the helpers this process's run asked for (none: nothing to do)."""
    while _asked:
        _asked.popitem()[1]()


class ExtractionWorkers(dg.ConfigurableResource):
    """The extraction's fork server, its models loading from ``begin()`` on."""

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        from ..core.extraction import start_workers  # light: the rules and natasha load in the workers

        _asked["extraction"] = start_workers


class WarmDbt(dg.ConfigurableResource):
    """A dbt process waiting for the models' step, dbt imported (``analytics/dbt_server.py``)."""

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        _asked["dbt"] = dbt_server.start
