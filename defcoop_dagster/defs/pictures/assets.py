"""Pictures of the marts as PNG, shown in the asset's metadata and published next to the warehouse.

With the private work file (as deployed) a picture is drawn beside the work file and published with
the warehouse by ``published_warehouse``, so the pictures next to the published file always show
its data; writing the warehouse in place, the pictures are written in place too.
"""

import base64
import hashlib
import io
import os
import tempfile
from pathlib import Path

import dagster as dg
import pandas as pd

from ...stage import WAREHOUSE_POOL
from ...unchanged import forced
from ...warehouse.publish import picture_work_path
from ...warehouse.runstate import digest, forget, record, records
from ..resources import Warehouse, machine_faults_told

PICTURES = ["cooperation_network", "dyad_timelines"]  # the asset keys below, for publishing
ALT_NET, ALT_TIMES = "cooperation network", "timelines per pair of countries"


class PictureConfig(dg.Config):
    """Set in the Launchpad: draw only the events about defence (``dyad_events.defence``)."""

    defence_only: bool = False

    def where(self) -> str:
        return "WHERE defence" if self.defence_only else ""


def picture_path(warehouse: Warehouse, name: str) -> Path:
    """Where the picture is published: next to the warehouse."""
    if warehouse.database == ":memory:":
        raise dg.Failure(description="the warehouse is in memory: there is no folder to write pictures to")
    return Path(warehouse.database).expanduser().resolve().parent / name


def drawn_path(warehouse: Warehouse, name: str) -> Path:
    """Where the picture is drawn: beside the work file (published with it), or in place."""
    path = picture_path(warehouse, name)
    return picture_work_path(path.parent / Path(warehouse.database).name, name) if warehouse.private_work_file else path


def draw(warehouse: Warehouse, name: str, png: bytes) -> dict:
    """Write the picture where it waits for publishing (or in place); its metadata."""
    path, drawn = picture_path(warehouse, name), drawn_path(warehouse, name)
    with machine_faults_told(f"the picture {drawn}"):
        write_atomically(drawn, png)
    return {**({"drawn_at": dg.MetadataValue.path(str(drawn))} if drawn != path else {}), "bytes": len(png)}


def write_atomically(path: Path, data: bytes) -> None:
    """Readers see the old picture or the new one, never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a picture is for anyone who can read the warehouse
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def picture_metadata(path: Path, png: bytes, alt: str) -> dict:
    # first, so it heads the metadata table (the UI hides markdown of 1000+ characters behind a link)
    return {
        "picture": dg.MetadataValue.md(image_markdown(png, alt)),
        "path": dg.MetadataValue.path(str(path)),
    }


def image_markdown(png: bytes, alt: str) -> str:
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode()})"


# The UI renders a check's result description as markdown, images included, where metadata markdown
# of this size is only a link: the picture is shown directly on the asset's Checks tab.
PICTURE_CHECK = "picture_drawn"


def picture_check(asset: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(PICTURE_CHECK, asset=asset, description="The picture was drawn and reads as a PNG; shown.")


def picture_result(png: bytes, alt: str) -> dg.AssetCheckResult:
    from PIL import Image  # matplotlib's own dependency

    try:
        image = Image.open(io.BytesIO(png))
        image.load()
        passed, size = True, image.size
    except OSError:
        passed, size = False, (0, 0)
    return dg.AssetCheckResult(
        check_name=PICTURE_CHECK,
        passed=passed,
        severity=dg.AssetCheckSeverity.WARN,
        description=image_markdown(png, alt),
        metadata={"width": size[0], "height": size[1]},
    )


def data_digest(step: str, config: PictureConfig, data: pd.DataFrame) -> str:
    """What a picture depends on: the rows it draws (and the code, via ``digest``)."""
    rows = pd.util.hash_pandas_object(data, index=False).values.tobytes() if len(data) else b""
    return digest(step, config.defence_only, list(data.columns), hashlib.sha256(rows).hexdigest())


def unchanged_picture(context, warehouse: Warehouse, con, step: str, fingerprint: str, name: str, alt: str):
    """The picture's result when it was drawn from these very rows and is still there; else None, and the
    record forgotten (it is drawn again)."""
    found = records(con).get(step)
    drawn = drawn_path(warehouse, name)
    if not forced() and found is not None and found[0] == fingerprint and drawn.is_file():
        png = drawn.read_bytes()
        context.log.info(f"{step}: unchanged, skipped (drawn from the same rows in run {found[1]})")
        return dg.MaterializeResult(
            metadata={
                **picture_metadata(picture_path(warehouse, name), png, alt),
                "unchanged": f"skipped: drawn from the same rows in run {found[1]}",
            },
            check_results=[picture_result(png, alt)],
        )
    forget(con, [step])
    return None


@dg.asset(
    pool=WAREHOUSE_POOL,  # one writer of the DuckDB file at a time, across runs
    group_name="pictures",
    deps=["dyad_events"],
    kinds={"python", "matplotlib"},
    check_specs=[picture_check("cooperation_network")],
    description="The cooperation network as a PNG (network.png, published next to the warehouse): countries as "
    "nodes, one edge per pair, its width the meetings + documents (events, not reports) of dyad_events over all "
    "years; `defence_only` in the run config draws the defence events only. The picture itself: the Checks tab, "
    "picture_drawn.",
)
def cooperation_network(
    context: dg.AssetExecutionContext, config: PictureConfig, warehouse: Warehouse
) -> dg.MaterializeResult:
    with warehouse.kept_open():  # read, then recorded after drawing: one opening
        return draw_network(context, config, warehouse)


def draw_network(
    context: dg.AssetExecutionContext, config: PictureConfig, warehouse: Warehouse
) -> dg.MaterializeResult:
    with warehouse.get_connection() as con:
        edges = con.execute(
            "SELECT country_a, country_b, count(*) FILTER (WHERE event_type = 'meeting')::INT AS meetings, "
            "count(*) FILTER (WHERE event_type = 'agreement')::INT AS agreements, sum(reports)::INT AS reports "
            f"FROM dyad_events {config.where()} GROUP BY ALL ORDER BY ALL"
        ).df()
        fingerprint = data_digest("cooperation_network", config, edges)
        same = unchanged_picture(context, warehouse, con, "cooperation_network", fingerprint, "network.png", ALT_NET)
    if same is not None:
        return same
    from ...analytics.drawing import network_png  # matplotlib loads only in the step that draws

    png = network_png(edges)
    path = picture_path(warehouse, "network.png")
    written = draw(warehouse, "network.png", png)
    check = picture_result(png, ALT_NET)
    with warehouse.get_connection() as con:
        record(con, "cooperation_network", fingerprint, context.run.run_id, [])
    countries = len(set(edges["country_a"]) | set(edges["country_b"]))
    return dg.MaterializeResult(
        metadata={
            **picture_metadata(path, png, ALT_NET),
            **written,
            "countries": countries,
            "pairs": len(edges),
            "events": int(edges["meetings"].sum() + edges["agreements"].sum()),
            "reports": int(edges["reports"].sum()),
            "defence_only": config.defence_only,
        },
        check_results=[check],
    )


@dg.asset(
    pool=WAREHOUSE_POOL,  # one writer of the DuckDB file at a time, across runs
    group_name="pictures",
    deps=["dyad_events"],
    kinds={"python", "matplotlib"},
    check_specs=[picture_check("dyad_timelines")],
    description="A timeline per pair of countries as a PNG (timelines.png, published next to the warehouse): each "
    "meeting and document of dyad_events (an event, however many reports) at its date; hollow when dated by its "
    "article, undated ones counted; `defence_only` in the run config draws the defence events only. The picture "
    "itself: the Checks tab, picture_drawn.",
)
def dyad_timelines(
    context: dg.AssetExecutionContext, config: PictureConfig, warehouse: Warehouse
) -> dg.MaterializeResult:
    with warehouse.kept_open():  # read, then recorded after drawing: one opening
        return draw_timelines(context, config, warehouse)


def draw_timelines(
    context: dg.AssetExecutionContext, config: PictureConfig, warehouse: Warehouse
) -> dg.MaterializeResult:
    with warehouse.get_connection() as con:
        events = con.execute(
            "SELECT country_a, country_b, event_type, event_date, date_source, status, reports "
            f"FROM dyad_events {config.where()} ORDER BY ALL"
        ).df()
        fingerprint = data_digest("dyad_timelines", config, events)
        same = unchanged_picture(context, warehouse, con, "dyad_timelines", fingerprint, "timelines.png", ALT_TIMES)
    if same is not None:
        return same
    from ...analytics.drawing import timelines_png

    png = timelines_png(events)
    path = picture_path(warehouse, "timelines.png")
    written = draw(warehouse, "timelines.png", png)
    check = picture_result(png, ALT_TIMES)
    with warehouse.get_connection() as con:
        record(con, "dyad_timelines", fingerprint, context.run.run_id, [])
    return dg.MaterializeResult(
        metadata={
            **picture_metadata(path, png, ALT_TIMES),
            **written,
            "pairs": len(events[["country_a", "country_b"]].drop_duplicates()),
            "undated_events": int(events["event_date"].isna().sum()),
            "events": len(events),
            "reports": int(events["reports"].sum()),
            "defence_only": config.defence_only,
        },
        check_results=[check],
    )
