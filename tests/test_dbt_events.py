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
SETTINGS = {  # name: (a callback listens, dbt's flags); each command is `dbt <flags> parse`
    "info": (False, []),
    "debug": (False, ["--log-level", "debug"]),
    "debug_file": (False, ["--log-level-file", "debug"]),
    "callback": (True, []),
}

# The dbt commands of SETTINGS, one after another, in a process of their own (the change is to a class of
# dbt's, for the whole process): argv = [dbt_events.py's path or "", JSON of [name, callback, dbt args]…].
# Before each command it prints a line "== name"; after it, one JSON line: how many event messages dbt built,
# by level, and the levels of the events a callback received.
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
path, commands = sys.argv[1], json.loads(sys.argv[2])
if path:
    import importlib.util
    spec = importlib.util.spec_from_file_location("dbt_events", path)
    spec.loader.exec_module(module := importlib.util.module_from_spec(spec))
    assert module.skip_unlogged()
for name, callback, args in commands:
    built.clear(), heard.clear()
    print("==", name, flush=True)
    callbacks = [lambda msg: heard.update([msg.info.level])] if callback else []
    ok = dbtRunner(callbacks=callbacks).invoke(args).success
    print(json.dumps({"ok": ok, "built": built, "heard": heard}), flush=True)
"""


def parse_all(project, dropping: bool, settings=SETTINGS) -> dict[str, tuple[dict, list[tuple], str]]:
    """``dbt parse`` of ``project`` in each of ``settings``, in one process, its log file at the info level
    as the pipeline's builds write it (unless the flags say otherwise): for each, what the command told (see
    COMMAND), its stdout's JSON log lines (without what differs between any two runs) and its log file."""
    commands = []
    for name, (callback, flags) in settings.items():
        args = ["--log-level-file", "info", *flags, "parse", "--project-dir", str(project)]
        args += ["--profiles-dir", str(project), "--target-path", str(project / TARGET)]
        args += ["--log-path", str(project / "logs" / name), "--log-format", "json"]
        shutil.rmtree(project / "logs" / name, ignore_errors=True)
        commands.append([name, callback, args])
    done = subprocess.run(
        [sys.executable, "-c", COMMAND, str(EVENTS) if dropping else "", json.dumps(commands)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    told, lines = {}, {}
    for line in done.stdout.splitlines():
        if line.startswith("== "):
            name = line[3:]
            lines[name] = []
        elif line.startswith("{"):
            lines[name].append(json.loads(line))
    for name, (*logged, last) in lines.items():
        steady = [(e["info"]["name"], e["info"]["level"], e["info"]["msg"]) for e in logged]
        log = (project / "logs" / name / "dbt.log").read_text(encoding="utf-8")
        told[name] = last, [e for e in steady if e[0] not in VARYING], log
    return told


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    """Each setting's parse with the change and without it, of a copy of the dbt project with the checkout's
    saved parse (a parse then reads only what changed)."""
    project = tmp_path_factory.mktemp("dbt") / "dbt_like_models"
    source = ROOT / "dbt_like_models"
    shutil.copytree(source, project, ignore=shutil.ignore_patterns(TARGET, "logs"))
    (project / TARGET).mkdir()
    if (source / TARGET / PARTIAL_PARSE).is_file():
        shutil.copy(source / TARGET / PARTIAL_PARSE, project / TARGET / PARTIAL_PARSE)
    # the copy's first parse may read more (another path): the compared ones come after it, all alike
    before = parse_all(project, dropping=False, settings={"first": SETTINGS["info"], **SETTINGS})
    return parse_all(project, dropping=True), before


def test_no_log_writes_a_debug_event_so_none_is_built(parsed):
    (told, printed, log), (before, printed_before, log_before) = (p["info"] for p in parsed)
    assert told["ok"] and before["ok"]
    assert before["built"]["debug"] > 0  # built, then dropped by Python's logging
    assert "debug" not in told["built"] and told["built"]["info"] == before["built"]["info"]
    assert printed == printed_before
    assert len(log.splitlines()) == len(log_before.splitlines())


def test_a_debug_log_or_a_callback_gets_every_event_as_before(parsed):
    (debug, printed, _), (debug_before, printed_before, _) = (p["debug"] for p in parsed)
    assert debug["built"] == debug_before["built"] and debug["built"]["debug"] > 0
    assert [e for e in printed if e[1] == "debug"]
    assert [name for name, _, _ in printed] == [name for name, _, _ in printed_before]

    # dbt's default log file is at the debug level: each debug event is written there as before
    (in_file, _, log), (in_file_before, _, log_before) = (p["debug_file"] for p in parsed)
    assert in_file["built"] == in_file_before["built"] and in_file["built"]["debug"] > 0
    assert '"level": "debug"' in log and len(log.splitlines()) == len(log_before.splitlines())

    (heard, _, _), (heard_before, _, _) = (p["callback"] for p in parsed)
    assert heard["heard"] == heard_before["heard"] and heard["heard"]["debug"] > 0
