"""The state a person represents when the words beside the name do not name it.

* «с министром обороны этой страны Дауреном Косановым»: the state the article spoke of last,
  passing over states written in the apposition of someone else named in the same sentence
  («находящийся в Казахстане министр обороны Азербайджана Гасанов встретился с министром обороны
  этой страны» — Казахстан, not Азербайджан);
* a well-known official of the officials gazetteer (``gazetteers.officials``): «Пашинян и Алиев».

* the head of a delegation or side named by its state: «Бразильскую делегацию возглавил генерал X»,
  «Турецкую сторону представлял …».

A delegation's state («делегация Италии во главе с …») and a national body's («директор Федеральной
службы по ВТС»: Russia; ``words/state_bodies.tsv``) are read with the apposition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..gazetteers import officials
from ..gazetteers.countries import CountryMention
from ..lang import lexicon
from ..lang.names import lone_first_name

if TYPE_CHECKING:
    from .people import NameMention, Person

OWNER_REACH = 150  # characters from a state to the name whose apposition it is part of
# the word lists the events read the same sentences with: «возглавил», «представлял»; «делегацию», «сторону»
LEAD_VERBS = lexicon.words("participation_words")
DELEGATIONS = lexicon.words("side_delegations") | lexicon.words("participation_sides")


def this_country(mention: NameMention, countries: list[CountryMention], mentions: list[NameMention], sent_start: int):
    """The state «этой страны» in ``mention``'s apposition stands for, or None."""
    before = [c for c in countries if c.end <= mention.start and c.kind != "capital" and len(c.codes) == 1]
    for state in reversed(before):
        code = state.codes[0]
        owned = any(
            other is not mention
            and other.country == code
            and sent_start <= state.start
            and state.end <= other.start < mention.start
            and other.start - state.end < OWNER_REACH
            for other in mentions
        )
        if not owned:
            return code
    return None


def assign_states(doc, people: list[Person], countries: list[CountryMention], year: int | None) -> None:
    """Fill the state of each person the apposition left without one."""
    mentions = [m for p in people for m in p.mentions]
    for p in people:
        if p.country is not None:
            continue
        for m in p.mentions:
            if m.this_country:
                code = this_country(m, countries, mentions, doc.sents[m.sentence_no - 1].start)
                if code:
                    m.country, m.rule = code, "this_country"
                    break
        for m in p.mentions if p.country is None else ():
            code = led_delegation_state(doc.sents[m.sentence_no - 1], m, countries)
            if code:
                m.country, m.rule = code, "delegation_head"
                break
        if p.country is None and not lone_first_name(p.name):
            # the text does not say whom the person represents; a well-known official's post does
            # (not for a first name alone: "с Бараком и Мишель Обамой" is no Ehud Barak)
            code = officials.country_of(p.name, year)
            if code:
                p.mentions[0].country, p.mentions[0].rule = code, "official_gazetteer"


def led_delegation_state(sent, mention: NameMention, countries: list[CountryMention]) -> str | None:
    """«Бразильскую делегацию возглавил генерал X», «делегацию Перу возглавляет X»: the state of the
    delegation whose leading verb has the name in its subject."""
    by_id = {t.id: t for t in sent.tokens}
    for t in sent.tokens:
        if not t.start <= mention.start < t.stop:
            continue
        node, steps = t, 0
        while node is not None and node.rel != "nsubj" and steps < 4:  # up the name's apposition
            node, steps = by_id.get(node.head_id), steps + 1
        verb = by_id.get(node.head_id) if node is not None else None
        if verb is None or (verb.lemma or "").lower() not in LEAD_VERBS:
            return None
        for obj in (o for o in sent.tokens if o.head_id == verb.id and o.rel == "obj"):
            if (obj.lemma or "").lower() not in DELEGATIONS:
                continue
            words = [obj, *(c for c in sent.tokens if c.head_id == obj.id)]
            codes = {c.codes[0] for c in countries for w in words if c.start <= w.start < c.end and len(c.codes) == 1}
            if len(codes) == 1:
                return codes.pop()
    return None
