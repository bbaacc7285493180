-- Events per pair of countries and year (the Defense Cooperation Agreement Dataset's dyad-year
-- shape): counts of events, the reports telling them beside, and the defence events among them.
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
    len(list_distinct(flatten(list(article_ids)))) AS articles,
    coalesce(sum(reports) FILTER (WHERE event_type = 'meeting'), 0)::BIGINT AS meeting_reports,
    coalesce(sum(reports) FILTER (WHERE event_type = 'agreement'), 0)::BIGINT AS agreement_reports,
    count(*) FILTER (WHERE event_type = 'meeting' AND defence) AS defence_meetings,
    count(*) FILTER (WHERE event_type = 'agreement' AND defence) AS defence_agreements,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND defence) AS defence_agreements_signed
FROM {{ ref('dyad_events') }}
GROUP BY country_a, country_b, year
ORDER BY country_a, country_b, year NULLS LAST
