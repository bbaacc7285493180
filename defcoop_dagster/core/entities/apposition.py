"""Role, rank and country of a person, read from the words written in apposition to the left of the name.

The apposition shares the name's case: "[азербайджанский] [министр обороны] [Грузии]
[генерал-полковник] ИМЯ". Read right to left: states (kept apart as the country), ranks and titles,
the post's genitive words (coordinated with «и», a quoted name among them), a field after «по»,
the instrumental a «командующий» governs, then the post and its adjectives, and a bare post after a
dash joined to the one before it. Posts written elsewhere than beside a name are read by ``posts``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..gazetteers.countries import CountryMention
from ..lang import lexicon
from ..lang.inflect import nominative
from ..lang.morph import morph_vocab
from ..lang.roles import (
    HOLDER_ADJECTIVES,
    INDECLINABLE_HEADS,
    RANK_TAILS,
    canonical_role,
    head_word,
    is_honorific,
    is_post,
    is_rank_word,
    is_role_head,
)
from .phrase_cases import can_be_in_case, is_genitive, outer_post
from .phrase_cases import dative as _dative
from .phrase_cases import instrumental as _instrumental
from .state_mentions import covering, delegation_state

# titles that are a post alone ("наследный принц"), but not after a post (lexicon: noble_titles.txt)
NOBLE_TITLES = lexicon.words("noble_titles")
FIELD_NOUNS = lexicon.words("post_field_nouns")  # «по делам обороны»: a field with no adjective
DASHES = {"–", "—", "-", ","}
IN = lexicon.words("place_prepositions")  # «в», «во», «на»
INSTRUMENTAL_HEADS = frozenset({"командующий", "главнокомандующий", "командовать", "заведующий", "управляющий"})
STATE_NOUNS = frozenset({"страна", "государство", "республика", "королевство"})  # «министр обороны этой страны»
MAX_APPOSITION = 16  # tokens scanned left of a name


@dataclass(frozen=True)
class Apposition:
    """What the words left of a name say of the person."""

    role: str | None = None
    rank: str | None = None
    country: str | None = None
    rule: str = "apposition"  # 'colleague' when the person is named as someone's colleague
    case: str | None = None  # UD case of the post or rank nearest the name, which the name shares
    this_country: bool = False  # the post names its state by "этой страны", "этого государства"


def read_apposition(
    tokens, i0: int, countries: list[CountryMention], name_cases: set[str] | None = None, text: str = ""
) -> Apposition:
    """The role, rank and country written left of the name starting at token ``i0`` of its sentence.

    ``name_cases``: the UD cases the name may be in (the tagger's guesses and the one its
    words point to); a post in apposition must be able to take one of them.
    """
    name_cases = {c for c in (name_cases or {tokens[i0].feats.get("Case")}) if c}
    rank: list[str] = []
    dependents: list[str] = []
    head: list[str] = []
    head_case = head_written = None
    country = None
    rule = "apposition"
    near_case = None  # the case of the rank nearest the name
    this_country = False
    head_at = i0  # the token of the post
    pending: list = []  # tokens of a dative phrase, which belong to the role if "по" comes before them
    j = i0 - 1
    while j >= 0 and i0 - j <= MAX_APPOSITION:
        t = tokens[j]
        if "\n" in text[t.stop : tokens[j + 1].start]:
            break  # a headline without a full stop is not the apposition of the line below
        lemma = (t.lemma or t.text).lower()
        mention = covering(countries, t.start)
        if mention is not None:
            if len(mention.codes) == 1 and country is None:
                country = mention.codes[0]
            # step over the whole mention ("Республики Беларусь")
            while j >= 0 and tokens[j].start >= mention.start:
                j -= 1
            continue
        opening = _opening_quote(tokens, j) if not head and not pending else None
        if opening is not None:
            # a name in quotes belongs to the word before it: «командующий дивизией «Гандив»»
            dependents.insert(0, words_of(tokens[opening : j + 1]))
            j = opening - 1
            continue
        # «(временно) исполняющий обязанности министра»: the acting holder's post, written whole
        if lemma == "обязанность" and (head or dependents) and j > 0 and (tokens[j - 1].lemma or "") == "исполнять":
            k = j - 2 if j > 1 and tokens[j - 2].text.lower() == "временно" else j - 1
            dependents = [head_written, *dependents] if head else dependents
            head, head_case = (
                [*(["временно"] if k < j - 1 else []), "исполняющий обязанности"],
                tokens[j - 1].feats.get("Case"),
            )
            head_written, head_at, j = "", k, k - 1
            continue
        if head:
            # adjectives agreeing with the post: "первым заместителем", "военный атташе"
            if _agrees_as_adjective(t, head_case):
                head.insert(0, nominative(t.text, head_case, "ADJ"))
                j -= 1
                continue
            # "Чрезвычайный и Полномочный Посол": coordinated adjectives
            if lemma == "и" and j > 0 and _agrees_as_adjective(tokens[j - 1], head_case):
                head.insert(0, "и")
                j -= 1
                continue
            # "заместитель министра обороны — генеральный директор": a bare post after a dash is
            # told by the one before it; a full one stands alone ("первый заместитель министра
            # обороны — начальник Генерального штаба")
            if t.text in ("—", "–") and j > 0 and not dependents:
                before = read_apposition(tokens, j, countries, name_cases, text)
                if before.role:
                    head.insert(0, before.role + " —")
                    country = country or before.country
                break
            # a post governing the one found: "заместителя [министра обороны]"
            if is_role_head(lemma) and any(can_be_in_case(t.text, c) for c in name_cases or {head_case}):
                dependents = [head_written, *dependents]
                head, head_case, head_written = (
                    [head_word(t.text, t.feats.get("Case"))],
                    t.feats.get("Case"),
                    t.text,
                )
                head_at, j = j, j - 1
                continue
            # the post of a body its genitive names: «председатель [объединенного комитета] начальников штабов»
            outer = outer_post(tokens, j, name_cases) if head_case == "Gen" else None
            if outer is not None:
                dependents = [x.text for x in tokens[outer + 1 : head_at + 1]] + dependents
                t = tokens[outer]
                head, head_case, head_written = [head_word(t.text, t.feats.get("Case"))], t.feats.get("Case"), t.text
                head_at, j = outer, outer - 1
                continue
            break
        if pending:
            # the field of a post, after "по": "секретарь по стратегическим и международным вопросам"
            # …but "по приглашению Шойгу" is no post: a field has an adjective, an abbreviation or a field noun
            dative = all(p.feats.get("Case") != "Ins" for p in pending)
            if (
                dative
                and lemma == "по"
                and any(p.pos == "ADJ" or p.text.isupper() or p.lemma in FIELD_NOUNS for p in pending)
            ):
                dependents, pending = ["по", *(p.text for p in pending), *dependents], []
                j -= 1
                continue
            if (
                _dative(t)
                or _instrumental(t)
                or (lemma == "и" and j > 0 and (_dative(tokens[j - 1]) or _instrumental(tokens[j - 1])))
            ):
                pending.insert(0, t)
                j -= 1
                continue
            # a post that governs the instrumental: "командующий Военно-морскими силами"
            if lemma not in INSTRUMENTAL_HEADS or dative:
                break
            dependents, pending = [p.text for p in pending] + dependents, []
        if not dependents and t.pos == "PROPN" and t.feats.get("Case") == "Loc" and j > 0 and tokens[j - 1].lemma in IN:
            j -= 1  # "посол Китая [в Бишкеке] Лю Вэй": the city of the post, stepped over as a state is below
            continue
        if t.pos == "ADP" and not dependents:
            # "посол Беларуси [в Молдове] Сергей Чичук": a place, not the person's country
            if lemma in IN:
                country = None
                j -= 1
                continue
            if lemma == "из" and country and j > 0 and _of_a_person((tokens[j - 1].lemma or "").lower()):
                j -= 1  # "коллегой из Лаоса": where the person comes from
                continue
            country = None if lemma == "из" else country  # «по вопросам выхода из Евросоюза»: a topic
            break
        if t.text in DASHES:
            j -= 1
            continue
        if (t.text.lower() in RANK_TAILS and j > 0 and is_rank_word((tokens[j - 1].lemma or "").lower())) or (
            is_rank_word(lemma) and not dependents
        ):
            rank.insert(
                0, t.text.lower() if t.text.lower() in RANK_TAILS else nominative(t.text, t.feats.get("Case"), None)
            )
            if t.text.lower() not in RANK_TAILS:
                near_case = near_case or t.feats.get("Case")
            j -= 1
            continue
        before_title = lemma in ("его", "ее", "её") and is_honorific(tokens[j + 1].lemma or "")
        # "министра обороны Саудовской Аравии принца Халида": a title after a post is not the post
        titled = not head and lemma in NOBLE_TITLES and _post_before(tokens, j)
        if is_honorific(lemma) or before_title or titled:
            j -= 1  # «эмир Катара шейх Тамим», «Его Величество король»
            continue
        if lemma == "коллега":
            rule = "colleague"
            j -= 1
            continue
        short = t.text.lower() in INDECLINABLE_HEADS
        agrees = short or not name_cases or any(can_be_in_case(t.text, c) for c in name_cases)
        if (is_role_head(lemma) or short) and not (
            t.feats.get("Case") == "Gen" and (dependents or not agrees) and "Gen" not in name_cases
        ):
            case = t.feats.get("Case")
            if not agrees:
                break
            head_case, head_written = case, t.text
            head = [head_word(t.text, case)]
            head_at, j = j, j - 1
            continue
        # genitive dependents of the post; a participle ("Вооруженных сил") is tagged VERB with a
        # case; a determiner ("этой страны") is trimmed from the role with the word it goes with
        if is_genitive(t):
            this_country = this_country or lemma in STATE_NOUNS
            # a person's name is not part of the post: "советник президента [Трампа] по …"
            dependents.insert(0, "" if t.pos == "PROPN" and t.feats.get("Animacy") == "Anim" else t.text)
            j -= 1
            continue
        # two genitives coordinated: "Государственного совета и Совета министров"
        if (
            lemma == "и"
            and dependents
            and j > 0
            and is_genitive(tokens[j - 1])
            and not covering(countries, tokens[j - 1].start)
        ):
            dependents.insert(0, "и")
            j -= 1
            continue
        if (_dative(t) and not rank) or _instrumental(t):
            pending.insert(0, t)
            j -= 1
            continue
        break
    role = canonical_role(head + dependents) if head else None
    role = role if is_post(role) else None
    if role and country is None:  # «глава Пентагона»: a national body that names no state
        written = " ".join(head + dependents).lower()
        country = next((code for body, code in lexicon.table("state_bodies").items() if body in written), None)
    if country is None and j >= 2 and tokens[j].text.lower() == "с" and tokens[j - 1].lemma == "глава":
        country = delegation_state(tokens, j - 3, countries)  # «делегация Италии во главе с …»
    case = near_case or (head_case if head else None)
    return Apposition(role, " ".join(rank) or None, country, rule, case, this_country and country is None)


def _of_a_person(lemma: str) -> bool:
    return lemma == "коллега" or is_role_head(lemma) or is_rank_word(lemma) or lemma in NOBLE_TITLES


def _agrees_as_adjective(t, case: str | None) -> bool:
    """An adjective in the post's case; capitalised ones in titles («Полномочный Посол») are often
    tagged as proper nouns, so the dictionary is asked too."""
    if t.feats.get("Case") != case or t.text[:1].isdigit() or (t.lemma or "").lower() in HOLDER_ADJECTIVES:
        return False
    if t.pos == "ADJ":
        return True
    if t.pos != "PROPN":
        return False
    # not a surname with a possessive look-alike («министра … Курбанова и министра …»), nor one the
    # dictionary does not know at all («министром … Хяккяненом и министром …»)
    if not morph_vocab().word_is_known(t.text.lower()):
        return False
    parses = morph_vocab().parse(t.text.lower())
    names = any({"Surn", "Name", "Patr"} & p.tag.grammemes for p in parses)
    return not names and any(p.tag.POS == "ADJF" and "Poss" not in p.tag for p in parses)


QUOTES, MAX_QUOTED = {"»": "«", '"': '"', "”": "“", "“": "„"}, 4  # MAX_QUOTED: words of a quoted name in a post


def words_of(tokens) -> str:
    """The tokens as written, a space only where the text has one («Гандив», not « Гандив »)."""
    out = tokens[0].text if tokens else ""
    for prev, tok in zip(tokens, tokens[1:], strict=False):
        out += (" " if tok.start > prev.stop else "") + tok.text
    return out


def _opening_quote(tokens, j: int) -> int | None:
    """Index of the quote that opens the quoted name closed at ``tokens[j]``; None if it is none."""
    opening = QUOTES.get(tokens[j].text)
    if opening is None:
        return None
    for k in range(j - 1, max(-1, j - MAX_QUOTED - 2), -1):
        if tokens[k].text == opening:
            return k if k < j - 1 and tokens[k + 1].text[:1].isupper() else None
    return None


def _post_before(tokens, j: int) -> bool:
    """A post among the few words before token ``j`` ("министра обороны Королевства … принца")."""
    return any(is_role_head((t.lemma or t.text).lower()) for t in tokens[max(0, j - MAX_APPOSITION // 2) : j])
