"""What every self-contained HTML page statdiff writes shares (the redline, its compact
fragment, a batch's index): the Jinja2 environment over `templates/` (autoescaping on), the
inline CSS and JavaScript assets, and the hash of an inline script for the page's
Content-Security-Policy, which allows that script and nothing else."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path, PurePath

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, select_autoescape
from jinja2.bccache import Bucket


TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates' environment: autoescaping on for every template and string."""
    found = Environment(
        loader=PackageLoader("statdiff", "render/templates"),
        bytecode_cache=_TemplateCache(),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # File names without their directories: the page must not depend on where it was made.
    found.filters["basename"] = lambda name: PurePath(str(name)).name or str(name)
    return found


class _TemplateCache(FileSystemBytecodeCache):
    """The templates compiled to Python once, not by every command: Jinja's own cache of
    compiled templates, in its own directory (one for the user, in the temporary directory,
    that only the user may read: Jinja checks it). Jinja reads a template's code back only
    when the template's source and Jinja's and Python's versions are those it was compiled
    from. A cache that cannot be made, read or written is no cache: the templates are then
    compiled as they are without one (a command never fails for it)."""

    def __init__(self) -> None:
        try:
            super().__init__()
        except (OSError, RuntimeError):  # no safe directory: Jinja refuses one it does not own
            self.directory = ""

    def load_bytecode(self, bucket: Bucket) -> None:
        if self.directory:
            try:
                super().load_bytecode(bucket)
            except (OSError, EOFError, ValueError, TypeError):  # unreadable or cut short: compiled anew
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        if self.directory:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A stylesheet or script of `templates/`, safe to inline: it cannot close its own element early.
    Read beside this module (the package is installed as files, as the templates' loader reads
    them), not through `importlib.resources`, which would load zipfile and tempfile (~5 ms)."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    return text.replace("</", "<\\/") if name.endswith(".js") else text.replace("</style", "")


def csp_hash(script: str) -> str:
    """`sha256-...` of an inline script, as a Content-Security-Policy names it."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
