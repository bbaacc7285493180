"""Entities: articles → ``mentions`` (people, places, organisations, states, dates with offsets),
``persons`` (one per individual per article: nominative name, role, rank, country) and
``person_mentions``, read from natasha's analysis of the body, which is handed on to the events.

In: article rows (article_id, body, published, dateline_end). Out: rows of the three tables and
the analysed sentences of each article.
"""
