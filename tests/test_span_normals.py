"""A span's normal form, kept per distinct span (entities.span_normals), is natasha's own."""

import copy

from defcoop_dagster.core.entities import span_normals
from defcoop_dagster.core.lang import analysis
from defcoop_dagster.core.lang.morph import morph_vocab

TEXT = (
    "Делегация Министерства обороны Монголии прибыла в Улан-Удэ. "
    "Представители Министерства обороны Монголии встретились с Иваном Петровым. "
    "Иван Петров поблагодарил Министерство обороны Монголии, а Ивану Петрову вручили грамоту."
)


def test_normal_forms_are_natashas_and_repeated_spans_are_kept():
    doc = analysis.analyse(TEXT)
    assert len(doc.spans) >= 6
    span_normals._kept.clear()
    for span in doc.spans:
        theirs = copy.copy(span)
        theirs.normalize(morph_vocab())
        span_normals.normalize(span, morph_vocab())
        assert span.normal == theirs.normal, span.text
    normals = {s.text: s.normal for s in doc.spans}
    assert normals["Министерства обороны"] == "Министерство обороны"
    assert normals["Ивану Петрову"] == normals["Иваном Петровым"] == "Иван Петров"
    # «Министерства обороны» twice with the same tags, «Монголии» three times: fewer keys than spans
    assert len(span_normals._kept) < len(doc.spans)
