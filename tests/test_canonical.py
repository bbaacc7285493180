"""Reports of many articles merged into events: what joins, what stays apart, and incrementally."""

import datetime as dt

import pytest

from defcoop_dagster.core.canonical.defence import defence_flag, speaks_of_defence
from defcoop_dagster.core.canonical.rows import merge_reports

DAY = dt.date(2024, 3, 12)


def meeting(mid, article, countries, people=(), date=None, precision="day", iso=None, status="held", place=None):
    row = {
        "meeting_id": mid,
        "article_id": article,
        "meeting_date": date,
        "date_precision": precision if date else None,
        "date_iso": iso or (date.isoformat() if date else None),
        "place": place,
        "status": status,
        "evidence": "…",
        "defence": False,
        "defence_rule": "no sign of defence",
    }
    countries_rows = [{"meeting_id": mid, "country_iso3": c} for c in countries]
    people_rows = [{"meeting_id": mid, "name": n, "role": r, "country_iso3": c} for n, r, c in people]
    return row, countries_rows, people_rows


def merged(reports, published, previous=None):
    meetings = [r[0] for r in reports]
    countries = [c for r in reports for c in r[1]]
    people = [p for r in reports for p in r[2]]
    return merge_reports(meetings, countries, people, [], [], published, previous or {})


def events_of(out) -> list[set[str]]:
    """The sets of reports merged together."""
    by_event = {}
    for link in out.meeting_event_reports:
        by_event.setdefault(link["event_id"], set()).add(link["meeting_id"])
    return sorted(by_event.values(), key=sorted)


KAZ_UZB = ("KAZ", "UZB")
HOST, GUEST = ("Бахадыр Курбанов", "министр обороны", "UZB"), ("Руслан Жаксылыков", "министр обороны", "KAZ")


@pytest.mark.parametrize(
    "second, published, together",
    [
        pytest.param(dict(date=DAY), DAY, True, id="same day, two outlets"),
        pytest.param(dict(date=DAY + dt.timedelta(days=20)), DAY + dt.timedelta(days=20), False, id="two days"),
        pytest.param(dict(date=dt.date(2024, 3, 1), precision="month"), DAY, True, id="its month agrees"),
        pytest.param(dict(iso="--03-12"), DAY, True, id="day without year agrees"),
        pytest.param(dict(), DAY + dt.timedelta(days=2), True, id="undated, published two days later"),
        pytest.param(dict(), DAY + dt.timedelta(days=40), False, id="undated, published weeks later"),
        pytest.param(dict(date=DAY, place="Самарканд"), DAY, False, id="places contradict"),
        pytest.param(dict(date=DAY, status="planned"), DAY, True, id="planned and held"),
    ],
)
def test_two_reports_of_one_pair(second, published, together):
    first = meeting("m1", "a1", KAZ_UZB, [HOST, GUEST], date=DAY, place="Ташкент")
    other = meeting("m2", "a2", KAZ_UZB, [("Курбанов", None, "UZB")], **second)
    out = merged([first, other], {"a1": DAY, "a2": published})
    assert events_of(out) == ([{"m1", "m2"}] if together else [{"m1"}, {"m2"}])
    if together:
        [event] = out.meeting_events
        assert event["reports"] == 2 and event["status"] == "held" and event["date_iso"] == "2024-03-12"


def test_two_hosts_of_one_visit_stay_two_events():
    guest = ("Руслан Жаксылыков", "министр обороны", "KAZ")
    by_minister = meeting("m1", "a1", KAZ_UZB, [guest, HOST], date=DAY)
    by_president = meeting("m2", "a2", KAZ_UZB, [guest, ("Шавкат Мирзиёев", "президент", "UZB")], date=DAY)
    assert events_of(merged([by_minister, by_president], {"a1": DAY, "a2": DAY})) == [{"m1"}, {"m2"}]


def test_an_article_keeps_its_own_meetings_apart():
    a = meeting("m1", "a1", KAZ_UZB, [HOST], date=DAY)
    b = meeting("m2", "a1", KAZ_UZB, [HOST], date=DAY)
    assert events_of(merged([a, b], {"a1": DAY})) == [{"m1"}, {"m2"}]


def test_participants_are_the_union_by_nominative_name():
    a = meeting("m1", "a1", KAZ_UZB, [HOST, GUEST], date=DAY)
    b = meeting("m2", "a2", KAZ_UZB, [("Курбанов", None, "UZB"), ("Отабек Шарипов", "посол", "UZB")], date=DAY)
    out = merged([a, b], {"a1": DAY, "a2": DAY})
    names = sorted(p["name"] for p in out.meeting_event_participants)
    assert names == ["Бахадыр Курбанов", "Отабек Шарипов", "Руслан Жаксылыков"]


def test_merging_is_incremental():
    a = meeting("m1", "a1", KAZ_UZB, [HOST], date=DAY)
    b = meeting("m2", "a2", KAZ_UZB, [HOST], date=DAY)
    first = merged([a, b], {"a1": DAY, "a2": DAY})
    previous = {link["meeting_id"]: (link["event_id"], link["match_score"]) for link in first.meeting_event_reports}
    [event_id] = {link["event_id"] for link in first.meeting_event_reports}
    # a third report joins the event; the first article's removal leaves the event with the others
    c = meeting("m3", "a3", KAZ_UZB, [GUEST], date=DAY)
    second = merged([b, c], {"a2": DAY, "a3": DAY}, previous)
    assert {link["event_id"] for link in second.meeting_event_reports} == {event_id}
    assert second.meeting_events[0]["reports"] == 2


def test_defence_flag_reasons():
    assert defence_flag(["министр обороны"], {"KAZ", "UZB"}, "Министры встретились.") == (True, "defence_official")
    # an alliance as a side is no sign by itself; its defence ministers are
    assert defence_flag(["президент"], {"NATO", "POL"}, "Президент встретился с генсеком альянса.")[0] is False
    assert defence_flag(["министр обороны"], {"NATO", "POL"}, "…") == (True, "defence_official")
    # the topic words make a sentence military, not a paragraph: there only words of defence ties count
    assert defence_flag([], {"JPN", "USA"}, "Стороны подписали контракт на поставку истребителей.")[0] is True
    assert (
        defence_flag([], {"JPN", "USA"}, "Лидеры встретились.", "Лидеры встретились. Идут боевые вертолеты.")[0]
        is False
    )
    assert defence_flag(
        ["президент"], {"IND", "RUS"}, "Лидеры встретились.", "Стороны обсудили военно-техническое сотрудничество."
    ) == (True, "defence_paragraph")
    assert defence_flag(["президент"], {"DEU", "FRA"}, "Лидеры встретились.", "Обсудили торговлю и визы.")[0] is False
    assert not speaks_of_defence("Военные действия продолжаются, военнопленных обменяли.")


def test_the_event_tables_are_documented_as_declared():
    """EVENTS.md is what the declarations say (regenerate it with the command in its module)."""
    from pathlib import Path

    from defcoop_dagster.warehouse.tables.document import document

    assert (Path(__file__).parents[1] / "EVENTS.md").read_text(encoding="utf-8") == document()
