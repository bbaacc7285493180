"""Events: articles + their entity rows + their analysed sentences → the contract's five event
tables: ``meetings``, ``meeting_countries``, ``meeting_participants``, ``agreements``,
``agreement_parties``, every row with the sentence and offsets it was read from.

In: an article row, its persons, person_mentions and mentions, its sentences. Out: rows.
"""
