WITH sides AS (
    SELECT country_a AS country_iso3, country_b AS partner_iso3, * EXCLUDE (country_a, country_b)
    FROM {{ ref('dyad_events') }}
    UNION ALL
    SELECT country_b AS country_iso3, country_a AS partner_iso3, * EXCLUDE (country_a, country_b)
    FROM {{ ref('dyad_events') }}
),

totals AS (
    SELECT
        country_iso3,
        partner_iso3,
        count(*) AS events,
        count(*) FILTER (WHERE event_type = 'meeting') AS meetings,
        count(*) FILTER (WHERE event_type = 'agreement') AS agreements,
        count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed') AS agreements_signed,
        min(event_date) AS first_date,
        max(event_date) AS last_date,
        len(list_distinct(flatten(list(article_ids)))) AS articles,
        sum(reports)::BIGINT AS reports,
        count(*) FILTER (WHERE defence) AS defence_events
    FROM sides
    GROUP BY country_iso3, partner_iso3
)

SELECT
    country_iso3,
    rank() OVER (PARTITION BY country_iso3 ORDER BY events DESC, agreements_signed DESC) AS rank,
    partner_iso3,
    events,
    meetings,
    agreements,
    agreements_signed,
    first_date,
    last_date,
    articles,
    reports,
    defence_events
FROM totals
ORDER BY country_iso3, rank, partner_iso3
