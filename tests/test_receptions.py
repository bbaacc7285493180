"""Receptions: «принять» as receiving a visitor, and as accepting something (sentences written for the tests)."""

from .test_events import events_of, meetings
from .test_triggers import triggers_of


def test_a_visitor_received_by_name():
    rows, _ = events_of("Президент Казахстана Касым-Жомарт Токаев принял в Астане Реджепа Тайипа Эрдогана.")
    assert [m[0] for m in meetings(rows)] == [("KAZ", "TUR")]


def test_a_visitor_received_by_post():
    assert triggers_of("Министр обороны Чили принял делегацию Перу.") == [(True, False)]


def test_something_accepted_is_no_reception():
    # the tagger reads a capitalised first word as a name; the dictionary knows it as a common noun
    assert triggers_of("Отставку министра уже приняла премьер-министр Норвегии.") == [(False, False)]
    assert triggers_of("Президент принял решение о визите министра Перу.")[0][0] is False
