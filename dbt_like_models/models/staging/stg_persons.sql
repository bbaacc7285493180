WITH people AS (
    SELECT p.*, a.published_date
    FROM {{ source('defcoop', 'persons') }} AS p
    INNER JOIN {{ source('defcoop', 'articles') }} AS a USING (article_id)
),

only_country AS (
    SELECT name, min(country_iso3) AS country_iso3
    FROM people
    WHERE country_iso3 IS NOT NULL
    GROUP BY name
    HAVING count(DISTINCT country_iso3) = 1
)

SELECT
    p.person_id,
    p.article_id,
    p.name,
    p.surname,
    p.role,
    p.rank,
    coalesce(p.country_iso3, o.country_iso3) AS country_iso3,
    CASE
        WHEN p.country_iso3 IS NOT NULL THEN 'article'
        WHEN o.country_iso3 IS NOT NULL THEN 'other_articles'
        ELSE 'none'
    END AS country_source,
    p.mention_count,
    p.published_date,
    p.evidence
FROM people AS p
LEFT JOIN only_country AS o USING (name)
