"""Near-duplicate articles: wire copies and lightly edited republications get one story cluster.

Method (numbers measured on tests/data/dedup/ by bench/eval_dedup.py, see docs/dedup.md):
1. Text -> lower-case word tokens -> overlapping word 4-shingles, each hashed to 63 bits: a polynomial of
   its tokens' blake2b hashes (the same in every process; Python's hash() is salted per process).
2. A MinHash signature by one-permutation hashing: each shingle hash falls into one of 126 bins by its
   value and the bin keeps its minimum; empty bins borrow a neighbour's value along a fixed probe order
   (densification). One pass over the shingles instead of 126.
3. LSH banding: 42 bands of 3 rows. Two articles become candidates when any band matches, which happens
   with probability 1 - (1 - J^3)^42: 0.68 at Jaccard 0.3, 0.996 at 0.5, 0.005 at 0.05 (two different
   reports of one event in different words).
4. Candidates are verified exactly: the Jaccard of the two shingle sets, or the share of the shorter text
   found in the longer one (a republication that drops the last paragraphs). Verified pairs are edges;
   a story cluster is a connected component of edges, so the result does not depend on the order in
   which articles arrive. Its representative is the earliest published member (ties: article_id), and
   its id is the representative's article_id. Nothing is deleted.
Only pairs published within STORY_WINDOW of each other are compared (republication is quick; this keeps
incremental runs from scanning the whole archive).
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

ARTICLE_METHOD_VERSION = "minhash-oph-w4poly-b42r3-j0.5-c0.8-cap64-est0.15"
SHINGLE_WORDS = 4
BINS = 126
BANDS, ROWS = 42, 3
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8          # share of the shorter text's shingles found in the longer one
MIN_SHINGLES = 12              # below this (a title or a one-line summary) only identical text matches
STORY_WINDOW = timedelta(days=60)
_MASK = (1 << 63) - 1
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str, width: int = SHINGLE_WORDS) -> frozenset[int]:
    """63-bit hashes of the text's overlapping word `width`-grams (the whole text if shorter).

    Each token is hashed once (blake2b, cached per token) and a gram's hash is a polynomial of its tokens'
    hashes, computed for all grams at once in numpy: hashing every joined gram cost ~1 ms an article and
    was most of story dedup on a backfill."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < width:
        return frozenset([_hash(" ".join(tokens)) & _MASK]) if tokens else frozenset()
    values = np.fromiter(map(_token_hash, tokens), dtype=np.uint64, count=len(tokens))
    count = len(tokens) - width + 1
    grams = values[:count].copy()
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        for offset in range(1, width):
            grams *= _MULTIPLIER
            grams += values[offset:offset + count]
    grams &= np.uint64(_MASK)
    return frozenset(grams.tolist())


_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd, so each position's token changes every bit above it
_TOKENS: dict[str, int] = {}
_TOKENS_MAX = 100_000  # a news vocabulary; cleared when full, so memory does not grow with the backlog


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def _token_hash(token: str) -> int:
    value = _TOKENS.get(token)
    if value is None:
        if len(_TOKENS) >= _TOKENS_MAX:
            _TOKENS.clear()
        value = _TOKENS[token] = _hash(token)
    return value


def _probe(bin_index: int, attempt: int) -> int:
    raw = hashlib.blake2b(f"{bin_index}:{attempt}".encode(), digest_size=4).digest()
    return int.from_bytes(raw, "big") % BINS


# The probe order of every bin, fixed once: densification then costs a lookup per empty bin.
_PROBES = [[_probe(i, a) for a in range(64)] for i in range(BINS)]


def signature(hashes: Iterable[int]) -> array:
    """One-permutation MinHash with densification; empty for an empty text. A packed int64 array: 1 KB
    an article instead of 4 KB of Python ints, which matters when a backlog of thousands is clustered."""
    bins: list[int | None] = [None] * BINS
    for h in hashes:
        slot, value = h % BINS, h // BINS
        current = bins[slot]
        if current is None or value < current:
            bins[slot] = value
    if all(v is None for v in bins):
        return array("q")
    out = array("q")
    for i, value in enumerate(bins):
        if value is None:
            value = next((bins[p] for p in _PROBES[i] if bins[p] is not None), None)
            if value is None:  # astronomically rare: fall back to the first filled bin
                value = next(v for v in bins if v is not None)
        out.append(value)
    return out


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard of two shingle sets, or the containment of the shorter in the longer scaled onto the
    Jaccard threshold when that is the stronger evidence (a trimmed republication)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    jaccard = common / (len(a) + len(b) - common)
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 1.0 if a == b else 0.0
    containment = common / min(len(a), len(b))
    if containment >= MIN_CONTAINMENT and jaccard < MIN_JACCARD:
        return max(jaccard, MIN_JACCARD)  # counts as a duplicate, reported at the threshold
    return jaccard


@dataclass(slots=True)
class Sketch:
    """What clustering needs of one article; shingles are loaded lazily for candidate verification."""

    article_id: str
    published_at: datetime
    signature: Sequence[int]
    shingles: frozenset[int] | None = None
    size: int | None = None  # shingle count; None for rows stored before it was kept

    @property
    def shingle_count(self) -> int | None:
        return self.size if self.size is not None else (len(self.shingles) if self.shingles is not None else None)


# A band value shared by more articles than this is a template or boilerplate (a site's stock closing
# paragraph, a recurring sentence), not evidence of republication: true copies share many bands, so
# skipping the crowded ones costs no real duplicate and keeps candidate generation from going quadratic.
MAX_BUCKET = 64
# A candidate whose MinHash estimate is this far below both thresholds is dropped before the exact
# check. With 126 bins the estimate's standard deviation is at most 0.045, so 0.15 is over three of them:
# the shortcut costs no true duplicate, and it spares the exact set intersection (and the memory of a
# pair) for the many candidates that only share boilerplate or a template. Measured on 2,000 templated
# articles: 725k exact checks -> a few hundred, 16 s -> under a second.
ESTIMATE_MARGIN = 0.15
# Without a shingle count (rows stored before it was kept) containment can't be estimated: keep any
# pair whose estimated Jaccard could still hide a containment of MIN_CONTAINMENT.
UNKNOWN_SIZE_MIN_ESTIMATE = 0.12


def _near(estimate: float, mine: int | None, theirs: int | None) -> bool:
    """Whether a pair with this estimated Jaccard could reach a threshold (Jaccard or containment)."""
    if mine is None or theirs is None:
        return estimate >= UNKNOWN_SIZE_MIN_ESTIMATE
    smaller = max(min(mine, theirs), 1)
    containment = estimate * (mine + theirs) / ((1 + estimate) * smaller)
    return (estimate >= MIN_JACCARD - ESTIMATE_MARGIN or containment >= MIN_CONTAINMENT - ESTIMATE_MARGIN
            or smaller < MIN_SHINGLES)


def band_key(sig: Sequence[int], band: int) -> int:
    return hash((band, *sig[band * ROWS:(band + 1) * ROWS]))


def candidate_pairs(new: Sequence[Sketch], pool: Sequence[Sketch]) -> set[tuple[str, str]]:
    """Pairs (new x pool, and new x new) that share an uncrowded LSH band, lie within STORY_WINDOW and
    whose MinHash estimate comes near a threshold; the exact check is left to verified_edges.

    One band at a time: an index over every band at once held 42 entries per article (80 MB for a
    10,000-article backlog); one band's index holds one. A pair sharing several bands is judged again
    in each (a vectorised comparison), which is cheaper than remembering every pair looked at: a
    templated backlog brings about a million of them."""
    sketches = [s for s in [*pool, *new] if len(s.signature) == BINS]
    first_new = sum(1 for s in pool if len(s.signature) == BINS)
    pairs: set[tuple[str, str]] = set()
    for band in range(BANDS):
        index: dict[int, list[int]] = {}
        for i, sketch in enumerate(sketches):
            index.setdefault(band_key(sketch.signature, band), []).append(i)
        for bucket in index.values():
            if 1 < len(bucket) <= MAX_BUCKET and bucket[-1] >= first_new:
                pairs.update(_bucket_pairs(bucket, sketches, first_new))
    return pairs


def _bucket_pairs(bucket: list[int], sketches: list[Sketch], first_new: int) -> list[tuple[str, str]]:
    """The plausible pairs of one bucket (ascending indexes) with at least one new article. The bucket's
    signatures are stacked here (at most MAX_BUCKET rows): a matrix of every signature at once was a second
    copy of them all (50 MB for a 50,000-article backlog), while most buckets hold one article."""
    left, right = [], []
    for x, i in enumerate(bucket):
        for y in range(x + 1, len(bucket)):
            j = bucket[y]
            if j < first_new:
                continue  # two stored articles were compared when they were new
            if abs(sketches[i].published_at - sketches[j].published_at) <= STORY_WINDOW:
                left.append(x)
                right.append(y)
    if not left:
        return []
    matrix = np.array([np.asarray(sketches[i].signature, dtype=np.int64) for i in bucket])
    estimates = (matrix[left] == matrix[right]).mean(axis=1).tolist()
    found = []
    for x, y, estimate in zip(left, right, estimates):
        a, b = sketches[bucket[x]], sketches[bucket[y]]
        if _near(estimate, a.shingle_count, b.shingle_count):
            found.append((a.article_id, b.article_id) if a.article_id < b.article_id else (b.article_id, a.article_id))
    return found


def verified_edges(pairs: Iterable[tuple[str, str]], shingle_sets: dict[str, frozenset[int]]) -> list[tuple[str, str, float]]:
    """Candidate pairs confirmed by the exact similarity."""
    edges = []
    for a, b in sorted(pairs):
        sim = similarity(shingle_sets[a], shingle_sets[b])
        if sim >= MIN_JACCARD:
            edges.append((a, b, round(sim, 4)))
    return edges


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    article_id: str
    story_cluster_id: str
    is_representative: bool
    similarity: float


def assign_stories(published: dict[str, datetime], groups: Iterable[Iterable[str]],
                   edges: Iterable[tuple[str, str, float]], best_similarity: dict[str, float]) -> list[StoryAssignment]:
    """Components of (existing groups + new edges); representative = earliest published, then article_id.

    `best_similarity` holds each article's highest edge similarity so far; it is updated in place.
    """
    uf = UnionFind()
    for article_id in published:
        uf.find(article_id)
    for group in groups:
        members = list(group)
        for other in members[1:]:
            uf.union(members[0], other)
    for a, b, sim in edges:
        uf.union(a, b)
        best_similarity[a] = max(best_similarity.get(a, 0.0), sim)
        best_similarity[b] = max(best_similarity.get(b, 0.0), sim)
    components: dict[str, list[str]] = {}
    for article_id in published:
        components.setdefault(uf.find(article_id), []).append(article_id)
    out = []
    for members in components.values():
        rep = min(members, key=lambda a: (published[a], a))
        for a in members:
            out.append(StoryAssignment(a, rep, a == rep, 1.0 if len(members) == 1 else best_similarity.get(a, 1.0)))
    return sorted(out, key=lambda s: s.article_id)
