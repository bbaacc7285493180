"""SQL models: one DuckDB SELECT per file, the tables it reads, and its atomic build as a table."""

import graphlib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .sqldeps import SqlError, tables_read, without_final_semicolon

NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")  # what Dagster accepts as an asset or group name


class ModelError(ValueError):
    """A model or schema file that cannot become part of the asset graph; the message names the file."""


@dataclass(frozen=True)
class Model:
    name: str  # the file's stem: the asset and the table
    layer: str  # the folder: the asset group
    path: Path
    sql: str
    description: str
    deps: tuple[str, ...]  # tables read: upstream assets or other models
    columns: dict[str, str] = field(default_factory=dict)  # column descriptions from schema.yml

    @property
    def code_version(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()[:16]


def leading_comment(sql: str) -> str:
    """The ``--`` comment block the file starts with, as text; blank ``--`` lines separate paragraphs."""
    lines = []
    for line in sql.lstrip("\ufeff").splitlines():
        stripped = line.strip()
        if not stripped.startswith("--"):
            if stripped or lines:  # blank lines before the block are allowed, not inside it
                break
            continue
        lines.append(stripped[2:].strip())
    paragraphs = "\n".join(lines).strip().split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def model_files(root: Path) -> list[Path]:
    if not root.is_dir():
        raise ModelError(f"models folder {root} does not exist")
    return sorted(root.rglob("*.sql"))


def read_model(path: Path, root: Path) -> Model:
    rel = path.relative_to(root)
    layer = rel.parts[0] if len(rel.parts) > 1 else "models"
    for what, value in (("model", path.stem), ("folder", layer)):
        if not NAME.match(value):
            raise ModelError(f"{path}: {what} name {value!r} must be letters, digits and underscores")
    sql = path.read_text(encoding="utf-8")
    try:
        deps = tables_read(sql)
    except SqlError as e:
        raise ModelError(f"{path}: {e}") from e
    return Model(path.stem, layer, path, sql, leading_comment(sql), tuple(deps))


def load_models(root: Path, upstream: Iterable[str]) -> list[Model]:
    """Every ``*.sql`` under ``root``, checked against the upstream assets, in build order.

    Fails on a duplicate name, a name taken by an upstream asset, a table that is neither, or a
    cycle, with a message naming the file.
    """
    upstream = set(upstream)
    models: dict[str, Model] = {}
    for path in model_files(root):
        model = read_model(path, root)
        if model.name in models:
            raise ModelError(f"{path}: model {model.name!r} is already defined by {models[model.name].path}")
        if model.name in upstream:
            raise ModelError(f"{path}: model {model.name!r} has the name of an upstream asset")
        models[model.name] = model
    for model in models.values():
        for table in model.deps:
            if table not in models and table not in upstream:
                raise ModelError(
                    f"{model.path}: reads table {table!r}, which is neither a model nor an upstream asset "
                    f"(upstream: {', '.join(sorted(upstream))}; models: {', '.join(sorted(models))})"
                )
    sorter = graphlib.TopologicalSorter({m.name: [d for d in m.deps if d in models] for m in models.values()})
    try:
        order = list(sorter.static_order())
    except graphlib.CycleError as e:
        cycle = e.args[1]
        files = ", ".join(str(models[n].path) for n in dict.fromkeys(cycle))
        raise ModelError(f"models read each other in a cycle {' → '.join(reversed(cycle))}: {files}") from e
    return [models[name] for name in order]


def build_table(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Replace the model's table with the result of its query; readers see the old table until COMMIT."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f'CREATE OR REPLACE TABLE "{model.name}" AS\n{without_final_semicolon(model.sql)}\n')
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
