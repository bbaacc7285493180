"""Score the plain-Python core on a gold set, without Dagster: text in, rows out, the shared scorer.

usage (from the project root): python benchmarks/gold_core.py ../shared/gold/dev2 [--verbose] [--only ID ...]
       [--part develop|held]   (dev2 only: the held-back third listed in benchmarks/dev2_holdout.txt, or the rest)

For fast iteration on extraction rules: the gold texts go through the same core functions the
assets call (files → articles → entities → events), the rows are written to a temporary DuckDB
file with the contract's tables, and ``../shared/gold/score.py`` scores it. Schema quarantine is
not applied, so figures can differ slightly from ``evaluate.py``; use that one for the record.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd

from defcoop_dagster.core.entities.extract import extract
from defcoop_dagster.core.events.rows import extract_all
from defcoop_dagster.core.ingest.articles import article_rows
from defcoop_dagster.core.ingest.sources import scan

HOLDOUT = Path(__file__).with_name("dev2_holdout.txt")
TABLES = ["meetings", "meeting_countries", "meeting_participants", "agreements", "agreement_parties"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only", nargs="*", help="gold ids to run (default: all)")
    ap.add_argument("--part", choices=["develop", "held"], help="the part of dev2 to run (benchmarks/dev2_holdout.txt)")
    args = ap.parse_args()
    held = {line.strip() for line in HOLDOUT.read_text().splitlines() if line.strip() and not line.startswith("#")}
    work = Path(tempfile.mkdtemp(prefix="defcoop-core-"))
    (work / "input").mkdir()
    gold_dir = work / "gold"
    gold_dir.mkdir()
    for path in sorted(Path(args.gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if args.only and gold["id"] not in args.only:
            continue
        if args.part and (gold["id"] in held) != (args.part == "held"):
            continue
        (work / "input" / f"{gold['id']}.txt").write_text(gold["text"], encoding="utf-8")
        (gold_dir / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    t0 = time.perf_counter()
    sources = [s for s in scan(work / "input") if s["status"] in ("accepted", "duplicate")]
    articles = article_rows(sources)
    entities = extract(articles)
    events = extract_all(articles, entities.persons, entities.person_mentions, entities.mentions, entities.sentences)
    took = time.perf_counter() - t0
    db = work / "core.duckdb"
    con = duckdb.connect(str(db))
    con.register("a", pd.DataFrame(articles)[["article_id", "source_path"]])
    con.execute("CREATE TABLE articles AS SELECT * FROM a")
    for name in TABLES:
        frame = pd.DataFrame(getattr(events, name))
        if frame.empty:
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM (SELECT NULL::VARCHAR AS x) WHERE false")
            continue
        con.register("f", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM f")
        con.unregister("f")
    con.close()
    print(f"core: {took:.1f}s for {len(articles)} articles")
    score = [sys.executable, str(Path(args.gold_dir).resolve().parent / "score.py"), str(gold_dir), str(db)]
    return subprocess.run(score + (["--verbose"] if args.verbose else [])).returncode


if __name__ == "__main__":
    sys.exit(main())
