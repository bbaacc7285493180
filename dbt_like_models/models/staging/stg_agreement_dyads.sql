SELECT DISTINCT
    g.agreement_id,
    a.country_iso3 AS country_a,
    b.country_iso3 AS country_b,
    g.kind,
    g.status,
    g.event_date,
    g.date_precision,
    g.date_source,
    g.year,
    g.month,
    g.article_id
FROM {{ ref('stg_agreements') }} AS g
INNER JOIN {{ source('defcoop', 'agreement_parties') }} AS a ON a.agreement_id = g.agreement_id
INNER JOIN {{ source('defcoop', 'agreement_parties') }} AS b ON b.agreement_id = g.agreement_id AND a.country_iso3 < b.country_iso3
