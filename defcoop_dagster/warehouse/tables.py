"""DuckDB column types of every table, in contract order (CONTRACT.md first, our additions after)."""

# What an incremental stage records per article (warehouse/state.py)
STATE = {
    "article_id": "VARCHAR NOT NULL PRIMARY KEY",
    "extractor_version": "VARCHAR NOT NULL",
    "analysed_at": "TIMESTAMP NOT NULL",
    "inputs": "VARCHAR NOT NULL",
}
# The evidence every meeting and agreement row carries, last in both tables
EVIDENCE = {
    "evidence": "VARCHAR NOT NULL",
    "evidence_start": "INTEGER NOT NULL",
    "evidence_end": "INTEGER NOT NULL",
    "date_iso": "VARCHAR",
    "date_inferred": "BOOLEAN NOT NULL",
    "confidence": "DOUBLE NOT NULL",
    "rule": "VARCHAR NOT NULL",
}

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
    "entity_state": STATE,
    "event_state": STATE,
    "meetings": {
        "meeting_id": "VARCHAR NOT NULL PRIMARY KEY",
        "article_id": "VARCHAR NOT NULL",
        "meeting_date": "DATE",
        "date_precision": "VARCHAR",
        "place": "VARCHAR",
        "status": "VARCHAR NOT NULL",
        **EVIDENCE,
    },
    "meeting_countries": {"meeting_id": "VARCHAR NOT NULL", "country_iso3": "VARCHAR NOT NULL"},
    "meeting_participants": {
        "meeting_id": "VARCHAR NOT NULL",
        "name": "VARCHAR NOT NULL",
        "role": "VARCHAR",
        "country_iso3": "VARCHAR",
        "person_id": "VARCHAR NOT NULL",
    },
    "agreements": {
        "agreement_id": "VARCHAR NOT NULL PRIMARY KEY",
        "article_id": "VARCHAR NOT NULL",
        "kind": "VARCHAR NOT NULL",
        "title": "VARCHAR",
        "status": "VARCHAR NOT NULL",
        "signed_date": "DATE",
        "date_precision": "VARCHAR",
        "period_year": "INTEGER",
        "place": "VARCHAR",
        **EVIDENCE,
    },
    "agreement_parties": {
        "agreement_id": "VARCHAR NOT NULL",
        "country_iso3": "VARCHAR NOT NULL",
        "party_name": "VARCHAR",
        "signatory_name": "VARCHAR",
    },
    "quarantine": {
        "asset": "VARCHAR NOT NULL",
        "rule": "VARCHAR NOT NULL",
        "column_name": "VARCHAR",
        "failure_case": "VARCHAR",
        "row_json": "VARCHAR NOT NULL",
        "run_id": "VARCHAR",
        "quarantined_at": "TIMESTAMP NOT NULL",
        "article_id": "VARCHAR",  # last, so an older quarantine table gains it with ADD COLUMN
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
    "entity_state": "Which extractor version analysed each article, from which inputs (a digest of the fields "
    "read besides the body): an article whose content, inputs and extractor version are unchanged is not sent "
    "through natasha again.",
    "event_state": "Which extractor version read the events of each article, from which inputs: unchanged "
    "articles keep their meetings and agreements.",
    "meetings": "One row per meeting reported in an article: date (first day of the known period, with "
    "precision; date_iso keeps a day and month whose year the text does not give), place, held or planned, "
    "the sentence that reports it (evidence and offsets in articles.body), confidence and the rule that made it.",
    "meeting_countries": "Every state or organisation taking part in a meeting; at least two per meeting.",
    "meeting_participants": "Named people taking part in a meeting, with role and the country they represent.",
    "agreements": "One row per document reported signed or to be signed: kind, title as written, status, date, "
    "the year it is for (period_year), place, evidence, confidence and rule.",
    "agreement_parties": "Every state or organisation party to a document, the body that is party and who signed.",
    "quarantine": "Rows that broke a row-level rule of their table's Pandera schema, with the rule and the row.",
}


def ddl(table: str) -> str:
    cols = ",\n  ".join(f'"{name}" {kind}' for name, kind in TABLES[table].items())
    return f'CREATE OR REPLACE TABLE "{table}" (\n  {cols}\n)'
