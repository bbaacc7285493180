"""Gazetteers: states and international organisations as Russian text names them (→ ISO3 or an
organisation code), and well-known officials with their posts over time, each with its data file
in ``data/``.

In: text or a name. Out: codes, canonical names, terms of office.
"""
