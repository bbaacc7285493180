-- Officials of a country across all articles: their posts and ranks, when they appear, how many
-- meetings they took part in and documents they signed, and the countries they met.
-- Change: country (ISO3 code) in `params` below.
-- Run:    duckdb -readonly data/defcoop.duckdb < sql/officials_of_country.sql
WITH params AS (
    SELECT 'AZE' AS country
)

SELECT
    o.name,
    o.roles,
    o.ranks,
    o.first_seen,
    o.last_seen,
    o.articles,
    o.meetings,
    o.agreements_signed,
    o.met_countries
FROM officials AS o, params
WHERE o.country_iso3 = params.country
ORDER BY o.meetings DESC, o.agreements_signed DESC, o.name;
