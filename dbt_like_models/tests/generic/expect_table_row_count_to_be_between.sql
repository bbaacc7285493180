{#- dbt_expectations' expect_table_row_count_to_be_between, without the package: one row (the
    count) when the table has fewer than min_value or more than max_value rows. -#}
{% test expect_table_row_count_to_be_between(model, min_value=None, max_value=None) %}
SELECT count(*) AS row_count
FROM {{ model }}
HAVING NOT (
    {{ 'count(*) >= ' ~ min_value if min_value is not none else 'TRUE' }}
    AND {{ 'count(*) <= ' ~ max_value if max_value is not none else 'TRUE' }}
)
{% endtest %}
