-- Documents in date order (seq 1 is the earliest; undated ones last), with their parties, the
-- bodies that are party, who signed for each, and the sentence that reports them. event_date is
-- the signing date, else the article's publication date; date_source says which.
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
FROM stg_agreements
ORDER BY seq
