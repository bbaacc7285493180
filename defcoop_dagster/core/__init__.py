"""The extraction core: plain Python, text in, rows out. Nothing here imports Dagster.

Grouped by pipeline stage, each package saying what comes in and what goes out:

* ``ingest``      a folder of files → ``source_files`` rows → ``articles`` rows
* ``entities``    articles → ``mentions``, ``persons``, ``person_mentions`` (and the analysis they were read from)
* ``events``      articles + entities + the analysis → the five event tables (meetings, agreements…)
* ``lang``        the shared language layer: natasha's analysis as one token model, morphology,
                  inflection, roles, the lexicon (word lists as data), all date parsing and year resolution
* ``gazetteers``  states, organisations and well-known officials, with their data files
"""
