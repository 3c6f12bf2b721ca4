"""statdiff: read Illinois statute and bill text, understand its structure,
and show precisely what changed between two versions."""

# The submodule statdiff.diff shares its name with the API function statdiff.diff:
# load the submodule first so that importing it later cannot replace the function.
import statdiff.diff  # noqa: F401  (must precede the next import)
from statdiff.api import diff, parse
from statdiff.errors import StatdiffError

__all__ = ["parse", "diff", "StatdiffError"]
__version__ = "0.1.0"
