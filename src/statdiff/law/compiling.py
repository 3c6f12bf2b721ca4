"""Regular expressions compiled when first used, not when their module is imported.

Compiling a pattern costs 0.1-0.5 ms, paid by every command that imports its module;
many patterns serve only some inputs (a bill's identity, an amendment's preamble, an HTML
page's charset) that a comparison of two statute texts never reads. `when_used(text,
flags)` stands for `re.compile(text, flags)`: the same pattern, compiled at its first
method call (`match`, `search`, ...), whose bound methods are then kept on the object so
that later calls cost what they cost on the compiled pattern. `.pattern` is the text.
"""

from __future__ import annotations

import re
from typing import Any, cast

# The methods kept once compiled (every matching method of re.Pattern).
_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "scanner")


class _CompiledWhenUsed:
    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the object does not hold: before the first use, every method
        # of re.Pattern; after it, the rest (`flags`, `groups`, `groupindex`).
        compiled = self.__dict__.get("_compiled") or self._compile()
        return getattr(compiled, name)

    def _compile(self) -> re.Pattern[Any]:
        compiled = re.compile(self.pattern, self._flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        self._compiled = compiled
        return compiled

    def __repr__(self) -> str:
        return f"when_used({self.pattern!r}, {self._flags})"


PATTERNS: list[_CompiledWhenUsed] = []  # every pattern made here (the tests check each against re.compile)


def when_used(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled at its first use."""
    lazy = _CompiledWhenUsed(pattern, flags)
    PATTERNS.append(lazy)
    return cast("re.Pattern[str]", lazy)


def when_used_bytes(pattern: bytes, flags: int = 0) -> re.Pattern[bytes]:
    """`re.compile(pattern, flags)` for a bytes pattern, compiled at its first use."""
    lazy = _CompiledWhenUsed(pattern, flags)
    PATTERNS.append(lazy)
    return cast("re.Pattern[bytes]", lazy)


def is_compiled(pattern: object) -> bool:
    """Whether a pattern made by `when_used` has been compiled yet."""
    return "_compiled" in vars(pattern)
