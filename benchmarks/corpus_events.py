"""Events the core finds in general news: how many per 1,000 articles, and a random sample to judge.

usage (from the project root): python benchmarks/corpus_events.py [../shared/corpus] [--sample 30] [--seed 7]
       [--json OUT] [--events 20]

The corpus is news on every subject (almost none on defence): every meeting found there should be a
real meeting under ../shared/gold/ANNOTATION.md, so a sample of them, read by a person, measures
precision on text nobody tuned the rules to. Prints the rates and the sample (countries, people,
date, evidence) for that reading.
"""

import argparse
import json
import random
import sys
import time
from pathlib import Path

from defcoop_dagster.core.canonical.rows import merge_reports
from defcoop_dagster.core.extraction import extract_articles
from defcoop_dagster.core.ingest.articles import article_rows
from defcoop_dagster.core.ingest.sources import scan


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", help="write the meetings and agreements found here")
    ap.add_argument("--events", type=int, default=20, help="defence-flagged and unflagged events to print")
    args = ap.parse_args()
    t0 = time.perf_counter()
    sources = [s for s in scan(Path(args.corpus)) if s["status"] in ("accepted", "duplicate")]
    articles = article_rows(sources)
    rows = extract_articles(articles)
    took = time.perf_counter() - t0
    n = len(articles)
    countries, people = {}, {}
    for c in rows.meeting_countries:
        countries.setdefault(c["meeting_id"], []).append(c["country_iso3"])
    for p in rows.meeting_participants:
        people.setdefault(p["meeting_id"], []).append(f"{p['name']} ({p['role'] or '-'}, {p['country_iso3']})")
    path_of = {a["article_id"]: a["source_path"] for a in articles}
    print(
        f"{n} articles in {took:.0f}s: {len(rows.meetings)} meetings ({1000 * len(rows.meetings) / n:.1f} per 1,000), "
        f"{len(rows.agreements)} agreements ({1000 * len(rows.agreements) / n:.1f} per 1,000)"
    )
    sample = random.Random(args.seed).sample(rows.meetings, min(args.sample, len(rows.meetings)))
    for i, m in enumerate(sample, 1):
        mid = m["meeting_id"]
        print(
            f"\n[{i}] {path_of[m['article_id']]}  {sorted(countries.get(mid, []))}  {m['date_iso']}  {m['status']}"
            f"  rule={m['rule']}\n    people: {'; '.join(people.get(mid, [])) or '-'}\n    evidence: {m['evidence']}"
        )
    defence_events(rows, articles, args.events, args.seed)
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "articles": n,
                    "meetings": rows.meetings,
                    "agreements": rows.agreements,
                    "meeting_countries": rows.meeting_countries,
                    "meeting_participants": rows.meeting_participants,
                },
                ensure_ascii=False,
                default=str,
            )
        )
    return 0


def defence_events(rows, articles: list[dict], shown: int, seed: int) -> None:
    """Reports merged into events (``core.canonical``): events and defence-flagged events per 1,000
    articles, and a sample of flagged and unflagged events to judge."""
    published = {a["article_id"]: a.get("published_date") for a in articles}
    path_of = {a["article_id"]: a["source_path"] for a in articles}
    merged = merge_reports(
        rows.meetings,
        rows.meeting_countries,
        rows.meeting_participants,
        rows.agreements,
        rows.agreement_parties,
        published,
        {},
    )
    n = len(articles)
    events = merged.meeting_events + merged.agreement_events
    flagged = [e for e in events if e["defence"]]
    print(
        f"\nevents: {len(merged.meeting_events)} meetings, {len(merged.agreement_events)} documents "
        f"({1000 * len(events) / n:.1f} per 1,000 articles); defence-flagged: {len(flagged)} "
        f"({1000 * len(flagged) / n:.1f} per 1,000)"
    )
    reports = {r["meeting_id"]: r for r in rows.meetings} | {r["agreement_id"]: r for r in rows.agreements}
    links = merged.meeting_event_reports + merged.agreement_event_reports
    first = {}
    for link in links:
        first.setdefault(link["event_id"], reports[link.get("meeting_id") or link.get("agreement_id")])
    countries = {}
    for c in merged.meeting_event_countries + merged.agreement_event_parties:
        countries.setdefault(c["event_id"], []).append(c["country_iso3"])
    pick = random.Random(seed)
    for label, group in (("flagged", flagged), ("unflagged", [e for e in events if not e["defence"]])):
        print(f"\n--- {label}: {min(shown, len(group))} of {len(group)} ---")
        for i, e in enumerate(pick.sample(group, min(shown, len(group))), 1):
            r = first[e["event_id"]]
            print(
                f"[{label[0]}{i}] {path_of[r['article_id']]}  {sorted(countries.get(e['event_id'], []))}  "
                f"{'meeting' if e['event_id'].startswith('mev_') else e['kind']}  {e['defence_rule']}\n"
                f"    evidence: {r['evidence'][:300]}"
            )


if __name__ == "__main__":
    sys.exit(main())
