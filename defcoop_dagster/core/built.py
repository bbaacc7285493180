"""Structures the core builds from its word lists, kept on disk between processes.

The country gazetteer takes about a second to build (every case form of every name) and every
process that extracts builds it: each run's fork server, each test process. Built once, it is
pickled under ``$XDG_CACHE_HOME/defcoop`` (``~/.cache/defcoop``), in a file named for the
extractor version (``core/version.py``: a digest of every file of the core, its word lists
included), the Python and the pymorphy2 dictionaries it was built with: a change to any of them
names another file, so a stale structure is never read. The file is written under a temporary
name and renamed, so a reader sees a whole file or none. A cache that cannot be read or written
(no home, a read-only disk, a damaged file) costs only the build.
"""

import contextlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from .version import extractor_version

T = TypeVar("T")
STALE_SECONDS = 7 * 24 * 3600


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "defcoop"


def _key() -> str:
    try:
        dicts = metadata.version("pymorphy2-dicts-ru")
    except metadata.PackageNotFoundError:
        dicts = "none"
    return f"{extractor_version()}-py{sys.version_info.major}{sys.version_info.minor}-{dicts}"


def built(name: str, build: Callable[[], T]) -> T:
    """``build()``'s result, read from the cache when this version wrote it there, else built and written."""
    path = cache_dir() / f"{name}-{_key()}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, unreadable or damaged: build it
        pass
    value = build()
    _write(path, value, name)
    return value


def _write(path: Path, value, name: str) -> None:
    staged = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as f:
            staged = f.name
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(staged, path)
        staged = None
        for old in path.parent.glob(f"{name}-*.pickle"):  # other versions' files, once a week old
            if old != path and time.time() - old.stat().st_mtime > STALE_SECONDS:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if staged:
            with contextlib.suppress(OSError):
                os.unlink(staged)
