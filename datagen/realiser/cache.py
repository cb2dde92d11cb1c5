"""A content-addressed cache of the realiser's answers under `DATAGEN_HOME/realiser-cache/`.

Why: a model's answer is paid for and not reproducible, so it is kept by what was asked. The key is
the SHA-256 of the prompt version, the model and the request body (the body holds no key and no
client option), so a rerun with the same seed and graph asks the very same requests, finds every
answer here, sends no request and writes the same bytes. Each answer is written atomically as it
arrives, so after a kill -9 `--resume` pays for nothing twice. A file that does not parse is a miss
(and is overwritten by the next answer).
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from datagen.core.atomic import write_atomic
from datagen.realiser.prompt import PROMPT_VERSION

log = logging.getLogger(__name__)

CACHE_FOLDER = "realiser-cache"


def cache_key(model: str, body: dict[str, Any]) -> str:
    """SHA-256 of the prompt version, the model and the request body (canonical JSON)."""
    canonical = json.dumps({"prompt_version": PROMPT_VERSION, "model": model, "request": body},
                           sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ResponseCache:
    """Answers by request key, one JSON file each."""

    def __init__(self, home: Path) -> None:
        self.folder = home / CACHE_FOLDER

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored answer, or None (absent or unreadable)."""
        path = self.path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("realiser cache file %s unreadable (%s): asking again", path.name, exc)
            return None
        return data if isinstance(data, dict) else None

    def put(self, key: str, response: dict[str, Any]) -> None:
        """Store an answer (temp file, fsync, rename)."""
        # key order kept as answered: the outputs' keys are written in that order
        write_atomic(self.path(key), json.dumps(response, ensure_ascii=False))
