WITH countries AS (
    {{ countries_by('meeting_id', 'meeting_countries') }}
),

participants AS (
    {{ participants_by('meeting_id', 'meeting_participants') }}
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
