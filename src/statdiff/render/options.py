"""What a renderer may be asked besides its subject (each renderer reads what it needs)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class RenderOptions:
    view: str = "inline"  # HTML: "inline" or "side-by-side"
    context: int = 8  # terminal: words of context around each change
    color: bool = True  # terminal: colour and styles (False: plain text, marks as {+...+} / [-...-])
    stdout: bool = False  # terminal: laid out for standard output (its width; colour if it is a terminal)
    console: Any = None  # terminal: the rich Console to lay the text out for, instead
