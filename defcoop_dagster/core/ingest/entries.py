"""The entries of an input folder, listed and read without ever blocking or leaving the folder.

Anything can sit in a watched folder: a FIFO whose ``read`` waits forever for a writer, a socket, a
device, a symbolic link to ``/etc/passwd`` or to a folder elsewhere, a dangling link, a file no one
may read. Each is an entry with a row in source_files; only regular files inside the folder are
read. Listing uses ``lstat`` alone (never opens an entry), so the sensor's view of the folder cannot
block either.
"""

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .documents import Rejected

# Folders no one drops articles into; their files would only be noise.
SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", ".ipynb_checkpoints"}
KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}
# O_NONBLOCK: opening a FIFO that turned up between lstat and open returns at once instead of
# waiting for a writer; O_NOFOLLOW: a link swapped in meanwhile is not followed
OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def walk(root: Path) -> Iterator[Path]:
    """Every entry below ``root`` that is not a folder it descends into, in a stable order (sorted
    paths): files, links (to files or folders, dangling), FIFOs, sockets, devices.

    Links to folders are entries, not followed: a link could lead out of the folder or round in a
    loop. A folder that cannot be listed raises OSError: skipping it, as os.walk does by default,
    would make its files look removed and drop their rows from the warehouse.
    """
    for dirpath, dirnames, filenames in os.walk(root, onerror=_raise):
        base = Path(dirpath)
        linked = [d for d in dirnames if (base / d).is_symlink()]
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and d not in linked)
        for name in sorted([*filenames, *linked]):
            yield base / name


def relative_name(path: Path, root: Path) -> tuple[str, str | None]:
    """The entry's path relative to ``root`` as text (``/``-separated), and a note when it had to change.

    File names are bytes: one that is not UTF-8 (a name from an old Windows or KOI8 system) would stop
    the whole run where it is stored as text, so its undecodable bytes are written as ``\\xNN``."""
    rel = path.relative_to(root).as_posix()
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(rel).decode("utf-8", "backslashreplace")
        return shown, "the file name is not valid UTF-8: its undecodable bytes are shown as \\xNN"
    return rel, None


def signature(path: Path) -> str | None:
    """Size and modification time of the entry itself (a link's own, not its target's), or None when
    it is gone: what a change of the entry changes, read without opening it."""
    try:
        st = path.lstat()
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}"


def read_entry(path: Path, root: Path, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file inside ``root`` (its link's target when that is inside too), at
    most ``max_bytes`` of them, with its stat; anything else is Rejected with the reason, unread."""
    target = _target(path, root)
    try:
        fd = os.open(target, OPEN_FLAGS)
    except OSError as e:
        raise Rejected(f"cannot read: {e.strerror or e}") from e
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)  # of what was opened: the entry may have changed since it was listed
        if not stat.S_ISREG(st.st_mode):
            raise Rejected(f"not a regular file but {_kind(st.st_mode)}: not read")
        if st.st_size > max_bytes:
            raise TooLarge(st)
        data = f.read(max_bytes + 1)  # a file still growing stops at the limit
    if len(data) > max_bytes:
        raise TooLarge(st)
    return data, st


class TooLarge(Rejected):
    """Over the size limit; carries the stat, so the row still has the size and time."""

    def __init__(self, st: os.stat_result):
        super().__init__("too large")
        self.stat = st


def _target(path: Path, root: Path) -> str:
    """What to open for the entry ``path``: itself, or the target of a link that stays inside ``root``."""
    try:
        st = path.lstat()
    except OSError as e:
        raise Rejected(f"cannot read: {e.strerror or e}") from e
    if not stat.S_ISLNK(st.st_mode):
        if not stat.S_ISREG(st.st_mode):
            raise Rejected(f"not a regular file but {_kind(st.st_mode)}: not read")
        return str(path)
    target = Path(os.path.realpath(path))
    inside = target.is_relative_to(Path(os.path.realpath(root)))
    try:
        st = target.stat()
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise Rejected("symbolic link in a loop of links: not read") from None
        raise Rejected("symbolic link to nothing (its target does not exist): not read") from None
    where = "inside" if inside else "outside"
    if stat.S_ISDIR(st.st_mode):
        raise Rejected(
            f"symbolic link to a folder {where} the input folder: not followed"
            + (" (its files are read where they are)" if inside else "")
        )
    if not inside:
        raise Rejected("symbolic link to a file outside the input folder: not read")
    if not stat.S_ISREG(st.st_mode):
        raise Rejected(f"symbolic link to {_kind(st.st_mode)}: not read")
    return str(target)


def _kind(mode: int) -> str:
    return KINDS.get(stat.S_IFMT(mode), "not a regular file")


def _raise(error: OSError) -> None:
    raise error
