"""dbt's debug events are dropped unbuilt only when no log and no callback of the command takes them:
what dbt prints, writes to its log and hands to callbacks is the same with or without it."""

import json
import shutil
import subprocess
import sys

import pytest

from defcoop_dagster.analytics.dbt_project import PARTIAL_PARSE, TARGET

from .conftest import ROOT

EVENTS = ROOT / "defcoop_dagster" / "analytics" / "dbt_events.py"
VARYING = {"ParseCmdPerfInfoPath", "Formatting", "StatsLine"}  # stdout's events of timings and paths

# A dbt command in a process of its own (the change is to a class of dbt's, for the whole process):
# argv = [dbt_events.py's path or "", callback, *dbt args]. It prints one JSON line last: how many event messages dbt
# built, by level, and the names of the events a callback received.
COMMAND = """
import collections, json, sys
from dbt_common.events import event_manager
from dbt.cli.main import dbtRunner
built, heard = collections.Counter(), collections.Counter()
make = event_manager.msg_from_base_event
def counted(event, level=None):
    msg = make(event, level=level)
    built[msg.info.level] += 1
    return msg
event_manager.msg_from_base_event = counted
path, callback, *args = sys.argv[1:]
if path:
    import importlib.util
    spec = importlib.util.spec_from_file_location("dbt_events", path)
    spec.loader.exec_module(module := importlib.util.module_from_spec(spec))
    assert module.skip_unlogged()
callbacks = [lambda msg: heard.update([msg.info.level])] if callback == "1" else []
ok = dbtRunner(callbacks=callbacks).invoke(args).success
print(json.dumps({"ok": ok, "built": built, "heard": heard}))
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the dbt project with the checkout's saved parse (a parse then reads only what changed)."""
    copy = tmp_path_factory.mktemp("dbt") / "dbt_like_models"
    source = ROOT / "dbt_like_models"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns(TARGET, "logs"))
    (copy / TARGET).mkdir()
    if (source / TARGET / PARTIAL_PARSE).is_file():
        shutil.copy(source / TARGET / PARTIAL_PARSE, copy / TARGET / PARTIAL_PARSE)
    parse(copy, dropping=False)  # the copy's first parse may read more (another path): the tests' are alike
    return copy


def parse(project, dropping: bool, callback: bool = False, *flags: str) -> tuple[dict, list[dict], str]:
    """``dbt parse`` of ``project``, its log file at the info level as the pipeline's builds write it
    (unless ``flags`` say otherwise): what the command told (see COMMAND), its stdout's JSON log lines
    (without what differs between any two runs) and its log file."""
    args = ["--log-level-file", "info", *flags, "parse", "--project-dir", str(project), "--profiles-dir", str(project)]
    args += ["--target-path", str(project / TARGET), "--log-path", str(project / "logs"), "--log-format", "json"]
    (project / "logs" / "dbt.log").unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", COMMAND, str(EVENTS) if dropping else "", str(int(callback)), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    *lines, told = done.stdout.splitlines()
    logged = [json.loads(line)["info"] for line in lines if line.startswith("{")]
    steady = [(e["name"], e["level"], e["msg"]) for e in logged if e["name"] not in VARYING]
    log = (project / "logs" / "dbt.log").read_text(encoding="utf-8")
    return json.loads(told), steady, log


def test_no_log_writes_a_debug_event_so_none_is_built(project):
    told, printed, log = parse(project, dropping=True)
    before, printed_before, log_before = parse(project, dropping=False)
    assert told["ok"] and before["ok"]
    assert before["built"]["debug"] > 0  # built, then dropped by Python's logging
    assert "debug" not in told["built"] and told["built"]["info"] == before["built"]["info"]
    assert printed == printed_before
    assert len(log.splitlines()) == len(log_before.splitlines())


def test_a_debug_log_or_a_callback_gets_every_event_as_before(project):
    debug, printed, _ = parse(project, True, False, "--log-level", "debug")
    debug_before, printed_before, _ = parse(project, False, False, "--log-level", "debug")
    assert debug["built"] == debug_before["built"] and debug["built"]["debug"] > 0
    assert [e for e in printed if e[1] == "debug"]
    assert [name for name, _, _ in printed] == [name for name, _, _ in printed_before]

    # dbt's default log file is at the debug level: each debug event is written there as before
    in_file, _, log = parse(project, True, False, "--log-level-file", "debug")
    in_file_before, _, log_before = parse(project, False, False, "--log-level-file", "debug")
    assert in_file["built"] == in_file_before["built"] and in_file["built"]["debug"] > 0
    assert '"level": "debug"' in log and len(log.splitlines()) == len(log_before.splitlines())

    heard, _, _ = parse(project, dropping=True, callback=True)
    heard_before, _, _ = parse(project, dropping=False, callback=True)
    assert heard["heard"] == heard_before["heard"] and heard["heard"]["debug"] > 0
