"""Dagster definitions, loaded from this folder (``dg.load_from_defs_folder``), one folder per stage:

* ``ingest/``      source_files → articles
* ``extraction/``  articles → the entity tables and the event tables (natasha once per article)
* ``quarantine/``  the rows set apart by row rules, counted by table and rule
* ``models/``      the dbt project of ``dbt_like_models/``: its models as assets, its tests as checks
* ``pictures/``    the cooperation network and the timelines
* ``publish/``     published_warehouse, downstream of every other asset
* ``automation/``  the input-folder sensor and the daily schedule
* ``resources.py`` the input folder and the warehouse (CONTRACT.md's two settings), the executor
"""
