-- One row per meeting event: dated like a report (its own date, else the first article's
-- publication date), with its countries, participants, reports and defence flag.
WITH countries AS (
    {{ countries_by('event_id', 'meeting_event_countries') }}
),

participants AS (
    {{ participants_by('event_id', 'meeting_event_participants') }}
),

told AS (
    {{ event_articles('meeting_event_reports', 'meetings', 'meeting_id') }}
),

dated AS (
    SELECT
        e.* EXCLUDE (event_date),  -- the dated event_date below replaces it
        t.article_ids,
        t.article_id,
        t.evidence,
        a.title AS article_title,
        a.source_path,
        {{ event_dating('e.event_date', 'e.date_precision', 'FALSE', article='a') }}
    FROM {{ source('defcoop', 'meeting_events') }} AS e
    INNER JOIN told AS t USING (event_id)
    INNER JOIN {{ source('defcoop', 'articles') }} AS a ON a.article_id = t.article_id
)

SELECT
    d.event_id,
    d.status,
    d.place,
    d.event_date,
    d.event_date_precision AS date_precision,
    d.date_source,
    d.date_iso,
    {{ year_and_month('d.event_date', 'd.event_date_precision') }},
    coalesce(c.countries, []) AS countries,
    coalesce(p.participants, []) AS participants,
    d.reports,
    d.articles,
    d.article_ids,
    d.first_published,
    d.last_published,
    d.merge_confidence,
    d.defence,
    d.defence_rule,
    d.evidence,
    d.article_id,
    d.article_title,
    d.source_path
FROM dated AS d
LEFT JOIN countries AS c USING (event_id)
LEFT JOIN participants AS p USING (event_id)
ORDER BY d.event_date NULLS LAST, d.event_id
