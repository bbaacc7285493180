"""Page chrome and datelines, which natasha reads as entities: «Фото-Видео», «ТБИЛИСИ, 24 апр»."""

import re

from ...lang import lexicon
from ...lang.spelling import fold

_SEPARATORS = re.compile(r"[\s\-‐‑–—/,|•:]+")
_CREDIT = re.compile(r"©|\(c\)|^(?:фото|видео|photo|источник|автор фото)\s*[:©]", re.IGNORECASE)


def is_chrome_word(text: str) -> bool:
    """True for page chrome read as an entity: «Фото-Видео», «ПОДЕЛИТЬСЯ», «Фото», «Читайте также»
    (``words/page_chrome.txt``), photo credits («Фото ©REUTERS»).  «Sputnik» and other agencies
    are not chrome."""
    s = text.strip().strip("«»\"'“”„()[]!.")
    if not s:
        return False
    if _CREDIT.search(s):
        return True
    return _SEPARATORS.sub(" ", fold(s)).strip() in lexicon.words("page_chrome")


def in_dateline(start: int, dateline_end: int) -> bool:
    """True if a span starting at ``start`` lies in the dateline («ТБИЛИСИ, 24 апр — Sputnik.»),
    which ends at ``dateline_end`` (0 when the article has none)."""
    return 0 <= start < dateline_end
