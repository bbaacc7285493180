SELECT
    row_number() OVER (ORDER BY event_date NULLS LAST, agreement_id) AS seq,
    agreement_id,
    event_date,
    date_precision,
    date_source,
    year,
    kind,
    status,
    title,
    period_year,
    place,
    parties,
    party_names,
    signatories,
    evidence,
    article_id,
    article_title,
    source_path
FROM {{ ref('stg_agreements') }}
ORDER BY seq
