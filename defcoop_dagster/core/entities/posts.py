"""Posts an article writes away from a name: shared by several people, or naming someone by post alone.

* A plural post names several people at once: "Министры обороны Грузии и Азербайджана …" gives
  each named country's counterpart the post (``apply_plural_roles``).
* "министр обороны России примет участие", "глава российского военного ведомства", "встреча
  министров обороны": the article says which posts its people hold without writing them beside a
  name. ``posts_written`` collects them, so that the officials gazetteer's post of a person counts
  only when the article itself writes it (a post the gazetteer alone knows may not be the one the
  article means, and an annotator reading the text would not know it either).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..gazetteers.countries import CountryMention
from ..lang.inflect import nominative
from ..lang.roles import canonical_role, is_role_head
from .apposition import covering

if TYPE_CHECKING:
    from .people import Person


def post_at(tokens, i: int, countries: list[CountryMention]) -> tuple[str | None, list[str], int]:
    """The post headed by ``tokens[i]``, read to the right: (canonical role, codes of the states
    named after it, index of the first token after it). (None, [], i + 1) if no post heads there."""
    t = tokens[i]
    lemma = (t.lemma or "").lower()
    if not is_role_head(lemma) and t.text.lower() != "замминистра":
        return None, [], i + 1
    words = [nominative(t.text, t.feats.get("Case"), "NOUN") if t.text.lower() != "замминистра" else "замминистра"]
    k = i - 1
    # adjectives of the post before it: "генеральный секретарь", "первого заместителя"
    while k >= 0 and tokens[k].pos == "ADJ" and tokens[k].feats.get("Case") == t.feats.get("Case"):
        if covering(countries, tokens[k].start) is None:
            words.insert(0, nominative(tokens[k].text, t.feats.get("Case"), "ADJ"))
        k -= 1
    dependents, codes, named, j = [], [], False, i + 1
    while j < len(tokens):
        tj = tokens[j]
        mention = covering(countries, tj.start)
        if mention is not None:
            codes.extend(mention.codes)
            # a state's name closes the post; its adjective goes with the next word ("российского
            # военного ведомства")
            named = named or mention.kind != "adjective"
            while j < len(tokens) and tokens[j].start < mention.end:
                j += 1
            continue
        if named and tj.text.lower() in {"и", ","}:
            j += 1
            continue
        if not named and tj.pos in ("NOUN", "ADJ") and tj.feats.get("Case") == "Gen":
            dependents.append(tj.text)
            j += 1
            continue
        break
    return canonical_role([*words, *dependents]), codes, j


def posts_written(doc, countries: list[CountryMention]) -> set[str]:
    """Every post the article writes, canonical ("глава военного ведомства" → "министр обороны")."""
    out = set()
    for sent in doc.sents:
        tokens, i = sent.tokens, 0
        while i < len(tokens):
            role, _, after = post_at(tokens, i, countries)
            if role:
                out.add(role)
            i = after  # "заместитель министра обороны": "министра" is not a post of its own here
    return out


def apply_plural_roles(doc, countries: list[CountryMention], people: list[Person]) -> None:
    """'Министры обороны Грузии и Азербайджана …': the post of each named country's person without one."""
    for sent in doc.sents:
        tokens = sent.tokens
        for i, t in enumerate(tokens):
            if t.feats.get("Number") != "Plur":
                continue
            role, codes, _ = post_at(tokens, i, countries)
            if role is None or len(set(codes)) < 2:
                continue
            # only counterparts: a person named as someone's colleague or by military rank
            for p in people:
                counterpart = any(m.rule == "colleague" or m.rank for m in p.mentions)
                if p.role is None and p.country in codes and counterpart:
                    p.role, p.role_rule = role, "plural_post"
