-- One row per document reported signed or to be signed, with a date to count it by: its own
-- signing date when the text gives one, else the article's publication date. date_source says
-- which ('event', 'article', or 'none'); year and month are NULL where the date does not tell
-- them. parties lists the states and organisations, signatories who signed for each.
WITH parties AS (
    SELECT
        agreement_id,
        list(DISTINCT country_iso3 ORDER BY country_iso3) AS parties,
        list(DISTINCT party_name ORDER BY party_name) FILTER (WHERE party_name IS NOT NULL) AS party_names,
        list(DISTINCT country_iso3 || ': ' || signatory_name ORDER BY country_iso3 || ': ' || signatory_name)
            FILTER (WHERE signatory_name IS NOT NULL) AS signatories
    FROM agreement_parties
    GROUP BY agreement_id
),

dated AS (
    SELECT
        g.*,
        a.title AS article_title,
        a.source_path,
        CASE
            WHEN g.signed_date IS NOT NULL THEN 'event'
            WHEN a.published_date IS NOT NULL THEN 'article'
            ELSE 'none'
        END AS date_source,
        coalesce(g.signed_date, a.published_date) AS event_date,
        CASE WHEN g.signed_date IS NOT NULL THEN g.date_precision ELSE a.published_precision END
            AS event_date_precision,
        CASE WHEN g.signed_date IS NOT NULL THEN g.date_inferred ELSE a.published_inferred END
            AS event_date_inferred
    FROM agreements AS g
    INNER JOIN articles AS a USING (article_id)
)

SELECT
    d.agreement_id,
    d.article_id,
    d.kind,
    d.status,
    d.title,
    d.period_year,
    d.place,
    d.event_date,
    d.event_date_precision AS date_precision,
    d.date_source,
    coalesce(d.event_date_inferred, FALSE) AS date_inferred,
    d.date_iso,
    CASE WHEN d.event_date_precision IS NOT NULL THEN year(d.event_date) END AS year,
    CASE WHEN d.event_date_precision IN ('day', 'month') THEN date_trunc('month', d.event_date)::DATE END AS month,
    coalesce(p.parties, []) AS parties,
    coalesce(p.party_names, []) AS party_names,
    coalesce(p.signatories, []) AS signatories,
    d.evidence,
    d.confidence,
    d.rule,
    d.article_title,
    d.source_path
FROM dated AS d
LEFT JOIN parties AS p USING (agreement_id)
ORDER BY d.event_date NULLS LAST, d.agreement_id
