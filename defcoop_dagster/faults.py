"""Faults of the machine rather than of the data (a full disk, a read-only one), told in one line.

DuckDB reports a full disk as ``IO Error: Could not write file "…": No space left on device``
and Python as ``OSError(ENOSPC)``; either way the step should fail saying so first, with what to do,
instead of Dagster's generic "Materialization failed". No Dagster here: the CLI reads it too.
"""

import errno
import os

# errno → what to do about it
ADVICE = {
    errno.ENOSPC: "free space on that disk, or set DEFCOOP_DUCKDB_PATH to a folder on another disk",
    errno.EDQUOT: "free space within your disk quota, or set DEFCOOP_DUCKDB_PATH to a folder on another disk",
    errno.EFBIG: "the file size limit was reached (`ulimit -f`, or the file system's): raise it or use another disk",
    errno.EROFS: "set DEFCOOP_DUCKDB_PATH to a folder on a writable disk",
    errno.EIO: "the disk reported an error: check it (dmesg) before running again",
}
MESSAGES = {os.strerror(code): code for code in ADVICE}


def machine_fault(error: BaseException | None) -> tuple[int, BaseException] | None:
    """The errno of a machine fault behind ``error`` (an OSError, or a DuckDB error quoting one, itself
    or among the errors it was raised from or while handling), with the error that tells it; else None.
    A failed COMMIT followed by a failed ROLLBACK still tells the full disk behind both."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in ADVICE:
            return error.errno, error
        text = str(error)
        for message, code in MESSAGES.items():
            if message in text:
                return code, error
        error = error.__cause__ or error.__context__
    return None


def fault_line(code: int, what: str, error: BaseException | None = None) -> str:
    """``No space left on device: cannot write <what> (<error's first line>); <what to do>.``"""
    detail = f" ({str(error).strip().splitlines()[0]})" if error is not None and str(error).strip() else ""
    return f"{os.strerror(code)}: cannot write {what}{detail}; {ADVICE[code]}."
