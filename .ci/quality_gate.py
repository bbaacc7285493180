#!/usr/bin/env python3
"""Run the gold evaluation on dev, dev2 and the seeds; fail when a score falls below its floor.

usage (from the project root, in its environment): python .ci/quality_gate.py
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())


def evaluate(gold_set: str) -> dict:
    out = Path(tempfile.mkdtemp(prefix="defcoop-gate-")) / "scores.json"
    run = subprocess.run(
        [sys.executable, str(GOLD / "evaluate.py"), str(GOLD / gold_set), "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    print(run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-2000:])
    if run.returncode != 0 or not out.exists():
        sys.exit(f"evaluation of {gold_set} failed (exit {run.returncode}):\n{run.stderr[-3000:]}")
    return json.loads(out.read_text())


def main() -> int:
    if not (GOLD / "evaluate.py").exists():
        print(f"quality gate: {GOLD} not found beside the project; nothing to check")
        return 0
    scores = {
        **evaluate("dev"),
        **{f"dev2_{k}": v for k, v in evaluate("dev2").items()},
        **{f"seeds_{k}": v for k, v in evaluate("seeds").items()},
    }
    failed = []
    for metric, floor in FLOORS.items():
        if metric.startswith("_"):
            continue
        value = scores[metric]
        mark = "ok " if value >= floor else "LOW"
        print(f"  {mark} {metric:<35} {value:.3f}  (floor {floor:.3f})")
        if value < floor:
            failed.append(metric)
    if failed:
        print(f"quality gate: below the floor: {', '.join(failed)}")
        return 1
    print("quality gate: every score at or above its floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
