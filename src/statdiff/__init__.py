"""statdiff: read Illinois statute and bill text, understand its structure,
and show precisely what changed between two versions."""

from statdiff.api import diff, parse
from statdiff.errors import StatdiffError

__all__ = ["parse", "diff", "StatdiffError"]
__version__ = "0.1.0"
