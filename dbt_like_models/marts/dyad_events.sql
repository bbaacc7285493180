-- One row per event (meeting or document) and unordered pair of countries taking part
-- (country_a < country_b), with its date, where the date comes from (date_source: 'event',
-- 'article', 'none') and the sentence that reports it. The base of dyad_year, country_partners
-- and the timelines picture. Counts are of reports: a meeting told by two articles is two rows.
SELECT
    'meeting' AS event_type,
    d.meeting_id AS event_id,
    d.country_a,
    d.country_b,
    d.event_date,
    d.date_precision,
    d.date_source,
    d.year,
    d.month,
    d.status,
    CAST(NULL AS VARCHAR) AS kind,
    m.place,
    m.participants AS people,
    m.evidence,
    d.article_id,
    m.article_title,
    m.source_path
FROM stg_meeting_dyads AS d
INNER JOIN stg_meetings AS m USING (meeting_id)

UNION ALL

SELECT
    'agreement' AS event_type,
    d.agreement_id AS event_id,
    d.country_a,
    d.country_b,
    d.event_date,
    d.date_precision,
    d.date_source,
    d.year,
    d.month,
    d.status,
    d.kind,
    g.place,
    g.signatories AS people,
    g.evidence,
    d.article_id,
    g.article_title,
    g.source_path
FROM stg_agreement_dyads AS d
INNER JOIN stg_agreements AS g USING (agreement_id)

ORDER BY country_a, country_b, event_date NULLS LAST, event_type, event_id
