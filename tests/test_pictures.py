"""The pictures: valid PNGs of a plausible size next to the warehouse, embedded in the assets' metadata."""

import base64
import io
import struct
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from defcoop_dagster.analytics.drawing import network_png, timelines_png

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def assert_plausible_png(data: bytes, min_colours: int = 8) -> None:
    width, height = png_size(data)
    assert 300 <= width <= 4000 and 150 <= height <= 6000, (width, height)
    assert len(data) > 5_000
    image = Image.open(io.BytesIO(data))
    image.load()  # decodes every chunk: a truncated or corrupt file raises here
    colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) >= min_colours  # not a blank canvas


@pytest.mark.parametrize(
    ("asset", "filename"), [("cooperation_network", "network.png"), ("dyad_timelines", "timelines.png")]
)
def test_picture_next_to_the_warehouse_and_in_the_metadata(analytics_run, asset, filename):
    result, db = analytics_run
    path = db.parent / filename
    assert path.is_file()
    data = path.read_bytes()
    assert_plausible_png(data)
    (mat,) = result.asset_materializations_for_node(asset)
    assert Path(mat.metadata["path"].value) == path.resolve()
    markdown = mat.metadata["picture"].value
    assert markdown.startswith("![") and "(data:image/png;base64," in markdown
    assert base64.b64decode(markdown.split("base64,", 1)[1].rstrip(")")) == data
    # the UI shows the picture on the Checks tab: the check result's description is that markdown
    (check,) = [e for e in result.get_asset_check_evaluations() if e.asset_key.to_user_string() == asset]
    assert check.check_name == "picture_drawn" and check.passed and check.description == markdown


def test_network_metadata_counts(analytics_run):
    result, _ = analytics_run
    (mat,) = result.asset_materializations_for_node("cooperation_network")
    assert mat.metadata["countries"].value >= 6 and mat.metadata["pairs"].value >= 6


def test_empty_warehouse_still_gives_a_picture():
    assert_plausible_png(network_png(pd.DataFrame(columns=["country_a", "country_b", "meetings", "agreements"])), 2)
    events = pd.DataFrame(columns=["country_a", "country_b", "event_type", "event_date", "date_source", "status"])
    assert_plausible_png(timelines_png(events), 2)


def test_only_undated_events_still_draw():
    events = pd.DataFrame(
        [
            {
                "country_a": "AZE",
                "country_b": "GEO",
                "event_type": "meeting",
                "event_date": None,
                "date_source": "none",
                "status": "held",
            }
        ]
    )
    assert_plausible_png(timelines_png(events), 2)
