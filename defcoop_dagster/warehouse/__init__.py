"""The DuckDB warehouse: table definitions and atomic writes. No Dagster here."""
