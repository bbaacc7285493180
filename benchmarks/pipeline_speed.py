"""The whole pipeline against raw natasha on the same articles, in one run: the figures of issue 13.

usage (from the project root, in its environment):
    python benchmarks/pipeline_speed.py [--corpus ../shared/corpus] [--scales 1,3] [--skip-raw] [--suite]

For each scale (1× the corpus, 3× with each copy made a new article by a line of its own) it times,
in this run and on this machine:

* raw natasha: a ``Doc`` per article with segmentation, morphology, syntax and NER, in one process,
  models loaded beforehand (the reference the pipeline is compared with);
* ``defcoop materialize`` from an empty warehouse and a fresh DAGSTER_HOME (the full pipeline:
  files, articles, entities and events, SQL models, pictures, publishing), and its peak memory
  (the largest process, as ``getrusage(RUSAGE_CHILDREN)`` reports it: this script adopts and reaps
  the processes a run leaves behind, the extraction's fork server and its workers included);
* the same command again with nothing changed, and with one new article added: the time until the
  published file has it; the seconds of each run's steps, as Dagster recorded them.

Once, it also times the five seeds from an empty warehouse, and with ``--suite``, last and alone, the
README's test command and the fast subset (``suite_time.py``). Prints every figure with its target.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import suite_time
from orphans import adopt, reap

ROOT = Path(__file__).resolve().parents[1]
DEFCOOP = Path(sys.executable).with_name("defcoop")
NEW_ARTICLE = (
    "Министр обороны Казахстана Нурлан Ермекбаев встретился в Ташкенте с министром обороны Узбекистана "
    "Бахадыром Курбановым. Стороны обсудили военное сотрудничество и подписали план на {year} год."
)


def texts_of(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*")) if p.is_file()]


def make_input(corpus: Path, scale: int, dest: Path) -> int:
    """The corpus ``scale`` times under ``dest``; copies after the first get a line of their own, so
    each is a new article (an identical text would be one article with several paths)."""
    n = 0
    for copy in range(scale):
        for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
            target = dest / f"copy{copy}" / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = path.read_text(encoding="utf-8", errors="replace")
            target.write_text(text if copy == 0 else f"{text}\nКопия {copy}.\n", encoding="utf-8")
            n += 1
    return n


def raw_natasha(texts: list[str]) -> float:
    """Seconds for natasha's full analysis of every text, models loaded beforehand."""
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    segmenter, morph, syntax, ner = Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    t0 = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
    return time.perf_counter() - t0


def materialize(input_dir: Path, db: Path, home: Path) -> float:
    env = dict(os.environ, DEFCOOP_INPUT_DIR=str(input_dir), DEFCOOP_DUCKDB_PATH=str(db), DAGSTER_HOME=str(home))
    t0 = time.perf_counter()
    run = subprocess.run([str(DEFCOOP), "materialize"], env=env, capture_output=True, text=True)
    took = time.perf_counter() - t0
    reap()
    if run.returncode != 0:
        sys.exit(f"defcoop materialize failed:\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}")
    return took


def step_times(home: Path, seen: set[str]) -> str:
    """The latest run's steps with their seconds, as Dagster recorded them: where the time went
    (``seen``: the runs before, to tell when the command started none)."""
    from dagster import DagsterInstance

    instance = DagsterInstance.from_config(str(home))
    try:
        run = instance.get_runs(limit=1)[0]
        if run.run_id in seen:
            return "none: no run was started"
        seen.add(run.run_id)
        steps = instance.get_run_step_stats(run.run_id)
        return ", ".join(f"{s.step_key} {s.end_time - s.start_time:.1f}" for s in steps if s.end_time)
    finally:
        instance.dispose()


def peak_child_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def fresh(work: Path, name: str) -> tuple[Path, Path]:
    home = work / f"home-{name}"
    home.mkdir()
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    return work / f"{name}.duckdb", home


def row(label: str, value: str, target: str, ok: bool | None) -> None:
    mark = "" if ok is None else ("ok " if ok else "MISS")
    print(f"  {label:<58} {value:>22}   target {target:<10} {mark}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--scales", default="1,3")
    ap.add_argument("--skip-raw", action="store_true", help="do not time raw natasha (no ratio)")
    ap.add_argument("--suite", action="store_true", help="then time the README's test command and pytest -m 'not e2e'")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="defcoop-speed-"))
    print(f"work folder: {work}\n")
    adopt()

    db, home = fresh(work, "seeds")
    seeds = materialize(ROOT / "seeds", db, home)
    print("five seeds")
    row("from an empty warehouse (defcoop materialize)", f"{seeds:.1f} s", "<= 20 s", seeds <= 20)

    raw_1x = None
    for scale in (int(s) for s in args.scales.split(",")):
        folder = work / f"input-{scale}x"
        files = make_input(Path(args.corpus), scale, folder)
        raw = None if args.skip_raw else raw_natasha(texts_of(folder))
        raw_1x = raw if scale == 1 else raw_1x
        db, home = fresh(work, f"corpus-{scale}x")
        full = materialize(folder, db, home)
        seen: set[str] = set()
        steps = {"full": step_times(home, seen)}
        peak = peak_child_mb()
        again = materialize(folder, db, home)
        steps["re-run"] = step_times(home, seen)
        (folder / "zz_new.txt").write_text(NEW_ARTICLE.format(year=2030 + scale), encoding="utf-8")
        new = materialize(folder, db, home)
        steps["one new article"] = step_times(home, seen)
        con = duckdb.connect(str(db), read_only=True)
        has_it = con.execute("SELECT count(*) FROM articles WHERE source_path = 'zz_new.txt'").fetchone()[0] == 1
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
        print(f"\n{scale}x the corpus: {files} files, {articles} articles")
        if raw is not None:
            row("raw natasha (segment, morph, syntax, NER), one process", f"{raw:.1f} s", "", None)
            row(
                "full pipeline vs raw natasha (raw time / pipeline time)",
                f"{raw / full:.2f}x",
                ">= 1.5x",
                raw / full >= 1.5,
            )
        row("full pipeline from an empty warehouse", f"{full:.1f} s ({articles / full:.1f}/s)", "", None)
        row(
            "re-run with nothing changed", f"{again:.1f} s ({100 * again / full:.1f} %)", "<= 5 %", again <= 0.05 * full
        )
        row("one new article until the published file has it", f"{new:.1f} s", "<= 15 s", new <= 15 and has_it)
        row("peak memory of the largest process so far", f"{peak:.0f} MB", "<= 1536 MB", peak <= 1536)
        for what, line in steps.items():
            print(f"  steps of the {what} run (s): {line}")
    if args.suite:
        reap()
        return suite_time.report(ROOT, raw_1x, row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
