"""Clauses of question 7 (k_nearest), each with the hidden case that checks it and the wrong
variant that breaks it alone:

- the k rows with the smallest EUCLIDEAN distances, nearest first, as k integer indices,
  arrays or nested lists: test_random_points; variants "k farthest", "Manhattan distance".
- ties broken by the smaller index, also on long arrays: test_ties_smallest_index_first;
  variants "default (unstable) argsort", "argpartition".
- exclude=i removes index i itself (not the first result, which may be a duplicate):
  test_exclude; variants "drops the first result", "ignores exclude".
- exclude=0 is an index like any other (not "no exclusion"): test_exclude; variant
  "tests `if exclude:`".
- k may be m (m - 1 with exclude): test_random_points, test_exclude.
"""

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_array

name = "q7"
points = 5


def neighbours(k_nearest, X, query, k, exclude=None, what="k_nearest"):
    if exclude is None:
        result = call(k_nearest, copy.deepcopy(X), copy.deepcopy(query), k)
    else:
        result = call(k_nearest, copy.deepcopy(X), copy.deepcopy(query), k, exclude=exclude)
    idx = to_array(result, what)
    if idx.shape != (k,):
        raise AssertionError(
            f"{what} should return {k} indices (shape ({k},)), found shape {idx.shape}."
        )
    if not np.all(idx == np.round(idx)):
        raise AssertionError(
            f"{what} should return integer row indices, found non-integers. "
            "Hint: return the indices (np.argsort), not the distances."
        )
    idx = idx.astype(int)
    if idx.min() < 0 or idx.max() >= len(X):
        raise AssertionError(f"{what} returned an index outside 0..{len(X) - 1}.")
    if len(set(idx.tolist())) != k:
        raise AssertionError(f"{what} returned the same row twice.")
    return idx


def assert_indices(found, expected, what, hint):
    if not np.array_equal(found, expected):
        raise AssertionError(f"{what}: the indices or their order are wrong. {hint}")


@test_case(points=1, hidden=False)
def test_small_example(k_nearest):
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [3.0, 3.0], [-1.0, -1.0]])
    what = "k_nearest(X, [0.2, 0.1], 3) on the 5-point example"
    found = neighbours(k_nearest, X, np.array([0.2, 0.1]), 3, what=what)
    if not np.array_equal(found, [0, 1, 4]):
        raise AssertionError(
            f"{what} should be [0 1 4], found {found}. Hint: sort the rows by "
            "their distance to the query, nearest first, and keep k indices."
        )


@test_case(points=2, hidden=True)
def test_random_points(k_nearest):
    rng = np.random.default_rng(701)
    for m, n, k in [(10, 2, 1), (25, 4, 5), (30, 3, 30), (8, 6, 3)]:
        X = rng.normal(size=(m, n))
        q = rng.normal(size=n)
        what = f"k_nearest(X, q, {k}) for X of shape {X.shape}"
        idx = neighbours(k_nearest, X.tolist() if m == 8 else X, q, k, what=what)
        d = np.linalg.norm(X - q, axis=1)
        assert_close(
            d[idx],
            np.sort(d)[:k],
            rtol=1e-12,
            what=f"the distances of the rows returned by {what}",
            hint="return the k SMALLEST Euclidean distances, in increasing order "
            "(nearest first), not the farthest and not in index order.",
        )


@test_case(points=1, hidden=True)
def test_ties_smallest_index_first(k_nearest):
    X = np.array([[2, 0], [0, 1], [1, 1], [-1, 0], [0, -1], [1, 0], [3, 3], [-1, 1]])
    for k, expected in [(2, [1, 3]), (5, [1, 3, 4, 5, 2]), (7, [1, 3, 4, 5, 2, 7, 0])]:
        found = neighbours(k_nearest, X, np.array([0, 0]), k, what="k_nearest with ties")
        assert_indices(
            found,
            expected,
            f"k_nearest(X, [0, 0], {k}) on integer points with equal distances",
            "rows at equal distance must come in increasing index order: use "
            "np.argsort(d, kind='stable').",
        )
    rng = np.random.default_rng(702)
    X = rng.integers(-3, 4, size=(120, 2))
    q = np.array([0, 0])
    d2 = np.sum((X - q) ** 2, axis=1)
    expected = np.lexsort((np.arange(len(X)), d2))[:40]
    found = neighbours(k_nearest, X, q, 40, what="k_nearest with many ties")
    assert_indices(
        found,
        expected,
        "k_nearest(X, q, 40) on 120 integer points with many equal distances",
        "np.argsort's default algorithm is not stable on long arrays: pass kind='stable' "
        "so that ties keep the smaller index first.",
    )


@test_case(points=1, hidden=True)
def test_exclude(k_nearest):
    rng = np.random.default_rng(703)
    X = rng.normal(size=(15, 3))
    X[9] = X[4]  # a duplicated point, as in real data sets
    for i, other in [(9, 4), (4, 9)]:
        found = neighbours(k_nearest, X, X[i], 3, exclude=i, what="k_nearest with exclude")
        if i in found.tolist():
            raise AssertionError(
                "k_nearest(X, X[i], 3, exclude=i) returned i itself. Hint: "
                "drop the index `exclude`, not simply the first result."
            )
        if found[0] != other:
            raise AssertionError(
                "k_nearest(X, X[i], 3, exclude=i) where another row equals X[i]: that other "
                "row (distance 0) must come first. Hint: remove the index `exclude` from the "
                "order; do not drop the first position, which may be a duplicate."
            )
    for i in [0, 7, 14]:
        found = neighbours(k_nearest, X, X[i], 14, exclude=i, what="k_nearest with exclude")
        if i in found.tolist():
            extra = (
                " exclude=0 is a real index: test `exclude is not None`, not `if exclude:` "
                "(0 is falsy)."
                if i == 0
                else ""
            )
            raise AssertionError(
                f"k_nearest(X, X[{i}], 14, exclude={i}) returned row {i} itself, which exclude "
                f"forbids.{extra}"
            )
        d = np.linalg.norm(X - X[i], axis=1)
        d[i] = np.inf
        assert_close(
            d[found],
            np.sort(d)[:14],
            rtol=1e-12,
            what=f"the distances of the rows returned by k_nearest(X, X[{i}], 14, exclude={i})",
            hint="with exclude=i, every row except row i is a candidate.",
        )
