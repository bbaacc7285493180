"""A table declared once: its columns with type, meaning and row rules, its table-wide rules.

From one ``Table`` come the DuckDB DDL (``ddl``), the Pandera schema every asset validates with
(``schema``) and, in the Dagster layer, the column schema shown in the UI. Nothing here imports
Dagster.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type: VARCHAR, INTEGER, BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP, VARCHAR[]
    description: str
    nullable: bool = True
    key: bool = False  # the primary key: unique and not null
    checks: tuple[pa.Check, ...] = ()

    @property
    def sql(self) -> str:
        return self.type + (" NOT NULL PRIMARY KEY" if self.key else "" if self.nullable else " NOT NULL")

    def pandera(self) -> pa.Column:
        return pa.Column(
            _dtype(self.type, self.nullable),
            checks=list(self.checks),
            nullable=self.nullable,
            unique=self.key,
            coerce=True,
        )


def _dtype(sql_type: str, nullable: bool):
    """The pandas dtype a DuckDB type is validated (and coerced) as."""
    if sql_type.endswith("[]"):
        return object
    if sql_type in ("INTEGER", "BIGINT"):
        return "Int64" if nullable else int  # a NULL in an integer column needs pandas' nullable Int64
    if sql_type == "BOOLEAN":
        return "boolean" if nullable else bool
    return {"VARCHAR": str, "DOUBLE": float, "DATE": pandas_engine.Date, "TIMESTAMP": pa.DateTime}[sql_type]


def _as_validated(values: pd.Series, column: Column) -> pd.Series:
    """A column as DuckDB's ``.df()`` gives it, as Pandera's coercion (``_dtype``) would leave it."""
    if column.type == "DATE":  # DuckDB gives datetime64, Pandera's Date datetime.date objects (NaT for NULL)
        return pd.Series(pd.to_datetime(values).dt.date, index=values.index, dtype=object)
    if column.type in ("INTEGER", "BIGINT", "BOOLEAN", "DOUBLE", "TIMESTAMP"):
        kind = _dtype(column.type, column.nullable)
        return values.astype("datetime64[ns]" if kind is pa.DateTime else kind)
    return values


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    checks: tuple[pa.Check, ...] = ()  # rules over several columns of a row (or over the table)
    unique_together: tuple[str, ...] = ()
    schema_name: str = ""  # how quarantine rows and errors name the schema (default: the table's)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def ddl(self) -> str:
        cols = ",\n  ".join(f'"{c.name}" {c.sql}' for c in self.columns)
        return f'CREATE OR REPLACE TABLE "{self.name}" (\n  {cols}\n)'

    def empty(self) -> pd.DataFrame:
        return pd.DataFrame(columns=self.names)

    def read_back(self, df: pd.DataFrame) -> pd.DataFrame:
        """Rows read from this table in DuckDB, with the dtypes validation gives new rows: both can be stacked
        and written without validating again what was valid when it was written."""
        return pd.DataFrame({c.name: _as_validated(df[c.name], c) for c in self.columns}, index=df.index)

    def frame(self, rows: list[dict]) -> pd.DataFrame:
        """Rows (dicts) as a frame in the table's column order; a key the rows lack is NULL."""
        return pd.DataFrame(rows, columns=self.names)

    def schema(self) -> pa.DataFrameSchema:
        return _schema(self)


_SCHEMAS: dict[str, pa.DataFrameSchema] = {}


def _schema(table: Table) -> pa.DataFrameSchema:
    if table.name not in _SCHEMAS:
        _SCHEMAS[table.name] = pa.DataFrameSchema(
            {c.name: c.pandera() for c in table.columns},
            checks=list(table.checks),
            unique=list(table.unique_together) or None,
            strict=True,
            coerce=True,
            name=table.schema_name or table.name,
        )
    return _SCHEMAS[table.name]


def row_check(name: str, test: Callable[[pd.DataFrame], pd.Series]) -> pa.Check:
    """A rule over several columns, true or false per row; ``name`` is what quarantine rows say."""
    return pa.Check(test, name=name)


# Row rules several tables share
CODE_PATTERNS = {
    "article_id": r"^art_[0-9a-f]{16}$",
    "person_id": r"^per_[0-9a-f]{16}$",
    "meeting_id": r"^mtg_[0-9a-f]{16}$",
    "agreement_id": r"^agr_[0-9a-f]{16}$",
    "meeting_event_id": r"^mev_[0-9a-f]{16}$",
    "agreement_event_id": r"^aev_[0-9a-f]{16}$",
}
PARTIAL_DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$"  # 2021-05-18, 2021-05, 2021, --05-18, --05
PRECISIONS = ["day", "month", "year"]
NOT_EMPTY = pa.Check.str_length(min_value=1)
CAPITALISED = pa.Check.str_matches(r"^[A-ZА-ЯЁ]")


def id_column(name: str, description: str, key: bool = False) -> Column:
    return Column(
        name, "VARCHAR", description, nullable=False, key=key, checks=(pa.Check.str_matches(CODE_PATTERNS[name]),)
    )
