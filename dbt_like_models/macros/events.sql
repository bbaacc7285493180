{#- What the reports of each event add to it: the articles that tell it (earliest published first),
    and the first of them, whose sentence, title and file stand for the event in the marts. -#}
{% macro event_articles(links, reports, key) -%}
    SELECT
        l.event_id,
        list(l.article_id ORDER BY a.published_date NULLS LAST, l.article_id) AS article_ids,
        arg_min(l.article_id, (a.published_date IS NULL, a.published_date, l.article_id)) AS article_id,
        arg_min(l.{{ key }}, (a.published_date IS NULL, a.published_date, l.article_id)) AS report_id,
        arg_min(r.evidence, (a.published_date IS NULL, a.published_date, l.article_id)) AS evidence
    FROM {{ source('defcoop', links) }} AS l
    INNER JOIN {{ source('defcoop', reports) }} AS r USING ({{ key }})
    INNER JOIN {{ source('defcoop', 'articles') }} AS a ON a.article_id = l.article_id
    GROUP BY l.event_id
{%- endmacro %}
