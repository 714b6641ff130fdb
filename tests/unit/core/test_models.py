"""The models package: every feature module is imported (its tables known); the re-exports resolve."""

from __future__ import annotations

import enum
import importlib
import pkgutil
import sys

import bot.models as models
from bot.models import Base


def test_every_feature_module_is_imported_so_its_tables_are_in_the_metadata() -> None:
    modules = {f"bot.models.{info.name}" for info in pkgutil.iter_modules(models.__path__)}
    assert modules <= set(sys.modules)
    assert {mapper.class_.__module__ for mapper in Base.registry.mappers} <= modules
    assert len(Base.registry.mappers) == len(Base.metadata.tables)


def test_the_re_exports_name_models_and_enums_of_the_feature_modules() -> None:
    for name in models.__all__:
        value = getattr(models, name)
        if isinstance(value, type):  # NAMING is a plain dict
            assert getattr(importlib.import_module(value.__module__), name) is value, name
    exported_enums = {
        name
        for name in models.__all__
        if isinstance(getattr(models, name), type) and issubclass(getattr(models, name), enum.Enum)
    }
    assert exported_enums, "the re-exports name no enum at all"
