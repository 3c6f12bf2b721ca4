"""The struck-and-new pairs a plain printing seems to print (`Document.suspected_strikes`,
looked for by `compare.struck` for `statdiff parse`). Its own module, imported when they are
first looked for, so that a comparison of two texts does not create its class."""

from __future__ import annotations

from dataclasses import dataclass

from statdiff.model.text import SourceSpan


@dataclass(frozen=True, slots=True)
class SuspectedStrike:
    """Two runs printed side by side that read as struck and new (`statdiff parse`)."""

    path: str  # the node holding them
    struck: str
    new: str
    kind: str  # the class they share (`number`, `amount`, `modal` ...) or `variant`
    source: SourceSpan | None

    def to_json(self) -> dict:
        return {"path": self.path, "struck": self.struck, "new": self.new, "kind": self.kind,
                "source": self.source.to_json() if self.source else None}

    def describe(self) -> str:
        """`815 ILCS 530/10(a) at 2:24: “30 45” (number)`."""
        at = f" at {self.source}" if self.source is not None and self.source.known else ""
        return f"{self.path}{at}: “{self.struck} {self.new}” ({self.kind})"
