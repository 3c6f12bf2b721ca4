"""Bytes to text: encodings, BOMs, binary and empty files.

(First cut; the hostile-input work extends it.)
"""

from __future__ import annotations

from pathlib import Path

from statdiff.errors import StatdiffError

ACCEPTS = "statdiff reads Illinois bill and statute text saved as plain text or HTML"


def load_text(path: Path, max_bytes: int | None = None) -> str:
    if not path.exists():
        raise StatdiffError(f"{path}: no such file")
    if path.is_dir():
        raise StatdiffError(f"{path}: is a directory; {ACCEPTS}")
    data = path.read_bytes()
    if max_bytes is not None and len(data) > max_bytes:
        raise StatdiffError(f"{path}: {len(data)} bytes is over the --max-size limit")
    if not data.strip():
        raise StatdiffError(f"{path}: the file is empty; {ACCEPTS}")
    return decode_bytes(data, str(path))


def decode_bytes(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise StatdiffError(f"{name}: a binary file; {ACCEPTS}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
