-- One row per document event: dated like a report (its signing date, else the first article's
-- publication date), with its parties, signatories, reports and defence flag.
WITH parties AS (
    {{ parties_by('event_id', 'agreement_event_parties') }}
),

told AS (
    {{ event_articles('agreement_event_reports', 'agreements', 'agreement_id') }}
),

dated AS (
    SELECT
        e.*,
        t.article_ids,
        t.article_id,
        t.evidence,
        t.report_id AS agreement_id,
        a.title AS article_title,
        a.source_path,
        {{ event_dating('e.signed_date', 'e.date_precision', 'FALSE', article='a') }}
    FROM {{ source('defcoop', 'agreement_events') }} AS e
    INNER JOIN told AS t USING (event_id)
    INNER JOIN {{ source('defcoop', 'articles') }} AS a ON a.article_id = t.article_id
)

SELECT
    d.event_id,
    d.agreement_id,
    d.kind,
    d.status,
    d.title,
    d.period_year,
    d.place,
    d.event_date,
    d.event_date_precision AS date_precision,
    d.date_source,
    d.date_iso,
    {{ year_and_month('d.event_date', 'd.event_date_precision') }},
    coalesce(p.parties, []) AS parties,
    coalesce(p.party_names, []) AS party_names,
    coalesce(p.signatories, []) AS signatories,
    d.reports,
    d.articles,
    d.article_ids,
    d.first_published,
    d.last_published,
    d.merge_confidence,
    d.defence,
    d.defence_rule,
    d.evidence,
    d.article_id,
    d.article_title,
    d.source_path
FROM dated AS d
LEFT JOIN parties AS p USING (event_id)
ORDER BY d.event_date NULLS LAST, d.event_id
