"""Throughput of the entity layer against raw natasha, over a folder of plain-text articles.

    python benchmarks/entity_throughput.py [CORPUS] [--limit N] [--batch-size 64] [--no-syntax]
                                           [--blas-threads 1]

CORPUS defaults to ``<repo>/../shared/corpus``; every ``*.txt`` below it is read and cleaned with
``parse_article`` (timed apart).  With the models loaded once beforehand, the same run then times

(a) the reference: raw natasha per article (``Doc``, segment, tag_morph, tag_ner; no syntax);
(b) our entity layer, as ``entities.extract`` runs it: ``analysis.analyse_batch`` over batches
    (morph + syntax + NER + lemmas), then per article the gazetteer (``find_countries``),
    ``mentions.mention_rows`` and ``people.person_rows``, each step timed apart.

It prints articles/second and seconds for each stage, mentions by type, and memory: the process's
peak RSS after each stage, and a tracemalloc peak of the entity stage measured on a separate,
untimed pass over the first batches (tracemalloc slows allocation-heavy code several-fold, so it
never runs during the timed passes).

OpenBLAS (under numpy, under slovnet) runs one thread per core by default; on a shared 2-core
machine that made both stages 5-9x slower and the timings erratic.  ``--blas-threads`` (default 1)
sets OPENBLAS_NUM_THREADS/OMP_NUM_THREADS before numpy loads; 0 keeps the environment as it is.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # runnable as a plain script from anywhere

# natasha and the project modules are imported inside the functions, after main() has set the
# BLAS thread count: OpenBLAS reads it once, when numpy is first imported.

TRACE_ARTICLES = 128  # articles in the tracemalloc pass


def rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw_natasha(articles) -> None:
    from natasha import Doc, Segmenter

    from defcoop_dagster.core.lang import analysis as nlp

    m = nlp.models()
    segmenter = Segmenter()  # razdel underneath; our layer segments with razdel itself (analysis.segmented)
    for art in articles:
        doc = Doc(art.body)
        doc.segment(segmenter)
        doc.tag_morph(m.morph_tagger)
        doc.tag_ner(m.ner_tagger)


def entity_layer(articles, batch_size: int, syntax: bool) -> tuple[Counter, int, dict[str, float]]:
    """(mentions by type, person rows, seconds per step)."""
    from defcoop_dagster.core.entities.mentions import mention_rows
    from defcoop_dagster.core.entities.people import person_rows
    from defcoop_dagster.core.gazetteers.countries import find_countries
    from defcoop_dagster.core.lang import analysis as nlp

    by_type: Counter = Counter()
    persons = 0
    spent = Counter()
    for batch in nlp.batches(articles, batch_size):
        t = time.perf_counter()
        docs = nlp.analyse_batch([a.body for a in batch], syntax=syntax)
        spent["analyse_batch"] += time.perf_counter() - t
        for art, doc in zip(batch, docs, strict=True):
            t = time.perf_counter()
            countries = find_countries(art.body, capitals=False)
            spent["find_countries"] += time.perf_counter() - t
            t = time.perf_counter()
            rows = mention_rows(art.article_id, art.body, doc, art.published, art.dateline_end, countries)
            spent["mention_rows"] += time.perf_counter() - t
            by_type.update(r["type"] for r in rows)
            t = time.perf_counter()
            year = art.published.year if art.published else None
            people, _ = person_rows(art.article_id, art.body, doc, countries, art.dateline_end, year)
            spent["person_rows"] += time.perf_counter() - t
            persons += len(people)
    return by_type, persons, dict(spent)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--limit", type=int, default=None, help="only the first N files (sorted by path)")
    ap.add_argument("--batch-size", type=int, default=64, help="articles per analyse_batch call")
    ap.add_argument("--no-syntax", action="store_true", help="analyse_batch without the syntax parser")
    ap.add_argument("--blas-threads", type=int, default=1, help="OpenBLAS threads (0: leave the environment)")
    args = ap.parse_args(argv)
    if args.blas_threads > 0:
        os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = str(args.blas_threads)

    from defcoop_dagster.core.entities import noise
    from defcoop_dagster.core.gazetteers.countries import find_countries
    from defcoop_dagster.core.ingest.articles import parse_article
    from defcoop_dagster.core.lang import analysis as nlp

    files = sorted(args.corpus.rglob("*.txt"))[: args.limit]
    if not files:
        print(f"no .txt files under {args.corpus}", file=sys.stderr)
        return 1
    t = time.perf_counter()
    parsed = [parse_article(p.read_text(encoding="utf-8", errors="replace")) for p in files]
    parse_s = time.perf_counter() - t
    # natasha's NER tagger cannot take an empty text; both stages get the same non-empty articles.
    articles = [a for a in parsed if a.body.strip()]
    chars = sum(len(a.body) for a in articles)
    blas = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    print(f"corpus       {args.corpus}  files={len(files)}  articles={len(articles)}  chars={chars:,}")
    print(f"machine      {os.cpu_count()} cores, OPENBLAS_NUM_THREADS={blas}, load average {os.getloadavg()[0]:.2f}")
    print(f"parse        {parse_s:8.2f} s   ({len(files) / parse_s:7.1f} files/s, parse_article)")

    t = time.perf_counter()
    nlp.models()
    # The lazily built lookup tables belong to loading, not to the first timed article.
    find_countries("Россия")
    noise.misspelt_country("Азербайдажан")
    noise.is_place_name("Шуша")
    load_s = time.perf_counter() - t
    print(f"load         {load_s:8.2f} s   (natasha models, gazetteer, noise tables)   peak RSS {rss_mb():7.0f} MB")

    t = time.perf_counter()
    raw_natasha(articles)
    raw_s = time.perf_counter() - t
    print(
        f"(a) natasha  {raw_s:8.2f} s   {len(articles) / raw_s:7.1f} articles/s   "
        f"(Doc+segment+morph+ner per article)   peak RSS {rss_mb():7.0f} MB"
    )

    t = time.perf_counter()
    by_type, persons, spent = entity_layer(articles, args.batch_size, not args.no_syntax)
    ent_s = time.perf_counter() - t
    steps = ", ".join(f"{k} {v:.2f} s" for k, v in spent.items())
    print(
        f"(b) entities {ent_s:8.2f} s   {len(articles) / ent_s:7.1f} articles/s   "
        f"(batch {args.batch_size}, syntax {'off' if args.no_syntax else 'on'}: {steps})   peak RSS {rss_mb():7.0f} MB"
    )
    print(f"    ratio (b)/(a) time: {ent_s / raw_s:.2f}   load average now {os.getloadavg()[0]:.2f}")

    total = sum(by_type.values())
    print(f"mentions     {total:,} rows: " + ", ".join(f"{k} {v:,}" for k, v in by_type.most_common()))
    print(f"persons      {persons:,} person rows")

    trace = articles[:TRACE_ARTICLES]
    tracemalloc.start()
    entity_layer(trace, args.batch_size, not args.no_syntax)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"tracemalloc  entity stage peak {peak / 2**20:.1f} MB over {len(trace)} articles (separate untimed pass)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
