"""Line-level rules that tell site chrome (menus, widgets, share buttons, credits) from article text.

Each rule has a name so that what was removed can be counted and audited. Rules look at one
stripped line; ``HEADER_ONLY`` rules apply only above the first prose line, where short
rubric and menu lines live and where the same shapes in the body would be real text.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

Rule = Callable[[str], bool]


def _rx(pattern: str, flags: int = re.IGNORECASE) -> Rule:
    compiled = re.compile(pattern, flags)
    return lambda line: bool(compiled.search(line))


def _short(rule: Rule, limit: int = 160) -> Rule:
    return lambda line: len(line) <= limit and rule(line)


SHARE_WORDS = (
    r"поделиться|подписаться|подписывайтесь.*|подпишитесь.*|читайте также.*|читать также.*|"
    r"советуем почитать|смотрите также.*|вернуться назад|назад|версия для печати|распечатать|"
    r"комментарии(\s*\(\d+\))?|оставить комментарий|join telegram|banner|реклама|"
    r"редакция реклама|социальные сети|новости партнеров|новости партнёров|главное|все новости|"
    r"новости|лента новостей|хроника|политика|в мире|общество|экономика|оборона|армия"
)

MESSENGER = _rx(
    r"telegram|телеграм(?:-канал|е)?\b|whatsapp|вконтакте|одноклассник|\bдзен|aitu|\bvk\b|tiktok|"
    r"youtube|facebook|instagram|соцсет"
)
CALL_TO_ACTION = _rx(
    r"\b(?:подписывайтесь|подпишитесь|присоединяйтесь|читайте нас|следите за|в нашем|на наш|"
    r"наш канал|join|subscribe)\b"
)

RULES: list[tuple[str, Rule]] = [
    ("share_or_menu", _rx(rf"^(?:[•·|\-–—]\s*)?(?:{SHARE_WORDS})\s*[:.!]?$")),
    # a messenger named with a call to follow it; "сообщил в своём Telegram-канале" is news
    ("messenger_promo", _short(lambda line: MESSENGER(line) and CALL_TO_ACTION(line))),
    ("subscribe_promo", _short(_rx(r"\b(подписывайтесь|присоединяйтесь|подпишитесь)\b"))),
    ("weather", _short(_rx(r"-?\d+\s*°\s*[cс]\b|\b\d+\s*[cс]°|^погода$|\bпогода\b.*°"), 80)),
    (
        "currency",
        _short(_rx(r"^курс(ы)? валют|\b(usd|eur|rub|gbp)\s*[-–—:]?\s*\d|^[а-яё]{2}\s+цб$|золото\s*[-–—]")),
    ),
    ("numbers_only", _rx(r"^[\d\s.,:;+\-–—%/|]+$")),
    ("view_counter", _short(_rx(r"^(?:просмотр(?:ов|а|ы)?|views?)\s*[:\-]?\s*\d+$|^\d+\s+просмотр|^👁"), 60)),
    (
        "photo_credit",
        _short(_rx(r"^[-–—\s]*(?:фото|видео|фото-видео|photo|источник фото)\s*(?:[:©–—\-]|$)|©"), 200),
    ),
    ("photo_caption", _short(_rx(r"фото из архива|архивное фото|^фото\b"), 200)),
    ("crawl_stamp", _rx(r"^[•·]\s*(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\b")),
    (
        "site_footer",
        _short(
            _rx(
                r"^официальный сайт\b|^все права защищены|^copyright|^при (?:полном или частичном )?"
                r"(?:использовании|цитировании)|^редакция сайта\b|^правительственный портал"
            ),
            200,
        ),
    ),
    ("ui_word", _short(_rx(r"\b(?:toggle|logo|menu|search|login|cookie)\b"), 80)),
]

# Shapes that are chrome only in the header, above the first prose line.
HEADER_ONLY: list[tuple[str, Rule]] = [
    # rubric and menu lines: one to three words, no digits, no sentence ending
    (
        "rubric",
        lambda line: 0 < len(line.split()) <= 3 and not re.search(r"\d|[.!?]$", line) and not has_verb(line),
    ),
    # words glued by an HTML flattening: "ХроникаВоенная операция", "QURESHIИсламабад"
    ("glued_menu", _short(_rx(r"[а-яёa-z][А-ЯЁ][а-яё]", 0), 80)),
    # banners in capitals: "РЕФЕРЕНДУМ ПО АЭС - 6 ОКТЯБРЯ"
    (
        "caps_banner",
        lambda line: (
            len(line.split()) >= 2
            and not re.search(r"[a-zа-яё]", line)
            and len(re.findall(r"[A-ZА-ЯЁ]", line)) >= 6
            and not re.match(r"^[А-ЯЁA-Z\- ]+[,.]\s+\d", line)
        ),
    ),
]


def has_verb(line: str) -> bool:
    """A finite verb or short participle: "Умер Алексей Жарков" is a headline, not a rubric."""
    from ..lang.morph import morph_vocab  # loaded once per process, only when a header needs it

    vocab = morph_vocab()
    for word in re.findall(r"[А-Яа-яЁё]+", line):
        form = vocab.parse(word.lower())[0]
        if form.tag.POS in ("VERB", "PRTS"):
            return True
    return False


@dataclass(frozen=True)
class LineVerdict:
    keep: bool
    rule: str | None = None


def classify(line: str, in_header: bool) -> LineVerdict:
    """Whether one line is article text, and if not, which rule says so."""
    s = line.strip()
    if not s:
        return LineVerdict(True)
    for name, rule in RULES:
        if rule(s):
            return LineVerdict(False, name)
    if in_header:
        for name, rule in HEADER_ONLY:
            if rule(s):
                return LineVerdict(False, name)
    return LineVerdict(True)


def is_prose(line: str) -> bool:
    """A line that reads as a paragraph of the article: long, with a sentence in it."""
    s = line.strip()
    return len(s) >= 100 and bool(re.search(r"[а-яёa-z]{3,}[.!?…»\"]", s))
