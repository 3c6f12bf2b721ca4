"""Planning a batch: the pairs a manifest lists, or a folder of pair folders holds.

Every pair becomes a `PairTask`, numbered in manifest order, with a unique name and a
unique, file-system-safe redline file name. A row that cannot be a pair (a path outside
the manifest's folder, a missing cell, a pair folder without exactly two files) is a
failed pair, never a stopped batch; only what makes the whole list unusable (an
unreadable manifest, no `new` column, no pairs) stops it. The rules are the README's
(`statdiff batch`).
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Iterable

from statdiff import pipeline
from statdiff.batch.pair import PairFiles, PairOptions, PairTask
from statdiff.errors import StatdiffError, display_name, os_reason

COLUMNS = ("old", "new", "name")
MANIFEST_IS = "a manifest is a CSV file with the header row old,new[,name] and one row a pair"
MANIFEST_LIMIT = 20 * 1024 * 1024  # about 100,000 pairs of long paths
# Names a redline never takes: the batch's own index, and the device names Windows reserves.
RESERVED_STEMS = frozenset(
    ["index", "changes", "con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)]
)
MAX_STEM = 80


@dataclass
class Plan:
    """The pairs of a batch, in manifest order, and what to say before it runs."""

    title: str
    tasks: list[PairTask]
    inputs: list[Path]  # every file the batch reads: no output may replace one
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Row:
    """A pair as listed, before it has its unique names."""

    name: str
    files: PairFiles
    where: str = ""  # `line 7` of a manifest, for a warning about its name


def plan_manifest(manifest: str | Path, options: PairOptions = PairOptions()) -> Plan:
    """The pairs a manifest lists (see the module docstring and the README's `statdiff batch`)."""
    path = Path(manifest)
    shown = f"manifest {display_name(path)}"
    text = pipeline.read_small_text(path, name=shown, limit=MANIFEST_LIMIT, accepts=MANIFEST_IS)
    folder = Path(os.path.abspath(path)).parent
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[_Row] = []
    try:
        columns = _header(reader, shown)
        for cells in reader:
            if any(cell.strip() for cell in cells):  # a blank line (or a row of empty cells) is skipped
                rows.append(_manifest_row(cells, columns, folder, f"line {reader.line_num}"))
    except csv.Error as error:
        raise StatdiffError(f"{shown}: not a readable CSV (line {reader.line_num}: {error})") from None
    if not rows:
        raise StatdiffError(f"{shown}: no pairs (a header row and no rows)")
    return _plan(f"statdiff batch: {path.name}", rows, [path], options, shown)


def _header(reader: Any, shown: str) -> dict[str, int]:
    """Column name -> cell index, from the first row that is not blank."""
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        columns: dict[str, int] = {}
        for position, cell in enumerate(cells):
            column = cell.strip().lower()
            if column not in COLUMNS:
                raise StatdiffError(f"{shown}: unknown column '{display_name(column)}' in the header row (expected old,new[,name])")
            if column in columns:
                raise StatdiffError(f"{shown}: the column '{column}' appears twice in the header row")
            columns[column] = position
        for needed in ("old", "new"):
            if needed not in columns:
                raise StatdiffError(f"{shown}: the header row has no '{needed}' column (expected old,new[,name])")
        return columns
    raise StatdiffError(f"{shown}: no header row (expected old,new[,name])")


def _manifest_row(cells: list[str], columns: dict[str, int], folder: Path, where: str) -> _Row:
    def cell(column: str) -> str | None:
        position = columns.get(column)
        value = cells[position].strip() if position is not None and position < len(cells) else ""
        return value or None

    first, second, name = cell("old"), cell("new"), cell("name")
    shown_name = name or (_without_suffix(second) if second else where)
    problem = None
    if len(cells) > len(columns):
        problem = f"{where}: {len(cells)} cells, but the header row names {len(columns)} columns (a path holding a comma must be quoted)"
    else:
        for column, value in (("old", first), ("new", second)):
            if value is None:
                problem = f"{where}: no {column} file"
                break
            problem = _outside(value, where)
            if problem:
                break
    if problem:
        return _Row(shown_name, PairFiles(first, second, problem=problem), where)
    assert first is not None and second is not None
    return _Row(shown_name, PairFiles(first, second, _inside(folder, first), _inside(folder, second)), where)


def _outside(relative: str, where: str) -> str | None:
    """Why a manifest path cannot be used: absolute, or leading out of the manifest's folder.
    (A symbolic link inside the folder is followed: it is the user's own choice.)"""
    if os.path.isabs(relative) or PurePosixPath(relative).is_absolute():
        return f"{where}: {display_name(relative)} is an absolute path; paths in a manifest are relative to its folder"
    normal = os.path.normpath(relative)
    if normal == os.pardir or normal.startswith(os.pardir + os.sep):
        return f"{where}: {display_name(relative)} is outside the manifest's folder; paths in a manifest stay inside it"
    return None


def _inside(folder: Path, relative: str) -> str:
    return os.path.join(folder, os.path.normpath(relative))


def _without_suffix(path: str) -> str:
    pure = PurePosixPath(path)
    return str(pure.with_suffix("")) if pure.suffix else path


def plan_folder(folder: str | Path, outdir: str | Path, options: PairOptions = PairOptions()) -> Plan:
    """The pairs of a folder of pair folders, in the order of the folders' names (code point
    order). Hidden entries (a name starting with `.`) are ignored, and so is OUTDIR when it
    lies inside the folder; files beside the pair folders are ignored."""
    root = Path(os.path.abspath(folder))
    shown = display_name(folder)
    if not root.exists():
        raise StatdiffError(f"{shown}: no such folder")
    if not root.is_dir():
        raise StatdiffError(f"{shown}: not a folder; --pairs-from takes a folder holding one sub-folder a pair")
    skip = os.path.realpath(outdir)
    pair_folders = [
        entry for entry in _entries(root, shown)
        if entry.is_dir() and os.path.realpath(entry) != skip
    ]
    if not pair_folders:
        raise StatdiffError(f"{shown}: no sub-folders; --pairs-from takes a folder holding one sub-folder a pair, each with its two versions")
    rows = [_folder_row(pair_folder) for pair_folder in pair_folders]
    return _plan(f"statdiff batch: {root.name}", rows, [], options, shown)


def _entries(folder: Path, shown: str) -> list[Path]:
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if not entry.name.startswith("."))
    except OSError as error:
        raise StatdiffError(f"{shown}: cannot list the folder ({os_reason(error)})") from None
    return [folder / name for name in names]


def _folder_row(pair_folder: Path) -> _Row:
    """A pair folder: exactly two files, told apart by their names (`old.*`, `new.*`) or,
    when neither is so named, by the versions' identity (decided by the worker)."""
    name = pair_folder.name
    shown = display_name(PurePosixPath(name))
    try:
        files = _entries(pair_folder, shown)
    except StatdiffError as error:
        return _Row(name, PairFiles(None, None, problem=str(error)))
    if len(files) != 2 or not all(path.is_file() for path in files):
        listed = ", ".join(display_name(path.name) for path in files[:5]) + (", ..." if len(files) > 5 else "")
        return _Row(name, PairFiles(None, None, problem=(
            f"{shown}: holds {listed or 'nothing'}; a pair's folder holds exactly two files, its two versions")))
    heads = [path.name.split(".", 1)[0].lower() for path in files]
    relative = [f"{name}/{path.name}" for path in files]
    if sorted(heads) == ["new", "old"]:
        old, new = (0, 1) if heads[0] == "old" else (1, 0)
        return _Row(name, PairFiles(relative[old], relative[new], str(files[old]), str(files[new])))
    if "old" in heads or "new" in heads:
        return _Row(name, PairFiles(None, None, problem=(
            f"{shown}: name its two files old.* and new.* (found {display_name(files[0].name)}, {display_name(files[1].name)})")))
    return _Row(name, PairFiles(relative[0], relative[1], str(files[0]), str(files[1]), by_version=True))


def _plan(title: str, rows: list[_Row], inputs: list[Path], options: PairOptions, shown: str) -> Plan:
    """Number the pairs, make their names unique (a repeated name gets ` #2`, said in a
    warning) and give each a unique redline file name."""
    warnings: list[str] = []
    seen: dict[str, str] = {}
    names = []
    for row in rows:
        name = row.name
        count = 2
        while name in seen:
            name = f"{row.name} #{count}"
            count += 1
        if name != row.name:
            first = seen[row.name]
            warnings.append(f"{shown}: {row.where or display_name(row.name)}: the name '{display_name(row.name)}'"
                            f" is also {first}'s; this pair is named '{display_name(name)}'")
        seen[name] = row.where or name
        names.append(name)
    files = redline_file_names(names)
    tasks = [
        PairTask(index, name, file, row.files, options)
        for index, (row, name, file) in enumerate(zip(rows, names, files))
    ]
    for task in tasks:
        if task.files.problem is None:
            inputs += [Path(task.files.first_path), Path(task.files.second_path)]
    return Plan(title, tasks, inputs, warnings)


def redline_file_names(names: Iterable[str]) -> list[str]:
    """A file name for each pair's redline: ASCII letters, digits, `.`, `_` and `-` only
    (accents dropped, anything else a `-`), at most 80 characters before `.html`, never a
    name Windows reserves or the batch's own `index`, and unique even on a file system that
    ignores case (`-2`, `-3`... added)."""
    taken = set(RESERVED_STEMS)
    files = []
    for name in names:
        stem = safe_stem(name)
        candidate, count = stem, 2
        while candidate.lower() in taken:
            candidate = f"{stem}-{count}"
            count += 1
        taken.add(candidate.lower())
        files.append(f"{candidate}.html")
    return files


def safe_stem(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name)
    stem = re.sub(r"([._-])[._-]+", r"\1", stem).strip("._-")[:MAX_STEM].rstrip("._-")
    return stem or "pair"
