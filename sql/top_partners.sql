-- Top partners of a country: who it met and signed documents with most, from country_partners.
-- Change: country (ISO3 code, or NATO, CSTO…) and top_n in `params` below.
-- Run:    duckdb -readonly data/defcoop.duckdb < sql/top_partners.sql
WITH params AS (
    SELECT
        'AZE' AS country,
        10 AS top_n
)

SELECT
    cp.rank,
    cp.partner_iso3,
    cp.events,
    cp.meetings,
    cp.agreements,
    cp.agreements_signed,
    cp.first_date,
    cp.last_date,
    cp.articles
FROM country_partners AS cp, params
WHERE cp.country_iso3 = params.country AND cp.rank <= params.top_n
ORDER BY cp.rank, cp.partner_iso3;
