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
FROM {{ ref('stg_meeting_dyads') }} AS d
INNER JOIN {{ ref('stg_meetings') }} AS m USING (meeting_id)

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
FROM {{ ref('stg_agreement_dyads') }} AS d
INNER JOIN {{ ref('stg_agreements') }} AS g USING (agreement_id)

ORDER BY country_a, country_b, event_date NULLS LAST, event_type, event_id
