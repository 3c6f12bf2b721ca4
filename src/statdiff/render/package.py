"""Office packages (the zip files behind .docx and .xlsx) written byte for byte the same
every time: entries in a fixed order (`[Content_Types].xml` first, as Office writes it,
then by name), every entry dated 1980-01-01 00:00 (the earliest date a zip can hold),
the same compression and permissions. A report regenerated from the same inputs is
the same file, so it can be kept in version control and compared."""

from __future__ import annotations

import io
import zipfile

CONTENT_TYPES = "[Content_Types].xml"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def write_package(parts: dict[str, bytes]) -> bytes:
    """The zip of `parts` (name -> bytes), deterministic."""
    names = sorted(parts, key=lambda name: (name != CONTENT_TYPES, name))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.create_system = 3  # Unix, whatever machine wrote it
            archive.writestr(info, parts[name], compresslevel=6)
    return buffer.getvalue()
