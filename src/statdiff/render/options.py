"""What a renderer may be asked besides its subject (each renderer reads what it needs)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: the layout, context and colour a command asked for (each renderer
    reads only its own)."""

    view: str = "inline"  # HTML: "inline" or "side-by-side"
    context: int = 8  # terminal: words of context around each change
    # terminal: colour and styles: True always, False never, None when the output is a terminal
    # and NO_COLOR is unset (`--color=always|never|auto`); marks {+...+} / [-...-] either way
    color: bool | None = None
    stdout: bool = False  # terminal: printed on standard output (else laid out for a string, 80 columns)
    console: Any = None  # terminal: the rich Console to lay the text out for, instead
