"""dbt's debug events dropped before they are built when no log of the command writes them.

dbt fires an event for every query, connection and step of a node; its event manager turns each
into a protobuf message (``msg_from_base_event``, through protobuf's slow ``ParseDict``) and then
into a log line (JSON for dagster-dbt's stdout), and only then does Python's logging drop the line
by its level. A build of this project fires ~2,100 debug events, ~30 % of dbt's own time, and at the
info level dagster-dbt runs it with, no log writes one of them. dbt-common already skips building
its cache events unless they are logged (its events README); this does the same for every debug
event, in the processes that run the pipeline's dbt commands (``dbt_server.py``, ``quick_exit.py``).

An event is dropped only when all of these hold: its level is debug (or test, which logging treats
as debug), every log of the command is above that level, and no callback listens but dbt's usage
tracker (which reads behaviour-change warnings only). ``--debug``, ``--log-level debug`` or a
debug log file, and any callback (``dbtRunner(callbacks=…)``), see every event as before.

Loaded by path (it imports nothing of the package), like ``quick_exit.py``.
"""

import contextlib

QUIET = frozenset({"debug", "test"})  # dbt's levels that Python's logging maps to DEBUG
LISTENERS = frozenset({"track_behavior_change_warn"})  # callbacks known to ignore debug events


def skip_unlogged() -> bool:
    """dbt's event manager drops the debug events nobody logs (once per process); False without dbt."""
    try:
        from dbt_common.events.event_manager import EventManager
    except ImportError:
        return False
    fire = EventManager.fire_event
    if getattr(fire, "skips_unlogged", False):
        return True

    def fire_event(self, e, level=None, node=None, force_warn_or_error_handling=False):
        if not force_warn_or_error_handling and unlogged(self, e, level):
            return
        fire(self, e, level=level, node=node, force_warn_or_error_handling=force_warn_or_error_handling)

    fire_event.skips_unlogged = True
    EventManager.fire_event = fire_event
    return True


def unlogged(manager, event, level) -> bool:
    """Whether no log or callback of ``manager`` would take ``event`` (at ``level``, else its own)."""
    with contextlib.suppress(Exception):  # anything unexpected: the event goes through as before
        if _value(level or event.level_tag()) not in QUIET:
            return False
        return all(_value(log.level) not in QUIET for log in manager.loggers) and all(
            getattr(callback, "__name__", None) in LISTENERS for callback in manager.callbacks
        )
    return False


def _value(level) -> str:
    return getattr(level, "value", level)
