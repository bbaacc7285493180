-- Year by year, what two countries did together: meetings, documents signed by kind, first and
-- last date (dyad_year; year NULL collects events with no date at all).
-- Change: country_1 and country_2 (ISO3 codes, either order) in `params` below.
-- Run:    duckdb -readonly data/defcoop.duckdb < sql/dyad_profile.sql
WITH params AS (
    SELECT
        'AZE' AS country_1,
        'GEO' AS country_2
)

SELECT d.* EXCLUDE (country_a, country_b)
FROM dyad_year AS d, params
WHERE
    d.country_a = least(params.country_1, params.country_2)
    AND d.country_b = greatest(params.country_1, params.country_2)
ORDER BY d.year NULLS LAST;
