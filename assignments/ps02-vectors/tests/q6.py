OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case
from scipy.spatial.distance import cdist

from mlmath_checks import assert_close, assert_shape, forbid_calls

name = "q6"
points = 8

FORBIDDEN = ["scipy.spatial.distance.cdist", "scipy.spatial.distance.pdist"]


def distances(pairwise_distances, X, Y, metric, what):
    result = forbid_calls(FORBIDDEN, pairwise_distances, copy.deepcopy(X), copy.deepcopy(Y), metric)
    return assert_shape(result, (len(X), len(Y)), what)


def oracle_cosine(X, Y):
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    nx = np.linalg.norm(X, axis=1)[:, None]
    ny = np.linalg.norm(Y, axis=1)[None, :]
    denom = nx * ny
    dots = X @ Y.T
    return 1.0 - np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)


SHAPE_HINT = (
    "D[i, j] compares row i of X with row j of Y, so D has shape (len(X), len(Y)): "
    "broadcast X[:, None, :] against Y[None, :, :] and reduce over the LAST axis."
)


@test_case(points=2, hidden=False)
def test_small_example(pairwise_distances):
    X = np.array([[0.0, 0.0], [1.0, 1.0], [3.0, 0.0]])
    Y = np.array([[3.0, 4.0], [0.0, 1.0]])
    D = distances(pairwise_distances, X, Y, "euclidean", "pairwise_distances(X, Y) for X (3, 2)")
    assert_close(
        D,
        [[5.0, 1.0], [np.sqrt(13.0), 1.0], [4.0, np.sqrt(10.0)]],
        what="pairwise_distances(X, Y, 'euclidean') for the small example",
        hint=SHAPE_HINT,
        reveal=True,
    )
    D = distances(pairwise_distances, X, Y, "manhattan", "pairwise_distances(X, Y, 'manhattan')")
    assert_close(
        D,
        [[7.0, 1.0], [5.0, 1.0], [4.0, 4.0]],
        what="pairwise_distances(X, Y, 'manhattan') for the small example",
        hint="the Manhattan distance sums absolute differences.",
        reveal=True,
    )


@test_case(points=3, hidden=True)
def test_euclidean(pairwise_distances):
    rng = np.random.default_rng(601)
    for m, p, n in [(5, 7, 3), (4, 4, 2), (1, 6, 5), (8, 1, 1), (12, 9, 4)]:
        X = rng.normal(scale=2.0, size=(m, n))
        Y = rng.normal(scale=2.0, size=(p, n))
        what = f"pairwise_distances(X, Y, 'euclidean') for X {X.shape}, Y {Y.shape}"
        assert_close(
            distances(pairwise_distances, X, Y, "euclidean", what),
            cdist(X, Y),
            rtol=1e-7,
            atol=1e-9,
            what=what,
            hint=SHAPE_HINT + " Take the square root: these are distances, not squared ones.",
        )
    X = rng.normal(scale=3.0, size=(40, 5))
    what = "pairwise_distances(X, X, 'euclidean') for X of shape (40, 5)"
    with np.errstate(all="ignore"):
        D = distances(pairwise_distances, X, X, "euclidean", what)
    assert_close(
        D,
        cdist(X, X),
        rtol=1e-6,
        atol=1e-5,
        what=what,
        hint="the diagonal must be 0 and nothing may be NaN; if you expand "
        "|x|^2 + |y|^2 - 2 x.y, rounding can make it slightly negative, so clip at 0 "
        "before the square root.",
    )
    Xi = rng.integers(-5, 6, size=(4, 3))
    Yi = rng.integers(-5, 6, size=(6, 3))
    assert_close(
        distances(pairwise_distances, Xi.tolist(), Yi.tolist(), "euclidean", "integer lists"),
        cdist(Xi, Yi),
        rtol=1e-7,
        atol=1e-9,
        what="pairwise_distances on integer matrices given as nested lists",
        hint="convert the inputs with np.asarray(..., dtype=float) first.",
    )


@test_case(points=1, hidden=True)
def test_manhattan(pairwise_distances):
    rng = np.random.default_rng(602)
    for m, p, n in [(6, 3, 4), (5, 5, 2), (1, 2, 7)]:
        X = rng.normal(size=(m, n))
        Y = rng.normal(size=(p, n))
        what = f"pairwise_distances(X, Y, 'manhattan') for X {X.shape}, Y {Y.shape}"
        assert_close(
            distances(pairwise_distances, X, Y, "manhattan", what),
            cdist(X, Y, "cityblock"),
            rtol=1e-9,
            atol=1e-12,
            what=what,
            hint=SHAPE_HINT + " Sum the ABSOLUTE differences.",
        )


@test_case(points=2, hidden=True)
def test_cosine(pairwise_distances):
    rng = np.random.default_rng(603)
    for m, p, n in [(6, 3, 4), (5, 5, 3), (2, 7, 6)]:
        X = rng.normal(size=(m, n))
        Y = rng.normal(size=(p, n))
        what = f"pairwise_distances(X, Y, 'cosine') for X {X.shape}, Y {Y.shape}"
        D = distances(pairwise_distances, X, Y, "cosine", what)
        assert_close(
            D,
            oracle_cosine(X, Y),
            rtol=1e-7,
            atol=1e-9,
            what=what,
            hint="the cosine DISTANCE is 1 - cosine similarity (0 for the same direction, "
            "2 for opposite directions).",
        )
    X = rng.normal(size=(4, 3))
    X[2] = 0.0
    Y = rng.normal(size=(3, 3))
    Y[0] = 0.0
    what = "pairwise_distances(X, Y, 'cosine') with a zero row in X and in Y"
    with np.errstate(all="ignore"):
        D = distances(pairwise_distances, X, Y, "cosine", what)
    assert_close(
        D,
        oracle_cosine(X, Y),
        rtol=1e-7,
        atol=1e-9,
        what=what,
        hint="a zero vector has cosine similarity 0 with everything (the convention of "
        "question 5), so its cosine distance is 1, not NaN.",
    )
