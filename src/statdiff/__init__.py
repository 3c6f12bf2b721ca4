"""statdiff: read Illinois statute and bill text, understand its structure,
and show precisely what changed between two versions.

`statdiff.parse` and `statdiff.diff` (`api.py`) are imported when first used
(PEP 562), so `import statdiff.cli` and `statdiff --help` load no stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from statdiff.errors import StatdiffError

if TYPE_CHECKING:
    from statdiff.api import diff, parse

__all__ = ["parse", "diff", "StatdiffError"]
__version__ = "0.1.0"

_LAZY = {"parse": "statdiff.api", "diff": "statdiff.api"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # found once: the next lookup is an ordinary attribute
        return value
    raise AttributeError(f"module 'statdiff' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
