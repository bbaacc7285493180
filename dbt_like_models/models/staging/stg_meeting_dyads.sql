SELECT DISTINCT
    m.meeting_id,
    a.country_iso3 AS country_a,
    b.country_iso3 AS country_b,
    m.status,
    m.event_date,
    m.date_precision,
    m.date_source,
    m.year,
    m.month,
    m.article_id
FROM {{ ref('stg_meetings') }} AS m
INNER JOIN {{ source('defcoop', 'meeting_countries') }} AS a ON a.meeting_id = m.meeting_id
INNER JOIN {{ source('defcoop', 'meeting_countries') }} AS b ON b.meeting_id = m.meeting_id AND a.country_iso3 < b.country_iso3
