"""Bytes to text: BOMs, strict UTF-8, then charset-normalizer with a Russian-news tie-break."""

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

# Legacy encodings Russian sites have used. charset-normalizer alone mistakes short KOI8-R for
# Shift-JIS and short cp1251 for cp1125; restricting a second pass to these fixes that.
CYRILLIC_ENCODINGS = ["cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "iso8859_5", "cp866"]
BOMS = [
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
]
FREQUENT_RU = set("оеаинтсрвлкм")
ORDINARY = set("«»—–…№“”„’ ")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is the reason shown to users."""


class EmptyText(DecodeError):
    """The bytes decode, to white space only (no other decoding would make them an article)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # what decoding had to drop, for source_files.note


def russian_plausibility(text: str) -> float:
    """How much a decoding looks like Russian prose: ordinary characters, frequent letters, lower case.

    A wrong single-byte decoding still yields Cyrillic letters, but with inverted case (KOI8-R
    read as cp1251), rare letters in every word, or symbols where capitals were (cp1251 read as
    mac_cyrillic).
    """
    letters = [c for c in text if "а" <= c.lower() <= "я" or c.lower() == "ё"]
    if not letters:
        return 0.0
    ordinary = sum(c.isascii() or c in ORDINARY for c in text) + len(letters)
    lower = sum(c.islower() for c in letters) / len(letters)
    frequent = sum(c.lower() in FREQUENT_RU for c in letters) / len(letters)
    return 2 * min(1.0, ordinary / len(text)) + lower + frequent


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte of ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for encoding, zeros in (("utf_16_le", odd), ("utf_16_be", even)):
        if zeros > 0.2 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    # Cyrillic in UTF-16 has 0x04 as the high byte instead of NUL.
    for encoding, high in (("utf_16_le", data[1::2]), ("utf_16_be", data[0::2])):
        if high.count(4) + high.count(0) > 0.6 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _candidates(data: bytes):
    for match in from_bytes(data):
        yield match.encoding, str(match)
    for match in from_bytes(data, cp_isolation=CYRILLIC_ENCODINGS):
        yield match.encoding, str(match)


def decode(data: bytes) -> Decoded:
    """Decode ``data`` or raise DecodeError with a reason a user understands."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _checked(*_cut_tail(data, encoding))
            except UnicodeDecodeError as e:
                raise DecodeError(f"has a {encoding} byte-order mark but does not decode: {e.reason}") from e
    try:
        return _checked(*_cut_tail(data, "utf_8"))
    except EmptyText:
        raise  # no-break spaces in UTF-8 are not a Cyrillic letter in cp1251
    except (UnicodeDecodeError, DecodeError):
        # UTF-16 Cyrillic without a BOM is valid UTF-8 full of control bytes: try it next
        pass
    text = _utf16_without_bom(data[: len(data) - len(data) % 2])
    if text is not None:
        note = _dropped(len(data) % 2, "UTF-16") if len(data) % 2 else None
        return _checked(text, "utf_16", note)
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")
    candidates = list(_candidates(data))
    if not candidates:
        raise DecodeError("binary or unknown encoding (no character set fits)")
    # ties (cp1251 and mac_cyrillic read most texts alike) go to the more common encoding
    best = max(candidates, key=lambda c: (russian_plausibility(c[1]), -_preference(c[0])))
    return _checked(best[1], best[0])


def _cut_tail(data: bytes, encoding: str) -> tuple[str, str, str | None]:
    """``data`` decoded strictly, except that a last character cut short (a file truncated in the
    middle of a multi-byte character) is dropped and noted rather than losing the whole article.
    Any other invalid byte raises UnicodeDecodeError."""
    if encoding == "utf_8_sig":  # its decoder counts positions after the BOM: decode that part as UTF-8
        text, _, note = _cut_tail(data[len(codecs.BOM_UTF8) :], "utf_8")
        return text, encoding, note
    try:
        return data.decode(encoding), encoding, None
    except UnicodeDecodeError as e:
        # "unexpected end of data" / "truncated data": only the end is broken, less than one
        # character (4 bytes at most in UTF-8, UTF-16 with a surrogate pair, UTF-32)
        if e.end != len(data) or len(data) - e.start >= 4 or "data" not in e.reason:
            raise
        return data[: e.start].decode(encoding), encoding, _dropped(len(data) - e.start, encoding)


def _dropped(count: int, encoding: str) -> str:
    name = codecs.lookup(encoding).name.upper().replace("_", "-")
    bytes_ = f"{count} byte{'s' if count > 1 else ''}"
    return f"the last {bytes_} (an incomplete {name} character) dropped: the file was cut short"


def _preference(encoding: str) -> int:
    name = codecs.lookup(encoding).name
    names = [codecs.lookup(e).name for e in CYRILLIC_ENCODINGS]
    return names.index(name) if name in names else len(names)


def _checked(text: str, encoding: str, note: str | None = None) -> Decoded:
    """Reject decodings that are still binary; normalise to NFC with Unix newlines."""
    if len(CONTROL.findall(text)) > max(2, 0.01 * len(text)):
        raise DecodeError("binary file (control characters in the decoded text)")
    text = CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise EmptyText("empty file (only white space)")
    return Decoded(text=text, encoding=codecs.lookup(encoding).name, note=note)


def check_prose(text: str) -> None:
    """Reject text that decodes but is not writing: numbers, symbols, a dump of some format."""
    compact = "".join(text.split())
    letters = sum(map(str.isalpha, compact))  # as a generator counts, in about half its time
    if letters < 0.3 * len(compact):
        raise DecodeError(f"not prose: only {letters} letters in {len(compact)} characters")
