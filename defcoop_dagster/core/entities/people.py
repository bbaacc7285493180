"""People of an article: their name mentions grouped into persons, and the rows of both tables.

Input is natasha's analysis of the body (PER spans, tokens with morphology) and the country
mentions of the gazetteer. A name is put in the nominative (``name_forms``), its role and
country are read from its apposition (``apposition``) or from posts written beside a list of
names or away from any name (``posts``), mentions by surname or initials ("Гасанов",
"З.Гасанов") are merged into the full name, and a state the text leaves unsaid is found last
(``represented``).
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..gazetteers import officials
from ..gazetteers.countries import CountryMention
from ..lang.morph import morph_vocab
from ..lang.spelling import fold
from . import noise
from .apposition import read_apposition
from .name_forms import NameReading, name_cases, read_name, settle_name
from .posts import apply_colleague_roles, apply_plural_roles, apply_posts_beside_lists, posts_written
from .represented import assign_states

INITIALS = re.compile(r"^(?P<i1>[А-ЯЁA-Z])\.\s*(?:(?P<i2>[А-ЯЁA-Z])\.\s*)?(?P<last>[А-ЯЁA-Z][\w\-]+)$")


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
    reading: NameReading | None = None
    this_country: bool = False  # the apposition names the state by «этой страны»

    def recase(self, case: str) -> None:
        """Read the name again as standing in ``case`` (OpenCorpora), told by a post it goes with."""
        if self.reading is not None and self.reading.case in (None, "nomn") and case != self.reading.case:
            self.reading = replace(self.reading, case=case)
            self.normal = " ".join(self.reading.candidates()[0])
            self.first, self.initial, self.surname = split_name(self.normal)

    @property
    def surname_forms(self) -> set[str]:
        """The nominatives its surname may have («Лианга»: лианг, лианга), lower case."""
        if self.reading is None:
            return {fold(self.surname)}
        return {fold(o[-1].rpartition(".")[2] or o[-1]) for o in self.reading.candidates()}

    @property
    def first_forms(self) -> set[str]:
        if self.reading is None or not self.first:
            return {fold(self.first or "")}
        return {fold(o[0]) for o in self.reading.candidates()}


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
        readings = [m.reading for m in self.mentions if m.reading is not None]
        if readings:
            return " ".join(settle_name(readings))
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


def same_surname(a: str, b: str) -> bool:
    """'Алиев' and 'Алиева' are one family name in two genders."""
    a, b = fold(a), fold(b)
    return a == b or a + "а" == b or b + "а" == a


def _same_family(person: Person, mention: NameMention) -> bool:
    """The mention's surname is the person's: one of its possible nominatives is one of theirs
    («Лианга» and «Лианг»), or the same name in the other gender («Алиев», «Алиева»)."""
    return same_surname(person.surname, mention.surname) or any(
        x.surname_forms & mention.surname_forms for x in person.mentions
    )


def split_name(normal: str) -> tuple[str | None, str | None, str]:
    """(first name, initial, surname) of a nominative name."""
    m = INITIALS.match(normal)
    if m:
        return None, m.group("i1"), m.group("last")
    words = normal.split()
    if len(words) == 1:
        return None, None, words[0]
    return words[0], words[0][0], words[-1]


def common_word(text: str) -> bool:
    """A one-word PER span that the dictionary knows only as an ordinary word ("Сегодня")."""
    if " " in text or "." in text:
        return False
    parses = morph_vocab().parse(text.lower())
    known = [p for p in parses if p.is_known]
    return bool(known) and not any(
        any(t in p.tag for t in ("Name", "Surn", "Patr", "Geox", "Orgn")) or p.tag.POS == "NOUN" for p in known
    )


def name_mentions(doc, countries: list[CountryMention], dateline_end: int = 0) -> list[NameMention]:
    """PER spans that are people (noise removed), each with what its apposition says."""
    out: list[NameMention] = []
    for sent_no, sent in enumerate(doc.sents, 1):
        previous = None  # the last name of the sentence and its reading, for «X и Y»
        for span in noise.join_split_names(doc.text, sent.spans):
            person = span.type == "PER" or (span.type in ("ORG", "LOC") and noise.looks_like_person(span.text))
            if not person or noise.is_gloss(doc.text, span.start, span.stop):
                continue
            span = noise.without_gloss(doc.text, span)  # «Лианг Гуангли (Liang Guanglie)»
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
            cases = name_cases(span)
            i0 = next(i for i, t in enumerate(sent.tokens) if t.start >= span.start)
            said = read_apposition(sent.tokens, i0, countries, cases, doc.text)
            reading = read_name(span, sent.tokens, i0, said.case, _conjunct_case(doc.text, span, previous))
            previous = (span, reading)
            normal = " ".join(reading.candidates()[0])
            first, initial, surname = split_name(normal)
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
                    said.role,
                    said.rank,
                    said.country,
                    said.rule,
                    reading,
                    said.this_country,
                )
            )
    return out


def _conjunct_case(text: str, span, previous) -> str | None:
    """The case of the name «Y» of «X и Y» / «X, Y»: that of X, when X's was read from context."""
    if previous is None:
        return None
    before, reading = previous
    between = text[before.stop : span.start].strip()
    return reading.case if between in ("и", ",") and reading.case not in (None, "nomn") else None


def group_people(mentions: list[NameMention]) -> list[Person]:
    """One Person per individual: full names first, then initials and bare surnames join them."""
    people: list[Person] = []
    for m in sorted(mentions, key=lambda m: (m.first is None, m.start)):
        if m.first:
            match = next(
                (
                    p
                    for p in people
                    if _same_family(p, m) and any(x.first_forms & m.first_forms for x in p.mentions if x.first)
                ),
                None,
            )
        elif m.initial:
            match = next(
                (
                    p
                    for p in people
                    if _same_family(p, m)
                    and any(fold((x.first or x.initial or "?")[0]) == fold(m.initial) for x in p.mentions)
                ),
                None,
            )
        else:
            same = [p for p in people if _same_family(p, m)]
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
    named = name_mentions(doc, countries, dateline_end)
    apply_posts_beside_lists(doc, countries, named)
    people = group_people(named)
    apply_plural_roles(doc, countries, people)
    written = posts_written(doc, countries)
    assign_states(doc, people, countries, year)
    apply_colleague_roles(people)  # once every state is known: a colleague is of another state
    for p in people:
        if p.role is None:
            # nor what post they hold: a well-known official's post, if the article writes it
            # somewhere ("министр обороны России примет участие", "встреча министров обороны")
            p.role = officials.post_of(p.name, year, p.country, among=written)
            p.role_rule = "official_gazetteer" if p.role else None
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
