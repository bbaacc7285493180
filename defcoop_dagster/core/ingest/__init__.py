"""Ingest: a folder of article files → ``source_files`` rows (one per file, accepted, duplicate or
rejected with a reason) → ``articles`` rows (clean body, title, publication date, dateline).

In: a folder path. Out: plain dicts in the columns of the two tables.
"""
