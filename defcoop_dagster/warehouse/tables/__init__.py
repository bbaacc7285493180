"""Every warehouse table declared once (``declare.Table``): columns, types, meanings and row rules.

The DuckDB DDL, the Pandera schema and the column schema the Dagster UI shows are derived from
these declarations; nothing else lists a table's columns.
"""

from .bookkeeping import ARTICLE_SOURCES, EXTRACTION_STATE, QUARANTINE, SOURCE_READS
from .canonical import CANONICAL_TABLES
from .declare import Column, Table
from .entities import CODES, MENTIONS, PERSON_MENTIONS, PERSONS
from .events import AGREEMENT_PARTIES, AGREEMENTS, KINDS, MEETING_COUNTRIES, MEETING_PARTICIPANTS, MEETINGS
from .ingest import ARTICLES, SOURCE_FILES

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        SOURCE_FILES,
        ARTICLES,
        MENTIONS,
        PERSONS,
        PERSON_MENTIONS,
        MEETINGS,
        MEETING_COUNTRIES,
        MEETING_PARTICIPANTS,
        AGREEMENTS,
        AGREEMENT_PARTIES,
        *CANONICAL_TABLES,
        EXTRACTION_STATE,
        ARTICLE_SOURCES,
        SOURCE_READS,
        QUARANTINE,
    )
}

__all__ = ["CODES", "KINDS", "TABLES", "Column", "Table"]
