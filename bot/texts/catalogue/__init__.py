"""The message catalogue, one module per feature, named after it.

Each module defines SV and EN dictionaries with the same keys, and holds every text of its
feature: what members see, the staff side, service errors, buttons and campaign summaries. A
text goes in `common` only when no single feature owns it: /help and the command menu, the names
of days and months, cancel and step replies, generic buttons and errors. A key is defined once
across all modules (`bot.texts` refuses duplicates at import). Every module here is merged:
a new feature's module needs no other edit.
"""

import importlib
import pkgutil
from types import ModuleType


def _modules() -> tuple[ModuleType, ...]:
    """Every module of this package (a new feature's module is found, not listed)."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__))
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in names)


CATALOGUE_MODULES = _modules()
