"""A bill section's amendatory instruction: `Meta.amends`, which only a bill's sections
carry. Its own module, imported when the structure stage first reads one (or when
`statdiff.model.AmendatoryInstruction` is first asked for), so that a comparison of two
statute texts, which holds none, does not create its class."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AmendatoryInstruction:
    """What a bill section says it does to an Act: `The Personal Information Protection Act
    (815 ILCS 530/) is amended by changing Sections 5 and 10 and by adding Section 12 as
    follows:`. Section numbers in the order printed, each once."""

    act: str | None  # the Act named, as printed (`Personal Information Protection Act`)
    citation: str | None  # its ILCS citation (`815 ILCS 530`): printed, or read off the Sections it restates
    changing: tuple[str, ...] = ()
    adding: tuple[str, ...] = ()
    repealing: tuple[str, ...] = ()
    renumbering: tuple[str, ...] | None = None  # None: the instruction renumbers nothing

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "act": self.act,
            "citation": self.citation,
            "changing": list(self.changing),
            "adding": list(self.adding),
            "repealing": list(self.repealing),
        }
        if self.renumbering is not None:
            out["renumbering"] = list(self.renumbering)
        return out
