"""Agreement titles as the document's name: nominative head and adjectives, cut where the name ends.

The phrases are written for these tests (titles as the agreement rules cut them from a sentence)."""

import pytest

from defcoop_dagster.core.events.titles import document_title


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # genitive after a verb of approval: the head noun back in the nominative, dependents as written
        (
            "Плана военного сотрудничества между Министерством обороны Республики Армения и Министерством "
            "обороны Республики Беларусь на 2019 год",
            "План военного сотрудничества между Министерством обороны Республики Армения и Министерством "
            "обороны Республики Беларусь на 2019 год",
        ),
        (
            "Меморандума о взаимопонимании между министерствами обороны двух стран",
            "Меморандум о взаимопонимании между министерствами обороны двух стран",
        ),
        # adjectives agree with their noun: they change with it
        ("Совместной декларации о стратегическом партнерстве", "Совместная декларация о стратегическом партнерстве"),
        ("Дорожную карту военного сотрудничества на 2025 год", "Дорожная карта военного сотрудничества на 2025 год"),
        ("Совместного заявления министров обороны", "Совместное заявление министров обороны"),
        # the name ends where a clause begins: a comma, a relative pronoun, a verb or a short participle
        (
            "Программу сотрудничества в военной области, которая рассчитана на три года",
            "Программа сотрудничества в военной области",
        ),
        ("Договор о дружбе и взаимной помощи подписан в Минске", "Договор о дружбе и взаимной помощи"),
        # an ambiguous form is read as one document, not several
        ("Соглашения о военно-техническом сотрудничестве", "Соглашение о военно-техническом сотрудничестве"),
        # already a name: unchanged
        ("План сотрудничества на 2021 год", "План сотрудничества на 2021 год"),
        # not headed by a document noun (a quoted name): kept as written
        ("Партнерство ради мира", "Партнерство ради мира"),
    ],
)
def test_the_name_in_the_nominative(title, name):
    assert document_title(title) == name


@pytest.mark.parametrize(
    "title",
    [
        "Протокол подписали министры обороны обеих стран",  # a sentence, not a name
        "Соглашение",
        None,
        "",
    ],
)
def test_no_name_no_title(title):
    assert not document_title(title)
