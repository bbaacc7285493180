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


def test_a_pronoun_received_is_the_visitor_or_the_thing_it_stands_for():
    # the pronoun stands for the resignation, not for a visitor
    assert triggers_of("Министр обороны Норвегии подал в отставку, её уже приняла премьер-министр.") == [(False, False)]
    # the subject before it is its antecedent: the delegation, received in the capital
    assert triggers_of("Делегация Чили прибыла в столицу Перу, где её принял президент Перу.")[0][0] is True
    assert triggers_of("Министр обороны Чили прилетел в Лиму, где его принял президент Перу.")[0][0] is True


def test_a_delegation_received_past_a_place_names_its_state_by_adjective_or_genitives():
    # the state as the delegation's adjective, or at the end of its chain of genitives
    by_adjective = (
        "Министр обороны Монголии Гурсэд Сайханбаяр принял в Улан-Баторе казахстанскую делегацию "
        "во главе с генералом Асаном Жаксылыковым."
    )
    assert triggers_of(by_adjective)[0][0] is True
    by_genitives = (
        "Министр обороны Монголии Гурсэд Сайханбаяр принял в Улан-Баторе делегацию штаба сухопутных "
        "войск Вооруженных сил Казахстана во главе с генералом Асаном Жаксылыковым."
    )
    assert triggers_of(by_genitives)[0][0] is True
    # past a place, a received thing with no state is still no visitor
    assert triggers_of("Министр обороны Монголии принял в Улан-Баторе решение о новых учениях.")[0][0] is False
