"""The layout shows the pipeline: a folder a stage, no stage importing a later one, no
renderer reaching past the view, no module too long to read, each folder introduced."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "statdiff"
MAX_LINES = 700

# The stages in pipeline order; a module may import its own stage and earlier ones.
ORDER = ["law", "model", "read", "structure", "amend", "compare", "annotate", "view", "render", "pipeline", "batch", "api",
         "cli"]
ANYWHERE = {"errors", "outputs"}  # the one error type and safe writing serve every stage


def stage_of(module: str) -> str:
    """`statdiff.compare.words` -> `compare`."""
    return module.split(".")[1] if module.count(".") else ""


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, path))
    return found


def imports_of(path: Path) -> set[str]:
    """Every statdiff module the file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("statdiff")}
        elif isinstance(node, ast.ImportFrom) and node.module == "statdiff":  # from statdiff import pipeline
            found |= {f"statdiff.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("statdiff."):
            found.add(node.module)
    return found


MODULES = modules()
NAMES = [name for name, _ in MODULES]
RENDERERS = [(name, path) for name, path in MODULES if stage_of(name) == "render"]


@pytest.mark.parametrize("name,path", MODULES, ids=NAMES)
def test_no_module_imports_a_later_stage(name, path):
    stage = stage_of(name)
    if stage not in ORDER:
        return  # statdiff/__init__, errors, outputs
    for imported in imports_of(path):
        other = stage_of(imported)
        if other in ANYWHERE or other == "" or other not in ORDER:
            continue
        assert ORDER.index(other) <= ORDER.index(stage), f"{name} ({stage}) imports {imported} ({other})"


@pytest.mark.parametrize("name,path", RENDERERS, ids=[name for name, _ in RENDERERS])
def test_renderers_read_the_view_and_the_model_only(name, path):
    reached = {stage_of(imported) for imported in imports_of(path)}
    assert reached <= {"render", "view", "model", "errors"}, name


def test_the_model_imports_nothing_else_of_statdiff():
    for name, path in MODULES:
        if stage_of(name) == "model":
            assert {stage_of(imported) for imported in imports_of(path)} <= {"model"}, name


@pytest.mark.parametrize("name,path", MODULES, ids=NAMES)
def test_no_module_is_over_700_lines(name, path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name}: {lines} lines"


@pytest.mark.parametrize("folder", ["model", "read", "compare", "annotate", "view", "render", "batch"])
def test_each_folder_says_what_its_stage_does(folder):
    docstring = ast.get_docstring(ast.parse((SRC / folder / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and len(docstring.split()) >= 40, folder


def test_batch_runs_call_the_pipeline_and_nothing_below_it():
    for name, path in MODULES:
        if stage_of(name) == "batch":
            reached = {stage_of(imported) for imported in imports_of(path)}
            assert reached <= {"pipeline", "batch", "model", "errors", "outputs"}, name  # the model: its types


def test_every_file_lives_in_a_stage_folder_or_is_one_of_the_top_level_modules():
    top = {path.stem for path in SRC.glob("*.py")}
    # collector: how every stage and the command line run the garbage collector (cross-cutting, as errors);
    # second_core: the pipeline's reading and building of NEW in a second process
    assert top <= {"__init__", "api", "cli", "collector", "errors", "outputs", "pipeline", "second_core"}
    folders = {path.name for path in SRC.iterdir() if path.is_dir() and (path / "__init__.py").exists()}
    assert folders <= {"law", "model", "read", "structure", "amend", "compare", "annotate", "view", "render", "batch"}
