"""source_files (every file in the input folder, accepted or rejected with a reason) → articles."""

import dagster as dg
import pandas as pd

from ...core.ingest.articles import article_rows, parse_inputs
from ...core.ingest.sources import relative_name, scan, walk
from ...stage import finish, stage, table_spec
from ...ui import counts
from ...unchanged import Step, run_or_skip
from ...validation import validate
from ...warehouse.runstate import entry_identity, listing_digest, read_inputs, source_files_fingerprint
from ...warehouse.tables import TABLES
from .. import warm_start
from ..resources import InputFolder, Warehouse

EVERY_FILE = dg.AssetCheckSpec(
    "every_file_has_a_row",
    asset="source_files",
    description="Every file in the input folder has a row in source_files.",
)
EVERY_ACCEPTED_FILE = dg.AssetCheckSpec(
    "every_accepted_file_has_an_article",
    asset="articles",
    description="Every accepted or duplicate file leads to an article (its path is in articles.source_paths), "
    "or its article is in quarantine.",
)


@stage("source_files", [table_spec("source_files", "ingestion", [])], extra_checks=[EVERY_FILE])
def source_files(context: dg.AssetExecutionContext, input_folder: InputFolder, warehouse: Warehouse):
    root = input_folder.root()
    try:
        # each entry's lstat, taken once: the step's fingerprint and each file's source_reads digest
        identities = {path: entry_identity(root, path) for path in walk(root)}
    except OSError as e:  # a folder below the root cannot be listed: its files must not look removed
        raise input_folder.cannot_read(e) from e
    warehouse.checked_path()
    warm_start.begin()  # the paths are usable: natasha's models and dbt load while this step reads
    limits = input_folder.max_file_bytes, input_folder.max_text_chars
    step = Step("source_files", source_files_fingerprint(listing_digest(root, identities.values()), *limits))
    yield from run_or_skip(
        context,
        warehouse,
        "source_files",
        lambda: read_folder(context, input_folder, warehouse, root, identities),
        step=step,
    )


def read_folder(
    context: dg.AssetExecutionContext, input_folder: InputFolder, warehouse: Warehouse, root, identities: dict
):
    """Every entry of the folder (``identities``: path → its ``entry_identity``) read (source_files) unless
    unchanged since it was, written, and its checks."""
    limits = input_folder.max_file_bytes, input_folder.max_text_chars
    entries = {relative_name(p, root)[0]: read_inputs(identity, *limits) for p, identity in identities.items()}
    with warehouse.get_connection() as con:
        known = known_sources(con, entries)
    rows = scan(root, *limits, paths=list(identities), known=known)  # an entry that cannot be read is a row saying so
    on_disk = set(entries)
    context.log.info(f"{len(rows) - len(known)} entries read, {len(known)} unchanged kept their rows")
    df = TABLES["source_files"].frame(rows)
    outcome = validate(TABLES["source_files"], df)
    for row in df[df["status"] == "rejected"].itertuples():
        context.log.warning(f"rejected {row.source_path}: {row.reason}")
    for row in df[df["note"].notna()].itertuples():
        context.log.warning(f"read {row.source_path} with a change: {row.note}")

    def extra(name, valid):
        return source_files_metadata(root, df)

    with warehouse.get_connection() as con:
        yield from finish(
            context,
            con,
            {"source_files": outcome},
            {"source_files": ["source_path", "format", "encoding", "status", "reason", "note", "size_bytes"]},
            extra,
            bookkeeping={"source_reads": source_reads(entries, outcome.valid)},
            forget_steps=["source_files"],
        )
    yield every_file_result(on_disk, outcome.valid)


def recorded(con, needed: set[str], current: list[tuple[str, str]], *queries: str) -> list[list[dict]] | None:
    """The rows of each query, run with ``_current`` (source_path, inputs: what each file is now) registered;
    None before the tables ``needed`` exist (a first run)."""
    have = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if not needed <= have:
        return None
    con.register("_current", pd.DataFrame(current, columns=["source_path", "inputs"]))
    try:
        found = []
        for sql in queries:
            cursor = con.execute(sql)
            names = [d[0] for d in cursor.description]
            found.append([dict(zip(names, v, strict=True)) for v in cursor.fetchall()])
        return found
    finally:
        con.unregister("_current")


def known_sources(con, entries: dict[str, str]) -> dict[str, dict]:
    """path → its source_files row, for the entries whose inputs are those source_reads recorded (a file that
    could not be read is tried again)."""
    found = recorded(
        con,
        {"source_reads", "source_files"},
        list(entries.items()),
        "SELECT f.* FROM source_files f JOIN source_reads USING (source_path) "
        "JOIN _current USING (source_path, inputs) WHERE NOT (f.status = 'rejected' AND f.reason LIKE 'cannot read:%')",
    )
    return {row["source_path"]: row for row in found[0]} if found else {}


def source_reads(entries: dict[str, str], valid: pd.DataFrame) -> pd.DataFrame:
    """The source_reads rows: each entry written to source_files, and the inputs it was read from."""
    return TABLES["source_reads"].frame(
        [{"source_path": path, "inputs": entries[path]} for path in valid["source_path"]]
    )


@stage("articles", [table_spec("articles", "ingestion", ["source_files"])], extra_checks=[EVERY_ACCEPTED_FILE])
def articles(context: dg.AssetExecutionContext, warehouse: Warehouse):
    yield from run_or_skip(context, warehouse, "articles", lambda: read_articles(context, warehouse))


def read_articles(context: dg.AssetExecutionContext, warehouse: Warehouse):
    """The articles of the accepted files, written, and their check."""
    with warehouse.get_connection() as con:
        sources = con.execute(
            "SELECT source_path, status, duplicate_of, raw_text, title_hint, url, published_hint "
            "FROM source_files WHERE status IN ('accepted', 'duplicate') ORDER BY source_path"
        ).df()
        records = sources.to_dict("records")
        code = parse_code_version()
        for src in records:
            src["inputs"] = f"{code}:{parse_inputs(src)}"
        known = known_articles(con, records)
    rows = article_rows(records, known)
    outcome = validate(TABLES["articles"], TABLES["articles"].frame(rows))
    context.log.info(f"{len(records) - len(known)} files cleaned into articles, {len(known)} unchanged kept theirs")

    def extra(name, valid):
        return articles_metadata(valid)

    with warehouse.get_connection() as con:
        yield from finish(
            context,
            con,
            {"articles": outcome},
            {"articles": ["article_id", "source_path", "title", "published", "agency"]},
            extra,
            bookkeeping={"article_sources": article_sources(records, rows)},
            forget_steps=["articles"],
        )
        yield accepted_file_result(con, len(outcome.quarantined))


def parse_code_version() -> str:
    from ...core.version import extractor_version  # a digest of core/, where the cleaning rules are

    return extractor_version()


def known_articles(con, records: list[dict]) -> dict[str, tuple[str, dict | None]]:
    """path → (article id, its row when this file made it) of the accepted files whose inputs are those
    article_sources recorded in the last run (``core.ingest.articles.article_rows`` takes them as they were)."""
    found = recorded(
        con,
        {"article_sources", "articles"},
        [(r["source_path"], r["inputs"]) for r in records if r["status"] == "accepted"],
        "SELECT source_path, s.article_id FROM article_sources s JOIN _current USING (source_path, inputs)",
        "SELECT a.* FROM articles a JOIN article_sources s USING (article_id, source_path) "
        "JOIN _current USING (source_path, inputs)",
    )
    if not found:
        return {}
    same, made = found
    made_by = {row["source_path"]: row for row in made}
    return {row["source_path"]: (row["article_id"], made_by.get(row["source_path"])) for row in same}


def article_sources(records: list[dict], rows: list[dict]) -> pd.DataFrame:
    """The article_sources rows: each accepted file, its inputs and the article it became."""
    article_of = {path: row["article_id"] for row in rows for path in row["source_paths"]}
    return TABLES["article_sources"].frame(
        [
            {"source_path": r["source_path"], "inputs": r["inputs"], "article_id": article_of[r["source_path"]]}
            for r in records
            if r["status"] == "accepted"
        ]
    )


def source_files_metadata(root, df) -> dict:
    """What the UI shows of source_files besides its rows: files by status, rejections by reason."""
    rejected = (
        df.loc[df["status"] == "rejected", "reason"]
        .astype(str)
        .str.replace(r"[\d,]+ (bytes|characters)", r"N \1", regex=True)
    )
    by_status = df["status"].value_counts()
    return {
        "input_folder": str(root),
        "accepted": int(by_status.get("accepted", 0)),
        "duplicates": int(by_status.get("duplicate", 0)),
        "rejected": int(by_status.get("rejected", 0)),
        "read_with_a_note": int(df["note"].notna().sum()),
        "rejected_by_reason": counts(rejected.rename("reason"), "files"),
    }


def every_file_result(on_disk: set[str], valid) -> dg.AssetCheckResult:
    missing = sorted(on_disk - set(valid["source_path"]))
    return dg.AssetCheckResult(
        check_name=EVERY_FILE.name,
        asset_key="source_files",
        passed=not missing,
        metadata={"files_on_disk": len(on_disk), "rows": len(valid), "missing": missing[:50]},
    )


def articles_metadata(valid) -> dict:
    """What the UI shows of articles besides its rows: dates by precision, merged sources, boilerplate."""
    return {
        "published_by_precision": counts(
            valid["published_precision"].fillna("unknown").rename("precision"), "articles"
        ),
        "published_inferred": int(valid["published_inferred"].sum()),
        "merged_sources": int((valid["source_paths"].map(len) > 1).sum()),
        "boilerplate_lines_removed": int(valid["boilerplate_removed"].sum()),
    }


def accepted_file_result(con, quarantined: int) -> dg.AssetCheckResult:
    """Every accepted or duplicate file of the written source_files leads to an article of articles."""
    missing = [
        r[0]
        for r in con.execute(
            "SELECT s.source_path FROM source_files s WHERE s.status IN ('accepted', 'duplicate') "
            "AND s.source_path NOT IN (SELECT unnest(source_paths) FROM articles) ORDER BY 1"
        ).fetchall()
    ]
    # a quarantined article is kept in quarantine, not lost: it explains the gap
    return dg.AssetCheckResult(
        check_name=EVERY_ACCEPTED_FILE.name,
        asset_key="articles",
        passed=len(missing) <= quarantined,
        metadata={"files_without_article": missing[:50], "articles_quarantined": quarantined},
    )
