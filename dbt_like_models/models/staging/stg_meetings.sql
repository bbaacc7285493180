WITH countries AS (
    SELECT meeting_id, list(DISTINCT country_iso3 ORDER BY country_iso3) AS countries
    FROM {{ source('defcoop', 'meeting_countries') }}
    GROUP BY meeting_id
),

participants AS (
    SELECT
        meeting_id,
        list(name || coalesce(' (' || country_iso3 || ')', '') ORDER BY country_iso3, name) AS participants
    FROM {{ source('defcoop', 'meeting_participants') }}
    GROUP BY meeting_id
),

dated AS (
    SELECT
        m.*,
        a.title AS article_title,
        a.source_path,
        a.published_date,
        {{ event_dating('m.meeting_date', 'm.date_precision', 'm.date_inferred', article='a') }}
    FROM {{ source('defcoop', 'meetings') }} AS m
    INNER JOIN {{ source('defcoop', 'articles') }} AS a USING (article_id)
)

SELECT
    d.meeting_id,
    d.article_id,
    d.status,
    d.place,
    d.event_date,
    d.event_date_precision AS date_precision,
    d.date_source,
    coalesce(d.event_date_inferred, FALSE) AS date_inferred,
    d.date_iso,
    {{ year_and_month('d.event_date', 'd.event_date_precision') }},
    coalesce(c.countries, []) AS countries,
    coalesce(p.participants, []) AS participants,
    d.evidence,
    d.confidence,
    d.rule,
    d.article_title,
    d.source_path
FROM dated AS d
LEFT JOIN countries AS c USING (meeting_id)
LEFT JOIN participants AS p USING (meeting_id)
ORDER BY d.event_date NULLS LAST, d.meeting_id
