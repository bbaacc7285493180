"""The extractor's version: a digest of the extraction code and its data files.

An article analysed by the same extractor version need not go through natasha again; any change to
the rules, the gazetteers or the models' use gives a new version and reprocesses every article.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

import natasha

CORE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def extractor_version() -> str:
    digest = hashlib.sha256(f"natasha {natasha.__file__}".encode())
    for path in sorted([*CORE.glob("*.py"), *CORE.glob("data/*")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
