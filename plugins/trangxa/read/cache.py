"""Items already read, kept by the content of their file: an unchanged file is not parsed again.

Reading an item depends on its file's bytes, on which other files its folder holds (a named attachment exists, a
picture has a description), on the legal profile and on the code; the key is the file's content hash, salted
with the folder's listing and with what the build's fingerprint says of the profile and the code. The rules
still run on every build (they depend on the date and on the other items). Each commune has a folder of its own
in the cache, pruned to what its last reading used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path


class ItemCache:
    def __init__(self, folder: Path, salt: str):
        self.folder = folder
        self.salt = salt
        self.used: set[str] = set()

    def key(self, data: bytes, rel: str, listing: str) -> str:
        return hashlib.sha256(b"\0".join([self.salt.encode(), listing.encode(), rel.encode(), data])).hexdigest()

    def get(self, key: str):
        """The item (or the ProblemError) read from a file with this key before; None when there is none."""
        self.used.add(key)
        try:
            with (self.folder / key).open("rb") as handle:
                return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None

    def put(self, key: str, value) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        scratch = self.folder / f".{key}.{os.getpid()}"
        with scratch.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(scratch, self.folder / key)

    def prune(self) -> None:
        """Forget what this reading did not use (edited or removed files)."""
        for path in self.folder.iterdir() if self.folder.is_dir() else ():
            if path.name not in self.used:
                path.unlink(missing_ok=True)


def listing_digest(rels: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(rels)).encode()).hexdigest()
