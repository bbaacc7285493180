"""Planned or held: what a sentence puts ahead of the time it is written (sentences written for the tests)."""

import pytest

from .test_events import events_of


@pytest.mark.parametrize(
    "text, status",
    [
        ("Переговоры министров обороны Чили и Аргентины могут пройти 12 мая в Сантьяго.", "planned"),
        ("Министр обороны Чили должен встретиться с аргентинским коллегой в Сантьяго.", "planned"),
        ("Министры обороны Чили и Аргентины могли бы встретиться в Сантьяго.", "planned"),
        # a modal in the past tells what was managed, not a plan
        ("Министры обороны Чили и Аргентины смогли встретиться 12 мая в Сантьяго.", "held"),
        ("Министры обороны Чили и Аргентины встретились 12 мая в Сантьяго.", "held"),
    ],
)
def test_a_modal_puts_the_meeting_ahead(text, status):
    rows, _ = events_of(text)
    assert [m["status"] for m in rows.meetings] == [status]
