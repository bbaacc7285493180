"""DuckDB column types of every table, in contract order (CONTRACT.md first, our additions after)."""

TABLES: dict[str, dict[str, str]] = {
    "source_files": {
        "source_path": "VARCHAR NOT NULL PRIMARY KEY",
        "size_bytes": "BIGINT NOT NULL",
        "sha256": "VARCHAR NOT NULL",
        "modified_at": "TIMESTAMP",
        "format": "VARCHAR NOT NULL",
        "encoding": "VARCHAR",
        "status": "VARCHAR NOT NULL",
        "reason": "VARCHAR",
        "duplicate_of": "VARCHAR",
        "content_sha256": "VARCHAR",
        "title_hint": "VARCHAR",
        "url": "VARCHAR",
        "published_hint": "VARCHAR",
        "raw_text": "VARCHAR",
    },
    "articles": {
        "article_id": "VARCHAR NOT NULL PRIMARY KEY",
        "source_path": "VARCHAR NOT NULL",
        "title": "VARCHAR",
        "published_date": "DATE",
        "published_precision": "VARCHAR",
        "body": "VARCHAR NOT NULL",
        "source_paths": "VARCHAR[] NOT NULL",
        "published": "VARCHAR",
        "published_inferred": "BOOLEAN NOT NULL",
        "published_source": "VARCHAR",
        "published_evidence": "VARCHAR",
        "agency": "VARCHAR",
        "dateline_place": "VARCHAR",
        "dateline_end": "INTEGER NOT NULL",
        "url": "VARCHAR",
        "boilerplate_removed": "INTEGER NOT NULL",
    },
    "mentions": {
        "article_id": "VARCHAR NOT NULL",
        "sentence_no": "INTEGER NOT NULL",
        "start": "INTEGER NOT NULL",
        "end": "INTEGER NOT NULL",
        "type": "VARCHAR NOT NULL",
        "text": "VARCHAR NOT NULL",
        "normal": "VARCHAR",
        "code": "VARCHAR",
        "date_value": "DATE",
        "date_precision": "VARCHAR",
        "date_iso": "VARCHAR",
        "date_inferred": "BOOLEAN",
        "source": "VARCHAR NOT NULL",
    },
    "persons": {
        "person_id": "VARCHAR NOT NULL PRIMARY KEY",
        "article_id": "VARCHAR NOT NULL",
        "name": "VARCHAR NOT NULL",
        "surname": "VARCHAR NOT NULL",
        "role": "VARCHAR",
        "rank": "VARCHAR",
        "country_iso3": "VARCHAR",
        "mention_count": "INTEGER NOT NULL",
        "role_rule": "VARCHAR",
        "evidence": "VARCHAR NOT NULL",
        "evidence_start": "INTEGER NOT NULL",
        "evidence_end": "INTEGER NOT NULL",
    },
    "person_mentions": {
        "person_id": "VARCHAR NOT NULL",
        "article_id": "VARCHAR NOT NULL",
        "sentence_no": "INTEGER NOT NULL",
        "start": "INTEGER NOT NULL",
        "end": "INTEGER NOT NULL",
        "text": "VARCHAR NOT NULL",
        "normal": "VARCHAR NOT NULL",
        "role": "VARCHAR",
        "rank": "VARCHAR",
        "country_iso3": "VARCHAR",
        "rule": "VARCHAR NOT NULL",
    },
    "quarantine": {
        "asset": "VARCHAR NOT NULL",
        "rule": "VARCHAR NOT NULL",
        "column_name": "VARCHAR",
        "failure_case": "VARCHAR",
        "row_json": "VARCHAR NOT NULL",
        "run_id": "VARCHAR",
        "quarantined_at": "TIMESTAMP NOT NULL",
    },
}

DESCRIPTIONS = {
    "source_files": "Every file found in the input folder: size, hash, encoding, format, and whether it "
    "became an article (accepted), repeated another (duplicate) or was rejected, with the reason.",
    "articles": "One row per distinct article: cleaned body (all offsets refer to it), title, publication "
    "date with precision and where it was read, dateline place, agency, and every source path.",
    "mentions": "Every entity natasha and the gazetteers find in article bodies: PER, LOC, ORG, COUNTRY "
    "(ISO3 code), ORGANISATION (NATO, CSTO…), DATE (resolved value and precision), with sentence and offsets.",
    "persons": "One row per person per article: canonical nominative name, role (lower case, without the "
    "country), military rank, the country or organisation represented, and the sentence that shows it.",
    "person_mentions": "Every mention of a person (full name, surname, initials) with what its apposition says.",
    "quarantine": "Rows that broke a row-level rule of their table's Pandera schema, with the rule and the row.",
}


def ddl(table: str) -> str:
    cols = ",\n  ".join(f'"{name}" {kind}' for name, kind in TABLES[table].items())
    return f'CREATE OR REPLACE TABLE "{table}" (\n  {cols}\n)'
