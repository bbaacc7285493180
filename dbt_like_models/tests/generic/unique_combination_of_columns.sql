{#- dbt_utils' unique_combination_of_columns, without the package: each combination that repeats. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
SELECT {{ combination_of_columns | join(', ') }}, count(*) AS n_records
FROM {{ model }}
GROUP BY {{ combination_of_columns | join(', ') }}
HAVING count(*) > 1
{% endtest %}
