"""Canonical events: the reports of many articles (rows of ``meetings``, ``agreements`` and their
children) → one event per real-world meeting or document, with links from each report to its event,
and a defence flag with its reason on reports and events.

In: report rows with their countries, participants and articles' publication dates; the assignment
of reports to events of the previous run (merging is incremental). Out: event rows and link rows.
"""
