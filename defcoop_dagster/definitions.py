"""The code location: every asset, check and resource of defcoop."""

import dagster as dg

from .defs import automation, checks
from .defs.assets import articles, entities, events, ingestion, models, pictures
from .defs.assets.publish import build_published_warehouse
from .defs.resources import build_resources

# models: one asset per dbt_like_models/*/*.sql, its schema.yml tests as checks
ASSETS = dg.load_assets_from_modules([ingestion, articles, entities, events, models, pictures])

defs = dg.Definitions(
    assets=[*ASSETS, build_published_warehouse([key for a in ASSETS for key in a.keys])],
    asset_checks=dg.load_asset_checks_from_modules([checks]),
    resources=build_resources(),
    sensors=[automation.input_folder_sensor],
    schedules=[automation.daily_refresh],
)
