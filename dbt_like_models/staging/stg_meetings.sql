-- One row per meeting reported in an article, with a date to count it by: the meeting's own date
-- when the text gives one, else the article's publication date. date_source says which ('event',
-- 'article', or 'none' when neither is known); year and month are NULL where the date does not
-- tell them (month when only the year is known). countries and participants list who took part.
WITH countries AS (
    SELECT meeting_id, list(DISTINCT country_iso3 ORDER BY country_iso3) AS countries
    FROM meeting_countries
    GROUP BY meeting_id
),

participants AS (
    SELECT
        meeting_id,
        list(name || coalesce(' (' || country_iso3 || ')', '') ORDER BY country_iso3, name) AS participants
    FROM meeting_participants
    GROUP BY meeting_id
),

dated AS (
    SELECT
        m.*,
        a.title AS article_title,
        a.source_path,
        a.published_date,
        CASE
            WHEN m.meeting_date IS NOT NULL THEN 'event'
            WHEN a.published_date IS NOT NULL THEN 'article'
            ELSE 'none'
        END AS date_source,
        coalesce(m.meeting_date, a.published_date) AS event_date,
        CASE WHEN m.meeting_date IS NOT NULL THEN m.date_precision ELSE a.published_precision END
            AS event_date_precision,
        CASE WHEN m.meeting_date IS NOT NULL THEN m.date_inferred ELSE a.published_inferred END
            AS event_date_inferred
    FROM meetings AS m
    INNER JOIN articles AS a USING (article_id)
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
    CASE WHEN d.event_date_precision IS NOT NULL THEN year(d.event_date) END AS year,
    CASE WHEN d.event_date_precision IN ('day', 'month') THEN date_trunc('month', d.event_date)::DATE END AS month,
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
