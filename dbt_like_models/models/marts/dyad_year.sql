SELECT
    country_a,
    country_b,
    year,
    count(*) FILTER (WHERE event_type = 'meeting') AS meetings,
    count(*) FILTER (WHERE event_type = 'meeting' AND status = 'held') AS meetings_held,
    count(*) FILTER (WHERE event_type = 'meeting' AND status = 'planned') AS meetings_planned,
    count(*) FILTER (WHERE event_type = 'agreement') AS agreements,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed') AS agreements_signed,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'planned') AS agreements_planned,
    {%- for kind in var('document_kinds') %}
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = '{{ kind }}') AS signed_{{ kind }},
    {%- endfor %}
    min(event_date) AS first_date,
    max(event_date) AS last_date,
    count(*) FILTER (WHERE date_source = 'article') AS dated_by_article,
    count(DISTINCT article_id) AS articles
FROM {{ ref('dyad_events') }}
GROUP BY country_a, country_b, year
ORDER BY country_a, country_b, year NULLS LAST
