"""Which state a stretch of an apposition names: the mention covering a word, a delegation's states."""

from ..gazetteers.countries import CountryMention


def covering(countries: list[CountryMention], start: int) -> CountryMention | None:
    """The state or organisation mention (not a capital) that covers offset ``start``."""
    for m in countries:
        if m.start <= start < m.end and m.kind != "capital":
            return m
    return None


def delegation_state(tokens, k: int, countries: list[CountryMention]) -> str | None:
    """The state of a delegation written before «во главе с»: «делегация Вооруженных Сил Италии»;
    None for delegations of several («делегаций Армении и Франции во главе с …»)."""
    states = delegation_states(tokens, k, countries)
    return states[0] if len(states) == 1 else None


def delegation_states(tokens, k: int, countries: list[CountryMention]) -> list[str]:
    """The states of the genitive phrase ending at token ``k``, in the order written."""
    found: list[str] = []
    for t in reversed(tokens[max(0, k - 8) : k + 1]):
        mention = covering(countries, t.start)
        if mention is not None and len(mention.codes) == 1:
            found[:0] = [] if mention.codes[0] in found else [mention.codes[0]]
        elif t.feats.get("Case") != "Gen" and t.text not in (",", "и"):
            break
    return found
