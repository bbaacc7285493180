"""The partitioned deployment of defcoop: ``dagster ... -m defcoop_dagster.partitioned`` (deploy/workspace.yaml).

Per-batch work (files read, entities and events extracted) is a partitioned asset over dynamic
partitions of input files, written as Parquet parts; an unpartitioned asset assembles the parts into
the warehouse, and the default location's downstream assets follow. The default location
(``defcoop_dagster``) stays unpartitioned.
"""

from .definitions import defs as code_location

__all__ = ["code_location"]
