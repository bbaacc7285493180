{#- dbt_utils' expression_is_true, kept here so the project needs no package from the hub: the
    rows where the expression (prefixed by the column, when given on a column) does not hold. -#}
{% test expression_is_true(model, expression, column_name=None) %}
SELECT *
FROM {{ model }}
WHERE NOT ({{ column_name ~ ' ' if column_name else '' }}{{ expression }})
{% endtest %}
