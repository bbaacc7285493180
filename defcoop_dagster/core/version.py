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
    # every module and data file of the core, wherever it sits: any change is a new extractor
    files = [p for p in CORE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(files):
        digest.update(path.relative_to(CORE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
