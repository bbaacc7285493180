"""Pandera models for every table the pipeline writes: the contract, checked at each asset boundary."""

from .articles import ArticlesSchema
from .entities import MentionsSchema, PersonMentionsSchema, PersonsSchema
from .source_files import SourceFilesSchema

__all__ = ["ArticlesSchema", "MentionsSchema", "PersonMentionsSchema", "PersonsSchema", "SourceFilesSchema"]
