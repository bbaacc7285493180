"""The partitioned deployment's sensor: a partition for each batch of files that arrives, and its run."""

import hashlib
import json

import dagster as dg

from ..defs.automation.sensors import folder_listing
from ..defs.automation.settings import on_by_default
from ..defs.resources import InputFolder
from .batches import plan, write_manifests
from .extract import article_parts, file_batches
from .resources import PartsFolder

extract_batches = dg.define_asset_job("extract_batches", selection=[article_parts])
# everything unpartitioned: the assembly, the canonical events, the models, the pictures, publishing
assemble_and_publish = dg.define_asset_job(
    "assemble_and_publish", selection=dg.AssetSelection.all() - dg.AssetSelection.assets(article_parts)
)


def new_batches(input_folder: InputFolder, parts: PartsFolder) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Batches for the files no batch holds as they are now (their manifests written), and the files gone."""
    batches, removed = plan(folder_listing(input_folder), parts.root(), parts.max_files)
    write_manifests(parts.root(), batches)
    return batches, removed


@dg.sensor(
    jobs=[extract_batches, assemble_and_publish],
    minimum_interval_seconds=30,
    default_status=on_by_default("DEFCOOP_SENSOR"),
    description="Adds a partition of file_batches for each batch of new or changed files (at most max_files of the "
    "parts resource, by arrival day) and requests its run; when files are removed, requests the assembly. The "
    "assembly and everything downstream follow the batches by their automation condition (eager).",
)
def file_batch_sensor(context: dg.SensorEvaluationContext, input_folder: InputFolder, parts: PartsFolder):
    try:
        batches, removed = new_batches(input_folder, parts)
    except dg.Failure as e:
        return dg.SkipReason(e.description)
    requests = [dg.RunRequest(partition_key=key, job_name=extract_batches.name) for key in batches]
    # a removal changes no batch: the assembly drops the removed files' rows, once per set of removed files
    gone = hashlib.sha256(json.dumps(removed).encode()).hexdigest()[:16]
    if removed and context.cursor != gone:
        requests.append(dg.RunRequest(run_key=f"removed-{gone}", job_name=assemble_and_publish.name))
    context.update_cursor(gone)
    if not requests:
        return dg.SkipReason("no new, changed or removed file")
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[file_batches.build_add_request(list(batches))] if batches else [],
    )
