"""The extractor's version: a digest of the extraction code and its data files.

An article analysed by the same extractor version need not go through natasha again, nor its rows through
the table rules; any change to the rules, the gazetteers, the models' use or the table declarations gives a
new version and reprocesses every article.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

import natasha

CORE = Path(__file__).resolve().parent
# the table declarations the rows are validated against: rows kept by this version are not validated again
DECLARATIONS = CORE.parent / "warehouse" / "tables"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    digest = hashlib.sha256(f"natasha {natasha.__file__}".encode())
    # every module and data file of the core, wherever it sits: any change is a new extractor
    for root in (CORE, DECLARATIONS):
        files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        for path in sorted(files):
            digest.update(path.relative_to(CORE.parent).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
