"""What each step of the graph last did, by fingerprint: the table ``run_state`` of the work file.

A step's fingerprint digests everything its rows depend on: the pipeline's code (every module and
data file of the package, the versions of the libraries that shape the rows), its settings, and
what it reads — the input folder's listing for the first step, the fingerprints the upstream steps
(``CHAIN``) recorded for the others, the rows themselves for the pictures. A step whose fingerprint
is the one it recorded need not run: its tables are what it would write again (``unchanged.py``).

No Dagster here: ``defcoop materialize`` reads it before it starts a run.
"""

import hashlib
import json
import os
from collections.abc import Iterable
from functools import cache
from importlib import metadata as package_metadata
from pathlib import Path

import duckdb

from .publish import PICTURES, picture_work_path, work_path

STATE_TABLE = "run_state"
DDL = (
    f"CREATE TABLE IF NOT EXISTS {STATE_TABLE} (step VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL, "
    "run_id VARCHAR, recorded_at TIMESTAMP DEFAULT date_trunc('second', current_localtimestamp()), checks VARCHAR)"
)
PACKAGE = Path(__file__).resolve().parents[1]
# Libraries whose versions shape the rows, the checks or the pictures
LIBRARIES = ("natasha", "slovnet", "pymorphy2", "duckdb", "pandas", "pandera", "dbt-core", "dbt-duckdb", "matplotlib")
# step → the steps whose recorded fingerprints make its own (the tables it reads are theirs)
CHAIN = {
    "articles": ["source_files"],
    "extraction": ["articles"],
    "canonical_events": ["articles", "extraction"],
    "dbt_like_models": ["source_files", "articles", "extraction", "canonical_events"],
}
PICTURE_STEPS = ["cooperation_network", "dyad_timelines"]


@cache
def code_version() -> str:
    """A digest of every module and data file of the package and of the libraries' versions."""
    digest = hashlib.sha256()
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={package_metadata.version(name)};".encode())
        except package_metadata.PackageNotFoundError:
            digest.update(f"{name}=none;".encode())
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def digest(*parts) -> str:
    return hashlib.sha256(json.dumps([code_version(), *parts], default=str).encode()).hexdigest()[:24]


def folder_digest(root: Path, paths: Iterable[Path]) -> str:
    """What reading ``paths`` (entries of ``root``) depends on, without opening any: each entry's
    lstat (size, times, inode, mode) and, for a link, where it leads and what is there."""
    return listing_digest(root, [entry_identity(root, path) for path in paths])


def listing_digest(root: Path, identities: Iterable[list]) -> str:
    """``folder_digest`` of entries whose identities (``entry_identity``) are known already."""
    return digest(str(root.resolve()), list(identities))


def entry_identity(root: Path, path: Path) -> list:
    """An entry's name and lstat (size, times, inode, mode) and, for a link, where it leads and what is
    there: what changes whenever its bytes may have."""
    name = os.fsdecode(path.relative_to(root))
    try:
        st = path.lstat()
    except OSError as e:
        return [name, repr(e)]
    entry = [name, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
    if path.is_symlink():
        try:
            target = path.stat()
            entry += [os.readlink(path), target.st_mode, target.st_size, target.st_mtime_ns, target.st_ino]
        except OSError as e:
            entry.append(repr(e))
    return entry


def read_inputs(identity: list, max_bytes: int, max_chars: int) -> str:
    """What reading one entry (its ``entry_identity``) depends on, with the limits and the code (``source_reads``)."""
    return digest("source_read", identity, max_bytes, max_chars)


def source_files_fingerprint(listed: str, max_bytes: int, max_chars: int) -> str:
    return digest("source_files", listed, max_bytes, max_chars)


def chained(step: str, found: list[str], *extra) -> str:
    return digest(step, found, *extra)


def records(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str, list]]:
    """step → (fingerprint, run id, checks) as recorded; nothing when there is no state yet."""
    have = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [STATE_TABLE]).fetchone()[0]
    if not have:
        return {}
    rows = con.execute(f"SELECT step, fingerprint, run_id, checks FROM {STATE_TABLE}").fetchall()
    return {step: (fp, run_id, json.loads(checks or "[]")) for step, fp, run_id, checks in rows}


def upstream(con: duckdb.DuckDBPyConnection, step: str) -> list[str] | None:
    """The fingerprints the steps ``step`` reads recorded, or None when one has none (then ``step``
    must run, and records nothing either)."""
    found = records(con)
    return [found[s][0] for s in CHAIN[step]] if all(s in found for s in CHAIN[step]) else None


def forget(con: duckdb.DuckDBPyConnection, steps: list[str] | None = None) -> None:
    """Drop the records of ``steps`` (of every step when None): their tables are about to change."""
    con.execute(DDL)
    if steps is None:
        con.execute(f"DELETE FROM {STATE_TABLE}")
    else:
        con.execute(f"DELETE FROM {STATE_TABLE} WHERE list_contains(?, step)", [steps])


def record(con: duckdb.DuckDBPyConnection, step: str, fingerprint: str, run_id: str, checks: list) -> None:
    con.execute(DDL)
    con.execute("BEGIN TRANSACTION")
    con.execute(f"DELETE FROM {STATE_TABLE} WHERE step = ?", [step])
    con.execute(
        f"INSERT INTO {STATE_TABLE} (step, fingerprint, run_id, checks) VALUES (?, ?, ?, ?)",
        [step, fingerprint, run_id, json.dumps(checks)],
    )
    con.execute("COMMIT")


def already_published(work: Path, published: Path, pictures: Iterable[str]) -> str | None:
    """The latest run id of the state the published file holds when it is the work file's (every
    step's fingerprint the same, the pictures the same bytes); None when it must be published."""
    if not published.is_file() or not work.is_file():
        return None
    try:
        with duckdb.connect(str(work), read_only=True) as con:
            mine = records(con)
        with duckdb.connect(str(published), read_only=True) as con:
            theirs = records(con)
    except duckdb.Error:  # not a DuckDB file, or held by a writer: publishing says what is wrong
        return None
    if not mine or {k: v[0] for k, v in mine.items()} != {k: v[0] for k, v in theirs.items()}:
        return None
    for name in pictures:
        drawn, shown = picture_work_path(published, name), published.parent / name
        if drawn.is_file() != shown.is_file() or (drawn.is_file() and drawn.read_bytes() != shown.read_bytes()):
            return None
    return max(v[1] or "" for v in mine.values())


def unchanged_since(published: Path, listed: str, max_bytes: int, max_chars: int, models: str) -> str | None:
    """The run whose state the published file holds, when a run of the whole graph now would find
    every step unchanged (the folder listed as ``listed``, the dbt project digested as ``models``)
    and the published file up to date; else None."""
    work = work_path(published)
    if not work.is_file():
        return None
    try:
        with duckdb.connect(str(work), read_only=True) as con:
            found = records(con)
    except duckdb.Error:
        return None
    expected = {"source_files": source_files_fingerprint(listed, max_bytes, max_chars)}
    for step, reads in CHAIN.items():
        extra = (models, "all") if step == "dbt_like_models" else ()
        expected[step] = chained(step, [expected[s] for s in reads], *extra)
    if any(found.get(step, ("",))[0] != fp for step, fp in expected.items()):
        return None
    if not all(step in found for step in PICTURE_STEPS):
        return None
    return already_published(work, published, PICTURES)
