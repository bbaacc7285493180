"""People natasha reads as organisations or places: «во главе с Левоном Айвазяном» tagged ORG.

A span of two or three capitalised words that opens with a first name pymorphy2's dictionary
knows (in the case it is written in, not by a guess) and ends in a surname — one the dictionary
knows, or one with a surname ending (``words/surname_endings.txt``) after its case ending — is a
person's name whatever natasha called it. Organisation and place names of that shape are rare
(«Юрий Гагарин» as a ship's name is still a person's name as written). natasha also cuts a name
in two at a patronymic (``join_split_names``).
"""

import re

from natasha.doc import DocSpan

from ...lang import lexicon, morph
from ...lang.names import first_name_reading, word_nominatives

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _surname_like(word: str, cases: frozenset[str]) -> bool:
    low = word.lower()
    if any("Surn" in p.tag for p in morph.parse(low) if len(p.methods_stack) == 1):
        return True
    endings = tuple(lexicon.words("surname_endings"))
    return any(form.lower().endswith(endings) for case in cases for form in word_nominatives(word, case))


def looks_like_person(text: str) -> bool:
    """«Левоном Айвазяном», «Наджмеддин Садыков»: a first name and a surname."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    cases, _ = first_name_reading(words[0])
    return bool(cases) and _surname_like(words[-1], cases)


# a patronymic in any case: Кужугетович(ем), Ивановн(а|ы|ой), Ильинична, Гейдар оглы
_PATRONYMIC = re.compile(r"(?:вич(?:а|у|ем|е)?|(?:вн|ичн)(?:а|ы|е|ой|у))$|^(?:оглы|кызы|улы)$", re.IGNORECASE)


def join_split_names(body: str, spans: list) -> list:
    """natasha ends a name at a patronymic it does not know and starts another at the surname
    («Сергеем Кужугетовичем» + «Шойгу»): a PER span ending in a patronymic and the PER span one
    space after it are one name."""
    out: list = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == "PER"
            and span.type == "PER"
            and body[prev.stop : span.start] == " "
            and _PATRONYMIC.search(prev.text.split()[-1])
        ):
            tokens = [*(prev.tokens or []), *(span.tokens or [])]
            out[-1] = DocSpan(prev.start, span.stop, "PER", body[prev.start : span.stop], tokens=tokens)
            continue
        out.append(span)
    return out
