-- Every report behind each meeting event of two countries: one row per article that tells it, with
-- its sentence, so an event counted once in the marts leads to all its evidence.
-- Change: country_1 and country_2 (ISO3 codes, either order) and defence_only in `params` below.
-- Run:    duckdb -readonly data/defcoop.duckdb < sql/event_reports.sql
WITH params AS (
    SELECT
        'AZE' AS country_1,
        'RUS' AS country_2,
        FALSE AS defence_only
),

pair AS (
    SELECT c.event_id
    FROM meeting_event_countries AS c, params
    WHERE c.country_iso3 IN (params.country_1, params.country_2)
    GROUP BY c.event_id
    HAVING count(DISTINCT c.country_iso3) = 2
)

SELECT
    e.event_id,
    e.event_date,
    e.date_precision,
    e.status,
    e.reports,
    e.defence,
    e.defence_rule,
    a.published_date,
    a.source_path,
    l.match_score,
    m.evidence
FROM meeting_events AS e
INNER JOIN pair USING (event_id)
INNER JOIN meeting_event_reports AS l USING (event_id)
INNER JOIN meetings AS m USING (meeting_id)
INNER JOIN articles AS a ON a.article_id = m.article_id
CROSS JOIN params
WHERE e.defence OR NOT params.defence_only
ORDER BY e.event_date NULLS LAST, e.event_id, a.published_date NULLS LAST, a.source_path;
