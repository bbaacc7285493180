"""Whatever sits in the input folder gets a row and never blocks a run nor leads out of the folder:
FIFOs, sockets, devices, links out and in, dangling links, unreadable files, cut-short UTF-8."""

import contextlib
import os
import shutil
import socket
import stat
import subprocess
import sys
import threading

import dagster as dg
import pytest

from defcoop_dagster.core.ingest.decoding import DecodeError, decode
from defcoop_dagster.core.ingest.sources import scan
from defcoop_dagster.defs.automation.sensors import folder_listing, input_folder_sensor
from defcoop_dagster.defs.resources import InputFolder, Warehouse

from .conftest import ROOT, query, run_pipeline

TEXT = "Министр обороны Казахстана встретился в Ташкенте с министром обороны Узбекистана. Стороны подписали план."
SECRET = "root:x:0:0:секрет, который не должен попасть в хранилище"


def within(seconds: float, fn, *args):
    """``fn(*args)``, failing the test if it does not return in time (a blocked read never would)."""
    out: dict = {}
    thread = threading.Thread(target=lambda: out.update(value=fn(*args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{fn.__name__} blocked for {seconds} s"
    return out["value"]


@pytest.fixture
def odd_folder(tmp_path):
    """A folder holding one of each kind of entry, and a folder outside it with a secret."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text(SECRET, encoding="utf-8")
    (outside / "article.txt").write_text(TEXT, encoding="utf-8")
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "sub" / "cut.txt").write_bytes((TEXT + " Конец").encode("utf-8")[:-1])  # "ц" cut in half
    os.mkfifo(root / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(root / "sock.txt"))
    (root / "passwd.txt").symlink_to(outside / "passwd")
    (root / "out_dir").symlink_to(outside, target_is_directory=True)
    (root / "in_dir").symlink_to(root / "sub", target_is_directory=True)
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    (root / "link_in.txt").symlink_to(root / "a.txt")
    (root / "link_to_pipe.txt").symlink_to(root / "pipe.txt")
    (root / "relative_out.txt").symlink_to(os.path.join("..", "outside", "article.txt"))
    with contextlib.suppress(PermissionError):  # not root: the other kinds still run
        os.mknod(root / "null.txt", 0o644 | stat.S_IFCHR, os.makedev(1, 3))  # a character device, as /dev/null
    return root


EXPECTED = {
    "a.txt": ("accepted", None),
    "sub/cut.txt": ("accepted", None),
    "pipe.txt": ("rejected", "not a regular file but a FIFO (named pipe): not read"),
    "sock.txt": ("rejected", "not a regular file but a socket: not read"),
    "null.txt": ("rejected", "not a regular file but a character device: not read"),
    "passwd.txt": ("rejected", "symbolic link to a file outside the input folder: not read"),
    "relative_out.txt": ("rejected", "symbolic link to a file outside the input folder: not read"),
    "out_dir": ("rejected", "symbolic link to a folder outside the input folder: not followed"),
    "in_dir": (
        "rejected",
        "symbolic link to a folder inside the input folder: not followed (its files are read where they are)",
    ),
    "dangling.txt": ("rejected", "symbolic link to nothing (its target does not exist): not read"),
    "link_in.txt": ("duplicate", "same text as a.txt"),
    "link_to_pipe.txt": ("rejected", "symbolic link to a FIFO (named pipe): not read"),
}


def test_every_entry_has_a_row_with_its_reason_and_nothing_blocks(odd_folder):
    rows = {r["source_path"]: r for r in within(60, scan, odd_folder)}
    expected = {k: v for k, v in EXPECTED.items() if (odd_folder / k).is_symlink() or (odd_folder / k).exists()}
    assert {k: (r["status"], r.get("reason")) for k, r in rows.items()} == expected
    assert not any(SECRET in (r.get("raw_text") or "") for r in rows.values())
    assert rows["passwd.txt"]["size_bytes"] == len(str(odd_folder.parent / "outside" / "passwd"))  # the link's own


def test_a_cut_short_character_is_dropped_and_noted(odd_folder):
    row = next(r for r in scan(odd_folder) if r["source_path"] == "sub/cut.txt")
    assert row["raw_text"] == TEXT + " Коне"
    assert row["note"] == "the last 1 byte (an incomplete UTF-8 character) dropped: the file was cut short"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_each_unicode_encoding_cut_short_keeps_its_text(encoding):
    data = TEXT.encode(encoding)
    for cut in (1, 2, 3):
        decoded = decode(data[:-cut])
        assert TEXT.startswith(decoded.text) and len(decoded.text) >= len(TEXT) - 2
        whole_characters = decoded.text.encode(encoding.replace("-sig", "")).removeprefix(b"\xef\xbb\xbf")
        if decoded.note:
            assert "incomplete" in decoded.note and "cut short" in decoded.note
        else:  # the cut fell between characters
            assert data[:-cut].endswith(whole_characters[-4:])


def test_a_broken_byte_inside_is_not_a_cut_tail():
    """Only a cut at the very end is repaired; a bad byte inside is not dropped silently."""
    data = TEXT.encode("utf-8")
    with pytest.raises(DecodeError, match="binary or unknown encoding"):
        decode(data[:20] + b"\xff" + data[20:])


def test_the_sensor_lists_without_opening_and_sees_links_change(odd_folder, tmp_path):
    folder = InputFolder(path=str(odd_folder))
    warehouse = Warehouse(database=str(tmp_path / "none-yet.duckdb"))  # no warehouse: every file is new
    listing = within(30, folder_listing, folder)
    assert set(listing) == {k for k in EXPECTED if (odd_folder / k).is_symlink() or (odd_folder / k).exists()}
    ctx = dg.build_sensor_context(cursor=None, resources={"input_folder": folder, "warehouse": warehouse})
    assert isinstance(within(30, input_folder_sensor, ctx), dg.RunRequest)
    (odd_folder / "passwd.txt").unlink()
    (odd_folder / "passwd.txt").symlink_to(odd_folder / "a.txt")  # a link that changed target
    assert folder_listing(folder)["passwd.txt"] != listing["passwd.txt"]  # the link itself, not its target


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv")
def test_an_unreadable_file_is_a_row(tmp_path):
    root = tmp_path / "inbox"
    root.mkdir()
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "locked.txt").write_text(TEXT + " Закрыто.", encoding="utf-8")
    (root / "locked.txt").chmod(0)
    drop = "-dac_override,-dac_read_search"  # root reads any file through these two capabilities
    code = (
        "import sys; from pathlib import Path; from defcoop_dagster.core.ingest.sources import scan; "
        "[print(r['source_path'], r['status'], r.get('reason'), sep='|') for r in scan(Path(sys.argv[1]))]"
    )
    run = subprocess.run(
        ["setpriv", "--bounding-set", drop, "--inh-caps", drop, sys.executable, "-c", code, str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["a.txt|accepted|None", "locked.txt|rejected|cannot read: Permission denied"]


def test_odd_file_names_are_rows_and_the_run_stores_them(tmp_path):
    """A name that is not UTF-8 (from an old KOI8 system) would stop the run where it is stored as text."""
    root = tmp_path / "inbox"
    root.mkdir()
    names = [
        os.fsdecode("статья".encode("koi8_r") + b".txt"),  # not UTF-8
        "'; DROP TABLE articles; --.txt",
        "line\nbreak.txt",
        "тест 😀 \u202e.txt",
        "-leading.txt",
    ]
    for n, name in enumerate(names):
        (root / name).write_text(f"{TEXT} Номер {n}.", encoding="utf-8")
    (root / "loop1.txt").symlink_to(root / "loop2.txt")
    (root / "loop2.txt").symlink_to(root / "loop1.txt")
    rows = {r["source_path"]: r for r in scan(root)}
    koi8 = "\\xd3\\xd4\\xc1\\xd4\\xd8\\xd1.txt"
    assert set(rows) == {koi8, *names[1:], "loop1.txt", "loop2.txt"}
    assert rows[koi8]["status"] == "accepted"
    assert rows[koi8]["note"] == "the file name is not valid UTF-8: its undecodable bytes are shown as \\xNN"
    assert rows["loop1.txt"]["reason"] == "symbolic link in a loop of links: not read"
    db = tmp_path / "w.duckdb"
    assert run_pipeline(root, db, selection=["source_files", "articles"]).success
    assert query(db, "SELECT count(*) FROM articles") == [(5,)]
    assert {r[0] for r in query(db, "SELECT source_path FROM source_files")} == set(rows)


def test_a_file_that_breaks_its_parser_is_a_row_not_a_failed_run(tmp_path, monkeypatch):
    root = tmp_path / "inbox"
    root.mkdir()
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")  # the JSON parser's stack
    (root / "odd.html").write_text("<html><body><p>" + TEXT + "</p></body></html>", encoding="utf-8")
    from defcoop_dagster.core.ingest import sources

    real = sources.read_document

    def fragile(path, data, *args):
        if path.endswith(".html"):
            raise ValueError("the HTML parser gave up")  # as a library bug on one page would
        return real(path, data, *args)

    monkeypatch.setattr(sources, "read_document", fragile)
    rows = {r["source_path"]: (r["status"], r.get("reason")) for r in scan(root)}
    assert rows == {
        "a.txt": ("accepted", None),
        "deep.json": ("rejected", "invalid JSON: nested too deeply"),
        "odd.html": ("rejected", "cannot be read as html: ValueError: the HTML parser gave up"),
    }


@pytest.mark.parametrize("space", ["\u00a0", "\u3000\n", "\u2003 \u2003", "\ufeff\u00a0"])
def test_unicode_white_space_in_utf8_is_an_empty_file(space):
    """Not a Cyrillic letter of another code page (no-break space as cp1251 reads "В")."""
    with pytest.raises(DecodeError, match=r"empty file \(only white space\)"):
        decode(space.encode("utf-8"))
