"""What a DuckDB query reads, found by parsing it (sqlglot), not by matching names in its text."""

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, SqlglotError
from sqlglot.optimizer.scope import traverse_scope

DIALECT = "duckdb"


class SqlError(ValueError):
    """The text is not one SELECT we can read the tables of."""


def parse_select(sql: str) -> exp.Query:
    """The single SELECT (or UNION…, WITH…) in ``sql``; anything else is refused."""
    try:
        statements = [s for s in sqlglot.parse(sql, dialect=DIALECT) if s is not None]
    except ParseError as e:
        where = "; ".join(f"line {x.get('line')}, col {x.get('col')}: {x.get('description')}" for x in e.errors)
        raise SqlError(f"cannot parse ({where or e})") from e
    except SqlglotError as e:
        raise SqlError(f"cannot parse ({e})") from e
    if len(statements) != 1:
        raise SqlError(f"expected one statement, found {len(statements)}")
    (statement,) = statements
    if not isinstance(statement, exp.Query):
        raise SqlError(f"expected a SELECT, found {statement.key.upper()}")
    return statement


def tables_read(sql: str) -> list[str]:
    """Names of the tables ``sql`` reads, sorted; CTEs, subqueries and table functions are not tables.

    Scopes resolve names the way the database does: ``FROM x`` is the CTE ``x`` where one is in
    scope, else the table ``x``. A name qualified by another schema or database is refused, since
    every table of the warehouse is in ``main``.
    """
    tables = set()
    for scope in traverse_scope(parse_select(sql)):
        for source in scope.sources.values():
            # table functions (range, unnest, read_csv…) parse as a Table whose `this` is a function
            if not isinstance(source, exp.Table) or not isinstance(source.this, exp.Identifier):
                continue
            if source.catalog or source.db not in ("", "main"):
                raise SqlError(f"table {source.sql(DIALECT)} is outside the warehouse's main schema")
            tables.add(source.name)
    return sorted(tables)


def without_final_semicolon(sql: str) -> str:
    """``sql`` without the semicolon that may end it, so it can be wrapped in CREATE TABLE … AS."""
    tokens = sqlglot.tokenize(sql, dialect=DIALECT)
    if tokens and tokens[-1].token_type == sqlglot.TokenType.SEMICOLON:
        end = tokens[-1].end  # index of the semicolon itself
        return sql[:end] + sql[end + 1 :]
    return sql
