"""The parts of a sentence whose people, states and dates are not the event's: relative clauses
(", который …") and reporting clauses (", сказал посол …"); and the word before a name.
"""

from ..lang.tokens import Sentence, Token
from .vocabulary import phrases, table, words

RELATIVE_PRONOUNS = words("relative_pronouns")
REPORTING_VERBS = words("reporting_verbs")
# a relative clause after one of these describes the event itself
EVENT_NOUNS = (
    words("meeting_nouns", "visit_nouns")
    | set(table("document_kinds"))
    | {lemmas[-1] for lemmas in phrases("document_kinds")}
)
DASHES = {"—", "-", "–"}
Ranges = list[tuple[int, int]]  # offsets (start, end) into the body


def relative_clause_ranges(sent: Sentence) -> Ranges:
    """Offsets of ", который …" clauses: what they say is about someone else's act, except when
    they describe the event itself ("встречи, которую посол … провел с министром …")."""
    ranges = []
    toks = sent.tokens
    for i, t in enumerate(toks):
        if t.lemma in RELATIVE_PRONOUNS and i > 1 and toks[i - 1].text == "," and toks[i - 2].lemma not in EVENT_NOUNS:
            end = next((u.start for u in toks[i + 1 :] if u.text in {",", ";"}), sent.end)
            ranges.append((t.start, end))
    return ranges


def reporting_clause_ranges(sent: Sentence) -> Ranges:
    """ ", сказал посол … в беседе с журналистами": who speaks about a meeting is not in it."""
    toks = sent.tokens
    out = []
    for i, t in enumerate(toks):
        if t.lemma in REPORTING_VERBS and i > 0 and (toks[i - 1].text in {","} | DASHES or toks[i - 1].lemma == "как"):
            end = next((u.start for u in toks[i + 1 :] if u.text in {",", ".", ";"}), sent.end)
            out.append((t.start, end))
    return out


def outside(ranges: Ranges, start: int) -> bool:
    return not any(a <= start < b for a, b in ranges)


def token_before(sent: Sentence, start: int) -> Token | None:
    """The token before body offset ``start`` in the sentence (the preposition of a name)."""
    prev = None
    for t in sent.tokens:
        if t.start >= start:
            return prev
        prev = t
    return prev
