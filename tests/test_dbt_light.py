"""The code location loads without dbt-core's classes in its process, and its definitions are the same as
when dagster-dbt uses dbt-core: every model, test, edge and description of the asset graph."""

import json
import subprocess
import sys

from .conftest import ROOT

# prints whether dbt-core's classes were imported, and the repository's snapshot (what the UI and the
# daemon are told of every asset and check), as canonical JSON
PROBE = """
import json, sys
if sys.argv[1] == "dbt-core first":
    import dbt.version  # dagster-dbt then takes its usual path, dbt-core's selection engine and all
from dagster._core.remote_representation.external_data import RepositorySnap
from dagster._serdes import serialize_value
from defcoop_dagster.definitions import defs
snap = RepositorySnap.from_def(defs().get_repository_def())
print(json.dumps({
    "dbt_core_loaded": "dbt.contracts.results" in sys.modules,
    "dbt_importable": __import__("dbt.version").version.__version__ != "",
    "snapshot": json.loads(serialize_value(snap)),
}, sort_keys=True))
"""


def load(how: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", PROBE, how], cwd=ROOT, stdout=subprocess.PIPE, text=True)


def test_the_code_location_loads_without_dbt_core_classes_and_the_same_definitions():
    light, usual = load("as deployed"), load("dbt-core first")  # both at once: ~4 s each
    light_out, usual_out = light.communicate(timeout=300)[0], usual.communicate(timeout=300)[0]
    assert light.returncode == 0 and usual.returncode == 0
    light_run, usual_run = json.loads(light_out), json.loads(usual_out)
    assert not light_run["dbt_core_loaded"] and usual_run["dbt_core_loaded"]
    assert light_run["dbt_importable"]  # dbt-core itself was left importable in the process
    assert '"not_null_' in light_out  # the dbt tests are in the snapshot, as checks
    assert light_run["snapshot"] == usual_run["snapshot"]
