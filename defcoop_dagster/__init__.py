"""defcoop: Russian defence-cooperation news → a validated DuckDB warehouse, orchestrated by Dagster.

``dagster ... -m defcoop_dagster`` finds ``defs`` here. The extraction core (``core/``) and the
schemas never import Dagster.
"""

import os

# natasha's models multiply small matrices: one BLAS thread per process is fastest, and Dagster's
# multiprocess executor runs several processes on the machine's cores (benchmarks/entity_throughput.py).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .definitions import defs  # noqa: E402

__all__ = ["defs"]
