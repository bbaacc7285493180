"""The partitioned code location: per-batch extraction as partitions, the rest of the graph reused.

The default location's ingest and extraction steps are replaced by ``article_parts`` (partitioned)
and ``assembly``; the canonical events, the quarantine, the dbt models, the pictures, publishing and
the dead-run sensor are the default location's own definitions, loaded from their modules. Every
unpartitioned asset follows the batches by an eager automation condition.
"""

import importlib
import warnings

import dagster as dg

from .assembly import assembly
from .extract import article_parts
from .resources import partitioned_resources
from .sensors import assemble_and_publish, extract_batches, file_batch_sensor

REUSED = ["canonical.assets", "quarantine.assets", "models.assets", "pictures.assets", "publish.assets"]


def reused() -> dg.Definitions:
    modules = [importlib.import_module(f"defcoop_dagster.defs.{name}") for name in [*REUSED, "automation.dead_runs"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.PreviewWarning)  # load_definitions_from_modules is stable in use
        return dg.load_definitions_from_modules(modules)


def eager(spec: dg.AssetSpec) -> dg.AssetSpec:
    return spec.replace_attributes(automation_condition=dg.AutomationCondition.eager())


@dg.definitions
def defs() -> dg.Definitions:
    own = dg.Definitions(
        assets=[article_parts, assembly],
        jobs=[extract_batches, assemble_and_publish],
        sensors=[file_batch_sensor],
        resources=partitioned_resources(),
        executor=dg.in_process_executor,  # one step a run here; a cluster sets its executor in the run config
    )
    merged = dg.Definitions.merge(own, reused())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.PreviewWarning)
        return merged.map_resolved_asset_specs(
            func=eager, selection=dg.AssetSelection.all() - dg.AssetSelection.assets(article_parts)
        )
