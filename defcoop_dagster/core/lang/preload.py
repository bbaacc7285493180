"""Imported by the extraction's fork server before it forks any worker: natasha's models, loaded
once there, are shared by every worker (copy-on-write) instead of loaded by each."""

from .analysis import models

models()
