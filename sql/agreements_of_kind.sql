-- Documents of one kind signed or planned in a period, with parties and signatories.
-- Change: kind (agreement, plan, declaration, memorandum, protocol, treaty, contract, program,
-- roadmap, statement, other), date_from, date_to and include_undated (TRUE also lists documents
-- whose date is unknown) in `params` below. The date is the document's own, else its article's.
-- Run:    duckdb -readonly data/defcoop.duckdb < sql/agreements_of_kind.sql
WITH params AS (
    SELECT
        'plan' AS kind,
        DATE '2020-01-01' AS date_from,
        DATE '2022-12-31' AS date_to,
        FALSE AS include_undated
)

SELECT
    t.event_date,
    t.date_source,
    t.status,
    t.title,
    t.period_year,
    t.parties,
    t.signatories,
    t.place,
    t.evidence,
    t.source_path
FROM agreements_timeline AS t, params
WHERE
    t.kind = params.kind
    AND (
        t.event_date BETWEEN params.date_from AND params.date_to
        OR (params.include_undated AND t.event_date IS NULL)
    )
ORDER BY t.seq;
