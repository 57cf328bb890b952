OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone. The tests pass their own assign/update/objective functions, so a
# mistake in questions 1 and 2 does not cost points here.
# - the loop alternates update and assignment from the given centres and returns
#   (centers, labels, inertias), inertias[0] the inertia of the starting centres:
#   test_lloyd_small_example (public), test_lloyd_matches_independent_run;
#   variant "history starts after the first update".
# - inertias never increase, and each is J(centres of that step, labels of that step):
#   test_lloyd_matches_independent_run; variant "records the inertia after the update
#   but with the old labels".
# - it stops as soon as an assignment step changes no label, and the result is a fixed
#   point: assign(X, centers) == labels and update(X, labels, centers) == centers:
#   test_lloyd_fixed_point; and the labels returned are the assignment of the returned
#   centres, also when max_iter stops the run: test_lloyd_honours_max_iter; variant
#   "returns the labels from before the last update".
# - max_iter caps the number of update steps (len(inertias) <= max_iter + 1):
#   test_lloyd_honours_max_iter; variants "ignores max_iter", "runs max_iter steps
#   without stopping early".
# - the functions passed in are the ones used: every case passes its own.
# - clusters are compared as labelled by the starting centres; with the centres
#   permuted, the result is the same clustering relabelled: test_lloyd_relabeling.

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_array

name = "q3"
points = 7


def _assign(X, C):
    X, C = np.asarray(X, dtype=float), np.asarray(C, dtype=float)
    return np.argmin(((X[:, None, :] - C[None]) ** 2).sum(-1), axis=1)


def _update(X, labels, C):
    X, labels = np.asarray(X, dtype=float), np.asarray(labels)
    out = np.array(C, dtype=float)
    for j in np.unique(labels):
        out[j] = X[labels == j].mean(axis=0)
    return out


def _objective(X, C, labels):
    X, C = np.asarray(X, dtype=float), np.asarray(C, dtype=float)
    return float(((X - C[np.asarray(labels)]) ** 2).sum())


def _reference_run(X, C, max_iter):
    labels = _assign(X, C)
    values = [_objective(X, C, labels)]
    steps = 0
    while steps < max_iter:
        C = _update(X, labels, C)
        steps += 1
        fresh = _assign(X, C)
        values.append(_objective(X, C, fresh))
        if np.array_equal(fresh, labels):
            break
        labels = fresh
    return C, fresh if steps else labels, values


def _blobs(gen, n, k, d, spread=1.0):
    means = gen.normal(scale=4.0, size=(k, d))
    return means[gen.integers(0, k, size=n)] + gen.normal(scale=spread, size=(n, d))


def _run(lloyd, X, C, max_iter, what):
    result = call(lloyd, X, C, _assign, _update, _objective, max_iter, what=what)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        raise AssertionError(
            f"lloyd on {what} should return a tuple (centers, labels, inertias), "
            f"found {type(result).__name__}."
        )
    centers = assert_shape(result[0], np.shape(C), what=f"the centres lloyd returned on {what}")
    labels = assert_shape(result[1], (len(X),), what=f"the labels lloyd returned on {what}")
    history = to_array(result[2], what=f"the inertias lloyd returned on {what}").ravel()
    return centers, labels.astype(int), history


@test_case(points=2, hidden=False)
def test_lloyd_small_example(lloyd):
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0], [5.0, 6.0]])
    C = np.array([[0.0, 0.0], [1.0, 0.0]])
    centers, labels, history = _run(lloyd, X, C, 100, "the 6 points of the example")
    assert_close(
        centers,
        [[1 / 3, 1 / 3], [16 / 3, 16 / 3]],
        rtol=1e-9,
        what="lloyd's centres on the example",
        hint="alternate update(X, labels, centers) and assign(X, centers) until the "
        "labels stop changing.",
        reveal=True,
    )
    if not np.array_equal(labels, [0, 0, 0, 1, 1, 1]):
        raise AssertionError(
            f"lloyd's labels on the example are {labels.tolist()}, expected [0, 0, 0, 1, 1, 1]."
        )
    if history.size == 0 or not np.isclose(history[0], 144.0, rtol=1e-9):
        raise AssertionError(
            "the first inertia lloyd returns should be the inertia of the STARTING "
            "centres with their assignment (144 on the example: 0 + 0 + 1 + 41 + 50 + 52)."
        )


@test_case(points=2, hidden=True)
def test_lloyd_matches_independent_run(lloyd):
    gen = np.random.default_rng(1301)
    for n, k, d in [(120, 3, 2), (300, 5, 3), (60, 4, 2)]:
        X = _blobs(gen, n, k, d, spread=2.0)
        C = X[gen.choice(n, size=k, replace=False)].copy()
        expected_c, expected_l, expected_h = _reference_run(X, C.copy(), 100)
        centers, labels, history = _run(lloyd, X, C, 100, f"{n} points, {k} clusters")
        if np.any(np.diff(history) > 1e-9 * max(1.0, abs(history[0]))):
            raise AssertionError(
                f"the inertias lloyd returned on {n} points increase at some step: "
                "Lloyd's algorithm can never raise the inertia. Record the inertia "
                "after each assignment step, with the labels of that step."
            )
        if history.size != len(expected_h):
            raise AssertionError(
                f"lloyd on {n} points returned {history.size} inertias, expected "
                f"{len(expected_h)}: one for the starting centres, then one after each "
                "update-and-assign step, stopping at the first step that changes no label."
            )
        assert_close(history, expected_h, rtol=1e-9, what=f"lloyd's inertias on {n} points")
        assert_close(
            centers, expected_c, rtol=1e-9, atol=1e-12, what=f"lloyd's centres on {n} points"
        )
        if not np.array_equal(labels, expected_l):
            raise AssertionError(
                f"lloyd's labels on {n} points do not match its centres' assignment."
            )


@test_case(points=1, hidden=True)
def test_lloyd_fixed_point(lloyd):
    gen = np.random.default_rng(1302)
    for n, k in [(200, 4), (90, 6)]:
        X = _blobs(gen, n, k, 2, spread=1.5)
        C = X[:k].copy()
        centers, labels, history = _run(lloyd, X, C, 200, f"{n} points, {k} clusters")
        if not np.array_equal(_assign(X, centers), labels):
            raise AssertionError(
                f"lloyd on {n} points returned labels that are not the assignment of "
                "its own centres: return the labels of the last assignment step, the "
                "one made with the final centres."
            )
        assert_close(
            _update(X, labels, centers),
            centers,
            rtol=1e-9,
            atol=1e-12,
            what=f"one more update step after lloyd on {n} points",
            hint="a converged run is a fixed point: the returned centres are the means of "
            "the returned clusters.",
        )


@test_case(points=1, hidden=True)
def test_lloyd_honours_max_iter(lloyd):
    gen = np.random.default_rng(1303)
    X = _blobs(gen, 300, 6, 2, spread=3.0)
    C = X[np.argsort(X[:, 0])[:6]].copy()  # all starts at one side: many steps needed
    full = _reference_run(X, C.copy(), 1000)[2]
    assert len(full) > 4, "test data should need several steps"
    for cap in [1, 3]:
        expected_c, _, expected_h = _reference_run(X, C.copy(), cap)
        centers, labels, history = _run(lloyd, X, C, cap, f"300 points with max_iter={cap}")
        if history.size != cap + 1:
            raise AssertionError(
                f"lloyd with max_iter={cap} on data that needs {len(full) - 1} steps "
                f"returned {history.size} inertias, expected {cap + 1}: make at most "
                "max_iter update steps."
            )
        assert_close(centers, expected_c, rtol=1e-9, what=f"lloyd's centres with max_iter={cap}")
        if not np.array_equal(labels, _assign(X, centers)):
            raise AssertionError(
                f"with max_iter={cap}, lloyd's labels should be the assignment of the "
                "centres it returns."
            )
    centers, labels, history = _run(lloyd, X, C, 1000, "300 points with max_iter=1000")
    if history.size != len(full):
        raise AssertionError(
            f"lloyd with max_iter=1000 returned {history.size} inertias, expected "
            f"{len(full)}: stop at the first step whose assignment changes no label."
        )


@test_case(points=1, hidden=True)
def test_lloyd_relabeling(lloyd):
    gen = np.random.default_rng(1304)
    X = _blobs(gen, 150, 4, 3)
    C = X[gen.choice(150, size=4, replace=False)].copy()
    order = np.array([2, 0, 3, 1])
    c1, l1, h1 = _run(lloyd, X, C, 100, "150 points")
    c2, l2, h2 = _run(lloyd, X, C[order], 100, "the same points with the centres permuted")
    assert_close(
        c2, c1[order], rtol=1e-9, what="lloyd's centres when the starting centres are permuted"
    )
    if not np.array_equal(order[l2], l1):
        raise AssertionError("permuting the starting centres should only relabel lloyd's clusters.")
    assert_close(h2, h1, rtol=1e-9, what="lloyd's inertias when the starting centres are permuted")
