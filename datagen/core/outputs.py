"""Where a command may write: never over an input, never silently over a previous result, one writer at a time.

Why at the bottom: generate, evaluate, export and report all write a file the user may have spent
an hour (or an API budget) on. The same three rules hold for all of them, so they live once here:
an existing output (or a file written beside it) is replaced only when the user says `--overwrite`;
an output that is one of the inputs is refused; and a lock file beside the output keeps a second
process from writing the same path at the same time. Every refusal is one line saying what to do.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from datagen.errors import ConfigError


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_output(output: Path, *, inputs: Sequence[Path] = (), beside: Sequence[Path] = (),
                 overwrite: bool = False, directory: bool = False) -> None:
    """Refuse an output path before any work is done.

    Args:
        output: the file (or, with `directory`, the folder) the command writes.
        inputs: files the command reads; writing over one of them is always refused.
        beside: other files the command writes next to `output` (a report, a mapping).
        overwrite: the user passed `--overwrite`: existing outputs may be replaced.
        directory: the output is a folder (a `datasets` directory), not a file.

    Raises:
        ConfigError: one line naming the path and the flag or path to use instead.
    """
    for path in (output, *beside):
        for source in inputs:
            if _same(path, source):
                raise ConfigError(f"--output {output} would overwrite the input {source}; choose another path")
    if output.is_dir() and not directory:
        raise ConfigError(f"--output {output} is a directory; give a file path such as {output / 'out.jsonl'}")
    parent = output.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise ConfigError(f"--output {output}: {parent} is a file, not a folder; choose another path")
    if not os.access(parent, os.W_OK):
        raise ConfigError(f"--output {output}: folder {parent} is not writable; choose another path")
    _try_create_in(parent, output)
    if overwrite:
        return
    for path in (output, *beside):
        if path.exists() or path.is_symlink():
            raise ConfigError(f"{path} already exists: pass --overwrite to replace it, or choose another --output")


def _try_create_in(folder: Path, output: Path) -> None:
    """Create and remove one entry in `folder`, the nearest existing folder of the output.

    Why: the permission bits do not tell everything. A pseudo file system (`/proc`, `/sys`) or a
    read-only mount grants `W_OK` to root and still refuses every new file, which would surface as
    a traceback from the lock file after the work had started.
    """
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".datagen-check-", dir=folder))
    except OSError as exc:
        raise ConfigError(f"--output {output}: cannot create files in {folder} ({exc.strerror or exc}); "
                          f"choose another path") from exc


def lock_path(output: Path) -> Path:
    """The lock file of an output: hidden, beside it."""
    return output.with_name(f".{output.name}.lock")


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold the output's lock for the whole write; a second writer fails at once, in one line.

    The lock file is removed while still held; a writer that locked a file already removed by the
    previous holder notices (the inode differs) and tries again, so two writers never both hold it.
    """
    path = lock_path(output)
    while True:
        fd = _open_lock(path, output)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise ConfigError(f"another datagen command is writing {output} (lock {path}): wait for it to end, "
                              f"or choose another --output") from None
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


def _open_lock(path: Path, output: Path) -> int:
    """Open (creating it and its folders) the lock file; a refusal is one line naming the output."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError as exc:
        raise ConfigError(f"--output {output}: cannot create the lock file {path} ({exc.strerror or exc}); "
                          f"choose another path") from exc
