"""Reader's notes: a YAML or TOML file of remarks keyed by node path.

    "815 ILCS 530/10(a)": "Compare the 72-hour rule in SB 731."
    "815 ILCS 530/5": ["Definitions reused in Sec. 10.", "See also 2019 audit."]

`load_notes` reads and checks the file; `match_notes` finds each note's node in
either text of a comparison, so the redline can print it beside that node.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import yaml

from statdiff.annotate.phrases import quote
from statdiff.errors import StatdiffError, display_name
from statdiff.model import Comparison, Node, SectionComparison

MAX_NOTES_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReaderNote:
    """Remarks for one node. `section` is the path of the section holding it;
    `path` equals `section` for a note on the section as a whole."""

    path: str
    texts: tuple[str, ...]
    section: str


def load_notes(path: Path | str) -> dict[str, str | list[str]]:
    """Read a notes file (.yaml, .yml or .toml): a mapping of node path to a text or a list of texts."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".toml"):
        raise StatdiffError(f"notes file {display_name(path)}: expected a .yaml, .yml or .toml file")
    raw = _read_text(path)
    if suffix == ".toml":
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as error:
            raise StatdiffError(f"notes file {display_name(path)}: not valid TOML ({_one_line(error)})") from None
    else:
        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as error:
            raise StatdiffError(f"notes file {display_name(path)}: not valid YAML ({_one_line(error)})") from None
    return _checked(path, data)


NOTES_ARE = "notes are a YAML or TOML file of remarks keyed by node path"


def _read_text(path: Path) -> str:
    """The notes file's text, read as inputs are: through `read_bounded`, so a device
    is refused and a pipe, a FIFO or /dev/zero behind a symlink is read no further
    than the limit, whatever size it reports."""
    from statdiff.read.decode import read_bounded

    name = f"notes file {display_name(path)}"
    data = read_bounded(path, MAX_NOTES_BYTES, name, accepts=NOTES_ARE, limit_hint="", allow_empty=True)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StatdiffError(f"{name}: not UTF-8 text") from None


def _one_line(error: Exception) -> str:
    return display_name(" ".join(str(error).split()), limit=200)


def _checked(path: Path, data: object) -> dict[str, str | list[str]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise StatdiffError(f"notes file {display_name(path)}: expected a mapping of node path to note text")
    notes: dict[str, str | list[str]] = {}
    for key, value in data.items():
        if not isinstance(key, str) or not key.strip():
            raise StatdiffError(f"notes file {display_name(path)}: the key {quote(display_name(key), limit=None)} is not a node path")
        if isinstance(value, str):
            notes[key.strip()] = value
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            notes[key.strip()] = list(value)
        else:
            raise StatdiffError(
                f"notes file {display_name(path)}: the note for {quote(display_name(key), limit=None)} must be a text or a list of texts"
            )
    return notes


def match_notes(notes: dict[str, str | list[str]], comparison: Comparison) -> tuple[list[ReaderNote], list[str]]:
    """Attach each note to the section holding its node; warn about notes that match no node."""
    sections = _section_of_every_path(comparison)
    matched: list[ReaderNote] = []
    warnings: list[str] = []
    for path, value in notes.items():
        texts = (value,) if isinstance(value, str) else tuple(value)
        texts = tuple(text.strip() for text in texts if text.strip())
        if not texts:
            continue
        section = sections.get(path)
        if section is None:
            warnings.append(f"note for {quote(path, limit=None)} matches no node of either text")
            continue
        matched.append(ReaderNote(path, texts, section))
    return matched, warnings


def _section_of_every_path(comparison: Comparison) -> dict[str, str]:
    sections: dict[str, str] = {}
    for section in comparison.sections:
        sections.setdefault(section.path, section.path)
        for node in _nodes_of(section):
            sections.setdefault(node.path, section.path)
    return sections


def _nodes_of(section: SectionComparison) -> list[Node]:
    nodes: list[Node] = []
    for root in (section.old, section.new):
        if root is not None:
            nodes.extend(root.walk())
    for node_comparison in section.nodes:
        nodes.extend(node for node in (node_comparison.old, node_comparison.new) if node is not None)
    return nodes
