-- Events (not reports) per country and month, with the reports telling them and the defence events.
WITH per_country AS (
    SELECT
        'meeting' AS event_type,
        e.event_id,
        c.country_iso3,
        e.status,
        e.year,
        e.month,
        e.date_source,
        e.reports,
        e.defence
    FROM {{ ref('stg_meeting_events') }} AS e
    INNER JOIN {{ source('defcoop', 'meeting_event_countries') }} AS c USING (event_id)
    UNION ALL
    SELECT
        'agreement' AS event_type,
        e.event_id,
        p.country_iso3,
        e.status,
        e.year,
        e.month,
        e.date_source,
        e.reports,
        e.defence
    FROM {{ ref('stg_agreement_events') }} AS e
    INNER JOIN {{ source('defcoop', 'agreement_event_parties') }} AS p USING (event_id)
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
    count(*) FILTER (WHERE date_source = 'article') AS dated_by_article,
    sum(reports)::BIGINT AS reports,
    count(*) FILTER (WHERE defence) AS defence_events,
    count(*) FILTER (WHERE event_type = 'meeting' AND defence) AS defence_meetings,
    count(*) FILTER (WHERE event_type = 'agreement' AND defence) AS defence_agreements
FROM per_country
GROUP BY country_iso3, year, month
ORDER BY country_iso3, year NULLS LAST, month NULLS LAST
