WITH met AS (
    -- meetings, not reports: two articles telling one meeting count it once
    SELECT p.name, p.country_iso3, count(DISTINCT l.event_id) AS meetings
    FROM {{ ref('stg_persons') }} AS p
    INNER JOIN {{ source('defcoop', 'meeting_participants') }} AS mp USING (person_id)
    INNER JOIN {{ source('defcoop', 'meeting_event_reports') }} AS l ON l.meeting_id = mp.meeting_id
    GROUP BY p.name, p.country_iso3
),

met_countries AS (
    SELECT p.name, p.country_iso3, list(DISTINCT c.country_iso3 ORDER BY c.country_iso3) AS met_countries
    FROM {{ ref('stg_persons') }} AS p
    INNER JOIN {{ source('defcoop', 'meeting_participants') }} AS mp USING (person_id)
    INNER JOIN {{ source('defcoop', 'meeting_countries') }} AS c ON c.meeting_id = mp.meeting_id
    WHERE c.country_iso3 IS DISTINCT FROM p.country_iso3
    GROUP BY p.name, p.country_iso3
),

signed AS (
    SELECT p.name, p.country_iso3, count(DISTINCT l.event_id) AS agreements_signed
    FROM (SELECT DISTINCT name, country_iso3, article_id FROM {{ ref('stg_persons') }}) AS p
    INNER JOIN {{ source('defcoop', 'agreements') }} AS g ON g.article_id = p.article_id
    INNER JOIN {{ source('defcoop', 'agreement_parties') }} AS ap
        ON ap.agreement_id = g.agreement_id AND ap.signatory_name = p.name AND ap.country_iso3 = p.country_iso3
    INNER JOIN {{ source('defcoop', 'agreement_event_reports') }} AS l ON l.agreement_id = g.agreement_id
    GROUP BY p.name, p.country_iso3
),

people AS (
    SELECT
        name,
        country_iso3,
        list_sort(list_distinct(list(role))) AS roles,
        list_sort(list_distinct(list(rank))) AS ranks,
        count(DISTINCT article_id) AS articles,
        sum(mention_count)::BIGINT AS mentions,
        min(published_date) AS first_seen,
        max(published_date) AS last_seen,
        count(DISTINCT article_id) FILTER (WHERE published_date IS NULL) AS undated_articles
    FROM {{ ref('stg_persons') }}
    GROUP BY name, country_iso3
)

SELECT
    p.name,
    p.country_iso3,
    p.roles,
    p.ranks,
    p.first_seen,
    p.last_seen,
    p.undated_articles,
    p.articles,
    p.mentions,
    coalesce(met.meetings, 0) AS meetings,
    coalesce(s.agreements_signed, 0) AS agreements_signed,
    coalesce(mc.met_countries, []) AS met_countries
FROM people AS p
LEFT JOIN met ON met.name = p.name AND met.country_iso3 IS NOT DISTINCT FROM p.country_iso3
LEFT JOIN met_countries AS mc ON mc.name = p.name AND mc.country_iso3 IS NOT DISTINCT FROM p.country_iso3
LEFT JOIN signed AS s ON s.name = p.name AND s.country_iso3 IS NOT DISTINCT FROM p.country_iso3
ORDER BY p.country_iso3 NULLS LAST, meetings DESC, p.name
