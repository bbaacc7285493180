"""Whether a sentence reports a meeting: a meeting word, a reception, a visit to a state; not a
phone call, not a custom.
"""

from ..gazetteers.countries import resolve_country
from ..lang.tokens import Sentence
from .context import ArticleContext
from .grammar import is_common_noun, is_modifier, is_present, is_short_participle, meets_someone
from .vocabulary import words

MEETING_NOUNS = words("meeting_nouns")
MEETING_WORDS = words("meeting_nouns", "meeting_verbs")
RECEIVE_VERBS = words("meeting_receive_verbs")
# who is received: "принял делегацию / министра", not "принял решение / участие / отставку"
RECEIVED = words("side_officials", "side_delegations")
VISIT_NOUNS = words("visit_nouns")
VISIT_WORDS = words("visit_words") | VISIT_NOUNS
REMOTE_WORDS = words("remote_words")
OFFICE_NOUNS = words("office_nouns")
PLACE_PREPOSITIONS = words("place_prepositions")
AUDIENCE_NOUNS = words("meeting_audiences")
TOPIC_HEADS = words("meeting_topic_heads")
LED_VERBS = words("meeting_led_verbs")
REPEAT_WORDS = words("meeting_repeat_words")
MANY_WORDS = words("meeting_many_words")
INTERNAL_BODIES = words("meeting_internal_bodies")
# things that may "meet" as a side: «делегации встретились», «стороны провели переговоры»
SIDE_THINGS = words("side_delegations", "side_bodies")
# nouns whose plural does not make a custom
PLURAL_MEETING_NOUNS = words("meeting_plural_nouns")


def triggers(sent: Sentence) -> tuple[bool, bool]:
    """(strong meeting trigger, visit trigger) in a sentence."""
    strong = any(
        (t.lemma in MEETING_WORDS or (t.lemma in RECEIVE_VERBS and _receives_someone(sent, i)))
        and not _negated(sent, i)
        and not _with_audience(sent, i)
        and not _spoken_of(sent, i)
        and not _of_things(sent, i)
        and not _repeated(sent, i)
        and not _of_one_body(sent, i)
        for i, t in enumerate(sent.tokens)
    )
    visit = any(t.lemma in VISIT_WORDS and not _in_office(sent, i) for i, t in enumerate(sent.tokens))
    return strong, visit


def _negated(sent: Sentence, i: int) -> bool:
    """ "не встретились", "не станет встречаться", "не будет встречаться": a verb under negation;
    "встреча не состоится": a meeting noun whose verb is."""
    toks = sent.tokens
    head = sent.head_of(toks[i])
    if toks[i].pos == "NOUN" and toks[i].rel in ("nsubj", "nsubj:pass") and head is not None:
        return head.pos == "VERB" and _negated(sent, head.index)
    if toks[i].pos != "VERB":
        return False
    if i > 0 and toks[i - 1].lemma == "не":
        return True
    return i > 1 and toks[i - 2].lemma == "не" and toks[i - 1].pos in ("VERB", "AUX")


def _with_audience(sent: Sentence, i: int) -> bool:
    """ "встреча с журналистами", "на встрече с избирателями": a public, not the officials of a state."""
    after = [t for t in sent.tokens[i + 1 : i + 4] if t.pos != "ADJ"]
    return len(after) >= 2 and after[0].lemma in ("с", "со") and after[1].lemma in AUDIENCE_NOUNS


def _spoken_of(sent: Sentence, i: int) -> bool:
    """ "позиция на переговорах с ЕС", "готов к переговорам": talks as a subject, not an event;
    "к 75-летию встречи на Эльбе": a meeting of history, its anniversary marked."""
    # its head, and the word before it (adjectives aside) where the parse attached it elsewhere
    before = next((t for t in reversed(sent.tokens[:i]) if t.pos != "ADJ"), None)
    words = [t for t in (sent.head_of(sent.tokens[i]), before) if t is not None]
    topic = any(t.lemma in TOPIC_HEADS or t.lemma.endswith("летие") for t in words)
    led = sent.tokens[i].rel == "obj" and bool(words) and words[0].lemma in LED_VERBS  # «возглавил переговоры»
    return sent.tokens[i].pos == "NOUN" and (topic or led)


def _of_things(sent: Sentence, i: int) -> bool:
    """ "в сетях встречались нападки": «встречаться» said of things is to occur, not to meet."""
    t = sent.tokens[i]
    subjects = [c for c in sent.children(t) if c.rel == "nsubj"] if t.pos == "VERB" else []
    return any(c.pos == "NOUN" and c.feats.get("Animacy") == "Inan" and c.lemma not in SIDE_THINGS for c in subjects)


def _repeated(sent: Sentence, i: int) -> bool:
    """ "встречались семь раз", "не раз проводили переговоры", "неоднократно встречались", "ряд
    встреч": many meetings told at once, none of them one to record."""
    tok = sent.tokens[i]
    if tok.pos == "NOUN" and _counted_as_many(sent, i):
        return True
    verb = tok if tok.pos == "VERB" else sent.head_of(tok)
    if verb is None or verb.pos != "VERB":
        return False
    for c in sent.children(verb):
        if c.lemma in REPEAT_WORDS:
            return True
        counted = any(
            (d.rel.startswith("nummod") and d.lemma not in ("один", "1")) or d.lemma == "не" for d in sent.children(c)
        )
        if c.lemma == "раз" and counted:
            return True
    return False


def _counted_as_many(sent: Sentence, i: int) -> bool:
    """A plural meeting noun counted as many: in the genitive under a word of quantity («ряд встреч»,
    «несколько встреч»), or with one as its modifier («многочисленные встречи»); the word before it
    where the sentence has no parse. Not «встречи ряда министров»: there «ряд» counts the ministers."""
    tok = sent.tokens[i]
    if tok.number != "Plur":
        return False
    head = sent.head_of(tok)
    if head is not None and head.lemma in MANY_WORDS and tok.case == "Gen":
        return True
    if any(c.lemma in MANY_WORDS and c.rel in ("amod", "det", "nummod", "nummod:gov") for c in sent.children(tok)):
        return True
    before = list(sent.tokens[max(0, i - 3) : i])
    while before and before[-1].pos == "ADJ" and before[-1].lemma not in MANY_WORDS:
        before.pop()
    return head is None and bool(before) and before[-1].lemma in MANY_WORDS


def _of_one_body(sent: Sentence, i: int) -> bool:
    """ "заседание правительства", "встречи всего кабинета", "совещание с членами своего кабинета": a
    state's own body sitting, not states meeting (read from the words, as not every sentence is parsed)."""
    toks = sent.tokens
    if toks[i].pos != "NOUN" or toks[i].lemma not in MEETING_NOUNS:
        return False
    j = k = i + 1
    while k < len(toks) and k - j < 6 and (toks[k].case == "Gen" or toks[k].pos == "PROPN"):
        k += 1  # past who sits with them: «встречи премьер-министра Терезы Мэй с членами ее кабинета»
    if k + 1 < len(toks) and toks[k].lemma in ("с", "со") and toks[k + 1].lemma == "член":
        j = k + 2
    while j < len(toks) and toks[j].pos in ("DET", "ADJ", "PRON"):
        j += 1
    body = toks[j] if j < len(toks) else None
    after = toks[j + 1] if j + 1 < len(toks) else None
    one = body is not None and body.lemma in INTERNAL_BODIES and body.number == "Sing" and body.case == "Gen"
    return (one and (after is None or after.pos != "PROPN" or j == i + 1)) or _sitting_of_subject(sent, toks[i])


def _sitting_of_subject(sent: Sentence, noun) -> bool:
    """ "Кабинет министров согласовал позицию в ходе заседания", "Сенат и палата представителей на
    совместном заседании утвердили": the sitting of the body that is its verb's subject, with no one
    met («с …») — read from the parse, so only where the sentence has one."""
    verb, hops = noun, 0
    while verb is not None and verb.pos != "VERB" and hops < 3:
        if meets_someone(sent, verb):
            return False
        verb, hops = sent.head_of(verb), hops + 1
    if verb is None or verb.pos != "VERB" or meets_someone(sent, verb):
        return False
    subjects = [c for c in sent.children(verb) if c.rel == "nsubj"]
    bodies = [*subjects, *(d for c in subjects for d in sent.children(c) if d.rel == "conj")]
    return bool(subjects) and all(b.lemma in INTERNAL_BODIES and b.number == "Sing" for b in bodies)


def _in_office(sent: Sentence, i: int) -> bool:
    """ "пребывание в должности", "на посту", "у власти": a term of office, not a stay abroad."""
    after = sent.tokens[i + 1 : i + 3]
    return len(after) == 2 and after[0].lemma in ("в", "на", "у") and after[1].lemma in OFFICE_NOUNS


def _receives_someone(sent: Sentence, i: int) -> bool:
    """ "принял делегацию", "принял министра …", "делегация была принята": the object is a visitor."""
    toks = sent.tokens
    objects = [c for c in sent.children(toks[i]) if c.rel == "obj"]
    things = [o for o in objects if is_common_noun(o)]
    if any(o.lemma not in RECEIVED for o in things):
        return False  # "отставку приняла премьер": what is accepted is named, and is no visitor
    if any(o.pos == "PRON" and _stands_for_a_thing(sent, o) for o in objects):
        return False  # "подал в отставку, её приняла премьер": the pronoun is the resignation
    if any(o.pos == "PROPN" and o not in things for o in objects):
        return True  # "принял Сергея Шойгу": a person received by name
    after = [t for t in toks[i + 1 : i + 4] if not (is_modifier(t) or t.pos in ("ADP", "NUM"))]
    if after and after[0].lemma in RECEIVED:
        return True
    # past a place, an object that names its state: "принял в Белграде министра обороны Венгрии",
    # "принял в своем кабинете посла Португалии" (which the parse may read as the cabinet's)
    k = i + 1
    while k < len(toks) and (toks[k].lemma in PLACE_PREPOSITIONS or is_modifier(toks[k]) or toks[k].case == "Loc"):
        k += 1
    visitors = [*things, *([toks[k]] if k > i + 2 and k < len(toks) and toks[k].lemma in RECEIVED else [])]
    # the state after the visitor («министра обороны Венгрии») or as its adjective («вьетнамскую делегацию»)
    named = [t for o in visitors for t in [*toks[o.index + 1 : o.index + 5], *_attributes(sent, o)]]
    if any(resolve_country(t.text) for t in named):
        return True
    if is_short_participle(toks[i]):  # passive: the visitor stands before
        return any(t.lemma in RECEIVED for t in toks[max(0, i - 4) : i])
    return False


def _attributes(sent: Sentence, tok, depth: int = 4) -> list:
    """A noun's adjectives and its chain of genitives, from the parse: «вьетнамскую делегацию»,
    «делегацию военно-политического управления Вооруженных сил России»."""
    out = []
    for c in sent.children(tok):
        if c.rel == "amod":
            out.append(c)
        elif c.rel == "nmod" and depth > 0:
            out += [c, *_attributes(sent, c, depth - 1)]
    return out


def _stands_for_a_thing(sent: Sentence, pron) -> bool:
    """A pronoun whose antecedent in the sentence is a thing, not a visitor: a subject before it of its
    gender and number first («Делегация прибыла в столицу, где её приняли»), else the nearest such noun
    («подал в отставку, её приняла»). Gender counts in the singular only."""

    def agrees(t) -> bool:
        same = t.number == pron.number and (pron.number == "Plur" or t.feats.get("Gender") == pron.feats.get("Gender"))
        return t.pos in ("NOUN", "PROPN") and same

    before = [t for t in sent.tokens[: pron.index] if agrees(t)]
    subjects = [t for t in before if t.rel == "nsubj"]
    antecedent = (subjects or before or [None])[-1]
    return antecedent is not None and is_common_noun(antecedent) and antecedent.lemma not in RECEIVED


def visit_has_destination(ctx: ArticleContext, sent: Sentence) -> bool:
    """ "посетила Аллею почетного захоронения" is sightseeing; a visit goes to a state or a capital,
    named after the verb or, as a noun, just before it ("Азербайджан посетила делегация")."""
    toks = sent.tokens
    for i, t in enumerate(toks):
        if t.lemma not in VISIT_WORDS:
            continue
        if t.lemma in VISIT_NOUNS:
            return True
        after = (t.end, toks[min(len(toks) - 1, i + 4)].end)
        before = (toks[max(0, i - 2)].start, t.start)
        for lo, hi, nouns_only in (after + (False,), before + (True,)):
            states = [s for s in ctx.states if lo <= s.start < hi]
            if nouns_only:
                states = [s for s in states if not any(u.start == s.start and u.pos == "ADJ" for u in toks)]
            if states or any(lo <= p.start < hi and resolve_country(str(p.value)) for p in ctx.places):
                return True
    return False


def is_remote(sent: Sentence) -> bool:
    """A phone call or a video conference."""
    return any(t.lemma in REMOTE_WORDS or t.lemma.startswith("телефон") for t in sent.tokens)


def is_habitual(sent: Sentence) -> bool:
    """Meeting nouns only in the plural ("встречи"; "переговоры" aside) with a present-tense verb:
    "командование России и НАТО проводит встречи в Баку" is a custom, not a meeting."""
    nouns = [t for t in sent.tokens if t.lemma in MEETING_NOUNS - PLURAL_MEETING_NOUNS]
    plural = all(t.number == "Plur" for t in nouns) and nouns
    return bool(plural) and any(is_present(t) for t in sent.tokens)
