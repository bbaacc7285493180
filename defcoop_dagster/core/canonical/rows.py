"""Rows of the event tables from the report tables' rows, merging incrementally (see ``merge``)."""

from collections import defaultdict
from dataclasses import dataclass, field

from .merge import Event, assign, best_date, most_told, people
from .reports import Person, Report, published_day, report_date


@dataclass
class EventRows:
    meeting_events: list[dict] = field(default_factory=list)
    meeting_event_countries: list[dict] = field(default_factory=list)
    meeting_event_participants: list[dict] = field(default_factory=list)
    meeting_event_reports: list[dict] = field(default_factory=list)
    agreement_events: list[dict] = field(default_factory=list)
    agreement_event_parties: list[dict] = field(default_factory=list)
    agreement_event_reports: list[dict] = field(default_factory=list)


def _grouped(rows: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def meeting_reports(meetings, countries, participants, published: dict) -> list[Report]:
    """One ``Report`` per meetings row, with its countries and participants."""
    countries_of, people_of = _grouped(countries, "meeting_id"), _grouped(participants, "meeting_id")
    return [
        Report(
            report_id=m["meeting_id"],
            article_id=m["article_id"],
            kind="meeting",
            countries=frozenset(c["country_iso3"] for c in countries_of[m["meeting_id"]]),
            date=report_date(m["meeting_date"], m["date_precision"], m["date_iso"]),
            status=m["status"],
            place=m["place"] or None,
            published=published_day(published.get(m["article_id"])),
            people=[Person(p["name"], p["role"], p["country_iso3"]) for p in people_of[m["meeting_id"]]],
            evidence=m["evidence"],
            flag=(bool(m["defence"]), m["defence_rule"]),
        )
        for m in meetings
    ]


def agreement_reports(agreements, parties, published: dict) -> list[Report]:
    """One ``Report`` per agreements row, its parties the sides and its signatories the people."""
    parties_of = _grouped(parties, "agreement_id")
    out = []
    for a in agreements:
        sides = parties_of[a["agreement_id"]]
        signers = [
            Person(name.strip(), None, p["country_iso3"])
            for p in sides
            for name in (p["signatory_name"] or "").split(",")
            if name.strip()
        ]
        out.append(
            Report(
                report_id=a["agreement_id"],
                article_id=a["article_id"],
                kind=a["kind"],
                countries=frozenset(p["country_iso3"] for p in sides),
                date=report_date(a["signed_date"], a["date_precision"], a["date_iso"]),
                status=a["status"],
                place=a["place"] or None,
                published=published_day(published.get(a["article_id"])),
                people=signers,
                period_year=a["period_year"],
                title=a["title"],
                evidence=a["evidence"],
                flag=(bool(a["defence"]), a["defence_rule"]),
                party_names={p["country_iso3"]: p["party_name"] for p in sides if p["party_name"]},
            )
        )
    return out


def _common(event: Event) -> dict:
    """The columns every event has: when, how many reports from how many articles, how sure, defence."""
    date = best_date(event.reports)
    days = sorted(r.published for r in event.reports if r.published)
    flagged = [r.flag[1] for r in event.reports if r.flag[0]]
    return {
        "event_id": event.event_id,
        "date_precision": date.precision if date and date.to_date() else None,
        "date_iso": date.iso() if date and (date.year or date.month) else None,
        "reports": len(event.reports),
        "articles": len({r.article_id for r in event.reports}),
        "first_published": days[0] if days else None,
        "last_published": days[-1] if days else None,
        "merge_confidence": round(event.confidence, 2),
        "defence": bool(flagged),
        "defence_rule": most_told(flagged) if flagged else event.reports[0].flag[1],
    }, date


def merge_reports(meetings, countries, participants, agreements, parties, published: dict, previous: dict) -> EventRows:
    """Event rows of every report; ``previous`` maps report ids to (event id, score) of the last run."""
    out = EventRows()
    for event in assign(meeting_reports(meetings, countries, participants, published), previous, "mev_"):
        common, date = _common(event)
        out.meeting_events.append(
            {
                **common,
                "event_date": date.to_date() if date else None,
                "place": most_told(r.place for r in event.reports),
                "status": "held" if any(r.status == "held" for r in event.reports) else "planned",
            }
        )
        out.meeting_event_countries += [
            {"event_id": event.event_id, "country_iso3": c} for c in sorted(event.reports[0].countries)
        ]
        out.meeting_event_participants += [
            {"event_id": event.event_id, "name": p.name, "role": p.role, "country_iso3": p.country}
            for p in people(event.reports)
        ]
        out.meeting_event_reports += _links(event, "meeting_id")
    for event in assign(agreement_reports(agreements, parties, published), previous, "aev_"):
        common, date = _common(event)
        out.agreement_events.append(
            {
                **common,
                "kind": event.reports[0].kind,
                "title": most_told(r.title for r in event.reports),
                "status": "signed" if any(r.status == "signed" for r in event.reports) else "planned",
                "signed_date": date.to_date() if date else None,
                "place": most_told(r.place for r in event.reports),
                "period_year": next((r.period_year for r in event.reports if r.period_year), None),
            }
        )
        signers = people(event.reports)
        for code in sorted(event.reports[0].countries):
            names = [p.name for p in signers if p.country == code]
            out.agreement_event_parties.append(
                {
                    "event_id": event.event_id,
                    "country_iso3": code,
                    "party_name": most_told(r.party_names.get(code) for r in event.reports),
                    "signatory_name": ", ".join(names) or None,
                }
            )
        out.agreement_event_reports += _links(event, "agreement_id")
    return out


def _links(event: Event, key: str) -> list[dict]:
    return [
        {
            key: r.report_id,
            "event_id": event.event_id,
            "article_id": r.article_id,
            "match_score": event.scores[r.report_id],
        }
        for r in event.reports
    ]
