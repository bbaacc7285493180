"""People of an article: canonical nominative name, role, rank and the country they represent.

Input is natasha's analysis of the body (PER spans, tokens with morphology) and the country
mentions of the gazetteer. A name's role and country are read from the words in apposition to
its left, which share its case: "[азербайджанский] [министр обороны] [Грузии] [генерал-полковник]
ИМЯ". Mentions by surname or initials ("Гасанов", "З.Гасанов") are merged into the full name.
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from pymorphy2.analyzer import Parse as PymorphyParse

from ..gazetteers import officials
from ..gazetteers.countries import CountryMention
from ..lang.morph import morph_vocab
from ..lang.roles import RANK_TAILS, canonical_role, is_rank_word, is_role_head, nominative
from . import noise

INITIALS = re.compile(r"^(?P<i1>[А-ЯЁA-Z])\.\s*(?:(?P<i2>[А-ЯЁA-Z])\.\s*)?(?P<last>[А-ЯЁA-Z][\w\-]+)$")
DASHES = {"–", "—", "-", ","}
MAX_APPOSITION = 16  # tokens scanned left of a name


@dataclass
class NameMention:
    start: int
    end: int
    text: str
    sentence_no: int
    normal: str
    first: str | None
    initial: str | None
    surname: str
    role: str | None = None
    rank: str | None = None
    country: str | None = None
    rule: str = "natasha"


@dataclass
class Person:
    mentions: list[NameMention] = field(default_factory=list)
    role: str | None = None
    role_rule: str | None = None

    @property
    def name(self) -> str:
        full = [m for m in self.mentions if m.first]
        if not full:
            return self.mentions[0].normal
        counts = Counter(m.normal for m in full)
        return max(counts, key=lambda n: (len(n.split()), counts[n]))

    @property
    def surname(self) -> str:
        return self.mentions[0].surname

    def first_of(self, attr: str):
        return next((getattr(m, attr) for m in self.mentions if getattr(m, attr)), None)

    @property
    def country(self) -> str | None:
        counts = Counter(m.country for m in self.mentions if m.country)
        return counts.most_common(1)[0][0] if counts else None


def fold(s: str) -> str:
    return s.lower().replace("ё", "е")


def same_surname(a: str, b: str) -> bool:
    """'Алиев' and 'Алиева' are one family name in two genders."""
    a, b = fold(a), fold(b)
    return a == b or a + "а" == b or b + "а" == a


def split_name(normal: str) -> tuple[str | None, str | None, str]:
    """(first name, initial, surname) of a nominative name."""
    m = INITIALS.match(normal)
    if m:
        return None, m.group("i1"), m.group("last")
    words = normal.split()
    if len(words) == 1:
        return None, None, words[0]
    return words[0], words[0][0], words[-1]


def _covering(countries: list[CountryMention], start: int) -> CountryMention | None:
    for m in countries:
        if m.start <= start < m.end and m.kind != "capital":
            return m
    return None


OC_TO_UD_CASE = {
    "nomn": "Nom",
    **{oc: ud for ud, oc in {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}.items()},
}


def read_apposition(
    tokens, i0: int, countries: list[CountryMention], name_cases: set[str] | None = None, text: str = ""
) -> tuple[str | None, str | None, str | None, str]:
    """Role, rank and country written left of the name starting at token ``i0`` of its sentence.

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
    j = i0 - 1
    while j >= 0 and i0 - j <= MAX_APPOSITION:
        t = tokens[j]
        if "\n" in text[t.stop : tokens[j + 1].start]:
            break  # a headline without a full stop is not the apposition of the line below
        lemma = (t.lemma or t.text).lower()
        mention = _covering(countries, t.start)
        if mention is not None:
            if len(mention.codes) == 1 and country is None:
                country = mention.codes[0]
            # step over the whole mention ("Республики Беларусь")
            while j >= 0 and tokens[j].start >= mention.start:
                j -= 1
            continue
        if head:
            # adjectives agreeing with the post: "первым заместителем", "военный атташе"
            if t.pos == "ADJ" and t.feats.get("Case") == head_case:
                head.insert(0, nominative(t.text, t.feats.get("Case"), "ADJ"))
                j -= 1
                continue
            # a post governing the one found: "заместителя [министра обороны]"
            if is_role_head(lemma) and any(can_be_in_case(t.text, c) for c in name_cases or {head_case}):
                dependents = [head_written, *dependents]
                head, head_case, head_written = (
                    [nominative(t.text, t.feats.get("Case"), "NOUN")],
                    t.feats.get("Case"),
                    t.text,
                )
                j -= 1
                continue
            break
        if t.pos == "ADP" and not dependents:
            # "посол Беларуси [в Молдове] Сергей Чичук": a place, not the person's country
            if lemma in ("в", "во", "на"):
                country = None
                j -= 1
                continue
            if lemma == "из" and country:  # "коллегой из Лаоса": where the person comes from
                j -= 1
                continue
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
            j -= 1
            continue
        if lemma == "коллега":
            rule = "colleague"
            j -= 1
            continue
        if (is_role_head(lemma) or t.text.lower() == "замминистра") and not (
            dependents and t.feats.get("Case") == "Gen" and "Gen" not in name_cases
        ):
            case = t.feats.get("Case")
            if (
                name_cases
                and t.text.lower() != "замминистра"
                and not any(can_be_in_case(t.text, c) for c in name_cases)
            ):
                break
            head_case, head_written = case, t.text
            head = [nominative(t.text, case, "NOUN") if t.text.lower() != "замминистра" else "замминистра"]
            j -= 1
            continue
        # genitive dependents of the post; a participle ("Вооруженных сил") is tagged VERB with a case
        if t.pos in ("NOUN", "ADJ", "PROPN", "VERB") and t.feats.get("Case") == "Gen":
            dependents.insert(0, t.text)
            j -= 1
            continue
        break
    role = canonical_role(head + dependents) if head else None
    return role, (" ".join(rank) or None), country, rule


def common_word(text: str) -> bool:
    """A one-word PER span that the dictionary knows only as an ordinary word ("Сегодня")."""
    if " " in text or "." in text:
        return False
    parses = morph_vocab().parse(text.lower())
    known = [p for p in parses if p.is_known]
    return bool(known) and not any(
        any(t in p.tag for t in ("Name", "Surn", "Patr", "Geox", "Orgn")) or p.tag.POS == "NOUN" for p in known
    )


def can_be_in_case(word: str, ud_case: str) -> bool:
    """Apposition agrees in case; the tagger's single guess is not trusted, the word's forms are."""
    oc = UD_TO_OC_CASE.get(ud_case, "nomn")
    return any(p.tag.case == oc for p in morph_vocab().parse(word.lower()))


def name_mentions(doc, countries: list[CountryMention], dateline_end: int = 0) -> list[NameMention]:
    """PER spans that are people (noise removed), each with what its apposition says."""
    from ..lang.analysis import models

    vocab = models().morph_vocab
    out: list[NameMention] = []
    for sent_no, sent in enumerate(doc.sents, 1):
        for span in sent.spans:
            if span.type != "PER":
                continue
            if noise.in_dateline(span.start, dateline_end) or noise.is_chrome_word(span.text):
                continue
            if noise.is_place_name(span.text) or noise.misspelt_country(span.text):
                continue
            if any(c.start <= span.start < c.end for c in countries):
                continue  # "Азербайджан" tagged PER: the gazetteer knows better
            if common_word(span.text):
                continue  # "Сегодня, 18 мая …" read as a person
            if len(span.text) <= 4 and doc.text[span.stop : span.stop + 1] == ".":
                continue  # an abbreviated first name ("Серд. Бердымухамедов"), the surname is its own span
            normal = nominative_name(span, vocab)
            cases = {OC_TO_UD_CASE.get(name_case(span, vocab)[0])} | {t.feats.get("Case") for t in span.tokens}
            cases |= {OC_TO_UD_CASE.get(c) for c in _only_cases(span, vocab)}
            first, initial, surname = split_name(normal)
            i0 = next(i for i, t in enumerate(sent.tokens) if t.start >= span.start)
            role, rank, country, rule = read_apposition(sent.tokens, i0, countries, cases, doc.text)
            out.append(
                NameMention(
                    span.start,
                    span.stop,
                    span.text,
                    sent_no,
                    normal,
                    first,
                    initial,
                    surname,
                    role,
                    rank,
                    country,
                    rule,
                )
            )
    return out


UD_TO_OC_CASE = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
NAME_TAGS = ("Name", "Surn", "Patr")
# Endings that cannot be a nominative name ("-ом", "-ым", "-у"); a genitive-looking "-ов" is also
# the nominative of most surnames ("Тасмагамбетов"), so it proves nothing on its own.
UNAMBIGUOUS_ENDING_CASES = {"ablt", "datv"}


def nominative_name(span, vocab) -> str:
    """natasha's normal form, with the words it left as written put in the nominative.

    natasha keeps unknown names unchanged ("Сакеном Жасузаковым", "Яшара Гюлера"). A word is
    inflected only on evidence: the name's case (see ``name_case``) is one the word can be in,
    or the word cannot be nominative at all and its ending allows one case only ("Гуаньчжуном").
    Indeclinable foreign names ("Каво Драгоне", "Раси-заде") have neither and stay as written.
    """
    span.normalize(vocab)
    words = span.normal.split()
    written = [t.text for t in span.tokens]
    if len(words) != len(written):
        return " ".join(words)
    case, gender = name_case(span, vocab)
    out = []
    for word, original in zip(words, written, strict=True):
        if word == original and "." not in word:
            parses = [p for p in vocab.parse(word.lower()) if p.tag.POS == "NOUN" and p.tag.case]
            cases = {p.tag.case for p in parses}
            if case not in (None, "nomn") and case in cases:
                word = _inflect_name_word(word, case, gender, vocab)
            elif "nomn" not in cases and len(cases - {"loct"}) == 1 and cases & UNAMBIGUOUS_ENDING_CASES:
                word = _inflect_name_word(word, next(iter(cases - {"loct"})), gender, vocab)
        out.append(word)
    return " ".join(out)


def _only_cases(span, vocab) -> set[str]:
    """Cases of name words that cannot be nominative and fit one case only ("Гуаньчжуном")."""
    out = set()
    for token in span.tokens:
        cases = {p.tag.case for p in vocab.parse(token.text.lower()) if p.tag.POS == "NOUN" and p.tag.case}
        if "nomn" not in cases and len(cases - {"loct"}) == 1 and cases & UNAMBIGUOUS_ENDING_CASES:
            out |= cases - {"loct"}
    return out


def name_case(span, vocab) -> tuple[str | None, str | None]:
    """(OpenCorpora case, gender) of a name.

    From its first name when pymorphy2 knows it as a name in oblique cases only ("сакеном",
    "яшара"): the tagger often calls rare names nominative. Otherwise the tagger's case.
    """
    tagger_case = UD_TO_OC_CASE.get(span.tokens[-1].feats.get("Case"), "nomn")
    last = {p.tag.case for p in vocab.parse(span.tokens[-1].text.lower())}
    for token in span.tokens:  # "Хулуси Акаром": tagged Ins, Nom; "акаром" can be instrumental
        oc = UD_TO_OC_CASE.get(token.feats.get("Case"))
        if oc and oc in last:
            tagger_case = oc
            break
    if len(span.tokens) < 2:
        return tagger_case, None
    names = [p for p in vocab.parse(span.tokens[0].text.lower()) if "Name" in p.tag]
    if not names:
        return tagger_case, None
    if any(p.tag.case == "nomn" for p in names):
        # the first name's gender counts only if it can be in the name's case ("Хулуси" is not "Хулуся")
        fitting = [p for p in names if p.tag.case == tagger_case]
        return tagger_case, fitting[0].tag.gender if fitting else None
    cases = [p.tag.case for p in names]
    return (tagger_case if tagger_case in cases else cases[0]), names[0].tag.gender


def _inflect_name_word(word: str, oc_case: str, gender: str | None, vocab) -> str:
    parses = [p for p in vocab.parse(word.lower()) if p.tag.case == oc_case and p.tag.POS == "NOUN"]
    if gender:
        parses = [p for p in parses if p.tag.gender is None or str(p.tag.gender) == gender or "ms-f" in p.tag]
    parses.sort(key=lambda p: not any(t in p.tag for t in NAME_TAGS))  # name and surname parses first
    for parse in parses:
        # natasha's MorphForm.inflect takes UD grammemes; pymorphy2's own takes OpenCorpora ones
        inflected = PymorphyParse.inflect(parse, {"nomn", "sing"}) if "Pltm" not in parse.tag else None
        inflected = inflected or PymorphyParse.inflect(parse, {"nomn"})
        # the nominative of an oblique form of a name is shorter ("Гюлера" → "Гюлер"); a longer
        # result means pymorphy2 read the word as some other noun's plural
        if inflected is not None and len(inflected.word) < len(word):
            new = inflected.word
            return "-".join(part.capitalize() for part in new.split("-")) if word[:1].isupper() else new
    return word


def group_people(mentions: list[NameMention]) -> list[Person]:
    """One Person per individual: full names first, then initials and bare surnames join them."""
    people: list[Person] = []
    for m in sorted(mentions, key=lambda m: (m.first is None, m.start)):
        if m.first:
            match = next(
                (
                    p
                    for p in people
                    if same_surname(p.surname, m.surname)
                    and any(fold(x.first or "") == fold(m.first) for x in p.mentions)
                ),
                None,
            )
        elif m.initial:
            match = next(
                (
                    p
                    for p in people
                    if same_surname(p.surname, m.surname)
                    and any(fold((x.first or x.initial or "?")[0]) == fold(m.initial) for x in p.mentions)
                ),
                None,
            )
        else:
            same = [p for p in people if same_surname(p.surname, m.surname)]
            before = [p for p in same if min(x.start for x in p.mentions) < m.start]
            match = (before or same or [None])[-1 if before else 0]
        if match is None:
            match = Person()
            people.append(match)
        match.mentions.append(m)
    for p in people:
        p.mentions.sort(key=lambda m: m.start)
        p.role = p.first_of("role")
        p.role_rule = "apposition" if p.role else None
    people.sort(key=lambda p: p.mentions[0].start)
    return people


def person_id(article_id: str, name: str) -> str:
    return "per_" + hashlib.sha1(f"{article_id}|{fold(name)}".encode()).hexdigest()[:16]


def person_rows(
    article_id: str, body: str, doc, countries: list[CountryMention], dateline_end: int = 0, year: int | None = None
):
    """Rows of ``persons`` and ``person_mentions`` for one article (``year``: of publication, when known)."""
    people = group_people(name_mentions(doc, countries, dateline_end))
    apply_plural_roles(doc, countries, people)
    for p in people:
        if p.country is None:
            # the text does not say whom the person represents; a well-known official's post does
            code = officials.country_of(p.name, year)
            if code:
                p.mentions[0].country, p.mentions[0].rule = code, "official_gazetteer"
    sents = doc.sents
    persons, mentions = [], []
    for p in people:
        pid = person_id(article_id, p.name)
        first = p.mentions[0]
        sent = sents[first.sentence_no - 1]
        persons.append(
            {
                "person_id": pid,
                "article_id": article_id,
                "name": p.name,
                "surname": split_name(p.name)[2],
                "role": p.role,
                "rank": p.first_of("rank"),
                "country_iso3": p.country,
                "mention_count": len(p.mentions),
                "role_rule": p.role_rule,
                "evidence": body[sent.start : sent.stop],
                "evidence_start": sent.start,
                "evidence_end": sent.stop,
            }
        )
        for m in p.mentions:
            mentions.append(
                {
                    "person_id": pid,
                    "article_id": article_id,
                    "sentence_no": m.sentence_no,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "normal": m.normal,
                    "role": m.role,
                    "rank": m.rank,
                    "country_iso3": m.country,
                    "rule": m.rule,
                }
            )
    return persons, mentions


def apply_plural_roles(doc, countries: list[CountryMention], people: list[Person]) -> None:
    """'Министры обороны Грузии и Азербайджана …': the post of each named country's person without one."""
    for sent in doc.sents:
        tokens = sent.tokens
        for i, t in enumerate(tokens):
            lemma = (t.lemma or "").lower()
            if not is_role_head(lemma) or t.feats.get("Number") != "Plur":
                continue
            dependents, codes, j = [], [], i + 1
            while j < len(tokens):
                tj = tokens[j]
                mention = _covering(countries, tj.start)
                if mention is not None:
                    codes.extend(mention.codes)
                    while j < len(tokens) and tokens[j].start < mention.end:
                        j += 1
                    continue
                if codes and tj.text.lower() in {"и", ","}:
                    j += 1
                    continue
                if not codes and tj.pos in ("NOUN", "ADJ") and tj.feats.get("Case") == "Gen":
                    dependents.append(tj.text)
                    j += 1
                    continue
                break
            if len(set(codes)) < 2:
                continue
            role = canonical_role([nominative(t.text, t.feats.get("Case"), "NOUN"), *dependents])
            # only counterparts: a person named as someone's colleague or by military rank
            for p in people:
                counterpart = any(m.rule == "colleague" or m.rank for m in p.mentions)
                if p.role is None and p.country in codes and counterpart:
                    p.role, p.role_rule = role, "plural_post"
