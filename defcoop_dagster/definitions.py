"""The code location: every asset, check and resource of defcoop."""

import dagster as dg

from .defs import automation, checks
from .defs.assets import articles, entities, events, ingestion, models, pictures
from .defs.resources import build_resources

defs = dg.Definitions(
    # models: one asset per dbt_like_models/*/*.sql, its schema.yml tests as checks
    assets=dg.load_assets_from_modules([ingestion, articles, entities, events, models, pictures]),
    asset_checks=dg.load_asset_checks_from_modules([checks]),
    resources=build_resources(),
    sensors=[automation.input_folder_sensor],
    schedules=[automation.daily_refresh],
)
