"""The pictures count events, and draw the defence events only when the run config says so."""

import shutil

import dagster as dg
import duckdb

from defcoop_dagster.defs.resources import InputFolder, Warehouse, warm_start

from .conftest import SEEDS, definitions


def pictures(db, defence_only: bool) -> dict:
    defs = definitions()
    config = {"config": {"defence_only": defence_only}}
    result = dg.materialize(
        [*defs.assets, *defs.asset_checks],
        selection=dg.AssetSelection.groups("pictures"),
        resources={
            "input_folder": InputFolder(path=str(SEEDS)),
            "warehouse": Warehouse(database=str(db)),
            **warm_start(),
        },
        run_config={"ops": {"cooperation_network": config, "dyad_timelines": config}},
    )
    assert result.success
    (network,) = result.asset_materializations_for_node("cooperation_network")
    return {k: v.value for k, v in network.metadata.items() if k in ("events", "reports", "pairs", "defence_only")}


def test_defence_only_pictures(seeds_warehouse, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(seeds_warehouse, db)
    con = duckdb.connect(str(db))
    # one seed meeting made political: the defence-only picture leaves it out, the full one keeps it
    (event,) = con.execute("SELECT event_id FROM dyad_events WHERE event_type = 'meeting' LIMIT 1").fetchone()
    con.execute("UPDATE dyad_events SET defence = false WHERE event_id = ?", [event])
    pairs_of_event = con.execute("SELECT count(*) FROM dyad_events WHERE event_id = ?", [event]).fetchone()[0]
    events = con.execute("SELECT count(*) FROM dyad_events").fetchone()[0]
    con.close()
    everything, defence = pictures(db, False), pictures(db, True)
    assert everything["events"] == events and everything["reports"] >= everything["events"]
    assert defence["events"] == events - pairs_of_event and defence["defence_only"] is True
