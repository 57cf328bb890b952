"""Clauses of question 6 (pairwise_distances), each with the hidden case that checks it and
the wrong variant that breaks it alone:

- D[i, j] = d(X[i], Y[j]), shape (m, p), relative 1e-7 (absolute 1e-9 near 0), Euclidean:
  test_euclidean; variants "squared distances", "transposed cosine".
- D[i, i] of pairwise_distances(X, X) is 0 within 1e-9 and nothing is NaN: test_euclidean,
  test_nearby_points_far_from_origin; variant "expansion without clipping" (NaN).
- accurate for nearby points far from the origin (entries near 3e4 differing by 0.01 to 1),
  where the expansion |x|^2 + |y|^2 - 2 x.y cancels: test_nearby_points_far_from_origin;
  variant "expansion with clipping".
- nested lists and integers, including entries whose squared differences overflow int64:
  test_euclidean; variant "broadcasts in the inputs' dtype".
- Manhattan sums absolute differences: test_manhattan (and the public case).
- cosine DISTANCE 1 - cos, a zero row at distance 1 from everything: test_cosine; variants
  "similarity instead of distance", "NaN for zero rows".
- cdist and pdist are forbidden: every case (forbid_calls); variant "calls cdist".
"""

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


@test_case(points=2, hidden=True)
def test_euclidean(pairwise_distances):
    rng = np.random.default_rng(601)
    for m, p, n in [(5, 7, 3), (4, 4, 2), (1, 6, 5), (8, 1, 1), (12, 9, 4)]:
        X = rng.normal(scale=2.0, size=(m, n))
        Y = rng.normal(scale=2.0, size=(p, n))
        what = f"pairwise_distances(X, Y, 'euclidean') for X {X.shape}, Y {Y.shape}"
        expected = cdist(X, Y)
        D = distances(pairwise_distances, X, Y, "euclidean", what)
        with np.errstate(all="ignore"):
            squared = np.allclose(np.asarray(D, dtype=float), expected**2, rtol=1e-6)
        hint = "these are SQUARED distances: take the square root." if squared else SHAPE_HINT
        assert_close(D, expected, rtol=1e-7, atol=1e-9, what=what, hint=hint)
    X = rng.normal(scale=3.0, size=(40, 5))
    what = "pairwise_distances(X, X, 'euclidean') for X of shape (40, 5)"
    with np.errstate(all="ignore"):
        D = distances(pairwise_distances, X, X, "euclidean", what)
    _check_diagonal(D, what)
    assert_close(D, cdist(X, X), rtol=1e-7, atol=1e-9, what=what, hint=SHAPE_HINT)
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
    Xb = np.array([[4_000_000_000, -3_000_000_000], [1, 2]])
    Yb = np.array([[-4_000_000_000, 3_000_000_000], [5, -7], [2_000_000_000, 0]])
    what = "pairwise_distances on int64 matrices with entries near 4e9"
    with np.errstate(all="ignore"):
        D = distances(pairwise_distances, Xb.copy(), Yb.copy(), "euclidean", what)
    assert_close(
        D,
        cdist(Xb.astype(float), Yb.astype(float)),
        rtol=1e-7,
        atol=1e-9,
        what=what,
        hint="(8e9)^2 = 6.4e19 does not fit in numpy's int64 (largest 9.2e18, and it wraps "
        "around silently): convert X and Y with np.asarray(..., dtype=float) first.",
    )


def _check_diagonal(D, what):
    diagonal = np.abs(np.diagonal(np.asarray(D, dtype=float)))
    if np.any(np.isnan(diagonal)):
        raise AssertionError(
            f"{what}: the diagonal (each row's distance to itself) contains NaN. If you expand "
            "|x|^2 + |y|^2 - 2 x.y, rounding makes it slightly negative there and the square "
            "root gives NaN; the task asks for the differences X[i] - Y[j] themselves."
        )
    if np.max(diagonal, initial=0.0) > 1e-9:
        raise AssertionError(
            f"{what}: a row's distance to itself should be 0 (within 1e-9), found up to "
            f"{np.max(diagonal):.3g}. That is the rounding error of the expansion "
            "|x|^2 + |y|^2 - 2 x.y: compute the differences X[i] - Y[j] instead "
            "(broadcasting X[:, None, :] - Y[None, :, :])."
        )


@test_case(points=1, hidden=True)
def test_nearby_points_far_from_origin(pairwise_distances):
    rng = np.random.default_rng(604)
    X = 3e4 + rng.normal(scale=100.0, size=(6, 5))
    Y = X[rng.permutation(6)] + rng.normal(size=(6, 5)) * 10 ** rng.uniform(-2, 0, size=(6, 1))
    what = "pairwise_distances(X, Y) for nearby points with entries near 3e4"
    expected = cdist(X, Y)
    with np.errstate(all="ignore"):
        D = distances(pairwise_distances, X, Y, "euclidean", what)
    found = np.asarray(D, dtype=float)
    with np.errstate(all="ignore"):
        if np.allclose(found, expected**2, rtol=1e-6):
            hint = "these are SQUARED distances: take the square root."
        elif np.allclose(found, expected.T, rtol=1e-6):
            hint = "this is D transposed: D[i, j] compares X[i] with Y[j]. " + SHAPE_HINT
        else:
            hint = (
                "far from the origin, |x|^2 + |y|^2 - 2 x.y subtracts numbers near 5e9 and "
                "keeps only their rounding error (about 1e-6): compute the differences "
                "X[i] - Y[j] themselves, which are exact for nearby points."
            )
    assert_close(D, expected, rtol=1e-7, atol=1e-9, what=what, hint=hint)
    what = "pairwise_distances(X, X) for rows with entries near 3e4"
    with np.errstate(all="ignore"):
        D = distances(pairwise_distances, X, X, "euclidean", what)
    _check_diagonal(D, what)


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
    what = "pairwise_distances(X, X, 'cosine') with a zero row in X"
    with np.errstate(all="ignore"):
        D = distances(pairwise_distances, X, X, "cosine", what)
    assert_close(
        D,
        oracle_cosine(X, X),
        rtol=1e-7,
        atol=1e-9,
        what=what,
        hint="a non-zero row is at cosine distance 0 from itself (within 1e-9); the zero row "
        "is at distance 1 from everything, itself included (similarity 0 by convention).",
    )
