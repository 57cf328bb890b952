"""Clauses of question 11 (best_split). Every case passes a correct impurity function, so a
mistake in question 9 costs points only there. Each clause, with the hidden case that checks
it and the wrong variant that breaks it alone:

- (the public case passes the impurity 1 - max p; the hidden ones pass Gini)
- returns (feature, threshold, gain); the candidates are, for every feature j, the
  midpoints between consecutive distinct sorted values of X[:, j], with X[:, j] <= threshold
  going left: test_by_hand (public), test_exhaustive (every candidate enumerated);
  variants "thresholds at the data values", "skips the last candidate of each feature",
  "searches only the first feature".
- the best split has the largest information gain, and gain is that gain:
  test_exhaustive; variant "weights the children equally".
- ties go to the smallest feature index, then the smallest threshold: test_ties; variant
  "keeps the last of the tied splits (>=)".
- when no feature has two distinct values, returns (None, None, 0.0): test_no_split;
  variant "takes the max of an empty list (crashes)".
- X and y are left unchanged: test_exhaustive; variant "sorts the columns of X in place".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_number

name = "q11"
points = 7


def correct_gini(y):
    """A correct Gini impurity, handed to the student's function (it runs in the grader)."""
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    return float(1.0 - np.sum((counts / y.size) ** 2))


def misclassification(y):
    """The misclassification impurity 1 - max_k p_k (handed to the student's function)."""
    y = np.asarray(y)
    return float(1.0 - np.unique(y, return_counts=True)[1].max() / y.size) if y.size else 0.0


def _run(best_split, X, y, what, hint="", impurity=None):
    result = call(best_split, X, y, impurity, what=what, hint=hint)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        raise AssertionError(
            f"best_split on {what} should return a tuple (feature, threshold, gain), found "
            f"{type(result).__name__}."
        )
    return result


def _candidates(X, y):
    """Every (gain, feature, threshold), gains computed with a fresh Gini count."""
    n = len(y)
    out = []
    for j in range(X.shape[1]):
        values = sorted(set(X[:, j].tolist()))
        for a, b in zip(values[:-1], values[1:], strict=True):
            t = (a + b) / 2
            left = X[:, j] <= t
            gain = correct_gini(y) - (
                left.sum() / n * correct_gini(y[left]) + (~left).sum() / n * correct_gini(y[~left])
            )
            out.append((gain, j, t))
    return out


def _check(result, X, y, what):
    candidates = _candidates(X, y)
    best = max(c[0] for c in candidates)
    _, j_star, t_star = next(c for c in candidates if c[0] >= best - 1e-12)
    feature, threshold, gain = result
    if feature is None or threshold is None:
        raise AssertionError(f"best_split on {what} returned no split, but there are candidates.")
    feature = int(to_number(feature, what=f"the feature on {what}"))
    threshold = to_number(threshold, what=f"the threshold on {what}")
    gain = to_number(gain, what=f"the gain on {what}")
    if feature != j_star or not np.isclose(threshold, t_star, rtol=1e-12, atol=1e-12):
        column = X[:, feature] if 0 <= feature < X.shape[1] else None
        same = [c for c in candidates if c[1] == feature and np.isclose(c[2], threshold)]
        if column is not None and np.any(np.isclose(column, threshold, rtol=0, atol=1e-12)):
            hint = (
                "your threshold is one of the data values: use the MIDPOINT between two "
                "consecutive distinct sorted values."
            )
        elif same and same[0][0] >= best - 1e-12:
            hint = (
                "your split is one of several with the best gain: ties go to the smallest "
                "feature index, then the smallest threshold (replace the best only when a "
                "gain is strictly larger)."
            )
        elif same:
            hint = (
                "a split with a larger gain exists: try every feature and every midpoint, "
                "including the last one, and weight each child by its share of the points."
            )
        else:
            hint = "the threshold is not a midpoint of two consecutive values of that feature."
        raise AssertionError(
            f"best_split on {what} chose feature {feature} at threshold {threshold:.6g}, which "
            f"is not the best split. {hint}"
        )
    assert_close(
        gain,
        best,
        rtol=1e-10,
        atol=1e-13,
        what=f"the gain best_split returned on {what}",
        hint="gain = impurity(y) - n_left/n impurity(left) - n_right/n impurity(right).",
    )


@test_case(points=2, hidden=False)
def test_by_hand(best_split):
    X = np.array([[1.0, 5.0], [2.0, 6.0], [3.0, 5.0], [4.0, 6.0]])
    y = np.array([0, 0, 1, 1])
    feature, threshold, gain = _run(
        best_split, X, y, "the 4-point example (impurity 1 - max p)", impurity=misclassification
    )
    if feature is None or int(to_number(feature, what="the feature")) != 0:
        raise AssertionError(
            f"on the example the best split is feature 0 at threshold 2.5, found feature {feature}."
        )
    assert_close(
        threshold,
        2.5,
        rtol=1e-12,
        what="the threshold on the example",
        hint="candidates of feature 0 are the midpoints 1.5, 2.5 and 3.5.",
        reveal=True,
    )
    assert_close(
        gain,
        0.5,
        rtol=1e-12,
        what="the gain on the example",
        hint="splitting at 2.5 leaves two pure children: the gain is the parent's impurity, "
        "1 - 1/2 = 1/2.",
        reveal=True,
    )


@test_case(points=3, hidden=True)
def test_exhaustive(best_split):
    gen = np.random.default_rng(2101)
    for n, d, K in [(12, 2, 2), (30, 3, 3), (25, 4, 2)]:
        X = np.round(gen.normal(size=(n, d)) * 3, 1)
        y = (X[:, -1] + gen.normal(scale=2.0, size=n) > 0).astype(int) + (K == 3) * (X[:, 0] > 1)
        copies = X.copy(), y.copy()
        result = _run(best_split, X, y, f"{n} points with {d} features", impurity=correct_gini)
        if not (np.array_equal(X, copies[0]) and np.array_equal(y, copies[1])):
            raise AssertionError(
                "best_split changed X or y (sorting a column in place?): sort a copy, "
                "np.unique(X[:, j]) or np.sort(X[:, j])."
            )
        _check(result, X, y, f"{n} points with {d} features (checked against every candidate)")
    # the best split is on the LAST feature at its LAST candidate
    X = np.column_stack([gen.uniform(0, 1, size=16), gen.uniform(0, 1, size=16), np.arange(16.0)])
    X[15, :2] = 0.5  # the one positive point sits in the middle of features 0 and 1
    y = (X[:, 2] >= 15).astype(int)
    _check(
        _run(best_split, X, y, "16 points", impurity=correct_gini),
        X,
        y,
        "16 points whose best split is the last",
    )


@test_case(points=1, hidden=True)
def test_ties(best_split):
    gen = np.random.default_rng(2102)
    base = np.round(gen.uniform(0, 10, size=20), 2)
    alternating = np.where(np.arange(20) % 2 == 0, 1.0, 3.0)  # feature 0 explains little
    X = np.column_stack([alternating, base, base.copy()])
    y = (base > np.median(base)).astype(int)
    flip = np.argsort(base)[[3, 16]]
    y[flip] = 1 - y[flip]
    # features 1 and 2 are equal, so every split of feature 1 ties with one of feature 2
    _check(
        _run(best_split, X, y, "20 points whose features 1 and 2 are equal", impurity=correct_gini),
        X,
        y,
        "20 points whose features 1 and 2 are equal (a tie)",
    )
    y = np.array([0, 1, 1, 0])
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    # 1.5 and 3.5 both split off one 0: the same gain
    _check(
        _run(best_split, X, y, "y = [0, 1, 1, 0]", impurity=correct_gini),
        X,
        y,
        "x = 1, 2, 3, 4, y = [0, 1, 1, 0]",
    )


@test_case(points=1, hidden=True)
def test_no_split(best_split):
    X = np.full((6, 3), 2.0)
    y = np.array([0, 1, 0, 1, 1, 0])
    result = _run(
        best_split,
        X,
        y,
        "6 points whose 3 features are all constant",
        hint="with no candidate threshold, return (None, None, 0.0) without computing a maximum.",
        impurity=correct_gini,
    )
    feature, threshold, gain = result
    if feature is not None or threshold is not None:
        raise AssertionError(
            "when every feature is constant there is no split: best_split must return "
            f"(None, None, 0.0), found feature {feature!r} and threshold {threshold!r}."
        )
    assert_close(gain, 0.0, atol=0.0, what="the gain when no split exists")
