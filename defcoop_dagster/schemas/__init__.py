"""Pandera models for every table the pipeline writes: the contract, checked at each asset boundary."""

from .articles import ArticlesSchema
from .entities import MentionsSchema, PersonMentionsSchema, PersonsSchema
from .events import (
    AgreementPartiesSchema,
    AgreementsSchema,
    MeetingCountriesSchema,
    MeetingParticipantsSchema,
    MeetingsSchema,
)
from .source_files import SourceFilesSchema

__all__ = [
    "AgreementPartiesSchema",
    "AgreementsSchema",
    "MeetingCountriesSchema",
    "MeetingParticipantsSchema",
    "MeetingsSchema",
    "ArticlesSchema",
    "MentionsSchema",
    "PersonMentionsSchema",
    "PersonsSchema",
    "SourceFilesSchema",
]
