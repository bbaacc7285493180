"""Pandera models for every table the pipeline writes: the contract, checked at each asset boundary."""

from .articles import ArticlesSchema
from .source_files import SourceFilesSchema

__all__ = ["ArticlesSchema", "SourceFilesSchema"]
