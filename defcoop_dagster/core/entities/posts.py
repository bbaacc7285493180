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
from ..lang import lexicon
from ..lang.inflect import UD_TO_OC_CASE, nominative
from ..lang.morph import common_word
from ..lang.roles import (
    INDECLINABLE_HEADS,
    RANK_TAILS,
    canonical_role,
    head_word,
    is_honorific,
    is_post,
    is_rank_word,
    is_role_head,
)
from .apposition import INSTRUMENTAL_HEADS, MAX_QUOTED, QUOTES, words_of
from .phrase_cases import is_genitive
from .state_mentions import covering, delegation_states

if TYPE_CHECKING:
    from .people import Person

SIDE_NOUNS = lexicon.words("side_officials")  # «лидеры», «главы», «руководители» of the states after them


def post_at(tokens, i: int, countries: list[CountryMention]) -> tuple[str | None, list[str], int]:
    """The post headed by ``tokens[i]``, read to the right: (canonical role, codes of the states
    named after it, index of the first token after it). (None, [], i + 1) if no post heads there."""
    t = tokens[i]
    lemma = (t.lemma or "").lower()
    if not is_role_head(lemma) and t.text.lower() not in INDECLINABLE_HEADS:
        return None, [], i + 1
    words = [head_word(t.text, t.feats.get("Case"))]
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
        coordinated = (  # «отдела оборонного сотрудничества и Департамента международного сотрудничества»
            tj.text.lower() == "и"
            and dependents
            and j + 1 < len(tokens)
            and _word_of_post(tokens[j + 1])
            and is_genitive(tokens[j + 1])
            and covering(countries, tokens[j + 1].start) is None
        )
        governed = lemma in INSTRUMENTAL_HEADS and tj.feats.get("Case") == "Ins"  # «командующий дивизией»
        quoted = _closing_quote(tokens, j) if dependents else None
        if not named and quoted is not None:  # «дивизией «Гандив»»
            dependents.append(words_of(tokens[j : quoted + 1]))
            j = quoted + 1
            continue
        if not named and (coordinated or governed or (_word_of_post(tj) and is_genitive(tj))):
            dependents.append(tj.text)
            j += 1
            continue
        break
    role = canonical_role([*words, *dependents])
    return (role if is_post(role) else None), codes, j


def _closing_quote(tokens, j: int) -> int | None:
    """Index of the quote that closes a quoted name opened at ``tokens[j]``; None if it is none."""
    closing = {opening: close for close, opening in QUOTES.items()}.get(tokens[j].text)
    if closing is None or j + 1 >= len(tokens) or not tokens[j + 1].text[:1].isupper():
        return None
    return next((k for k in range(j + 2, min(len(tokens), j + MAX_QUOTED + 2)) if tokens[k].text == closing), None)


def _word_of_post(t) -> bool:
    """A noun or adjective; a capitalised common noun the tagger calls a proper one («Департамента»)
    too, but not a name («министра обороны Сергея Шойгу»)."""
    if t.pos in ("NOUN", "ADJ"):
        return True
    if len(t.text) > 1 and t.text.isalpha() and t.text.isupper():
        return True  # a body's abbreviation: «главы МИД», «министр МЧС»
    return t.pos == "PROPN" and common_word(t.text)


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


def _names_from(tokens, j: int, by_start: dict) -> list:
    """The name mentions listed from ``tokens[j]`` on: «Дмитрия Медведева и Лулы да Силвы»."""
    names = []
    while j < len(tokens) and tokens[j].start not in by_start and _rank_or_title(tokens[j]):
        j += 1  # «командующий дивизией генерал-майор Санджая …»: the rank before the name
    while j < len(tokens) and tokens[j].start in by_start:
        mention = by_start[tokens[j].start]
        names.append(mention)
        while j < len(tokens) and tokens[j].start < mention.end:
            j += 1
        if j < len(tokens) - 1 and tokens[j].text.lower() in {"и", ","} and tokens[j + 1].start in by_start:
            j += 1
    return names


def _rank_or_title(t) -> bool:
    lemma = (t.lemma or "").lower()
    return is_rank_word(lemma) or t.text.lower() in RANK_TAILS or is_honorific(lemma)


def _names_before(tokens, j: int, by_end: dict) -> list:
    """The name mentions listed up to ``tokens[j]``: «Сергей Шойгу и Андрей Равков»."""
    names = []
    while j >= 0 and tokens[j].stop in by_end:
        mention = by_end[tokens[j].stop]
        names.insert(0, mention)
        while j >= 0 and tokens[j].start >= mention.start:
            j -= 1
        if j > 0 and tokens[j].text.lower() in {"и", ","} and tokens[j - 1].stop in by_end:
            j -= 1
    return names


def apply_posts_beside_lists(doc, countries: list[CountryMention], mentions: list) -> None:
    """A post written before or after the names it goes with, one state per name in order:
    «переговоры президентов России и Бразилии Дмитрия Медведева и Лулы да Силвы»,
    «Сергей Шойгу и Андрей Равков, министры обороны России и Белоруссии, …»,
    «Хаким Бенали, министр обороны Алжира, заявил …». The state written in the apposition of the
    first name is the last of the list, so a post that lists its states overrides it."""
    for sent_no, sent in enumerate(doc.sents, 1):
        mine = [m for m in mentions if m.sentence_no == sent_no]
        if not mine:
            continue
        by_start, by_end = {m.start: m for m in mine}, {m.end: m for m in mine}
        tokens = sent.tokens
        told: set[int] = set()  # names a post before told: «заместитель [министра обороны] X» is not of «министра»
        for i in range(len(tokens)):
            role, codes, after = post_at(tokens, i, countries)
            if role is None:
                # «лидеры России и Китая Путин и Си»: a plural noun that is no post still lists the states
                codes, after = _states_after_side_noun(tokens, i, countries)
                if len(set(codes)) < 2:
                    continue
            states = list(dict.fromkeys(codes))
            names = _names_from(tokens, after, by_start)
            if not names:
                first = i  # «Х, генеральный секретарь НАТО, …»: a post after a comma, adjectives first
                while first > 0 and tokens[first - 1].pos == "ADJ" and not covering(countries, tokens[first - 1].start):
                    first -= 1
                if first > 1 and tokens[first - 1].text in (",", "—", "–"):
                    names = _names_before(tokens, first - 2, by_end)
                    names = names if len(states) <= 1 or len(names) == len(states) else []
            if (
                not names
                or (tokens[i].feats.get("Number") == "Plur") != (len(names) > 1)
                or told & {id(n) for n in names}
            ):
                continue
            told |= {id(n) for n in names}
            if len(names) > 1 and not states:  # «делегаций Армении и Франции во главе с министрами X и Y»
                states = _led_delegations(tokens, i, countries)
            case = UD_TO_OC_CASE.get(tokens[i].feats.get("Case"))
            for k, mention in enumerate(names):
                if case and tokens[i].start < mention.start:
                    mention.recase(case)  # the names agree with a post before them: «президентов … Жуана Лоренсу»
                mention.role = mention.role or role
                if len(names) > 1 and len(states) == len(names):
                    mention.country = states[k]  # respectively
                elif len(states) == 1:
                    mention.country = mention.country or states[0]


def _led_delegations(tokens, i: int, countries: list[CountryMention]) -> list[str]:
    """The states of the delegations «во главе с» the post at ``i`` (its adjectives before it)."""
    k = i
    while k > 0 and tokens[k - 1].pos == "ADJ":
        k -= 1
    if k < 4 or [t.text.lower() for t in tokens[k - 3 : k]] != ["во", "главе", "с"]:
        return []
    return delegation_states(tokens, k - 4, countries)


def _states_after_side_noun(tokens, i: int, countries: list[CountryMention]) -> tuple[list[str], int]:
    """The states listed after a plural noun of people that is no post («лидеры России и Китая»),
    and the index after them; ([], i + 1) for any other word."""
    if (tokens[i].lemma or "") not in SIDE_NOUNS or tokens[i].feats.get("Number") != "Plur":
        return [], i + 1
    codes, j = [], i + 1
    while j < len(tokens) and (mention := covering(countries, tokens[j].start)) is not None:
        codes.extend(mention.codes)
        while j < len(tokens) and tokens[j].start < mention.end:
            j += 1
        if j + 1 < len(tokens) and tokens[j].text.lower() in {"и", ","}:
            j += 1
    return codes, j


def apply_colleague_roles(people: list[Person]) -> None:
    """«его сирийский коллега, генерал Али Айюб»: a colleague holds the same post in another state
    as the person he is the colleague of, the last one with a post of another state named before."""
    for p in people:
        said = next((m for m in p.mentions if m.rule == "colleague"), None)
        if p.role is not None or said is None:
            continue
        before = [
            (max(m.start for m in q.mentions if m.start < said.start), q)
            for q in people
            if q is not p
            and q.role
            and q.country is not None
            and q.country != p.country
            and any(m.start < said.start for m in q.mentions)
        ]
        if before:
            p.role, p.role_rule = max(before, key=lambda pair: pair[0])[1].role, "colleague"
