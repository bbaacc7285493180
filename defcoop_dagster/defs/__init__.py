"""Dagster definitions, loaded from this folder (``dg.load_from_defs_folder``), one folder per stage:

* ``ingest/``      source_files → articles
* ``extraction/``  articles → the entity tables and the event tables (natasha once per article)
* ``models/``      the SQL models of ``dbt_like_models/`` and their tests
* ``pictures/``    the cooperation network and the timelines
* ``automation/``  the input-folder sensor and the daily schedule
* ``resources.py`` the input folder and the warehouse (CONTRACT.md's two settings), the executor

Publishing (``published_warehouse``) is added in ``definitions.py``: it depends on every asset.
"""
