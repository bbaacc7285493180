"""Tables documented in the style of the warehouse contract (``../shared/CONTRACT.md``), from their
declarations: ``python -m defcoop_dagster.warehouse.tables.document > EVENTS.md``."""

import sys

from .canonical import CANONICAL_TABLES
from .declare import Table

HEADER = """# The event tables

Added to the warehouse contract (`../shared/CONTRACT.md`) by the canonical stage: one row per
real-world meeting or document however many articles report it, and the link of every report (a row
of `meetings` or `agreements`) to its event. The report tables gain two columns, `defence` (BOOLEAN,
not null: about defence or military cooperation) and `defence_rule` (VARCHAR, not null: the sign that
decided it). Generated from `defcoop_dagster/warehouse/tables/canonical.py`; a test keeps it current.
"""


def markdown(table: Table) -> str:
    lines = [f"### {table.name} — {table.description}", "| column | type | meaning |", "| --- | --- | --- |"]
    for c in table.columns:
        kind = c.type + (", unique, not null" if c.key else "" if c.nullable else ", not null")
        lines.append(f"| {c.name} | {kind} | {c.description.replace('|', '/')} |")
    return "\n".join(lines)


def document(tables: list[Table] = CANONICAL_TABLES) -> str:
    return HEADER + "\n## Tables\n\n" + "\n\n".join(markdown(t) for t in tables) + "\n"


if __name__ == "__main__":
    sys.stdout.write(document())
