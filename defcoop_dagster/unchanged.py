"""Steps that skip their work when nothing they read changed since their last success.

Each step computes its fingerprint (``warehouse/runstate.py``) and compares it with the one it
recorded in the work file after its last success. When they are the same it writes nothing: it
yields its assets with ``unchanged`` in their metadata (and their row counts) and its checks as
they were evaluated then, in that run.

A step forgets its record before it writes anything and records the new one only once every
event, its checks included, went through, so a crash, a full disk or a failed check in between
leaves no record, and the next run does the step again. ``DEFCOOP_FORCE=1`` (``defcoop
materialize --force``) skips nothing.
"""

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import dagster as dg
import duckdb

from .settings import FORCE_VAR
from .warehouse.runstate import chained, forget, record, records, upstream


def forced() -> bool:
    return os.environ.get(FORCE_VAR, "").strip() not in ("", "0")


def in_order(context: dg.AssetExecutionContext) -> list[dg.AssetKey]:
    """The step's selected assets, each after those of them it depends on (Dagster wants them so)."""
    deps = {
        spec.key: {d.asset_key for d in spec.deps}
        for spec in context.assets_def.specs
        if spec.key in context.selected_asset_keys
    }
    out: list[dg.AssetKey] = []
    while deps:
        ready = sorted((k for k, d in deps.items() if not d & deps.keys()), key=lambda k: k.to_user_string())
        ready = ready or sorted(deps, key=lambda k: k.to_user_string())  # a cycle cannot be: take the rest
        out += ready
        for key in ready:
            del deps[key]
    return out


@dataclass(frozen=True)
class Step:
    """One step's fingerprint (None: it cannot be known, the step runs and records nothing)."""

    name: str
    fingerprint: str | None

    @classmethod
    def after(cls, con: duckdb.DuckDBPyConnection, name: str, *extra) -> "Step":
        """The step whose fingerprint is made of its upstream steps' records (``CHAIN``)."""
        found = upstream(con, name)
        return cls(name, None if found is None else chained(name, found, *extra))

    def skipped(self, context: dg.AssetExecutionContext, con: duckdb.DuckDBPyConnection, **metadata) -> list | None:
        """The events of this step skipped (its assets unchanged, its checks as last evaluated), or None
        when it must run."""
        if self.fingerprint is None or forced():
            return None
        found = records(con).get(self.name)
        if found is None or found[0] != self.fingerprint:
            return None
        _, run_id, checks = found
        wanted = {(k.asset_key.to_user_string(), k.name) for k in context.selected_asset_check_keys}
        if {(a, c) for a, c, *_ in checks} != wanted:
            return None
        said = f"skipped: nothing it reads changed since run {run_id}"
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        events: list = []
        for key in in_order(context):
            name = key.path[-1]
            rows = {"dagster/row_count": con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]}
            meta = {"unchanged": said, **(rows if name in tables else {}), **metadata}
            events.append(dg.MaterializeResult(asset_key=key, metadata=meta))
        events += [
            dg.AssetCheckResult(
                asset_key=dg.AssetKey.from_user_string(asset),
                check_name=check,
                passed=passed,
                severity=dg.AssetCheckSeverity(severity),
                metadata={"unchanged": f"skipped: as evaluated in run {run_id}"},
            )
            for asset, check, passed, severity in checks
        ]
        context.log.info(f"{self.name}: unchanged, skipped ({said})")
        return events

    def recorded(self, context: dg.AssetExecutionContext, connect, events: Iterable, forget_first=True) -> Iterator:
        """``events`` passed on; the record forgotten first (or, ``forget_first`` False, by the events'
        own write of the tables, in its transaction) and written once they all went through."""
        if forget_first:
            with connect() as con:
                forget(con, [self.name])
        checks = []
        for event in events:
            if isinstance(event, dg.AssetCheckResult):
                key = dg.AssetKey.from_coercible(event.asset_key or next(iter(context.selected_asset_keys)))
                checks.append([key.to_user_string(), event.check_name, event.passed, event.severity.value])
            yield event
        if self.fingerprint is not None:
            with connect() as con:
                record(con, self.name, self.fingerprint, context.run.run_id, checks)


def run_or_skip(
    context: dg.AssetExecutionContext,
    warehouse,
    name: str,
    work: Callable[[], Iterable],
    *extra,
    forget_first: bool = False,
    skipped_metadata: Callable[[duckdb.DuckDBPyConnection], dict] | None = None,
    kept_open: bool = True,
    step: Step | None = None,
) -> Iterator:
    """A step's events: its skipped ones when nothing it reads changed (``Step.after`` with ``extra``, or
    ``step`` when it has a fingerprint of its own), else those of ``work()``, recorded.
    ``skipped_metadata``: more metadata for the skipped assets.
    ``kept_open``: the work file held open through the step (``Warehouse.kept_open``); False when
    ``work()`` hands the file to another process."""
    with warehouse.kept_open() if kept_open else contextlib.nullcontext():
        with warehouse.get_connection() as con:
            step = step or Step.after(con, name, *extra)
            meta = skipped_metadata(con) if skipped_metadata and step.fingerprint else {}
            skipped = step.skipped(context, con, **meta)
        if skipped:
            yield from skipped
            return
        yield from step.recorded(context, warehouse.get_connection, work(), forget_first=forget_first)
