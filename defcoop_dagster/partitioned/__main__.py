"""``python -m defcoop_dagster.partitioned batches``: what the sensor does, once, from a shell.

Writes the manifests of the batches of new or changed files of DEFCOOP_INPUT_DIR (at most
``--max-files`` each) under the parts folder, adds their partitions to the Dagster instance of
DAGSTER_HOME, and prints their keys, one a line (for ``dagster asset materialize --partition``).
"""

import argparse
import os

import dagster as dg

from ..defs.resources import InputFolder
from ..settings import INPUT_DIR_VAR, setting
from .extract import file_batches
from .resources import BATCH_FILES_VAR, PartsFolder, default_parts_dir
from .sensors import new_batches


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m defcoop_dagster.partitioned")
    parser.add_argument("command", choices=["batches"])
    parser.add_argument("--max-files", type=int, help="files at most in a batch (default: DEFCOOP_BATCH_FILES, 500)")
    args = parser.parse_args(argv)
    input_folder = InputFolder(path=setting(INPUT_DIR_VAR))
    parts = PartsFolder(
        path=default_parts_dir(), max_files=args.max_files or int(os.environ.get(BATCH_FILES_VAR, "500"))
    )
    batches, _ = new_batches(input_folder, parts)
    with dg.DagsterInstance.get() as instance:
        instance.add_dynamic_partitions(file_batches.name, list(batches))
    for key in batches:
        print(key)


if __name__ == "__main__":
    main()
