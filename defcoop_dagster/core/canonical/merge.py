"""Reports → events, incrementally: a report keeps the event it joined in an earlier run; a new report
joins the event it matches best, or starts one; a removed report leaves its event, which goes when
it has no report left.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from ..lang.dates import PartialDate
from .compatible import match_score
from .reports import Person, Report


@dataclass
class Event:
    event_id: str
    reports: list[Report] = field(default_factory=list)
    scores: dict[str, float] = field(
        default_factory=dict
    )  # report id → how sure its joining was (1: it started the event)

    @property
    def confidence(self) -> float:
        """The weakest join that made the event."""
        return min(self.scores.values(), default=1.0)

    def add(self, report: Report, score: float) -> None:
        self.reports.append(report)
        self.scores[report.report_id] = score

    def matches(self, report: Report) -> float:
        """The weakest agreement between ``report`` and the event's reports (0: it cannot join)."""
        scores = [match_score(report, r) for r in self.reports]
        return min(scores) if scores else 0.0


def event_id(prefix: str, first_report: str) -> str:
    """Stable while its first report stays: the id of the report that started the event."""
    return prefix + hashlib.sha1(first_report.encode()).hexdigest()[:16]


def _order(report: Report) -> tuple:
    return (report.published is None, report.published or "", report.article_id, report.report_id)


def assign(reports: list[Report], previous: dict[str, tuple[str, float]], prefix: str) -> list[Event]:
    """Events of ``reports``; ``previous`` maps a report id to the event it joined before and how surely."""
    events: dict[str, Event] = {}
    new: list[Report] = []
    for report in sorted(reports, key=_order):
        eid, score = previous.get(report.report_id, ("", 0.0))
        event = events.get(eid)
        # a report keeps its event while it still agrees with what the event holds (a re-read article
        # may tell a report differently); otherwise it is merged again like a new one
        if eid and (event is None or event.matches(report) > 0):
            events.setdefault(eid, Event(eid)).add(report, score)
        else:
            new.append(report)
    for report in new:
        score, eid = max(((e.matches(report), e.event_id) for e in events.values()), default=(0.0, ""))
        if score > 0:
            events[eid].add(report, score)
        else:
            eid = event_id(prefix, report.report_id)
            events[eid] = Event(eid)
            events[eid].add(report, 1.0)
    return sorted(events.values(), key=lambda e: _order(e.reports[0]))


def best_date(reports: list[Report]) -> PartialDate | None:
    """The most precise date the reports state (they agree, or they would not be one event)."""
    dated = [r.date for r in reports if r.date is not None]
    if not dated:
        return None
    return max(dated, key=lambda d: (d.year is not None, d.month is not None, d.day is not None))


def people(reports: list[Report]) -> list[Person]:
    """Everyone named by any report, once, with the fullest name and the role and country most told."""
    by_key: dict[str, list[Person]] = {}
    for r in reports:
        for p in r.people:
            by_key.setdefault(p.key, []).append(p)
    out = []
    for named in by_key.values():
        name = max((p.name for p in named), key=lambda n: (len(n.split()), len(n)))
        roles = Counter(p.role for p in named if p.role)
        countries = Counter(p.country for p in named if p.country)
        out.append(
            Person(
                name,
                roles.most_common(1)[0][0] if roles else None,
                countries.most_common(1)[0][0] if countries else None,
            )
        )
    return out


def most_told(values) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
