"""The shared morphology analyser: pymorphy2 reads its dictionaries through the C DAWG module."""

import dawg

from defcoop_dagster.core.lang.morph import morph_vocab, parse


def test_dictionaries_are_read_through_the_c_extension():
    # without DAWG2 installed, pymorphy2 falls back to pure-Python DAWG-Python, ~3x slower per word
    assert isinstance(morph_vocab().dictionary.words, dawg.RecordDAWG)


def test_parses_come_from_the_dictionary():
    best = parse("министрами")[0]
    assert best.normal_form == "министр"
    assert {"NOUN", "plur", "ablt"} <= best.tag.grammemes
