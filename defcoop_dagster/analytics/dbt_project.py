"""The dbt project of ``dbt_like_models/``: where it is, how dbt is called, and its manifest kept current.

Dagster needs the project's ``manifest.json`` to know the models and tests before anything runs.
A fresh clone has none (``target/`` is not in git) and the quick start runs no extra command, so
the code location parses the project itself when the manifest is missing or older than the files
it describes: ``dbt parse`` needs no database and no network (no package from the hub).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

from ..settings import project_root

MODELS_DIR_VAR = "DEFCOOP_MODELS_DIR"
TARGET = "target"
PARTIAL_PARSE = "partial_parse.msgpack"
# profiles.yml's output for the pipeline's builds, and the name it attaches the work file as
BUILD_TARGET, BUILT_CATALOG = "linked", "work"
# What the manifest is made from: a change to any of these parses the project again
SOURCES = ("dbt_project.yml", "profiles.yml", "models", "macros", "tests")


class DbtProjectError(ValueError):
    """The dbt project cannot be parsed; the message is dbt's own, naming the file."""


# (project, digest of its files) → the error of their parse: Dagster loads the definitions several
# times in a process (`dg check defs` three), and the same files fail the same way (~3 s a parse)
_failed: dict[tuple[Path, str], str] = {}


def models_dir() -> Path:
    """``dbt_like_models/`` of the checkout, unless DEFCOOP_MODELS_DIR points at another dbt project."""
    return Path(os.environ.get(MODELS_DIR_VAR) or project_root() / "dbt_like_models").expanduser().resolve()


def dbt_executable() -> str:
    """The ``dbt`` of this interpreter's environment: a fresh shell need not have the venv on PATH
    (else the one on PATH, for an install whose scripts live elsewhere)."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else shutil.which("dbt") or str(beside)


def dbt_env(project_dir: Path) -> dict:
    return {
        **os.environ,
        "DBT_PROFILES_DIR": str(project_dir),  # the project's own profiles.yml, not ~/.dbt
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",  # nothing leaves the machine
    }


def sources_digest(project_dir: Path) -> str:
    """A digest of every file the manifest is made from (names and contents)."""
    digest = hashlib.sha256()
    for name in SOURCES:
        root = project_dir / name
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            if path.is_file():
                digest.update(path.relative_to(project_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def prepared_manifest(project_dir: Path) -> Path:
    """``target/manifest.json``, parsed again when any file it is made from changed.

    The parse writes into a folder of its own and the manifest is renamed into place, so code
    locations loading at the same time (webserver, daemon, a run) never read half a file.
    """
    target = project_dir / TARGET
    manifest, stamp = target / "manifest.json", target / "manifest.digest"
    digest = sources_digest(project_dir)
    if manifest.is_file() and stamp.is_file() and stamp.read_text() == digest:
        return manifest
    if (project_dir, digest) in _failed:
        raise DbtProjectError(_failed[project_dir, digest])
    scratch = target / f".parse-{uuid.uuid4().hex[:8]}"
    try:
        run = subprocess.run(
            # the builds' target: the first build reads this parse (target/partial_parse.msgpack) as its own
            [dbt_executable(), "parse", "--quiet", "--no-partial-parse", "--target", BUILD_TARGET]
            + ["--target-path", str(scratch)],
            cwd=project_dir,
            env={**dbt_env(project_dir), "DBT_LOG_PATH": str(scratch)},  # no logs/ left in the project
            capture_output=True,
            text=True,
            timeout=600,
        )
        if run.returncode != 0 or not (scratch / "manifest.json").is_file():
            _failed[project_dir, digest] = f"dbt parse of {project_dir} failed:\n{(run.stdout + run.stderr).strip()}"
            raise DbtProjectError(_failed[project_dir, digest])
        os.replace(scratch / "manifest.json", manifest)
        if (scratch / PARTIAL_PARSE).is_file():
            os.replace(scratch / PARTIAL_PARSE, target / PARTIAL_PARSE)
        (scratch / "manifest.digest").write_text(digest)
        os.replace(scratch / "manifest.digest", stamp)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return manifest
