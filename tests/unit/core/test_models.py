"""The models package: every model and enum of its feature modules is importable from bot.models."""

from __future__ import annotations

import enum
import importlib
import pkgutil

import bot.models as models
from bot.models import Base


def test_every_mapped_class_is_exported() -> None:
    mapped = {mapper.class_.__name__ for mapper in Base.registry.mappers}
    assert mapped - set(models.__all__) == set()
    assert len(mapped) == len(Base.metadata.tables)


def test_every_enum_of_the_feature_modules_is_exported() -> None:
    defined = {
        name
        for info in pkgutil.iter_modules(models.__path__)
        for name, value in vars(importlib.import_module(f"bot.models.{info.name}")).items()
        if isinstance(value, type)
        and issubclass(value, enum.Enum)
        and value.__module__ == f"bot.models.{info.name}"
    }
    assert defined, "the scan found no enum at all"
    assert defined - set(models.__all__) == set()
