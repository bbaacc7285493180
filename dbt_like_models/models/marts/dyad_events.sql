-- One row per event (not per report) and pair of its countries; reports says how many rows of
-- meetings / agreements tell it, defence whether it is about defence.
SELECT
    'meeting' AS event_type,
    e.event_id,
    a.country_iso3 AS country_a,
    b.country_iso3 AS country_b,
    e.event_date,
    e.date_precision,
    e.date_source,
    e.year,
    e.month,
    e.status,
    CAST(NULL AS VARCHAR) AS kind,
    e.place,
    e.participants AS people,
    e.evidence,
    e.article_id,
    e.article_title,
    e.source_path,
    e.reports,
    e.article_ids,
    e.defence,
    e.defence_rule
FROM {{ ref('stg_meeting_events') }} AS e
INNER JOIN {{ source('defcoop', 'meeting_event_countries') }} AS a ON a.event_id = e.event_id
INNER JOIN {{ source('defcoop', 'meeting_event_countries') }} AS b
    ON b.event_id = e.event_id AND a.country_iso3 < b.country_iso3

UNION ALL

SELECT
    'agreement' AS event_type,
    e.event_id,
    a.country_iso3 AS country_a,
    b.country_iso3 AS country_b,
    e.event_date,
    e.date_precision,
    e.date_source,
    e.year,
    e.month,
    e.status,
    e.kind,
    e.place,
    e.signatories AS people,
    e.evidence,
    e.article_id,
    e.article_title,
    e.source_path,
    e.reports,
    e.article_ids,
    e.defence,
    e.defence_rule
FROM {{ ref('stg_agreement_events') }} AS e
INNER JOIN {{ source('defcoop', 'agreement_event_parties') }} AS a ON a.event_id = e.event_id
INNER JOIN {{ source('defcoop', 'agreement_event_parties') }} AS b
    ON b.event_id = e.event_id AND a.country_iso3 < b.country_iso3

ORDER BY country_a, country_b, event_date NULLS LAST, event_type, event_id
