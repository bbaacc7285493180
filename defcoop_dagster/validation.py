"""Lazy Pandera validation that splits rows into valid and quarantined, or fails on the schema.

The schema of each table is derived from its declaration (``warehouse.tables``).
"""

import json
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from .warehouse.tables import Table

QUARANTINE_COLUMNS = ["rule", "column_name", "failure_case", "row_json", "article_id"]


class SchemaViolation(ValueError):
    """The frame does not have the table's shape (a column missing, a wrong type): not row data."""


@dataclass(frozen=True)
class Validated:
    valid: pd.DataFrame
    quarantined: pd.DataFrame  # one row per failing input row: rule, column_name, failure_case, row_json, article_id
    failure_cases: pd.DataFrame  # pandera's failure cases, one per failed check and value


def _is_schema_level(cases: pd.DataFrame) -> pd.Series:
    check = cases["check"].astype(str)
    return cases["index"].isna() | check.str.contains(r"^(?:dtype|coerce_dtype)\(", regex=True)


def validate(table: Table, df: pd.DataFrame) -> Validated:
    """Validate lazily; rows breaking row rules are set apart, shape errors raise SchemaViolation."""
    schema = table.schema()
    try:
        return Validated(schema.validate(df, lazy=True), _empty_quarantine(), pd.DataFrame())
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases.copy()
    schema_level = cases[_is_schema_level(cases)]
    if not schema_level.empty:
        summary = "; ".join(
            f"{r.column or 'table'}: {r.check} ({r.failure_case})" for r in schema_level.head(5).itertuples()
        )
        raise SchemaViolation(f"{schema.name}: {summary}")
    bad = cases.groupby("index", sort=True)
    rows = []
    for index, group in bad:
        record = df.loc[index].to_dict()
        rows.append(
            {
                "rule": "; ".join(dict.fromkeys(group["check"].astype(str))),
                "column_name": "; ".join(dict.fromkeys(group["column"].fillna(schema.name).astype(str))),
                "failure_case": "; ".join(dict.fromkeys(group["failure_case"].astype(str)))[:500],
                "row_json": json.dumps(record, ensure_ascii=False, default=str),
                "article_id": record.get("article_id"),
            }
        )
    rest = df.drop(index=list(bad.groups))
    # Removing rows can only remove failures (a duplicate's twin goes too), so this passes.
    valid = schema.validate(rest, lazy=True)
    return Validated(valid, pd.DataFrame(rows, columns=QUARANTINE_COLUMNS), cases)


def _empty_quarantine() -> pd.DataFrame:
    return pd.DataFrame(columns=QUARANTINE_COLUMNS)


def move_to_quarantine(outcome: Validated, mask: pd.Series, rule: str, column: str) -> Validated:
    """Rows of ``outcome.valid`` where ``mask`` holds leave the table for quarantine, under ``rule``."""
    moved = outcome.valid[mask]
    extra = pd.DataFrame(
        {
            "rule": rule,
            "column_name": column,
            "failure_case": moved[column].astype(str),
            "row_json": [json.dumps(r, ensure_ascii=False, default=str) for r in moved.to_dict("records")],
            "article_id": moved.get("article_id"),
        },
        columns=QUARANTINE_COLUMNS,
    )
    quarantined = pd.concat([outcome.quarantined, extra], ignore_index=True) if len(extra) else outcome.quarantined
    return Validated(outcome.valid[~mask], quarantined, outcome.failure_cases)


def with_kept(outcome: Validated, table: Table, kept: pd.DataFrame) -> Validated:
    """``outcome`` (new rows validated) with ``kept``, rows read back from ``table`` that were valid when
    written under the same declarations: not validated again, given the dtypes validation gives."""
    if kept.empty:
        return outcome
    rows = table.read_back(kept)
    if len(outcome.valid):  # an empty frame would not decide dtypes in the concatenation
        rows = pd.concat([rows, outcome.valid], ignore_index=True)
    return Validated(rows, outcome.quarantined, outcome.failure_cases)


def follow_parent(child: Validated, parent: Validated, parent_table: str, key: str) -> Validated:
    """Child rows of a quarantined parent follow it into quarantine, so no kept row is an orphan."""
    orphan = ~child.valid[key].isin(parent.valid[key])
    return move_to_quarantine(child, orphan, f"parent row in {parent_table} quarantined", key)


def attribute_to_articles(outcome: Validated, key: str, article_of: dict) -> Validated:
    """Quarantined rows of a table without article_id (meeting_countries…) take their parent's article."""
    moved = outcome.quarantined
    if moved.empty:
        return outcome
    parents = pd.Series([article_of.get(json.loads(r).get(key)) for r in moved["row_json"]], index=moved.index)
    moved = moved.assign(article_id=moved["article_id"].where(moved["article_id"].notna(), parents))
    return Validated(outcome.valid, moved, outcome.failure_cases)
