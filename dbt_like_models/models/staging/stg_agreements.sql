WITH parties AS (
    {{ parties_by('agreement_id', 'agreement_parties') }}
),

dated AS (
    SELECT
        g.*,
        a.title AS article_title,
        a.source_path,
        {{ event_dating('g.signed_date', 'g.date_precision', 'g.date_inferred', article='a') }}
    FROM {{ source('defcoop', 'agreements') }} AS g
    INNER JOIN {{ source('defcoop', 'articles') }} AS a USING (article_id)
)

SELECT
    d.agreement_id,
    d.article_id,
    d.kind,
    d.status,
    d.title,
    d.period_year,
    d.place,
    d.event_date,
    d.event_date_precision AS date_precision,
    d.date_source,
    coalesce(d.event_date_inferred, FALSE) AS date_inferred,
    d.date_iso,
    {{ year_and_month('d.event_date', 'd.event_date_precision') }},
    coalesce(p.parties, []) AS parties,
    coalesce(p.party_names, []) AS party_names,
    coalesce(p.signatories, []) AS signatories,
    d.evidence,
    d.confidence,
    d.rule,
    d.article_title,
    d.source_path
FROM dated AS d
LEFT JOIN parties AS p USING (agreement_id)
ORDER BY d.event_date NULLS LAST, d.agreement_id
