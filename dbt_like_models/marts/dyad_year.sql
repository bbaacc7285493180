-- One row per unordered pair of countries (country_a < country_b) and year, in the shape of the
-- Defense Cooperation Agreement Dataset's dyad-years plus meetings: meetings (held, planned),
-- documents (signed, planned), signed documents by kind (one column per kind of CONTRACT.md),
-- first and last date, and how many events took the article's date for want of their own
-- (dated_by_article). year is NULL for events with no date at all.
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
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'agreement') AS signed_agreement,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'plan') AS signed_plan,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'declaration') AS signed_declaration,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'memorandum') AS signed_memorandum,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'protocol') AS signed_protocol,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'treaty') AS signed_treaty,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'contract') AS signed_contract,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'program') AS signed_program,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'roadmap') AS signed_roadmap,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'statement') AS signed_statement,
    count(*) FILTER (WHERE event_type = 'agreement' AND status = 'signed' AND kind = 'other') AS signed_other,
    min(event_date) AS first_date,
    max(event_date) AS last_date,
    count(*) FILTER (WHERE date_source = 'article') AS dated_by_article,
    count(DISTINCT article_id) AS articles
FROM dyad_events
GROUP BY country_a, country_b, year
ORDER BY country_a, country_b, year NULLS LAST
