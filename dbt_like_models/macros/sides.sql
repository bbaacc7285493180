{#- The lists a staging model gives per meeting or document, for reports (key meeting_id /
    agreement_id) and events (key event_id) alike: its countries, its people as "Name (ISO)", and a
    document's parties, the bodies that are party and who signed for each. -#}
{% macro countries_by(key, table) -%}
    SELECT {{ key }}, list(DISTINCT country_iso3 ORDER BY country_iso3) AS countries
    FROM {{ source('defcoop', table) }}
    GROUP BY {{ key }}
{%- endmacro %}

{% macro participants_by(key, table) -%}
    SELECT
        {{ key }},
        list(name || coalesce(' (' || country_iso3 || ')', '') ORDER BY country_iso3, name) AS participants
    FROM {{ source('defcoop', table) }}
    GROUP BY {{ key }}
{%- endmacro %}

{% macro parties_by(key, table) -%}
    SELECT
        {{ key }},
        list(DISTINCT country_iso3 ORDER BY country_iso3) AS parties,
        list(DISTINCT party_name ORDER BY party_name) FILTER (WHERE party_name IS NOT NULL) AS party_names,
        list(DISTINCT country_iso3 || ': ' || signatory_name ORDER BY country_iso3 || ': ' || signatory_name)
            FILTER (WHERE signatory_name IS NOT NULL) AS signatories
    FROM {{ source('defcoop', table) }}
    GROUP BY {{ key }}
{%- endmacro %}
