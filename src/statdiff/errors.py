"""statdiff's one user-facing error type.

Every problem a user can cause (a missing file, a binary file, an output that
would overwrite an input) is raised as `StatdiffError` with a one-line message;
the CLI prints it as `statdiff: error: <message>` and exits with status 2.
"""

import re


class StatdiffError(Exception):
    exit_status = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def display_name(path) -> str:
    """A file's name as the user typed it, for a one-line message (never a repr)."""
    return re.sub(r"[\x00-\x1f\x7f]", "?", str(path))


def os_reason(error: OSError) -> str:
    """The operating system's reason for a failed file operation, in lower case
    (`no space left on device`), for the parenthesis of a one-line message."""
    return (error.strerror or type(error).__name__).lower()
