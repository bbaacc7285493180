"""How many of the gold meetings and documents the core finds carry the defence flag.

usage (from the project root):
    python benchmarks/gold_defence.py ../shared/gold/seeds ../shared/gold/dev ../shared/gold/dev2

Nearly every gold event is defence cooperation, so the share flagged among those found (paired with a
gold item the way ``../shared/gold/score.py`` pairs them) measures the flag's recall. Prints the share
and every found-but-unflagged event with its sentence.
"""

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

from defcoop_dagster.core.extraction import extract_articles
from defcoop_dagster.core.ingest.articles import article_rows
from defcoop_dagster.core.ingest.sources import scan


def scorer(gold_dir: Path):
    spec = importlib.util.spec_from_file_location("score", gold_dir.resolve().parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dirs", nargs="+")
    args = ap.parse_args()
    score = scorer(Path(args.gold_dirs[0]))
    work = Path(tempfile.mkdtemp(prefix="defcoop-defence-"))
    golds = {}
    for folder in args.gold_dirs:
        for path in sorted(Path(folder).glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            golds[gold["id"]] = gold
            (work / f"{gold['id']}.txt").write_text(gold["text"], encoding="utf-8")
    articles = article_rows([s for s in scan(work) if s["status"] in ("accepted", "duplicate")])
    rows = extract_articles(articles)
    gid_of = {a["article_id"]: Path(a["source_path"]).stem for a in articles}
    found = {"meetings": [], "agreements": []}
    for table, key, sides, kind_key in (
        ("meetings", "meeting_id", rows.meeting_countries, lambda r: ()),
        ("agreements", "agreement_id", rows.agreement_parties, lambda r: (r["kind"],)),
    ):
        countries = {}
        for c in sides:
            countries.setdefault(c[key], set()).add(c["country_iso3"])
        people = {}
        for p in rows.meeting_participants if table == "meetings" else []:
            people.setdefault(p[key], []).append(p["name"])
        out = {}
        for r in getattr(rows, table):
            out.setdefault(gid_of[r["article_id"]], []).append(
                {
                    **r,
                    "countries": tuple(sorted(countries.get(r[key], ()))),
                    "participants": people.get(r[key], []),
                    "date": score.output_date(r.get("meeting_date") or r.get("signed_date"), r["date_precision"]),
                }
            )
        for gid, gold in golds.items():
            items = [dict(x, countries=tuple(sorted(x["countries"]))) for x in gold.get(table, [])]
            pairs = score.pair(
                items,
                out.get(gid, []),
                lambda x, kind_key=kind_key: (x["countries"], *kind_key(x)),
                lambda g, o: (
                    len(
                        {score.surname(p["name"]) for p in g.get("participants", [])}
                        & {score.surname(n) for n in o["participants"]}
                    )
                    + 0.5 * score.dates_agree(g.get("date"), o["date"])
                ),
            )
            found[table] += [(gid, o) for _, o in pairs]
    total = sum(len(v) for v in found.values())
    flagged = sum(o["defence"] for v in found.values() for _, o in v)
    for table, pairs in found.items():
        n = sum(o["defence"] for _, o in pairs)
        print(f"{table}: {n} of {len(pairs)} found gold items flagged defence ({100 * n / max(len(pairs), 1):.1f}%)")
    print(f"all: {flagged} of {total} ({100 * flagged / max(total, 1):.1f}%)")
    for table, pairs in found.items():
        for gid, o in pairs:
            if not o["defence"]:
                print(f"  unflagged {table[:-1]} {gid} {o['countries']}: {o['evidence'][:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
