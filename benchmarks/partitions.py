"""The partitioned deployment's figures on this machine (issue 16), in one run.

usage (from the project root, in its environment; wrap it in `flock /tmp/defcoop-pipeline.lock` on a shared machine):
    python benchmarks/partitions.py [--corpus ../shared/corpus/bsnlp] [--partitions 4]

Starts a PostgreSQL server for the Dagster instance (deploy/dagster.yaml), splits the corpus into
``--partitions`` batches, and times, each from empty parts:

* the batches materialised by 1 worker (one run after the other);
* the same batches by 2 concurrent workers (2 runs at once), and the ratio of the two;
* one batch materialised again (a re-run of one partition, as a backfill of one partition does);
* the assembly and everything downstream (the published warehouse).
"""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.partitioned_run import (  # noqa: E402
    assemble_and_publish,
    deployment_env,
    make_batches,
    postgres_server,
    run_partitions,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bsnlp")
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()
    # other work on the machine takes cores from the 2 workers: say how busy it was
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    files = sum(1 for p in args.corpus.rglob("*") if p.is_file())
    work = Path(tempfile.mkdtemp(prefix="defcoop-partitions-"))
    log = work / "dagster.log"
    try:
        with postgres_server() as pg:
            times = {}
            for workers in (1, 2):
                db = work / f"workers{workers}" / "warehouse.duckdb"
                env = deployment_env(pg, work / f"home{workers}", args.corpus, db)
                keys = make_batches(env, max_files=-(-files // args.partitions))
                times[workers] = run_partitions(env, keys, workers=workers, log=log)
                print(
                    f"{len(keys)} partitions ({files} files), {workers} worker(s): {times[workers]:.1f} s", flush=True
                )
            print(f"ratio 1 worker / 2 concurrent workers: {times[1] / times[2]:.2f} ({os.cpu_count()} cores)")
            rerun = run_partitions(env, keys[:1], workers=1, log=log)
            print(f"re-run of one partition ({keys[0]}): {rerun:.1f} s")
            print(f"assembly and publishing: {assemble_and_publish(env, log):.1f} s")
            print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
