-- One row per document and unordered pair of its parties (country_a < country_b): a trilateral
-- statement is three dyads. Dates as in stg_agreements.
SELECT DISTINCT
    g.agreement_id,
    a.country_iso3 AS country_a,
    b.country_iso3 AS country_b,
    g.kind,
    g.status,
    g.event_date,
    g.date_precision,
    g.date_source,
    g.year,
    g.month,
    g.article_id
FROM stg_agreements AS g
INNER JOIN agreement_parties AS a ON a.agreement_id = g.agreement_id
INNER JOIN agreement_parties AS b ON b.agreement_id = g.agreement_id AND a.country_iso3 < b.country_iso3
