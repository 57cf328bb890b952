OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - assign_clusters returns the index of the nearest centre by Euclidean distance, one
#   integer per row, shape (n,): test_assign_small_example (public),
#   test_assign_random_clouds; variants "argmin over the wrong axis",
#   "Manhattan distance", "labels returned as floats".
# - the distance is computed from the differences x - c, so it stays right for nearby
#   points far from the origin: test_assign_far_from_origin; variant "expands
#   ||x||^2 - 2 x.c + ||c||^2".
# - inertia is the SUM (not the mean) of squared distances: test_inertia_random;
#   variants "mean instead of sum", "distances not squared".
# - inertia uses the labels it is given, even when they are not the nearest centres:
#   test_inertia_uses_given_labels; variant "recomputes the nearest centre".
# - inputs are left unchanged: checked in test_assign_random_clouds.

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_array, to_number

name = "q1"
points = 6


def _nearest(X, C):
    best = np.zeros(len(X), dtype=int)
    for i, x in enumerate(X):
        gaps = [float(np.dot(x - c, x - c)) for c in C]
        best[i] = int(np.argmin(gaps))
    return best


def _labels(assign_clusters, X, C, what, hint=""):
    found = call(assign_clusters, X, C, what=what, hint=hint)
    array = assert_shape(found, (len(X),), what=f"assign_clusters on {what}")
    raw = np.asarray(found)
    if not np.issubdtype(raw.dtype, np.integer):
        raise AssertionError(
            f"assign_clusters on {what} returned dtype {raw.dtype}: labels are indices, "
            "return an integer array (np.argmin gives one)."
        )
    return array.astype(int)


@test_case(points=1, hidden=False)
def test_assign_small_example(assign_clusters, inertia):
    X = np.array([[0.0, 0.0], [1.0, 0.5], [4.0, 4.0], [5.0, 3.0], [0.2, 3.9]])
    C = np.array([[0.0, 0.0], [4.0, 4.0], [0.0, 4.0]])
    labels = _labels(assign_clusters, X, C, "the 5 points of the example")
    expected = np.array([0, 0, 1, 1, 2])
    if not np.array_equal(labels, expected):
        raise AssertionError(
            f"assign_clusters on the example returned {labels.tolist()}, expected "
            f"{expected.tolist()}. Row i of X goes to the centre (row of `centers`) "
            "closest to it: take the argmin over the centres, axis=1 of an (n, k) "
            "distance table."
        )
    value = to_number(call(inertia, X, C, expected), what="inertia on the example")
    assert_close(
        value,
        0 + 1.25 + 0 + 2 + 0.05,
        rtol=1e-10,
        what="inertia(X, centers, labels) on the example",
        hint="add up the squared distances ||x_i - c_{label_i}||^2 over all points "
        "(a sum, not a mean).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_assign_random_clouds(assign_clusters):
    gen = np.random.default_rng(1101)
    for n, k, d in [(40, 3, 2), (200, 5, 4), (7, 7, 3), (60, 1, 2)]:
        X = gen.normal(scale=3.0, size=(n, d))
        C = gen.normal(scale=3.0, size=(k, d))
        expected = _nearest(X, C)
        X_copy, C_copy = X.copy(), C.copy()
        labels = _labels(assign_clusters, X, C, f"{n} points, {k} centres in {d}-D")
        if not (np.array_equal(X, X_copy) and np.array_equal(C, C_copy)):
            raise AssertionError("assign_clusters changed its inputs: leave X and centers alone.")
        wrong = int(np.sum(labels != expected))
        if wrong:
            hint = (
                "labels must lie in 0..k-1, one per point: did you take the argmin over "
                "the points (axis 0) instead of over the centres (axis 1)?"
                if labels.max() >= k or labels.min() < 0
                else "use the Euclidean distance (sum of squared coordinate differences); "
                "the sum of absolute differences picks other centres."
            )
            raise AssertionError(
                f"assign_clusters on {n} random points and {k} centres in {d}-D gave "
                f"the wrong centre for {wrong} of {n} points. {hint}"
            )
    X = [[1, 2], [9, 9], [2, 1]]
    labels = _labels(assign_clusters, X, [[0, 0], [10, 10]], "Python lists of integers")
    if not np.array_equal(labels, [0, 1, 0]):
        raise AssertionError(
            "assign_clusters on Python lists of integers is wrong: convert the inputs "
            "with np.asarray(..., dtype=float) first."
        )


@test_case(points=1, hidden=True)
def test_assign_far_from_origin(assign_clusters):
    gen = np.random.default_rng(1102)
    offset = np.array([3.0e8, -2.0e8])
    C = offset + np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0]])
    X = offset + gen.uniform(-0.5, 2.5, size=(100, 2))
    expected = _nearest(X - offset, C - offset)
    labels = _labels(
        assign_clusters,
        X,
        C,
        "100 points and 3 centres 2 apart, all near (3e8, -2e8)",
        hint="compute x - c first, then square it.",
    )
    wrong = int(np.sum(labels != expected))
    if wrong:
        raise AssertionError(
            f"assign_clusters on points near (3e8, -2e8), with centres 2 apart, gave the "
            f"wrong centre for {wrong} of 100 points. Expanding ||x||^2 - 2 x.c + ||c||^2 "
            "subtracts numbers near 1e17 whose rounding error is larger than the gaps "
            "between the distances: compute the differences x - c first and square them."
        )


@test_case(points=1, hidden=True)
def test_inertia_random(inertia):
    gen = np.random.default_rng(1103)
    for n, k, d in [(50, 3, 2), (300, 6, 5), (1, 1, 3)]:
        X = gen.normal(size=(n, d))
        C = gen.normal(size=(k, d))
        labels = _nearest(X, C)
        expected = sum(float(np.dot(X[i] - C[labels[i]], X[i] - C[labels[i]])) for i in range(n))
        value = to_number(call(inertia, X, C, labels), what=f"inertia on {n} points")
        hint = "add the squared distances of the points to their centres."
        if n > 1 and np.isclose(value * n, expected, rtol=1e-8):
            hint = "this is the MEAN squared distance: inertia is the sum over the points."
        elif np.all(expected > 0) and value < expected and value > 0 and n > 1:
            roots = sum(float(np.linalg.norm(X[i] - C[labels[i]])) for i in range(n))
            if np.isclose(value, roots, rtol=1e-8):
                hint = "this is the sum of distances: square each distance before adding."
        assert_close(
            value,
            expected,
            rtol=1e-9,
            what=f"inertia on {n} random points, {k} centres in {d}-D",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_inertia_uses_given_labels(inertia):
    gen = np.random.default_rng(1104)
    X = gen.normal(size=(40, 3))
    C = gen.normal(size=(4, 3))
    labels = gen.integers(0, 4, size=40)
    expected = sum(float(np.sum((X[i] - C[labels[i]]) ** 2)) for i in range(40))
    value = to_number(
        call(inertia, X, C, labels, what="labels that are not the nearest centres"),
        what="inertia with labels that are not the nearest centres",
    )
    assert_close(
        value,
        expected,
        rtol=1e-9,
        what="inertia(X, centers, labels) with labels that are not the nearest centres",
        hint="measure each point against centers[labels[i]], the centre it is assigned "
        "to, not the nearest centre: Lloyd's algorithm evaluates the inertia of "
        "assignments that are not yet optimal.",
    )
    found = to_array(call(inertia, X, C, list(labels)), what="inertia with labels as a list")
    assert_close(found, expected, rtol=1e-9, what="inertia with labels given as a Python list")
