"""The warm dbt process's own parse, before its first command: it keeps nothing of it, forked
commands do not wait on what it left, and a command already waiting is served without it."""

import json
import shutil
import tempfile
from pathlib import Path

from .test_warm_start import PROJECT, _in_a_new_process


def test_the_server_parses_the_project_once_and_keeps_nothing_of_it(tmp_path):
    """What the server does before its first command: a parse of the project for the builds' target,
    which writes nothing into the project and leaves no folder and no process (the resource tracker
    that dbt's locks start); a project dbt cannot parse is no error there (the command's own parse
    says what is wrong)."""
    project, broken = tmp_path / "project", tmp_path / "broken"
    shutil.copytree(PROJECT, project, ignore=shutil.ignore_patterns("target", "logs"))
    shutil.copytree(project, broken)
    (broken / "dbt_project.yml").write_text("name: [unclosed\n")
    before = sorted((p.relative_to(tmp_path), p.stat().st_mtime_ns) for p in tmp_path.rglob("*"))
    code = f"""
        import glob, json, os, tempfile
        from pathlib import Path
        from defcoop_dagster.analytics import dbt_server
        from defcoop_dagster.analytics.dbt_project import BUILD_TARGET
        pattern = tempfile.gettempdir() + "/defcoop-dbt-warm-*"
        earlier = set(glob.glob(pattern))
        parsed = [dbt_server.warm_up(p, BUILD_TARGET) for p in ({str(project)!r}, {str(broken)!r})]
        def parent(entry):
            try:
                return entry.name.isdigit() and (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
            except (OSError, IndexError):
                return None  # gone meanwhile
        # every child of this process, the resource tracker included
        children = [p for p in Path("/proc").iterdir() if parent(p) == str(os.getpid())]
        print(json.dumps({{"parsed": parsed, "left": sorted(set(glob.glob(pattern)) - earlier),
                          "children": len(children)}}))
        """
    out = json.loads(_in_a_new_process(code).strip().splitlines()[-1])
    assert out == {"parsed": [True, False], "left": [], "children": 0}
    assert sorted((p.relative_to(tmp_path), p.stat().st_mtime_ns) for p in tmp_path.rglob("*")) == before


def test_a_command_parsing_every_model_is_served_by_a_server_that_parsed_every_model(tmp_path):
    """A project never parsed (no saved parse): the server's own parse and the command's both read
    every model. The command must not wait for threads of the server's parse that its fork left out.
    A command already waiting when dbt has loaded is served at once, without that parse."""
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project, ignore=shutil.ignore_patterns("target", "logs"))
    scratch = Path(tempfile.mkdtemp(prefix="dw"))  # short: a socket's path is at most ~100 bytes
    code = f"""
        import glob, os, threading, time
        from defcoop_dagster.analytics import dbt_server
        from defcoop_dagster.quick_exit import leave

        seen = []  # the server's parse works in a folder of its own under TMPDIR while it runs
        def watch():
            while True:
                seen.append(bool(glob.glob({str(scratch)!r} + "/defcoop-dbt-warm-*")))
                time.sleep(0.005)
        threading.Thread(target=watch, daemon=True).start()
        args = ["ls", "--resource-type", "model", "--output", "name", "--quiet", "--target-path", "t2"]
        os.chdir({str(project)!r})
        path = dbt_server.start()
        if os.environ["WHEN"] == "parsed":  # asked once the server has parsed
            while not any(seen):
                time.sleep(0.01)
            while seen[-1]:
                time.sleep(0.01)
        # else asked at once: the command waits while dbt loads, then is served
        code = dbt_server.hand_over(path, args)
        print("result:", "parsed" if any(seen) else "unparsed", code, flush=True)
        leave(0)  # the watching thread is not waited for
        """
    try:
        for when, parse in (("parsed", "parsed"), ("at once", "unparsed")):
            out = _in_a_new_process(code, DEFCOOP_MODELS_DIR=str(project), TMPDIR=str(scratch), WHEN=when)
            assert out.splitlines()[-1] == f"result: {parse} 0" and "dyad_year" in out.split()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
