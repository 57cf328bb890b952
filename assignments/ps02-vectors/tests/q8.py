"""Clauses of question 8 (knn_predict), each with the hidden case that checks it and the
wrong variant that breaks it alone. Every case passes a correct k_nearest as `nearest`, so
a mistake in question 7 costs points only there.

- majority vote of the k nearest training rows, one label per test row:
  test_random_blobs; variant "votes among k - 1 neighbours".
- k = 1 on the training points gives their own labels: test_k1_on_training_points.
- a tied vote goes to the tied label that appears first in the neighbour list:
  test_tied_votes; variants "smallest label (np.unique + argmax)", "farthest tied
  neighbour", "max(set(labels), key=labels.count)".
- labels of any type, strings included: test_iris, test_tied_votes; variant "np.bincount".
"""

OK_FORMAT = False

import copy

import numpy as np
import pandas as pd
from otter.test_files import test_case
from scipy.spatial.distance import cdist

from mlmath_checks import call, data_file

name = "q8"
points = 6

VOTE_HINT = (
    "count the labels of the k nearest training rows and predict the most frequent one; "
    "if several labels tie, predict the tied label that appears first in the neighbour list "
    "(nearest first)."
)


def oracle_predict(X_train, y_train, X_test, k):
    D = cdist(np.asarray(X_test, dtype=float), np.asarray(X_train, dtype=float))
    out = []
    for row in D:
        labels = list(np.asarray(y_train)[np.argsort(row, kind="stable")[:k]])
        counts = {label: labels.count(label) for label in labels}
        best = max(counts.values())
        out.append(next(label for label in labels if counts[label] == best))
    return out


def correct_k_nearest(X, query, k, exclude=None):
    """A correct answer to question 7 (built on scipy, which question 7 forbids), handed
    to knn_predict so that a mistake in question 7 does not cost points here too."""
    d = cdist(np.atleast_2d(np.asarray(query, dtype=float)), np.asarray(X, dtype=float))[0]
    ranked = [int(i) for i in np.argsort(d, kind="stable") if i != exclude]
    return np.array(ranked[:k], dtype=int)


def predictions(knn_predict, X_train, y_train, X_test, k, what):
    result = call(
        knn_predict,
        *copy.deepcopy((X_train, y_train, X_test)),
        k,
        correct_k_nearest,
        what=f"{len(X_test)} test rows, k = {k}, with a correct k_nearest as `nearest`",
    )
    found = np.asarray(result, dtype=object)
    if found.shape != (len(X_test),):
        raise AssertionError(
            f"{what} should return one label per test row (shape "
            f"({len(X_test)},)), found shape {found.shape}."
        )
    return found


def assert_same_labels(found, expected, what, hint):
    wrong = [i for i in range(len(expected)) if not found[i] == expected[i]]
    if wrong:
        raise AssertionError(
            f"{what}: {len(wrong)} of {len(expected)} predictions are wrong "
            f"(first at test row {wrong[0]}). Hint: {hint}"
        )


@test_case(points=1, hidden=False)
def test_small_example(knn_predict):
    X_train = np.array([[0.0], [1.0], [2.0], [10.0], [11.0]])
    y_train = np.array(["a", "a", "a", "b", "b"])
    what = "knn_predict on the 1-D example with k=3"
    found = predictions(knn_predict, X_train, y_train, np.array([[0.5], [10.5]]), 3, what)
    if not (found[0] == "a" and found[1] == "b"):
        raise AssertionError(f"{what} should be ['a' 'b'], found {found}. Hint: {VOTE_HINT}")


@test_case(points=2, hidden=True)
def test_random_blobs(knn_predict):
    rng = np.random.default_rng(801)
    centers = rng.normal(scale=2.0, size=(3, 2))
    X_train = np.repeat(centers, 20, axis=0) + rng.normal(size=(60, 2))
    y_train = np.repeat([0, 1, 2], 20)
    X_test = rng.normal(scale=2.5, size=(25, 2))
    for k in [1, 3, 6, 9]:
        what = f"knn_predict with k={k} on 60 random training points, 3 classes"
        found = predictions(knn_predict, X_train, y_train, X_test, k, what)
        assert_same_labels(found, oracle_predict(X_train, y_train, X_test, k), what, VOTE_HINT)


@test_case(points=1, hidden=True)
def test_k1_on_training_points(knn_predict):
    rng = np.random.default_rng(802)
    X_train = rng.normal(size=(30, 4))
    y_train = rng.integers(0, 4, size=30)
    what = "knn_predict(X_train, y_train, X_train, 1)"
    found = predictions(knn_predict, X_train, y_train, X_train, 1, what)
    assert_same_labels(
        found,
        list(y_train),
        what,
        "with k=1 each training point is its own nearest neighbour (distance 0).",
    )


@test_case(points=1, hidden=True)
def test_tied_votes(knn_predict):
    X_train = np.array([[0.0], [1.0], [2.0], [3.0], [7.0]])
    cases = [
        ([2, 1, 1, 2, 0], [[0.4]], 4, 2, "labels 2, 1, 1, 2: a 2-2 tie"),
        ([9, 5, 3, 3, 3], [[0.2]], 3, 9, "labels 9, 5, 3: three one-vote labels"),
        (["b", "a", "a", "b", "a"], [[0.1]], 2, "b", "labels 'b', 'a': a 1-1 tie"),
    ]
    for y, X_test, k, expected, label in cases:
        what = f"knn_predict with k={k} where the nearest neighbours have {label}"
        found = predictions(knn_predict, X_train, np.array(y), np.array(X_test), k, what)
        assert_same_labels(
            found,
            [expected],
            what,
            "a tied vote goes to the tied label whose neighbour is NEAREST, not to the "
            "smallest label (np.argmax of counts from np.unique or np.bincount picks the "
            "smallest).",
        )


@test_case(points=1, hidden=True)
def test_iris(knn_predict):
    iris = pd.read_csv(data_file("iris.csv"))
    X = iris.drop(columns="species").to_numpy(dtype=float)
    y = iris.species.to_numpy()
    order = np.random.default_rng(803).permutation(len(X))
    train, test = order[:100], order[100:]
    for k in [3, 8]:
        what = f"knn_predict on iris (string labels) with k={k}"
        found = predictions(knn_predict, X[train], y[train], X[test], k, what)
        assert_same_labels(
            found,
            oracle_predict(X[train], y[train], X[test], k),
            what,
            "labels may be strings: count them with a dict or "
            "collections.Counter rather than np.bincount. " + VOTE_HINT,
        )
