"""Dagster definitions: assets per stage, resources, checks. Thin: read, call the core, validate, write."""
