-- What changed since a date: articles published, meetings held or planned and documents signed on
-- or after it, newest first. An event without its own date counts with its article's date
-- (date_source = 'article'); events with no date at all are left out.
-- Change: since in `params` below.
-- Run:    duckdb -readonly data/defcoop.duckdb < sql/changes_since.sql
WITH params AS (
    SELECT DATE '2021-01-01' AS since
),

changes AS (
    SELECT
        a.published_date AS day,
        'article' AS what,
        NULL AS countries,
        coalesce(a.title, left(a.body, 120)) AS summary,
        'article' AS date_source,
        a.source_path
    FROM articles AS a
    UNION ALL
    SELECT
        m.event_date,
        'meeting (' || m.status || ')',
        array_to_string(m.countries, ', '),
        m.evidence,
        m.date_source,
        m.source_path
    FROM stg_meetings AS m
    UNION ALL
    SELECT
        g.event_date,
        g.kind || ' (' || g.status || ')',
        array_to_string(g.parties, ', '),
        coalesce(g.title, g.evidence),
        g.date_source,
        g.source_path
    FROM stg_agreements AS g
)

SELECT c.*
FROM changes AS c, params
WHERE c.day >= params.since
ORDER BY c.day DESC, c.what, c.source_path;
