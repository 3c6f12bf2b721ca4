"""statdiff's one user-facing error type, and the one way a name reaches the user.

Every problem a user can cause (a missing file, a binary file, an output that
would overwrite an input) is raised as `StatdiffError` with a one-line message;
the CLI prints it as `statdiff: error: <message>` and exits with status 2.

`display_name` is the only way a file name, a notes key or a path typed by the
user is put into a message, a warning or a status line: a name may hold
anything a file system allows (an escape sequence that retitles the terminal,
a newline that splits the message, bytes that are not UTF-8), and what is
printed must be one harmless line.
"""

from __future__ import annotations

import os
import re


class StatdiffError(Exception):
    exit_status = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def failure_message(error: Exception) -> str:
    """The one line a failed command (or a failed pair of a batch) is reported as:
    statdiff's own message, or what a resource limit or a bug looks like to the user."""
    if isinstance(error, StatdiffError):
        return error.message
    if isinstance(error, MemoryError):
        return "out of memory: the input is too large for this machine (try --max-size)"
    if isinstance(error, RecursionError):
        return "the input is nested too deeply to process"
    return f"internal error ({type(error).__name__}: {error}); please report it"


# C0 and C1 controls (ESC, BEL, CR, LF, CSI...), DEL, the Unicode line and
# paragraph separators, and the bidirectional marks, embeddings, overrides and
# isolates that can make a name read backwards on screen.
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
MAX_DISPLAY = 300  # characters of a name shown; a longer one is cut in the middle


def display_name(name: object, limit: int | None = MAX_DISPLAY) -> str:
    """`name` (a path, a file name or a key) as one printable line, never a repr.

    Control characters become `?`; bytes that are not UTF-8 (a file name Python
    holds as lone surrogates) become U+FFFD; a name over `limit` characters
    keeps its start and end around an ellipsis (the CLI passes whole messages
    with `limit=None`, as the last guard before the terminal).
    """
    text = os.fsdecode(name) if isinstance(name, (bytes, os.PathLike)) else str(name)
    if re.search(_SURROGATE, text):
        text = re.sub(_NOT_A_BYTE, "\ufffd", text).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = re.sub(_UNSAFE, "?", text)
    if limit is not None and len(text) > limit:
        keep = limit // 2 - 1
        text = f"{text[:keep]}…{text[-keep:]}"
    return text


# Patterns, not compiled ones: `re` compiles them at the first name shown and caches them,
# so `statdiff --help` pays nothing for them.
_SURROGATE = "[\ud800-\udfff]"
_NOT_A_BYTE = "[\ud800-\udc7f\udd00-\udfff]"  # U+DC80-U+DCFF stand for bytes 0x80-0xFF


def os_reason(error: OSError) -> str:
    """The operating system's reason for a failed file operation, in lower case
    (`no space left on device`), for the parenthesis of a one-line message."""
    return (error.strerror or type(error).__name__).lower()
