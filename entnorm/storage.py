"""Where entnorm keeps its own files, and how it replaces a file without ever leaving half of one."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    """Where entnorm keeps derived data: $ENTNORM_CACHE_DIR, else $XDG_CACHE_HOME/entnorm, else ~/.cache/entnorm."""
    if explicit := os.environ.get("ENTNORM_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "entnorm"


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Replace `path` with `data` (text is written as UTF-8) in one step: a temporary file in the same folder,
    fsync, os.replace.

    A crash or a full disk leaves either the old file or the new one, never half of one, and no temporary file.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
