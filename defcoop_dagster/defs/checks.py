"""Asset checks that read the warehouse after a stage: nothing lost between folder, files and articles."""

import dagster as dg

from defcoop_dagster.core.ingest.sources import walk

from .resources import InputFolder, Warehouse


@dg.asset_check(asset="source_files", description="Every file in the input folder has a row in source_files.")
def every_file_has_a_row(input_folder: InputFolder, warehouse: Warehouse) -> dg.AssetCheckResult:
    root = input_folder.root()
    on_disk = {p.relative_to(root).as_posix() for p in walk(root)}
    with warehouse.get_connection() as con:
        in_table = {r[0] for r in con.execute("SELECT source_path FROM source_files").fetchall()}
    missing = sorted(on_disk - in_table)
    return dg.AssetCheckResult(
        passed=not missing,
        metadata={"files_on_disk": len(on_disk), "rows": len(in_table), "missing": missing[:50]},
    )


@dg.asset_check(
    asset="articles",
    description="Every accepted or duplicate file leads to an article (its path is in articles.source_paths).",
)
def every_accepted_file_has_an_article(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.get_connection() as con:
        missing = [
            r[0]
            for r in con.execute(
                """
            SELECT s.source_path FROM source_files s
            WHERE s.status IN ('accepted', 'duplicate')
              AND s.source_path NOT IN (SELECT unnest(source_paths) FROM articles)
            ORDER BY 1
            """
            ).fetchall()
        ]
        quarantined = con.execute("SELECT count(*) FROM quarantine WHERE asset = 'articles'").fetchone()[0]
    # a quarantined article is kept in quarantine, not lost: it explains the gap
    return dg.AssetCheckResult(
        passed=len(missing) <= quarantined,
        metadata={"files_without_article": missing[:50], "articles_quarantined": quarantined},
    )


def _offset_check(table: str, text_col: str, start_col: str, end_col: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table,
        name="offsets_round_trip",
        description=f"articles.body[{start_col}:{end_col}] == {table}.{text_col} for every row.",
    )
    def check(warehouse: Warehouse) -> dg.AssetCheckResult:
        with warehouse.get_connection() as con:
            bad = con.execute(
                f"""
                SELECT t.article_id, t.{start_col}, t.{end_col}, t.{text_col}
                FROM "{table}" t JOIN articles a USING (article_id)
                WHERE substring(a.body, t.{start_col} + 1, t.{end_col} - t.{start_col}) <> t.{text_col}
                """
            ).fetchall()
            total = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        return dg.AssetCheckResult(
            passed=not bad,
            metadata={"rows": total, "mismatches": len(bad), "examples": [list(map(str, r)) for r in bad[:10]]},
        )

    return check


mentions_offsets = _offset_check("mentions", "text", "start", "end")
person_mentions_offsets = _offset_check("person_mentions", "text", "start", "end")
persons_evidence_offsets = _offset_check("persons", "evidence", "evidence_start", "evidence_end")
meetings_evidence_offsets = _offset_check("meetings", "evidence", "evidence_start", "evidence_end")
agreements_evidence_offsets = _offset_check("agreements", "evidence", "evidence_start", "evidence_end")


def _no_orphans(child: str, parent: str, key: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=child, name="no_orphans", description=f"Every {child} row belongs to a row of {parent}.")
    def check(warehouse: Warehouse) -> dg.AssetCheckResult:
        with warehouse.get_connection() as con:
            orphans = con.execute(
                f'SELECT c.{key} FROM "{child}" c LEFT JOIN "{parent}" p USING ({key}) WHERE p.{key} IS NULL'
            ).fetchall()
        return dg.AssetCheckResult(passed=not orphans, metadata={"orphans": [r[0] for r in orphans[:20]]})

    return check


meeting_countries_no_orphans = _no_orphans("meeting_countries", "meetings", "meeting_id")
meeting_participants_no_orphans = _no_orphans("meeting_participants", "meetings", "meeting_id")
agreement_parties_no_orphans = _no_orphans("agreement_parties", "agreements", "agreement_id")


@dg.asset_check(asset="person_mentions", description="Every person mention belongs to a person of the same article.")
def person_mentions_have_a_person(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.get_connection() as con:
        orphans = con.execute(
            "SELECT count(*) FROM person_mentions m LEFT JOIN persons p USING (person_id, article_id) "
            "WHERE p.person_id IS NULL"
        ).fetchone()[0]
    return dg.AssetCheckResult(passed=orphans == 0, metadata={"orphans": orphans})
