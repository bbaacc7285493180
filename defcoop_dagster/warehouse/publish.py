"""Publishing: the pipeline's private DuckDB file, copied whole and renamed over the analysts' file.

DuckDB admits one writing process, and any open connection blocks it; analysts keep the published
file open in the CLI or a notebook. So the pipeline writes a private work file, and at the end of
a successful graph a fresh copy replaces the published file in one rename: a reader holding the old
file keeps reading it undisturbed and sees the new data on reconnect, never half a run.
"""

import os
import uuid
from pathlib import Path

import duckdb

# Readable by DuckDB 1.x tools (CLI, DBeaver drivers, older Python packages) as well as 2.x.
STORAGE_VERSION = "v1.0.0"


def work_path(published: str | Path) -> Path:
    """The private work file beside the published one: data/defcoop.duckdb → data/.defcoop.work.duckdb."""
    p = Path(published).expanduser()
    return p.with_name(f".{p.stem}.work{p.suffix or '.duckdb'}")


def is_duckdb_file(path: str | Path) -> bool:
    """DuckDB's magic bytes ("DUCK" after the 8-byte checksum): never rename over anything else."""
    with open(path, "rb") as f:
        return f.read(12)[8:12] == b"DUCK"


def publish(work: str | Path, target: str | Path, storage_version: str = STORAGE_VERSION) -> dict:
    """Copy every table of ``work`` into a new file and rename it over ``target``; returns counts."""
    work, target = Path(work), Path(target).expanduser()
    if target.is_file() and target.stat().st_size and not is_duckdb_file(target):
        raise ValueError(f"{target} is not a DuckDB database: not replacing it")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    con = duckdb.connect()
    try:
        con.execute("ATTACH ? AS work (READ_ONLY)", [str(work)])
        con.execute(f"ATTACH ? AS fresh (STORAGE_VERSION '{storage_version}')", [str(tmp)])
        con.execute("COPY FROM DATABASE work TO fresh")
        tables = con.execute(
            "SELECT table_name, estimated_size FROM duckdb_tables() WHERE database_name = 'fresh' ORDER BY 1"
        ).fetchall()
        con.execute("DETACH fresh")
        con.execute("DETACH work")
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, target)  # atomic on one file system: readers see the old file or the new one
    return {"tables": len(tables), "bytes": target.stat().st_size, "rows": dict(tables)}
