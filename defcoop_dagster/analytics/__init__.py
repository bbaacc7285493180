"""The analytics layer in plain Python, no Dagster: SQL models and their dependencies, YAML tests, pictures."""
