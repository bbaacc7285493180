"""Canonical events through real materialisations: the seeds, a second outlet's report of a seed
meeting and a report of another meeting of the same two countries (texts written for this test)."""

import shutil

import dagster as dg
import pytest

from .conftest import SEEDS, query, run_pipeline

# Another outlet's wording of the seeds' meeting of the defence ministers of Azerbaijan and Belarus
SECOND_REPORT = """Белорусский и азербайджанский министры обороны обсудили военное сотрудничество

МИНСК, 19 мая 2021 года. Министр обороны Беларуси генерал-лейтенант Виктор Хренин 18 мая 2021 года \
провёл переговоры с министром обороны Азербайджана генерал-полковником Закиром Гасановым.

Стороны обсудили подготовку военных кадров и совместные учения, сообщает пресс-служба белорусского \
оборонного ведомства.
"""
# A different meeting of the same two countries, a year later
OTHER_MEETING = """Хренин встретился с азербайджанским коллегой в Минске

МИНСК, 16 сентября 2022 года. Министр обороны Беларуси генерал-лейтенант Виктор Хренин 15 сентября \
2022 года встретился в Минске с министром обороны Азербайджана генерал-полковником Закиром Гасановым.

Министры обсудили план военного сотрудничества двух стран на следующий год.
"""
SEED_OF_THE_MEETING = "001_92cbc6b092b994db.txt"  # the seed reporting the meeting of 18 May 2021

BLR_EVENTS = """
SELECT e.event_id, e.event_date::VARCHAR, e.reports, e.defence, list(a.source_path ORDER BY a.source_path)
FROM meeting_events e
JOIN meeting_event_countries c USING (event_id)
JOIN meeting_event_reports l USING (event_id)
JOIN articles a ON a.article_id = l.article_id
WHERE c.country_iso3 = 'BLR'
GROUP BY ALL ORDER BY 2
"""


@pytest.fixture
def folder(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    (inbox / "second_report.txt").write_text(SECOND_REPORT, encoding="utf-8")
    (inbox / "other_meeting.txt").write_text(OTHER_MEETING, encoding="utf-8")
    return inbox


@pytest.mark.e2e
def test_two_reports_of_one_meeting_are_one_event_and_another_meeting_stays_apart(folder, tmp_path):
    db = tmp_path / "w.duckdb"
    result = run_pipeline(folder, db)
    assert result.success
    failed = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    assert failed == [] or set(failed) <= {"expect_table_row_count_to_be_between"}, failed

    (same, two_reports, defence, paths), (other, one_report, _, other_paths) = [
        (r[0], r[2], r[3], r[4]) for r in query(db, BLR_EVENTS)
    ]
    assert (two_reports, paths) == (2, [SEED_OF_THE_MEETING, "second_report.txt"])
    assert (one_report, other_paths) == (1, ["other_meeting.txt"])
    assert defence  # defence ministers
    # the marts count events, with the reports beside
    assert query(
        db,
        "SELECT year, meetings, meeting_reports FROM dyad_year WHERE country_a = 'AZE' "
        "AND country_b = 'BLR' ORDER BY year",
    ) == [(2021, 1, 2), (2022, 1, 1)]
    # every meeting report is in one event, and the reports outnumber the events by exactly this merge
    reports, events = query(db, "SELECT (SELECT count(*) FROM meetings), (SELECT count(*) FROM meeting_events)")[0]
    assert reports == events + 1

    # the seed goes: its report leaves, the event stays (same id) with the other outlet's report
    (folder / SEED_OF_THE_MEETING).unlink()
    upstream = dg.AssetSelection.assets("meeting_events").upstream().required_multi_asset_neighbors()
    assert run_pipeline(folder, db, selection=upstream).success
    assert [(r[0], r[2], r[4]) for r in query(db, BLR_EVENTS)] == [
        (same, 1, ["second_report.txt"]),
        (other, 1, ["other_meeting.txt"]),
    ]
