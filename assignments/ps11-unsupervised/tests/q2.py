OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - each new centre is the mean of the points with that label, shape (k, d) with k taken
#   from `centers`: test_update_small_example (public), test_update_random; variants
#   "median instead of mean", "k from labels.max() + 1".
# - a cluster that has no point keeps its old centre: test_update_empty_cluster;
#   variants "empty cluster becomes NaN (mean of nothing)", "empty cluster moves to 0".
# - X, labels and centers are left unchanged (a new array is returned):
#   test_update_leaves_inputs_alone; variant "writes the means into `centers` in place".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q2"
points = 5


def _means(X, labels, C):
    out = []
    for j in range(len(C)):
        rows = [x for x, lab in zip(X, labels, strict=True) if lab == j]
        out.append(np.sum(rows, axis=0) / len(rows) if rows else np.array(C[j], dtype=float))
    return np.array(out, dtype=float)


def _centres(update_centers, X, labels, C, what):
    found = call(update_centers, X, labels, C, what=what)
    return assert_shape(
        found,
        np.shape(C),
        what=f"update_centers on {what}",
        hint="one row per centre in `centers` (k rows, even for clusters with no point).",
    )


@test_case(points=1, hidden=False)
def test_update_small_example(update_centers):
    X = np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 4.0], [6.0, 2.0]])
    labels = np.array([0, 0, 1, 1])
    C = np.array([[1.0, 1.0], [3.0, 3.0]])
    found = _centres(update_centers, X, labels, C, "the 4 points of the example")
    assert_close(
        found,
        [[1.0, 0.0], [5.0, 3.0]],
        rtol=1e-12,
        what="update_centers on the example",
        hint="centre j becomes the mean of the rows of X whose label is j.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_update_random(update_centers):
    gen = np.random.default_rng(1201)
    for n, k, d in [(30, 3, 2), (301, 6, 4), (8, 1, 3)]:
        X = gen.normal(scale=2.0, size=(n, d))
        X[0] += 40.0  # an outlier: the mean and the median differ
        labels = np.concatenate([np.arange(k), gen.integers(0, k, size=n - k)])
        C = gen.normal(size=(k, d))
        expected = _means(X, labels, C)
        found = _centres(update_centers, X, labels, C, f"{n} points in {k} clusters")
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-12,
            what=f"update_centers on {n} random points in {k} clusters in {d}-D",
            hint="the new centre of cluster j is the MEAN (not the median) of its points.",
        )


@test_case(points=1, hidden=True)
def test_update_empty_cluster(update_centers):
    gen = np.random.default_rng(1202)
    X = gen.normal(size=(25, 2))
    C = np.array([[0.0, 0.0], [7.0, 7.0], [1.0, -1.0], [-9.0, 3.0]])
    labels = np.where(X[:, 0] > 0, 0, 2)  # clusters 1 and 3 (the last one) get no point
    expected = _means(X, labels, C)
    found = _centres(update_centers, X, labels, C, "4 centres where clusters 1 and 3 are empty")
    if np.any(np.isnan(found)):
        raise AssertionError(
            "update_centers returned NaN for a cluster with no point: the mean of no "
            "point is 0/0. The rule is that an empty cluster keeps its old centre."
        )
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what="update_centers when clusters 1 and 3 have no point",
        hint="a cluster with no point keeps its old centre, centers[j] (not 0).",
    )


@test_case(points=1, hidden=True)
def test_update_leaves_inputs_alone(update_centers):
    gen = np.random.default_rng(1203)
    X = gen.normal(size=(20, 3))
    labels = gen.integers(0, 3, size=20)
    labels[:3] = [0, 1, 2]
    C = gen.normal(size=(3, 3))
    copies = X.copy(), labels.copy(), C.copy()
    _centres(update_centers, X, labels, C, "20 points in 3 clusters")
    for given, kept, label in zip((X, labels, C), copies, ("X", "labels", "centers"), strict=True):
        if not np.array_equal(given, kept):
            raise AssertionError(
                f"update_centers changed its argument `{label}`: return a new array "
                "(start from np.array(centers, dtype=float), which copies)."
            )
