"""Near-duplicate detection: MinHash signatures of an article's clean body, and LSH band keys.

The embedded store and the Spark job both call these functions, so their clusters agree: same
shingles, same permutations (fixed seed), same bands.
"""

from __future__ import annotations

import hashlib
import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

NUM_PERM = 128
SHINGLE_WORDS = 5
BANDS = 32  # 32 bands of 4 rows: pairs with Jaccard >= ~0.5 become candidates with high probability
ROWS = NUM_PERM // BANDS
SEED = 20250428
THRESHOLD = 0.6  # estimated Jaccard at or above which two articles are one story
MAX_BUCKET = 100  # an LSH bucket larger than this is checked as a star around its first member, not all pairs

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """Word k-grams of the case-folded text (a short text is one shingle)."""
    words = _TOKEN.findall(text.casefold())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def _identity(value: int) -> int:
    return value


def _hash32(grams: Iterable[bytes]) -> list[int]:
    """datasketch's default shingle hash (the first 4 bytes of SHA-1, little-endian), for all shingles at once."""
    sha1 = hashlib.sha1
    values = array("I", b"".join([sha1(g).digest()[:4] for g in grams]))
    if sys.byteorder != "little":
        values.byteswap()
    return list(values)


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """The MinHash permutations for SEED, drawn once per process (drawing them costs more than hashing)."""
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM, seed=SEED)
    return template.permutations, template.scheme


def signature(text: str) -> list[int]:
    """The MinHash signature of a text: NUM_PERM unsigned 32-bit values (empty text: an empty list)."""
    from datasketch import MinHash

    grams = shingles(text)
    if not grams:
        return []
    permutations, scheme = _permutations()
    # shingles hashed here in one pass (the same values as datasketch's default sha1_hash32, which costs a
    # function call and a struct unpack per shingle), then handed over as they are
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_identity, permutations=permutations, scheme=scheme)
    mh.update_batch(_hash32(grams))
    return [int(v) for v in mh.hashvalues]


def band_keys(sig: Sequence[int]) -> list[str]:
    """One key per LSH band: articles sharing any key are candidate duplicates."""
    if not sig:
        return []
    keys = []
    for b in range(BANDS):
        rows = sig[b * ROWS : (b + 1) * ROWS]
        digest = hashlib.blake2b(",".join(map(str, rows)).encode(), digest_size=8).hexdigest()
        keys.append(f"{b}:{digest}")
    return keys


def bucket_pairs(members: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Candidate pairs in one LSH bucket: all pairs, or for a bucket of more than MAX_BUCKET members (a story
    copied hundreds of times, or shared boilerplate) each member with the first, which keeps the work linear
    and still joins the copies into one cluster."""
    ordered = sorted(set(members))
    if len(ordered) <= MAX_BUCKET:
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                yield a, b
    else:
        first = ordered[0]
        for b in ordered[1:]:
            yield first, b


def estimate(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def clusters(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of similar pairs (union-find), each sorted, largest first."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))
