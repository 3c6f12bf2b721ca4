"""When a change's new text took effect, where the new text says so.

A change credited to a Public Act (`Change.attributed_to`, `P.A. 94-947`) took effect
on the date the new text's Source notes give that Act (`94-947, eff. 6-27-06`). A
change the new text makes itself (a bill) has no date the text states: none is given,
never one guessed (Word's `w:date` is then left out)."""

from __future__ import annotations

from datetime import date

from statdiff.law.public_acts import NUMBER, effective_dates
from statdiff.model import Document


def effective_dates_of(document: Document) -> dict[str, date]:
    """Every Public Act's effective date in the document's Source notes, by Act (`94-947`)."""
    found: dict[str, date] = {}
    for node in document.walk():
        if node.kind == "source_note":
            for act, effective in effective_dates(node.text).items():
                found.setdefault(act, effective)
    return found


def change_date(attributed_to: str | None, dates: dict[str, date]) -> date | None:
    """The date of a change credited to `attributed_to` (`P.A. 94-947`), if the text gives one."""
    match = NUMBER.search(attributed_to or "")
    return dates.get(f"{int(match[1])}-{int(match[2])}") if match else None
