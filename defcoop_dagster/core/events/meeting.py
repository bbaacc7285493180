"""A meeting as the event rules build it, and when two of its dates may be one."""

from dataclasses import dataclass, field

from ..lang.dates import PartialDate
from ..lang.tokens import Sentence


@dataclass(eq=False)  # two meetings are never the same by their fields
class Meeting:
    persons: list[str] = field(default_factory=list)
    states: set[str] = field(default_factory=set)
    date: PartialDate | None = None
    status: str = "held"
    place: str | None = None
    evidence: Sentence | None = None
    rule: str = ""
    confidence: float = 0.0
    strong: bool = False
    earlier: bool = False  # an earlier meeting than the article's ("прошлый визит …")


def dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    """The same day and month, and the same year where both state one."""
    if a is None or b is None:
        return True
    return (a.month, a.day) == (b.month, b.day) and (a.year == b.year or None in (a.year, b.year))
