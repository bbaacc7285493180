"""The language layer every stage reads: natasha's analysis as one token model (``tokens``),
pymorphy2 morphology, inflection of words and names, posts and ranks, the lexicon of word lists
kept as data (``lexicon``, ``words/``), and all date parsing and year resolution (``dates``).

In: text. Out: tokens, lemmas, nominative forms, dates. No rule about meetings lives here.
"""
