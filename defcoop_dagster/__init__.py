"""defcoop: Russian defence-cooperation news → a validated DuckDB warehouse, orchestrated by Dagster.

``dagster ... -m defcoop_dagster`` finds ``defs`` here. The extraction core (``core/``) and the
schemas never import Dagster.
"""

from .definitions import defs

__all__ = ["defs"]
