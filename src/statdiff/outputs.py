"""Writing reports safely: never over an input, never half-written.

`write_atomically(path, text, inputs)` writes to a temporary file in the
target's directory, fsyncs it and renames it over the target with `os.replace`,
so a reader of `path` sees the old report or the new one, never a torn one.
On any failure the temporary file is removed: an error, Ctrl-C, and SIGTERM or
SIGHUP (a `kill`, a closed terminal or ssh session), which while the report is
being written raise `StatdiffError` (`{output}: interrupted by SIGTERM; the
report was not written`) instead of killing the process with the file left
behind. A signal that arrives once the report is in place is delivered again
after the write, as it would have been without statdiff's handler.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path
from typing import Iterable, Iterator

from statdiff.errors import StatdiffError, display_name, os_reason

DEFAULT_MODE = 0o644


def check_output_path(path: Path | str, inputs: Iterable[Path | str] = ()) -> Path:
    """Refuse an output that cannot be written or would overwrite an input.

    Returns the path to write: the target of `path` when `path` is a symbolic
    link (so the link is kept), else `path` itself.
    """
    path = Path(path)
    name = display_name(path)
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise StatdiffError(f"{name}: is a directory; give the name of the file to write, e.g. {name}/redline.html")
    directory = target.parent
    if not directory.exists():
        raise StatdiffError(f"{name}: the output directory {display_name(directory)} does not exist")
    if not directory.is_dir():
        raise StatdiffError(f"{name}: {display_name(directory)} is not a directory")
    for source in inputs:
        if _same_file(target, Path(source)):
            raise StatdiffError(
                f"{name}: the output would overwrite the input {display_name(source)}; choose another output file"
            )
    return target


def write_atomically(path: Path | str, text: str | bytes, inputs: Iterable[Path | str] = ()) -> None:
    """Write `text` (UTF-8) to `path` atomically, refusing to overwrite any of `inputs`."""
    target = check_output_path(path, inputs)
    name = display_name(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    if _is_special(target):  # -o /dev/stdout, a pipe: nothing to replace, write straight through
        _write_through(target, data, name)
        return
    mode = _mode_for(target)
    with _signals_stop_the_write(name) as written:
        try:
            descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        except OSError as error:
            raise StatdiffError(f"{name}: cannot write in {display_name(target.parent)} ({os_reason(error)})") from None
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, target)
            written()
        except BaseException as error:
            _remove_quietly(temporary)
            if isinstance(error, OSError):
                raise StatdiffError(f"{name}: cannot write the output ({os_reason(error)})") from None
            raise
        _fsync_directory(target.parent)


STOPPING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _signals_stop_the_write(name: str) -> Iterator:
    """While the block runs, SIGTERM and SIGHUP raise `StatdiffError` (so the cleanup
    in the block runs) until the block calls `written()`; a signal after that is
    held and delivered again once the previous handlers are back. Handlers can only
    be set in the main thread: elsewhere the block runs as it is. A second signal
    while the first one's cleanup runs is ignored, so the cleanup finishes."""
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return
    state = {"written": False, "stopping": False, "held": None}

    def stop(signum, frame):
        if state["written"]:
            state["held"] = signum
            return
        if state["stopping"]:  # a second signal while the first one's cleanup runs
            return
        state["stopping"] = True
        raise StatdiffError(f"{name}: interrupted by {signal.Signals(signum).name}; the report was not written")

    previous = {signum: signal.signal(signum, stop) for signum in STOPPING_SIGNALS}
    try:
        yield lambda: state.update(written=True)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if state["held"] is not None:
        signal.raise_signal(state["held"])


def _is_special(target: Path) -> bool:
    try:
        return not stat.S_ISREG(target.stat().st_mode)
    except OSError:
        return False


def _write_through(target: Path, data: bytes, name: str) -> None:
    try:
        with open(target, "wb") as handle:
            handle.write(data)
    except OSError as error:
        raise StatdiffError(f"{name}: cannot write the output ({os_reason(error)})") from None


def _same_file(target: Path, source: Path) -> bool:
    """True when writing `target` would replace `source`: same resolved path, or a hard link."""
    if Path(os.path.realpath(source)) == target:
        return True
    try:
        return os.path.samefile(target, source)
    except OSError:  # one of them does not exist (yet)
        return False


def _mode_for(target: Path) -> int:
    """Keep an existing report's permissions; a new one gets 0644 minus the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return DEFAULT_MODE & ~_current_umask()


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove_quietly(temporary: str) -> None:
    try:
        os.unlink(temporary)
    except OSError:
        pass


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not every filesystem lets a directory be opened.
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
