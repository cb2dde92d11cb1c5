"""The one way datagen replaces a file: write a temp file beside it, fsync, rename.

Why: a dataset, a report or a build artifact is read by the next stage; a crash or a full disk must
leave either the old file or the whole new one, never half of either. The temp file is in the same
folder (same file system, so the rename is atomic) and is removed if the write fails.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from datagen.errors import WriteError


def write_bytes_atomic(path: Path, *chunks: bytes) -> None:
    """Replace `path` with the concatenated `chunks` (temp file, fsync, rename).

    Raises:
        WriteError: the file system refused (disk full, read-only, permission); the temp file is gone
            and `path` is as it was.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(f"cannot write {path} ({exc.strerror}): choose a writable folder") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise WriteError(f"cannot write {path} ({exc.strerror}); it is unchanged: free some space "
                             f"or choose another folder, then rerun") from exc
        raise


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` encoded as UTF-8."""
    write_bytes_atomic(path, text.encode("utf-8"))
