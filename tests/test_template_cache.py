"""The HTML templates compiled once and read back by later commands (`render/pages.py`,
Jinja's bytecode cache), and every page the same with the cache, without it, and with a
cache that is broken: counts of compilations and the pages' text, never timings."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from statdiff import pipeline
from statdiff.render import pages

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "tests/fixtures/documents/privacy_policy_v1.md"
NEW = ROOT / "tests/fixtures/documents/privacy_policy_v2.md"
FORMATS = ("html", "html-fragment")


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    """The template cache in a folder of this test's (not the user's), a fresh environment
    for each page rendered, and a count of the templates Jinja compiles from their source."""
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(pages._TemplateCache, "_get_default_cache_dir", lambda self: str(folder))
    compiled: list[str] = []
    compile_source = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    pages.environment.cache_clear()
    yield folder, compiled
    pages.environment.cache_clear()


def pages_rendered() -> dict[str, str]:
    """Each HTML output of one comparison, from a fresh environment (as a new command has)."""
    comparison = pipeline.compare(pipeline.read_file(OLD), pipeline.read_file(NEW))
    rendered = {}
    for to in FORMATS:
        pages.environment.cache_clear()
        rendered[to] = str(pipeline.render_comparison(comparison, to))
    return rendered


def test_a_later_command_reads_the_templates_compiled_by_the_first(cache_in):
    folder, compiled = cache_in
    first = pages_rendered()
    assert compiled, "the first command compiles its templates"
    assert len(list(folder.iterdir())) == len(set(compiled))  # one file a template
    compiled.clear()
    assert pages_rendered() == first
    assert compiled == []


def test_the_pages_are_the_same_without_a_cache(cache_in, monkeypatch):
    with_cache = pages_rendered()
    monkeypatch.setattr(pages, "_TemplateCache", lambda: None)
    assert pages_rendered() == with_cache


def test_a_broken_cache_file_is_compiled_anew(cache_in):
    folder, compiled = cache_in
    first = pages_rendered()
    for cached in folder.iterdir():
        cached.write_bytes(cached.read_bytes()[: len(cached.read_bytes()) // 2])  # cut short
    compiled.clear()
    assert pages_rendered() == first
    assert compiled  # read back as no code: compiled from the source again


def test_a_cache_that_cannot_be_written_is_no_cache(cache_in):
    folder, compiled = cache_in
    first = pages_rendered()
    for cached in folder.iterdir():
        cached.unlink()
    folder.rmdir()  # gone after Jinja chose it: nothing can be read or written there (even by root)
    compiled.clear()
    assert pages_rendered() == first
    assert compiled and not folder.exists()


def test_no_safe_folder_is_no_cache(monkeypatch):
    def refused(self):
        raise RuntimeError("Cannot determine safe temp directory.")

    monkeypatch.setattr(pages._TemplateCache, "_get_default_cache_dir", refused)
    pages.environment.cache_clear()
    try:
        assert pages._TemplateCache().directory == ""
        assert "<!DOCTYPE html>" in str(pipeline.render_comparison(
            pipeline.compare(pipeline.read_file(OLD), pipeline.read_file(NEW)), "html"))
    finally:
        pages.environment.cache_clear()
