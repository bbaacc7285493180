{#- What Dagster shows of a model once it is built (its row count, its columns and their types, its
    first rows), written by the model's own post-hook into described/ in the build's folder (dbt's
    working folder in Dagster's builds), so the models' step shows each model while dbt goes on with
    the rest instead of reading every table once dbt has exited. Dagster's builds only (the `linked`
    target): `dbt build` run by hand writes nothing. -#}
{% macro described_for_dagster(part) -%}
    {%- if target.name == 'linked' -%}
        {%- if part == 'columns' -%}
            COPY (SELECT (SELECT count(*) FROM {{ this }}) AS row_count, column_name, column_type
                  FROM (DESCRIBE {{ this }}))
            TO 'described/{{ this.identifier }}.json' (FORMAT JSON, ARRAY true)
        {%- else -%}
            COPY (SELECT * FROM {{ this }} LIMIT 10) TO 'described/{{ this.identifier }}.parquet' (FORMAT PARQUET)
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
