"""The code location: every asset, check and resource of defcoop."""

import dagster as dg

from .defs import checks
from .defs.assets import articles, entities, events, ingestion
from .defs.resources import build_resources

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([ingestion, articles, entities, events]),
    asset_checks=dg.load_asset_checks_from_modules([checks]),
    resources=build_resources(),
)
