WITH per_country AS (
    SELECT DISTINCT
        'meeting' AS event_type,
        m.meeting_id AS event_id,
        c.country_iso3,
        m.status,
        m.year,
        m.month,
        m.date_source
    FROM {{ ref('stg_meetings') }} AS m
    INNER JOIN {{ source('defcoop', 'meeting_countries') }} AS c USING (meeting_id)
    UNION ALL
    SELECT DISTINCT
        'agreement' AS event_type,
        g.agreement_id AS event_id,
        p.country_iso3,
        g.status,
        g.year,
        g.month,
        g.date_source
    FROM {{ ref('stg_agreements') }} AS g
    INNER JOIN {{ source('defcoop', 'agreement_parties') }} AS p USING (agreement_id)
)

SELECT
    country_iso3,
    year,
    month,
    count(*) AS events,
    count(*) FILTER (WHERE event_type = 'meeting') AS meetings,
    count(*) FILTER (WHERE event_type = 'meeting' AND status = 'held') AS meetings_held,
    count(*) FILTER (WHERE event_type = 'agreement') AS agreements,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed') AS agreements_signed,
    count(*) FILTER (WHERE date_source = 'article') AS dated_by_article
FROM per_country
GROUP BY country_iso3, year, month
ORDER BY country_iso3, year NULLS LAST, month NULLS LAST
