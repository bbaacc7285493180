"""A models folder read whole: its models in build order with their schema.yml docs, and their tests."""

from dataclasses import dataclass, replace
from pathlib import Path

from .models import Model, load_models
from .schema_tests import DataTest, load_schema


@dataclass(frozen=True)
class Project:
    root: Path
    models: list[Model]  # in build order
    tests: dict[str, list[DataTest]]  # model → its tests


def load_project(root: Path, upstream) -> Project:
    """Models and tests under ``root``; raises ModelError, naming the file, on anything that cannot run."""
    upstream = set(upstream)
    models = load_models(root, upstream)
    schema = load_schema(root, {m.name for m in models}, upstream)
    models = [
        # the SQL file's own comment describes the model; schema.yml's description is the fallback
        replace(
            m, description=m.description or schema.descriptions.get(m.name, ""), columns=schema.columns.get(m.name, {})
        )
        for m in models
    ]
    tests: dict[str, list[DataTest]] = {m.name: [] for m in models}
    for test in schema.tests:
        tests[test.model].append(test)
    return Project(root, models, tests)
