OK_FORMAT = False

# Clauses of Question 4, each with its case and the wrong variant that breaks it alone:
# - predict 1 where sigmoid(X w + b) >= threshold (a probability threshold, not a logit):
#     test_predict_thresholds; variant "compares the logit X w + b with the threshold".
# - a point exactly on the boundary (probability == threshold) is predicted 1:
#     test_predict_tie; variant "strict >".
# - the labels are an integer array of 0s and 1s: test_predict_thresholds;
#     variant "returns the boolean array".
# - boundary_x2 solves w[0] x1 + w[1] x2 + b = logit(threshold) for x2:
#     test_boundary_half; variants "x2 = (w[0] x1 + b) / w[1]" (sign error) and "level
#     = threshold instead of logit(threshold)";
#     test_boundary_threshold; variant "ignores the threshold (always level 0)".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_array

name = "q4"
points = 5


def _labels(predict_logistic, w, b, X, threshold, what):
    found = to_array(
        call(predict_logistic, w.copy(), b, X.copy(), threshold, what=what), what="the labels"
    )
    raw = np.asarray(call(predict_logistic, w.copy(), b, X.copy(), threshold, what=what))
    if raw.shape != (X.shape[0],):
        raise AssertionError(
            f"predict_logistic should return one label per row of X, shape ({X.shape[0]},), "
            f"found {raw.shape}."
        )
    if raw.dtype.kind not in "iu":
        raise AssertionError(
            f"predict_logistic should return an integer array of 0s and 1s, found dtype "
            f"{raw.dtype}. Convert with .astype(int) (a boolean array is not a label array: "
            "used as an index it selects instead of counting)."
        )
    return found


@test_case(points=1, hidden=False)
def test_predict_by_hand(predict_logistic, boundary_x2):
    X = np.array([[2.0, 0.0], [0.0, 2.0], [3.0, 1.0]])
    w, b = np.array([1.0, -1.0]), 0.0
    found = _labels(predict_logistic, w, b, X, 0.5, what="w = (1, -1), b = 0")
    assert_close(
        found,
        [1, 0, 1],
        what="predict_logistic for w = (1, -1), b = 0",
        reveal=True,
        hint="label 1 where sigmoid(x . w + b) >= 0.5, i.e. where x . w + b >= 0.",
    )
    x2 = call(boundary_x2, w.copy(), b, np.array([0.0, 1.0, 2.0]), what="w = (1, -1), b = 0")
    assert_close(
        x2,
        [0.0, 1.0, 2.0],
        what="boundary_x2 for w = (1, -1), b = 0",
        reveal=True,
        hint="on the boundary x1 - x2 = 0, so x2 = x1.",
    )


@test_case(points=1, hidden=True)
def test_predict_thresholds(predict_logistic):
    from scipy.special import expit

    gen = np.random.default_rng(401)
    for threshold in [0.5, 0.2, 0.9]:
        X = gen.normal(size=(40, 3))
        w, b = gen.normal(size=3) * 2, float(gen.normal())
        p = expit(X @ w + b)
        keep = np.abs(p - threshold) > 1e-6  # no point that floating point could flip
        X = X[keep]
        expected = (p[keep] >= threshold).astype(int)
        found = _labels(predict_logistic, w, b, X, threshold, what=f"threshold={threshold}")
        hint = "compare the probability sigmoid(X @ w + b) with the threshold."
        if threshold != 0.5 and np.array_equal(found, (X @ w + b >= threshold).astype(int)):
            hint = (
                "you compared the logit X @ w + b with the threshold; the threshold is a "
                "probability: compare sigmoid(X @ w + b) (or the logit with logit(threshold))."
            )
        assert_close(found, expected, what=f"the labels at threshold {threshold}", hint=hint)


@test_case(points=1, hidden=True)
def test_predict_tie(predict_logistic):
    # integer data and weights: the logit is exactly 0 on these rows, probability exactly 1/2
    X = np.array([[1.0, 1.0], [2.0, 3.0], [-1.0, 0.0], [0.0, -2.0], [4.0, 5.0]])
    w, b = np.array([1.0, -1.0]), 0.0
    expected = np.array([1, 0, 0, 1, 0])
    found = _labels(predict_logistic, w, b, X, 0.5, what="points exactly on the boundary")
    assert_close(
        found,
        expected,
        what="the labels of points exactly on the boundary",
        hint="the rule is p >= threshold: a point with probability exactly 1/2 gets label 1.",
    )


@test_case(points=1, hidden=True)
def test_boundary_half(boundary_x2):
    gen = np.random.default_rng(402)
    for _ in range(3):
        w, b = gen.normal(size=2) * 3, float(gen.normal() * 2)
        x1 = np.linspace(-3, 3, 7)
        x2 = to_array(call(boundary_x2, w.copy(), b, x1.copy(), what="random w, b"), what="x2")
        level = w[0] * x1 + w[1] * x2 + b
        hint = "solve w[0] x1 + w[1] x2 + b = 0 for x2: x2 = -(w[0] x1 + b) / w[1]."
        if np.allclose(level, 0.5):
            hint = (
                "your boundary is where the logit equals 0.5, the threshold itself: the logit "
                "must equal logit(threshold) = log(t / (1 - t)), which is 0 for t = 0.5."
            )
        assert_close(
            level,
            np.zeros(7),
            atol=1e-9,
            what="w[0] x1 + w[1] x2 + b on your boundary points",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_boundary_threshold(boundary_x2):
    gen = np.random.default_rng(403)
    for threshold in [0.8, 0.1]:
        w, b = gen.normal(size=2) * 2, float(gen.normal())
        x1 = np.linspace(-2, 2, 5)
        x2 = to_array(
            call(boundary_x2, w.copy(), b, x1.copy(), threshold, what=f"threshold={threshold}"),
            what="x2",
        )
        level = np.log(threshold / (1 - threshold))
        assert_close(
            w[0] * x1 + w[1] * x2 + b,
            np.full(5, level),
            rtol=1e-9,
            atol=1e-9,
            what=f"the logit on your boundary at threshold {threshold}",
            hint="at threshold t the boundary is where the logit equals logit(t) = "
            "log(t / (1 - t)), not 0.",
        )
