"""Audit: many bad inputs and the faults that wedged runs, through `defcoop materialize` for real.

usage (from the project root): python benchmarks/bad_inputs_audit.py [--work DIR] [--skip-faults]

1. About two thousand entries made by ``audit_inputs.py`` (empty, binary, every encoding, cut short,
   huge, FIFOs, sockets, devices, links in, out, dangling and in loops, unreadable, deep folders, odd
   names: SQL-ish, unicode, not UTF-8…) in one folder, one run (unprivileged when run as root, so
   unreadable files are unreadable). Counted: entries, rows of source_files, entries without a row
   (lost), accepted files without an article, rows holding text from outside the folder.
2. Faults, one after the other on one instance and warehouse, each followed by a run that must end
   with the tables of a clean run: SIGKILL of the process group at several moments, the Dagster
   process alone killed (as by the OOM killer), a full disk (tmpfs) and a file size limit, a reader
   holding the published file, a FIFO under the sensor, two runs at once, leftovers of a crash.
   A run is broken when it hangs, fails without its one-line reason, changes the published file when
   it fails, or when the run after it does not end clean.
"""

import argparse
import contextlib
import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import dagster as dg
import duckdb

sys.path.insert(0, str(Path(__file__).parent))
from audit_inputs import SECRET, make_inputs, on_disk  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEEDS = ROOT / "seeds"
TABLES = ["source_files", "articles", "mentions", "persons", "meetings", "agreements", "dyad_year"]


def q(db: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


class Pipeline:
    """`defcoop materialize` on one instance and warehouse."""

    def __init__(self, work: Path, inbox: Path, db: Path | None = None):
        self.home, self.db, self.inbox = work / "home", db or work / "out" / "w.duckdb", inbox
        self.home.mkdir(parents=True)
        shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", self.home)
        self.env = dict(
            os.environ,
            DAGSTER_HOME=str(self.home),
            DEFCOOP_INPUT_DIR=str(inbox),
            DEFCOOP_DUCKDB_PATH=str(self.db),
            DEFCOOP_SENSOR="off",
            DEFCOOP_SCHEDULE="off",
        )
        self.instance = dg.DagsterInstance.from_config(str(self.home))

    def start(self, *args, unprivileged=False, fsize=None) -> subprocess.Popen:
        cmd = [str(BIN / "defcoop"), "materialize", *args]
        if unprivileged and os.geteuid() == 0 and shutil.which("setpriv"):
            drop = "-dac_override,-dac_read_search"  # root reads any file through these capabilities
            cmd = ["setpriv", "--bounding-set", drop, "--inh-caps", drop, *cmd]
        limit = (lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))) if fsize else None
        return subprocess.Popen(
            cmd, env=self.env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True, preexec_fn=limit,
        )  # fmt: skip

    def run(self, *args, timeout=1800, **kw) -> tuple[int | None, str, str]:
        proc = self.start(*args, **kw)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            return None, out, err  # hung
        return proc.returncode, out, err

    def kill_at(self, moment) -> tuple[str, subprocess.Popen]:
        known = {r.run_id for r in self.instance.get_runs()}
        proc = self.start()
        run_id = wait(lambda: next((r.run_id for r in self.instance.get_runs() if r.run_id not in known), None))
        wait(lambda: moment(run_id) or proc.poll() is not None, every=0.005)
        return run_id, proc

    def started(self, run_id: str, step: str | None = None) -> bool:
        kind = dg.DagsterEventType.STEP_START if step else dg.DagsterEventType.RUN_START
        return any(
            step is None or r.event_log_entry.step_key == step
            for r in self.instance.get_records_for_run(run_id, of_type=kind).records
        )

    def digest(self) -> str:
        files = [self.db, self.db.parent / "network.png", self.db.parent / "timelines.png"]
        return hashlib.sha256(b"".join(p.read_bytes() for p in files if p.exists())).hexdigest()

    def tables(self) -> dict:
        return {t: q(self.db, f'SELECT * EXCLUDE (modified_at) FROM "{t}" ORDER BY ALL') if t == "source_files"
                else q(self.db, f'SELECT * FROM "{t}" ORDER BY ALL') for t in TABLES}  # fmt: skip

    def clean(self) -> list[str]:
        """What is wrong with the instance and the warehouse after a good run (nothing, if clean)."""
        problems = []
        unfinished = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.NOT_STARTED]
        if self.instance.get_runs(dg.RunsFilter(statuses=unfinished)):
            problems.append("a run left unfinished")
        if self.instance.event_log_storage.get_concurrency_info("warehouse").claimed_slots:
            problems.append("a warehouse slot still claimed")
        if list(self.db.parent.glob(".*.tmp")) or list(self.db.parent.glob(".*.tmp.wal")):
            problems.append("temporary files left")
        return problems


def wait(predicate, timeout: float = 900, every: float = 0.2):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise TimeoutError


def one_line(err: str) -> str | None:
    lines = [x for x in err.splitlines() if x.startswith("the run failed: ")]
    return lines[0] if len(lines) == 1 else None


def audit_inputs(work: Path) -> bool:
    inbox, outside = work / "inbox", work / "outside"
    made = make_inputs(inbox, outside)
    entries = on_disk(inbox)
    pipe = Pipeline(work / "inputs", inbox)
    t0 = time.monotonic()
    code, _, err = pipe.run(unprivileged=True)
    took = time.monotonic() - t0
    if code != 0:
        print(f"the run over the bad inputs did not end well ({code}): {err[-2000:]}")
        return False
    rows = {r[0] for r in q(pipe.db, "SELECT source_path FROM source_files")}
    lost = entries - rows
    unreadable = q(pipe.db, "SELECT count(*) FROM source_files WHERE reason LIKE 'cannot read: Permission%'")[0][0]
    read = {r[0] for r in q(pipe.db, "SELECT source_path FROM source_files WHERE status <> 'rejected'")}
    in_articles = {r[0] for r in q(pipe.db, "SELECT unnest(source_paths) FROM articles")}
    quarantined = {
        path
        for (row,) in q(pipe.db, "SELECT row_json FROM quarantine WHERE asset = 'articles'")
        for path in json.loads(row)["source_paths"]
    }
    no_article = len(read - in_articles - quarantined)
    leaked = q(
        pipe.db,
        "SELECT (SELECT count(*) FROM source_files WHERE contains(raw_text, ?)) + "
        "(SELECT count(*) FROM articles WHERE contains(body, ?))",
        [SECRET, SECRET],
    )[0][0]
    print(f"inputs tried: {sum(made.values())} ({len(made)} kinds; {len(entries)} entries found on disk)")
    print(f"accounted for (a source_files row each): {len(entries & rows)}   lost: {len(lost)}   extra rows: "
          f"{len(rows - entries)}")  # fmt: skip
    for status, n in q(pipe.db, "SELECT status, count(*) FROM source_files GROUP BY ALL ORDER BY ALL"):
        print(f"  {status:<10} {n:>5}")
    print(f"accepted or duplicate files without an article: {no_article} (in quarantine: {len(read & quarantined)})")
    print(f"rows holding text from outside the folder: {leaked}   unreadable files told: {unreadable}")
    print(f"the run took {took:.0f} s")
    for path in sorted(lost)[:20]:
        print(f"  lost: {path!r}")
    return not lost and not leaked and not no_article


def audit_faults(work: Path) -> tuple[int, int]:
    inbox = work / "seeds"
    shutil.copytree(SEEDS, inbox)
    pipe = Pipeline(work / "faults", inbox)
    code, _, err = pipe.run()
    assert code == 0, err[-2000:]
    reference = pipe.tables()
    results: list[tuple[str, list[str]]] = []

    def recover(name: str, problems: list[str], on: Pipeline = pipe) -> None:
        code, _, err = on.run()
        if code != 0:
            problems.append(f"the next run failed ({code}): {(one_line(err) or err[-300:])}")
        elif on.tables() != reference:
            problems.append("the next run ended with other tables")
        problems += on.clean()
        results.append((name, problems))
        print(f"  {name:<55} {'ok' if not problems else 'BROKEN: ' + '; '.join(problems)}", flush=True)

    def killed(name: str, moment) -> None:
        before = pipe.digest()
        _, proc = pipe.kill_at(moment)
        with contextlib.suppress(ProcessLookupError):  # publishing may have been quicker than the poll
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        recover(name, [] if pipe.digest() == before else ["the published files changed"])

    print("faults:")
    killed("SIGKILL to the run's process group at its start", lambda r: pipe.started(r))
    killed("SIGKILL in its first step", lambda r: pipe.started(r, "source_files"))
    killed("SIGKILL in extraction", lambda r: pipe.started(r, "extraction"))
    killed("SIGKILL while publishing", lambda r: pipe.started(r, "published_warehouse"))

    # the Dagster process alone, as the OOM killer picks the largest
    run_id, proc = pipe.kill_at(lambda r: pipe.started(r, "extraction"))
    (start,) = pipe.instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.RUN_START).records
    os.kill(start.event_log_entry.dagster_event.pid, signal.SIGKILL)
    _, err = proc.communicate(timeout=300)
    recover("the Dagster process alone killed (out of memory)", [] if "killed by SIGKILL" in err else ["not told"])

    # a full disk: the warehouse on a 64 MB tmpfs, filled but 1 MB once the warehouse is published there
    disk = work / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(disk)]).returncode == 0:
        try:
            small = Pipeline(work / "disk-run", inbox, db=disk / "w.duckdb")
            small.run()
            before = small.digest()
            st = os.statvfs(disk)
            with open(disk / "filler", "wb") as f:
                os.posix_fallocate(f.fileno(), 0, st.f_bavail * st.f_frsize - (1 << 20))
            code, _, err = small.run()
            told = one_line(err) or ""
            problems = [] if code and "No space left on device" in told else [f"not told: {told or err[-300:]}"]
            problems += [] if small.digest() == before else ["the published files changed"]
            (disk / "filler").unlink()
            recover("a full disk (tmpfs)", problems, on=small)
        finally:
            subprocess.run(["umount", "-l", str(disk)])
    else:
        print("  a full disk (tmpfs): not tried, cannot mount here")

    before = pipe.digest()
    code, _, err = pipe.run("--select", "published_warehouse", fsize=pipe.db.stat().st_size // 2)
    told = one_line(err) or ""
    problems = [] if code and "File too large" in told else [f"not told: {told or err[-300:]}"]
    recover("a file size limit while publishing (EFBIG)", problems + ([] if pipe.digest() == before else ["changed"]))

    reader = duckdb.connect(str(pipe.db), read_only=True)
    code, _, err = pipe.run()
    problems = [] if code == 0 and reader.execute("SELECT count(*) FROM articles").fetchone() else ["reader blocked"]
    reader.close()
    recover("a reader holding the published file open", problems)

    os.mkfifo(inbox / "pipe.txt")
    from defcoop_dagster.defs.automation.sensors import folder_listing
    from defcoop_dagster.defs.resources import InputFolder

    lister = threading.Thread(target=folder_listing, args=(InputFolder(path=str(inbox)),), daemon=True)
    lister.start()
    lister.join(30)
    code, _, err = pipe.run(timeout=600)
    (inbox / "pipe.txt").unlink()
    problems = (["the sensor blocked"] if lister.is_alive() else []) + (["the run hung"] if code is None else [])
    recover("a FIFO in the folder, under the sensor", problems)

    both = [pipe.start(), pipe.start()]
    for proc in both:
        proc.communicate(timeout=1800)
    codes = [proc.returncode for proc in both]
    recover("two runs at once", [] if codes == [0, 0] else [f"exit codes {codes}"])

    for leftover in [f".{pipe.db.name}.deadbeef.tmp", f".{pipe.db.name}.deadbeef.tmp.wal", ".network.png.0a1b2c3d.tmp"]:
        (pipe.db.parent / leftover).write_bytes(b"\0" * (1 << 20))
    recover("leftovers of a crashed publishing present", [])
    return len(results), sum(1 for _, problems in results if problems)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, help="folder to work in (default: a new temporary folder)")
    ap.add_argument("--skip-faults", action="store_true")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="defcoop-audit-"))
    print(f"working in {work}")
    inputs_ok = audit_inputs(work)
    tried, broken = (0, 0) if args.skip_faults else audit_faults(work)
    print(f"faults tried: {tried}   runs broken: {broken}")
    return 0 if inputs_ok and not broken else 1


if __name__ == "__main__":
    sys.exit(main())
