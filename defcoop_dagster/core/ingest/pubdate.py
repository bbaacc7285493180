"""Publication date, dateline place and agency, read from an article's header and lead."""

import re
from dataclasses import dataclass, replace

from ..lang import lexicon
from ..lang.dates import PartialDate, parse_date, year_by_weekday
from ..lang.dates.vocabulary import RELATIVE_DAYS, weekday_number

_MONTH_WORD = r"[А-Яа-яЁё]{3,9}\.?"
# Dates that carry a year, as sites print them above an article.
DATE_WITH_YEAR = re.compile(
    rf"\b\d{{1,2}}\s+{_MONTH_WORD}\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\b"
)
TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
FOUR_DIGITS = re.compile(r"\d{4}")  # in every date of DATE_WITH_YEAR
# "ТБИЛИСИ, 24 апр — Sputnik." / "АЛМА-АТА, 31 октября. /ТАСС/." / "Москва. 21 февраля. INTERFAX.RU - " /
# "Баку, 3 июня 2009 г. — ИА Регнум." / "Ташкент. 8 октября. УзТАГ – " (an agency's capitals may hold
# small letters) / a press office's "Минск, 28 апреля 2025 г. Министр …" (no agency: see parse_dateline)
DATELINE = re.compile(
    r"^(?P<place>[А-ЯЁA-Z][А-ЯЁA-Zа-яё\-]*(?:[ \-][А-ЯЁA-Z][А-ЯЁA-Zа-яё\-]*){0,2})[,.]\s+"
    r"(?P<date>\d{1,2}\s+" + _MONTH_WORD + r")(?:,?\s+(?P<year>\d{4})(?:\s*(?:г\.|года))?)?"
    r"(?:,?\s+\d{1,2}:\d{2})?\s*[.,]?\s*"  # "Азербайджан, 3 июня, 2009, 09:34 — ИА Регнум."
    r"(?:[-—–]\s*(?P<a1>[^.\n]{2,40}?)\.(?:\s|$)|/(?P<a2>[^/\n]{2,30})/\.?\s*"
    r"|(?P<a3>[A-ZА-ЯЁ](?=[\w.\-]*[A-ZА-ЯЁ])[A-Za-zА-Яа-яЁё.\-]{2,})\s*[-—–]\s*"
    r"|(?<=\.)(?P<bare>\s*)(?=[А-ЯЁA-Z«\"]|$))"
)
# "передает Tengrinews.kz", "сообщает ИТАР-ТАСС", "Как передает AZE.az". Agencies in Cyrillic
# capitals are named from a list (words/news_agencies.txt): "сообщает МО РФ" is a ministry, not an agency.
AGENCY_CITED = re.compile(
    r"\b(?:передает|передаёт|сообщает|сообщило|пишет|информирует)\s+(?:агентство\s+|портал\s+|издание\s+)?"
    r"(?P<agency>"
    + "|".join(re.escape(a) for a in sorted(lexicon.words("news_agencies"), key=lambda a: (-len(a), a)))
    + r"|[A-Z][\w\-]*(?:\.[a-z]{2,4})+|[A-Z][A-Za-z]{2,}|[A-Z]{3,})(?![\w-])"
)
THIS_YEAR = re.compile(r"\b(?:этом|текущем|нынешнем)\s*,?\s+(\d{4})\s+году\b")
LEADING_STAMP = re.compile(
    r"^\s*(?:date|дата|опубликовано)\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s*",
    re.IGNORECASE,
)


# "Опубликовано 27 августа 2018 в 12:35", "Дата публикации: 12.03.2019": a site's line, often at the foot
PUBLISHED_LINE = re.compile(
    r"^(?:опубликовано|дата публикации|дата размещения)\s*:?\s*(?P<rest>.{6,40})$", re.IGNORECASE
)


def bare_date_line(line: str) -> bool:
    """A line that is nothing but a date with its year ("14.11.2024", "20.11.2018 11:56"): page chrome."""
    # every line of every article comes here: most have no year, which a plain scan for four digits tells
    if not line.strip() or not FOUR_DIGITS.search(line) or DATE_WITH_YEAR.search(line) is None:
        return False
    return not TIME.sub(" ", DATE_WITH_YEAR.sub(" ", line, count=1)).strip(" |,–—-")


def publication_line(line: str) -> PartialDate | None:
    """The date of a line that says when the page was published, with its year; None otherwise."""
    m = PUBLISHED_LINE.match(line.strip())
    date = DATE_WITH_YEAR.search(m.group("rest")) if m else None
    value = parse_date(date.group(0)) if date else None
    return value if value is not None and value.year is not None else None


@dataclass(frozen=True)
class Dateline:
    place: str
    date: PartialDate | None
    agency: str | None
    end: int  # offset in the line where the lead sentence starts


def date_in_header_line(line: str) -> PartialDate | None:
    """The date of a stamp line ("18 мая 2021 | 20:06", "Фото – mil.ru 21 июня 2019 в 18:23").

    A stamp is a date with at most three other words (a rubric, a credit, a byline) that opens
    the line, carries a time, or is set off by a separator. A caption such as "Аделина Сотникова
    12 ноября 2011 года" or a first sentence with a date is none of these.
    """
    s = line.strip()
    if len(s) > 90 or s.startswith(("•", "·")):
        return None
    rest = TIME.sub(" ", DATE_WITH_YEAR.sub(" ", s))
    if len(re.findall(r"[A-Za-zА-Яа-яЁё]{2,}", re.sub(r"\b(?:года|год|г)\b", " ", rest))) > 3:
        return None
    for m in DATE_WITH_YEAR.finditer(s):
        value = parse_date(m.group(0))
        if value is None or value.day is None:
            continue
        before = s[: m.start()].rstrip()
        if not before or TIME.search(s) or before.endswith((",", "|", "-", "–", "—", ":", ")")):
            return value
    return None


def is_date_line(line: str) -> bool:
    """A stamp line: removed from the body once its date is read."""
    return date_in_header_line(line) is not None


def parse_dateline(line: str) -> Dateline | None:
    m = DATELINE.match(line.strip())
    if not m:
        return None
    place_raw = m.group("place")
    # "Москва" in a dateline is fine; a capitalised sentence start ("Министр обороны, 5 ...") is not.
    if not place_raw.isupper() and len(place_raw.split()) > 1:
        return None
    date = parse_date(" ".join(filter(None, (m.group("date").rstrip("."), m.group("year")))))
    if date is None:
        return None
    if m.group("bare") is not None and not bare_dateline(place_raw, m.group("year")):
        return None
    agency = (m.group("a1") or m.group("a2") or m.group("a3") or "").strip(" .-—–") or None
    offset = len(line) - len(line.lstrip())
    return Dateline(place=title_case(place_raw), date=date, agency=agency, end=offset + m.end())


def bare_dateline(place: str, year: str | None) -> bool:
    """A dateline with no agency after it: a place in capitals, or a place and a date with its year.
    Its first word may not be a day's name: "Сегодня, 18 мая." or "Вторник, 5 мая." opens a sentence."""
    word = place.split()[0].split("-")[0].lower()
    if word in RELATIVE_DAYS or weekday_number(word) is not None:
        return False
    return place.isupper() or year is not None


def title_case(place: str) -> str:
    """'НЬЮ-ДЕЛИ' -> 'Нью-Дели'; a place already in mixed case stays as written."""
    if not place.isupper():
        return place
    return re.sub(r"[А-ЯЁA-Z]+", lambda w: w.group(0).capitalize(), place)


def cited_agency(text: str) -> str | None:
    m = AGENCY_CITED.search(text)
    return m.group("agency") if m else None


def leading_stamp(line: str) -> tuple[PartialDate, int] | None:
    """A crawl stamp glued before the text (" date 2025-10-31 Находящийся …"): date and its end."""
    m = LEADING_STAMP.match(line)
    if not m:
        return None
    value = parse_date(m.group(1))
    return (value, m.end()) if value else None


def infer_publication_year(date: PartialDate, body: str) -> PartialDate:
    """Give a day-month without a year its year, only from evidence in the text.

    Evidence: "в этом, 2019 году"; or the same day and month written with its weekday
    ("во вторник, 26 ноября") and the latest year the text mentions as the earliest possible.
    """
    if date.year is not None or date.month is None:
        return date
    this_year = THIS_YEAR.search(body)
    if this_year:
        return replace(date, year=int(this_year.group(1)), inferred=True)
    if date.day is None:
        return date
    year = year_by_weekday(body, date.month, date.day)
    return replace(date, year=year, inferred=True) if year else date


__all__ = [
    "Dateline",
    "cited_agency",
    "date_in_header_line",
    "infer_publication_year",
    "is_date_line",
    "leading_stamp",
    "publication_line",
    "parse_dateline",
]
