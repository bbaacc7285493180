"""The extraction core: plain Python, text in, rows out. Nothing here imports Dagster."""
