"""Tests declared in dbt's ``schema.yml`` format, compiled to DuckDB queries that return the failing rows.

As in dbt, a test passes when its query returns no row. Supported, with or without a package prefix
(``dbt_utils.``, ``dbt_expectations.``): column tests ``unique``, ``not_null``, ``accepted_values``
(``values``), ``relationships`` (``to: ref('x')``, ``field``), ``expression_is_true`` (``expression``);
model tests ``unique_combination_of_columns`` (``combination_of_columns``), ``expression_is_true``
and ``expect_row_count_between`` (``min_value``, ``max_value``; alias
``expect_table_row_count_to_be_between``). Each test takes dbt's ``config: {severity: warn, where: …}``.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from sqlglot import exp

from .models import NAME, ModelError
from .sqldeps import DIALECT, SqlError, tables_read

ALIASES = {"expect_table_row_count_to_be_between": "expect_row_count_between"}
ARGUMENTS = {  # the arguments each test takes
    "not_null": set(),
    "unique": set(),
    "accepted_values": {"values", "quote"},
    "relationships": {"to", "field"},
    "expression_is_true": {"expression"},
    "unique_combination_of_columns": {"combination_of_columns"},
    "expect_row_count_between": {"min_value", "max_value"},
}
COLUMN_TESTS = {"unique", "not_null", "accepted_values", "relationships", "expression_is_true"}
MODEL_TESTS = {"unique_combination_of_columns", "expression_is_true", "expect_row_count_between"}
REF = re.compile(
    r"""^\s*(?:ref\(\s*['"](?P<ref>\w+)['"]\s*\)|source\(\s*['"]\w+['"]\s*,\s*['"](?P<src>\w+)['"]\s*\)|(?P<bare>\w+))\s*$"""
)


@dataclass(frozen=True)
class DataTest:
    model: str
    name: str  # the asset check's name, unique within the model
    kind: str
    column: str | None
    sql: str  # returns the failing rows
    description: str
    severity: str  # "error" or "warn"
    path: Path  # the schema file it was declared in
    reads: tuple[str, ...]  # tables the query reads besides the model's own


@dataclass
class Schema:
    descriptions: dict[str, str]  # model → description
    columns: dict[str, dict[str, str]]  # model → column → description
    tests: list[DataTest]


def q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def literal(value) -> str:
    return exp.convert(value).sql(DIALECT)


def ref_name(target: str) -> str:
    m = REF.match(str(target))
    if not m:
        raise ValueError(f"cannot read {target!r} as ref('model')")
    return m["ref"] or m["src"] or m["bare"]


def _relation(model: str, where: str | None, alias: str) -> str:
    if where:
        return f"(SELECT * FROM {q(model)} WHERE {where}) AS {alias}"
    return f"{q(model)} AS {alias}"


def compile_test(model: str, kind: str, column: str | None, args: dict, where: str | None) -> tuple[str, str]:
    """(query returning failing rows, one-line description) for one test."""
    t = _relation(model, where, "t")
    c = q(column) if column else None
    if kind == "not_null":
        return f"SELECT * FROM {t} WHERE {c} IS NULL", f"{model}.{column} is never NULL"
    if kind == "unique":
        sql = f"SELECT {c}, count(*) AS n_records FROM {t} WHERE {c} IS NOT NULL GROUP BY {c} HAVING count(*) > 1"
        return sql, f"{model}.{column} has no value twice"
    if kind == "accepted_values":
        values = args["values"]
        listed = ", ".join(literal(v) if args.get("quote", True) else str(v) for v in values)
        sql = f"SELECT {c} AS value, count(*) AS n_records FROM {t} WHERE {c} NOT IN ({listed}) GROUP BY {c}"
        return sql, f"{model}.{column} is one of {', '.join(map(str, values))} (or NULL)"
    if kind == "relationships":
        parent, field = ref_name(args["to"]), args["field"]
        sql = (
            f"SELECT t.{c} AS value, count(*) AS n_records FROM {t} LEFT JOIN {q(parent)} AS p "
            f"ON t.{c} = p.{q(field)} WHERE t.{c} IS NOT NULL AND p.{q(field)} IS NULL GROUP BY t.{c}"
        )
        return sql, f"every {model}.{column} appears in {parent}.{field}"
    if kind == "expression_is_true":
        expression = f"{c} {args['expression']}" if column else args["expression"]
        return f"SELECT * FROM {t} WHERE NOT ({expression})", f"{expression} holds on every row of {model}"
    if kind == "unique_combination_of_columns":
        cols = ", ".join(q(x) for x in args["combination_of_columns"])
        sql = f"SELECT {cols}, count(*) AS n_records FROM {t} GROUP BY {cols} HAVING count(*) > 1"
        return sql, f"({', '.join(args['combination_of_columns'])}) is unique in {model}"
    if kind == "expect_row_count_between":
        low, high = args.get("min_value"), args.get("max_value")
        bounds = [
            f"count(*) >= {int(low)}" if low is not None else "",
            f"count(*) <= {int(high)}" if high is not None else "",
        ]
        cond = " AND ".join(b for b in bounds if b) or "TRUE"
        sql = f"SELECT count(*) AS row_count FROM {t} HAVING NOT ({cond})"
        return sql, f"{model} has between {low if low is not None else 0} and {'∞' if high is None else high} rows"
    raise ValueError(f"unknown test {kind!r}")


def _split(entry) -> tuple[str, dict]:
    """A YAML test entry (``not_null`` or ``{accepted_values: {values: […]}}``) → (kind, arguments)."""
    if isinstance(entry, str):
        name, args = entry, {}
    elif isinstance(entry, dict) and len(entry) == 1:
        ((name, args),) = entry.items()
        args = dict(args or {})
        args |= args.pop("arguments", None) or {}  # dbt ≥ 1.10 nests them under `arguments`
    else:
        raise ValueError(f"cannot read test {entry!r}")
    kind = name.rsplit(".", 1)[-1]
    return ALIASES.get(kind, kind), args


def _tests_of(model: str, column: str | None, entries, path: Path, known: set[str], taken: set[str]):
    for entry in entries or []:
        try:
            kind, args = _split(entry)
            allowed = COLUMN_TESTS if column else MODEL_TESTS
            if kind not in allowed:
                where = f"column {column}" if column else "model level"
                raise ValueError(f"test {kind!r} is not supported at {where} (supported: {', '.join(sorted(allowed))})")
            config = dict(args.pop("config", None) or {})
            severity = str(config.get("severity", args.pop("severity", "error"))).lower()
            if severity not in ("error", "warn"):
                raise ValueError(f"severity {severity!r} is neither error nor warn")
            where = config.get("where", args.pop("where", None))
            name = args.pop("name", None) or _default_name(kind, column, args)
            if unknown := set(args) - ARGUMENTS[kind]:
                raise ValueError(f"{kind} takes no argument {', '.join(sorted(unknown))}")
            if not NAME.match(name):
                raise ValueError(f"test name {name!r} must be letters, digits and underscores")
            sql, description = compile_test(model, kind, column, args, where)
            reads = [t for t in tables_read(sql) if t != model]
        except (KeyError, TypeError, ValueError, SqlError) as e:
            what = f"{model}.{column}" if column else model
            missing = f"missing argument {e}" if isinstance(e, KeyError) else str(e)
            raise ModelError(f"{path}: test of {what}: {missing}") from e
        for table in reads:
            if table not in known:
                raise ModelError(f"{path}: test {name} of {model} reads {table!r}, which is not a known table")
        unique = name
        for n in range(2, 100):
            if unique not in taken:
                break
            unique = f"{name}_{n}"
        taken.add(unique)
        yield DataTest(model, unique, kind, column, sql, description, severity, path, tuple(reads))


def _default_name(kind: str, column: str | None, args: dict) -> str:
    if kind == "unique_combination_of_columns":
        return f"unique_{'__'.join(args['combination_of_columns'])}"
    name = f"{kind}_{column}" if column else kind
    return re.sub(r"\W", "_", name)


def load_schema(root: Path, models: set[str], upstream: set[str]) -> Schema:
    """Read every ``*.yml`` / ``*.yaml`` under ``root``; fail, naming the file, on what cannot run."""
    schema = Schema({}, {}, [])
    taken: dict[str, set[str]] = {}
    for path in sorted([*root.rglob("*.yml"), *root.rglob("*.yaml")]):
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as e:
            raise ModelError(f"{path}: not valid YAML: {e}") from e
        for entry in doc.get("models") or []:
            name = entry.get("name") if isinstance(entry, dict) else None
            if name not in models:
                raise ModelError(f"{path}: model {name!r} has no .sql file (models: {', '.join(sorted(models))})")
            if entry.get("description"):
                schema.descriptions[name] = " ".join(str(entry["description"]).split())
            seen = taken.setdefault(name, set())
            model_tests = entry.get("data_tests", entry.get("tests"))
            schema.tests += _tests_of(name, None, model_tests, path, models | upstream, seen)
            for col in entry.get("columns") or []:
                if not isinstance(col, dict) or not col.get("name") or not NAME.match(str(col["name"])):
                    raise ModelError(f"{path}: model {name}: a column needs a name (letters, digits, _): {col!r}")
                if col.get("description"):
                    schema.columns.setdefault(name, {})[col["name"]] = " ".join(str(col["description"]).split())
                col_tests = col.get("data_tests", col.get("tests"))
                schema.tests += _tests_of(name, col["name"], col_tests, path, models | upstream, seen)
    return schema
