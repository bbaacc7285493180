"""dagster-dbt, imported as it is beside dbt Fusion: without dbt-core's Python classes.

Where dbt-core is importable, dagster-dbt imports its adapters, results and artifact classes when it
is itself imported (~1.3 s on two cores: hundreds of mashumaro dataclasses), for three uses: the
version check, dbt's node-selection engine, and an adapter opened in the step's process for row
counts. The pipeline needs none of them in a Dagster process: dbt runs as a command (its own
process, or the warm server of ``dbt_server.py``), the assets select every node of the manifest
(read as JSON, as dagster-dbt does without dbt-core), and ``DbtCli`` opens no adapter and takes the
version from the installed package. So every process that loads the code location (a run, the
webserver's and the daemon's code servers, `dg check defs`) starts that much sooner. The
definitions are the same either way (``tests/test_dbt_light.py`` compares them).

dbt-core stays importable afterwards: only dagster-dbt's view of it, taken once at its import, is
the no-dbt-core one. A process that imported dbt-core before gets dagster-dbt's usual path.
"""

import sys

VERSION_MODULE = "dbt.version"  # what dagster_dbt.compat imports to find dbt-core


def _import_without_dbt_core() -> None:
    if "dagster_dbt" in sys.modules:
        return
    hidden = VERSION_MODULE not in sys.modules
    if hidden:
        sys.modules[VERSION_MODULE] = None  # import of it raises ImportError: "dbt-core is not installed"
    try:
        import dagster_dbt  # noqa: F401
    finally:
        if hidden and sys.modules.get(VERSION_MODULE, 0) is None:
            del sys.modules[VERSION_MODULE]


_import_without_dbt_core()

from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets  # noqa: E402

__all__ = ["DagsterDbtTranslator", "DbtCliResource", "DbtProject", "dbt_assets"]
