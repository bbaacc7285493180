"""defcoop: Russian defence-cooperation news → a validated DuckDB warehouse, orchestrated by Dagster.

``dagster ... -m defcoop_dagster`` finds the code location here (``definitions.py`` loads the ``defs/``
folder; the name ``defs`` belongs to that folder's package, so it is exported as ``code_location``).
It is loaded when first asked for, so that ``defcoop``'s own process and the extraction's workers,
which import this package, do not import Dagster (~1.5 s). The extraction core (``core/``) and the
table declarations (``warehouse/``) never import Dagster.
"""

import os

# natasha's models multiply small matrices: one BLAS thread per process is fastest, and the
# extraction spreads articles over worker processes, one per core (benchmarks/entity_throughput.py).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# pymorphy2 0.9 calls inspect.getargspec, gone in Python 3.11; yargy's hot-fix patches it on import,
# before anyone (our code, or a user's) builds an analyser
import yargy.morph  # noqa: E402, F401

__all__ = ["code_location"]


def __getattr__(name: str):
    if name == "code_location":  # Dagster finds it through dir() and getattr()
        from .definitions import defs

        return defs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
