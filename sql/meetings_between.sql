-- Every meeting between two countries, with the sentence that reports it and where it was read.
-- Change: country_1 and country_2 (ISO3 codes, either order) in `params` below.
-- event_date is the meeting's own date, else its article's (date_source says which; NULL: unknown).
-- Run:    duckdb -readonly data/defcoop.duckdb < sql/meetings_between.sql
WITH params AS (
    SELECT
        'AZE' AS country_1,
        'RUS' AS country_2
)

SELECT
    e.event_date,
    e.date_precision,
    e.date_source,
    e.status,
    e.place,
    e.people,
    e.evidence,
    e.article_title,
    e.source_path,
    e.event_id AS meeting_id
FROM dyad_events AS e, params
WHERE
    e.event_type = 'meeting'
    AND e.country_a = least(params.country_1, params.country_2)
    AND e.country_b = greatest(params.country_1, params.country_2)
ORDER BY e.event_date NULLS LAST, e.event_id;
