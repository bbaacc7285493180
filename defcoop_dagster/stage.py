"""The shape every warehouse stage shares: read → core → validate → write → metadata, in one step.

``stage`` declares a stage's tables as assets of one multi-asset, with the settings every stage
shares set here once (the ``warehouse`` concurrency pool, kinds, descriptions and column schemas
from the table declarations), and its checks — the Pandera schema of each table and the SQL checks
over what was written — computed in the same step, where the data already is. ``finish`` writes
the validated tables in one transaction and yields the results the UI shows.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import dagster as dg
import duckdb
import pandas as pd

from .ui import column_schema, markdown_table, schema_check, table_metadata, written_metadata
from .validation import Validated
from .warehouse.io import replace_tables
from .warehouse.tables import TABLES

# The concurrency pool of every asset that writes the warehouse (limit 1 in .dagster_home/dagster.yaml)
WAREHOUSE_POOL = "warehouse"
KINDS = {"duckdb", "python"}


@dataclass(frozen=True)
class SqlCheck:
    """A check over the written warehouse: it passes when ``failures`` (a query) returns no row.

    Blocking: rows that point outside their article or to a missing parent are wrong data, not
    doubtful data, so a failure stops the graph before anything is published.
    """

    table: str
    name: str
    description: str
    failures: str
    # the same query over the rows of the articles not in the relation KEPT: those an incremental stage
    # wrote this run (the kept ones' rows, and their articles, are as they were when checked)
    new_failures: str | None = None

    def spec(self) -> dg.AssetCheckSpec:
        return dg.AssetCheckSpec(self.name, asset=self.table, description=self.description, blocking=True)

    def run(self, con: duckdb.DuckDBPyConnection, kept: int = 0) -> dg.AssetCheckResult:
        """The check over every row, or, with ``kept`` articles registered as KEPT, over the others'."""
        narrowed = bool(kept and self.new_failures)
        query = self.new_failures if narrowed else self.failures
        found = con.execute(f"SELECT * FROM ({query}) LIMIT 20").df()
        failing = len(found) if len(found) < 20 else con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
        metadata = {"failing_rows": failing, "examples": dg.MetadataValue.md(markdown_table(found))}
        if narrowed:
            metadata["checked"] = f"the rows of the articles analysed in this run ({kept} kept: checked when written)"
        return dg.AssetCheckResult(check_name=self.name, asset_key=self.table, passed=failing == 0, metadata=metadata)


KEPT = "_kept_articles"


def offsets_check(table: str, text: str, start: str, end: str) -> SqlCheck:
    # DuckDB finds a character offset of UTF-8 text by reading up to it: over every row of a large table,
    # ~0.4 s a run, most of it for rows kept unchanged. The articles looked at are made first (MATERIALIZED):
    # else the optimiser joins every row to its article, offsets compared, before leaving the kept ones out
    query = (
        f'WITH a AS MATERIALIZED ({{articles}}) SELECT t.article_id, t."{start}", t."{end}", t."{text}" '
        f'FROM "{table}" t JOIN a USING (article_id) '
        f'WHERE substring(a.body, t."{start}" + 1, t."{end}" - t."{start}") <> t."{text}"'
    )
    return SqlCheck(
        table,
        "offsets_round_trip",
        f"articles.body[{start}:{end}] == {table}.{text} for every row (of the articles analysed, in a run that kept "
        "others: those were checked when written).",
        query.format(articles="SELECT article_id, body FROM articles"),
        query.format(articles=f"SELECT article_id, body FROM articles ANTI JOIN {KEPT} USING (article_id)"),
    )


def orphans_check(child: str, parent: str, key: str, name: str = "no_orphans") -> SqlCheck:
    return SqlCheck(
        child,
        name,
        f"Every {child} row belongs to a row of {parent}.",
        f'SELECT c.{key} FROM "{child}" c ANTI JOIN "{parent}" p USING ({key})',
    )


def table_spec(table: str, group: str, deps: list[str]) -> dg.AssetSpec:
    return dg.AssetSpec(
        table,
        group_name=group,
        description=TABLES[table].description,
        deps=deps,
        kinds=KINDS,
        metadata={"dagster/column_schema": column_schema(table), "dagster/table_name": table},
    )


def stage(name: str, specs: list[dg.AssetSpec], checks: list[SqlCheck] = (), extra_checks=()) -> Callable:
    """The multi-asset of a stage writing the tables of ``specs``: a Pandera check per table, ``checks``
    over the written warehouse, and ``extra_checks`` the stage computes itself."""
    return dg.multi_asset(
        name=name,
        specs=specs,
        check_specs=[
            *(
                dg.AssetCheckSpec(
                    "pandera_schema",
                    asset=spec.key,
                    description=f"Rows of {spec.key.to_user_string()} validated against its declared schema; rows "
                    "breaking a row rule are quarantined (table quarantine), a missing column or a wrong type "
                    "fails the asset.",
                )
                for spec in specs
            ),
            *(c.spec() for c in checks),
            *extra_checks,
        ],
        pool=WAREHOUSE_POOL,  # one writer of the DuckDB file at a time, across runs
    )


def finish(
    context: dg.AssetExecutionContext,
    con: duckdb.DuckDBPyConnection,
    outcomes: dict[str, Validated],
    previews: dict[str, list[str]],
    extra_metadata: Callable[[str, pd.DataFrame], dict] = lambda name, df: {},
    bookkeeping: dict[str, pd.DataFrame] | None = None,
    checks: list[SqlCheck] = (),
    kept_articles: pd.Series | None = None,
    forget_steps: list[str] | None = None,
    owners: dict[str, tuple[str, str] | None] | None = None,
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Write the stage's tables (and ``bookkeeping`` tables) in one transaction, then yield each table's
    materialisation with its metadata, its schema check, and the SQL checks over what was written.

    With ``owners`` (see ``replace_tables``) the outcomes hold the new rows only, added to the kept
    articles' rows in place; what the UI shows of each table is then read from the written table."""
    replace_tables(
        con,
        {
            **{n: (o.valid, o.quarantined) for n, o in outcomes.items()},
            **{n: (df, None) for n, df in (bookkeeping or {}).items()},
        },
        context.run.run_id,
        kept_articles=kept_articles,  # their quarantined rows stay in quarantine
        forget_steps=forget_steps,  # in the same transaction as the tables
        owners=owners,
    )
    for name, outcome in outcomes.items():
        columns = previews[name]
        shown = written_metadata(con, name, columns) if owners else table_metadata(name, outcome.valid, columns)
        metadata = {**shown, **extra_metadata(name, outcome.valid)}
        yield dg.MaterializeResult(asset_key=name, metadata=metadata)
        yield schema_check(name, outcome, metadata["dagster/row_count"])
    yield from run_checks(con, checks, kept_articles)


def run_checks(
    con: duckdb.DuckDBPyConnection, checks: list[SqlCheck], kept_articles: pd.Series | None = None
) -> Iterator[dg.AssetCheckResult]:
    """Each check's result, then a failure naming the failed ones: the graph stops before publishing.
    With ``kept_articles``, a check that can looks at the other articles' rows only."""
    failed = []
    kept = 0 if kept_articles is None else len(kept_articles)
    if kept:
        con.register(KEPT, pd.DataFrame({"article_id": list(kept_articles)}))
    try:
        for check in checks:
            result = check.run(con, kept)
            yield result
            if not result.passed:
                failed.append(f"{check.name} on {check.table}")
    finally:
        if kept:
            con.unregister(KEPT)
    if failed:
        # Dagster would stop the graph too (the checks are blocking), in several lines; this is one
        raise dg.Failure(
            description=f"Publishing stopped: blocking check{'s' if len(failed) > 1 else ''} failed: "
            f"{'; '.join(failed)}. The published warehouse was left as it was.",
            allow_retries=False,
        )
