"""Imported by the extraction's fork server before it forks any worker: natasha's models, the
country gazetteer and the rules' modules, loaded once there, are shared by every worker
(copy-on-write) instead of loaded by each.

The server ends with the process that started it: a run started it at its beginning
(``defs/warm_start.py``), and a run that ended at once does not leave it loading for nobody.
"""

from ...analytics.dbt_server import end_with_parent
from ...quick_exit import hold, settle

end_with_parent()  # before the loading: the workers forked later are not concerned (fork clears it)
hold()  # no collection while the models load; the workers' collections leave them out (settle)

from ..entities import extract  # noqa: E402, F401  the rules' modules and their word lists
from ..events import rows  # noqa: E402, F401
from ..gazetteers.countries.index import gazetteer  # noqa: E402
from .analysis import models  # noqa: E402

models()
gazetteer()
settle()
