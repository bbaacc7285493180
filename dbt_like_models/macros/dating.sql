{#- The date an event is counted by, shared by stg_meetings and stg_agreements: the event's own date
    when the text gives one, else its article's publication date. date_source says which ('event',
    'article', 'none'); precision and inferred follow the date taken. -#}
{% macro event_dating(own_date, own_precision, own_inferred, article='a') -%}
    CASE
        WHEN {{ own_date }} IS NOT NULL THEN 'event'
        WHEN {{ article }}.published_date IS NOT NULL THEN 'article'
        ELSE 'none'
    END AS date_source,
    coalesce({{ own_date }}, {{ article }}.published_date) AS event_date,
    CASE WHEN {{ own_date }} IS NOT NULL THEN {{ own_precision }} ELSE {{ article }}.published_precision END
        AS event_date_precision,
    CASE WHEN {{ own_date }} IS NOT NULL THEN {{ own_inferred }} ELSE {{ article }}.published_inferred END
        AS event_date_inferred
{%- endmacro %}

{#- year and month of a date only as far as its precision tells them: a date known to the year has
    no month, an undated event neither. -#}
{% macro year_and_month(date, precision) -%}
    CASE WHEN {{ precision }} IS NOT NULL THEN year({{ date }}) END AS year,
    CASE WHEN {{ precision }} IN ('day', 'month') THEN date_trunc('month', {{ date }})::DATE END AS month
{%- endmacro %}
