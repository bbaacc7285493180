"""The parts of every batch → the rows the unpartitioned run would have made (no Dagster here).

A file can be in several batches (it changed, or a batch was made again): its row is the latest
batch's. Files gone from the folder are dropped. Which of two files with the same text is the
original and which the duplicate is decided again over the whole folder, in the folder's order, as
one scan of it would; so is which file an article is read from. An article's extraction rows come
from a batch that read it from the same inputs, the latest one; an article no batch read so (its
first file is in a batch that is not done yet) is left to the caller to extract.
"""

from pathlib import Path

import duckdb
import pandas as pd

from .parts import BATCH_ARTICLES, scan_parts

# tables whose rows carry their article; the others (children) follow their parent's rows
WITH_ARTICLE = ["mentions", "persons", "person_mentions", "meetings", "agreements"]


def source_rows(con: duckdb.DuckDBPyConnection, parts_dir: Path, keys: list[str], on_disk: list[str]) -> list[dict]:
    """The source_files rows of the folder: each file on disk as its latest batch read it, in folder
    order, the first of each text accepted and the later ones duplicates of it."""
    con.register("_on_disk", pd.DataFrame({"source_path": on_disk, "_place": range(len(on_disk))}))
    try:
        df = con.execute(
            f"SELECT s.* EXCLUDE (_batch, _row) FROM {scan_parts(con, parts_dir, 'source_files', keys)} s "
            "JOIN _on_disk d USING (source_path) "
            "QUALIFY row_number() OVER (PARTITION BY source_path ORDER BY _batch DESC) = 1 ORDER BY d._place"
        ).df()
    finally:
        con.unregister("_on_disk")
    rows = [{k: v for k, v in row.items() if not _missing(v)} for row in df.to_dict("records")]
    first_with_text: dict[str, str] = {}
    for row in rows:
        if row["status"] == "rejected":
            continue
        first = first_with_text.setdefault(row["content_sha256"], row["source_path"])
        row.pop("duplicate_of", None)
        row.pop("reason", None)
        if first == row["source_path"]:
            row["status"] = "accepted"
        else:
            row.update(status="duplicate", duplicate_of=first, reason=f"same text as {first}")
    return rows


def _missing(value) -> bool:
    # a column a scan leaves out of its dict is NULL in the part: leave it out again
    return value is None or (not isinstance(value, list | tuple) and pd.isna(value))


def extraction_rows(
    con: duckdb.DuckDBPyConnection, parts_dir: Path, keys: list[str], articles: pd.DataFrame, tables: dict
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """The rows of the extraction's tables for ``articles`` (article_id, inputs), each article's from
    the latest batch that read it from the same inputs; and the articles no batch read so."""
    con.register("_wanted", articles[["article_id", "inputs"]])
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _chosen AS SELECT article_id, max(b._batch) AS _batch "
        f"FROM {scan_parts(con, parts_dir, BATCH_ARTICLES, keys)} b SEMI JOIN _wanted w USING (article_id, inputs) "
        "GROUP BY article_id"
    )
    con.unregister("_wanted")
    frames = {}
    for table in WITH_ARTICLE:
        frames[table] = con.execute(
            f"SELECT t.* EXCLUDE (_batch, _row) FROM {scan_parts(con, parts_dir, table, keys)} t "
            "SEMI JOIN _chosen c USING (article_id, _batch) ORDER BY t.article_id, t._row"
        ).df()
    for child, (parent, key) in tables.items():
        frames[child] = con.execute(
            f"SELECT t.* EXCLUDE (_batch, _row) FROM {scan_parts(con, parts_dir, child, keys)} t "
            f"JOIN (SELECT DISTINCT {key}, article_id, _batch FROM {scan_parts(con, parts_dir, parent, keys)}) p "
            f"USING ({key}, _batch) SEMI JOIN _chosen c ON c.article_id = p.article_id AND c._batch = t._batch "
            "ORDER BY p.article_id, t._row"
        ).df()
    chosen = {r[0] for r in con.execute("SELECT article_id FROM _chosen").fetchall()}
    return frames, articles[~articles["article_id"].isin(chosen)]
