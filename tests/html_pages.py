"""The generated HTML test pages (`tests/fixtures/html/`) and the script that makes them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "fixtures" / "html"


def _load_make_pages():
    spec = importlib.util.spec_from_file_location("make_pages", PAGES / "make_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_pages = _load_make_pages()
