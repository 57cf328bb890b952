"""Question 6: bias_variance_decomposition(predictions, f_test) -> (bias2, variance).

predictions has shape (R, m): R repetitions (rows) at m test points (columns).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- bias2 = mean over test points of (average prediction - f)^2, the average taken over the
  repetitions (axis 0) BEFORE squaring: test_random_predictions / "mean of the squared
  errors (no averaging first)", "squares the average bias"
- variance = mean over test points of the mean over repetitions of (prediction - average
  prediction)^2, dividing by R: test_random_predictions / "ddof = 1"
- the spread is taken over the repetitions, not over the test points:
  test_random_predictions / "variance along axis 1"
- bias2 + variance equals the mean squared error mean((predictions - f)^2) exactly:
  test_identity (a property on tables no formula above was fitted to)
- two floats: test_random_predictions; f_test and predictions left unmodified:
  test_inputs_unmodified /
  "subtracts the average from predictions in place"
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from ps15_checks import pair

from mlmath_checks import assert_close

name = "q6"
points = 4


def _oracle(P, f):
    err = P - f
    mse = float(np.mean(err**2))
    variance = float(np.mean(np.var(P, axis=0)))
    return mse - variance, variance


def _hints(found, P, f):
    bias2, variance = found
    R = P.shape[0]
    hint_b = "bias2 = mean over the test points of (predictions.mean(axis=0) - f_test)**2."
    if np.isclose(bias2, np.mean((P - f) ** 2), rtol=1e-9, atol=0):
        hint_b = (
            "that is the whole mean squared error: average the predictions over the "
            "repetitions first, then compare the average with f_test."
        )
    elif np.isclose(bias2, np.mean(P.mean(axis=0) - f) ** 2, rtol=1e-9, atol=0):
        hint_b = "square each test point's bias before averaging over the test points."
    hint_v = "variance = mean over the test points of the variance over the repetitions."
    if R > 1 and np.isclose(variance, _oracle(P, f)[1] * R / (R - 1), rtol=1e-9, atol=0):
        hint_v = "divide by R, not R - 1 (ddof = 0): then bias2 + variance is exactly the MSE."
    elif np.isclose(variance, np.mean(np.var(P, axis=1)), rtol=1e-9, atol=0):
        hint_v = "the spread is over the repetitions (axis 0), not over the test points."
    return hint_b, hint_v


def _check(bias_variance_decomposition, P, f, what, check_inputs=False):
    expected = _oracle(P, f)
    P0, f0 = P.copy(), f.copy()
    if not check_inputs:  # a mutating answer loses the points of test_inputs_unmodified only
        P, f = P.copy(), f.copy()
    found = pair(bias_variance_decomposition, P, f, what=what)
    if check_inputs and not (np.array_equal(P, P0) and np.array_equal(f, f0)):
        raise AssertionError(
            "bias_variance_decomposition changed the arrays it was given: compute "
            "predictions - average into a new array instead of subtracting in place (-=)."
        )
    P, f = P0, f0
    hint_b, hint_v = _hints(found, P, f)
    assert_close(
        found[0],
        expected[0],
        rtol=1e-9,
        atol=1e-12,
        what=f"bias2 from bias_variance_decomposition on {what}",
        hint=hint_b,
    )
    assert_close(
        found[1],
        expected[1],
        rtol=1e-9,
        atol=1e-12,
        what=f"variance from bias_variance_decomposition on {what}",
        hint=hint_v,
    )
    return found


@test_case(points=1, hidden=False)
def test_by_hand(bias_variance_decomposition):
    P = np.array([[1.0, 2.0], [3.0, 4.0]])
    f = np.array([1.0, 1.0])
    found = pair(bias_variance_decomposition, P.copy(), f.copy(), what="a 2 x 2 table")
    hint_b, hint_v = _hints(found, P, f)
    assert_close(
        found,
        [(1.0 + 4.0) / 2, 1.0],
        rtol=1e-12,
        what="bias_variance_decomposition([[1, 2], [3, 4]], [1, 1])",
        hint="average predictions [2, 3]: biases 1 and 2, so bias2 = (1 + 4) / 2; "
        f"each column has variance 1. {hint_b} {hint_v}",
        reveal=True,
    )


@test_case(points=1.5, hidden=True)
def test_random_predictions(bias_variance_decomposition):
    gen = np.random.default_rng(601)
    for R, m in [(3, 1), (50, 7), (400, 20)]:
        f = gen.normal(size=m)
        P = f + gen.normal(0.5, 1.0, size=m) + gen.normal(scale=gen.uniform(0.2, 2, m), size=(R, m))
        _check(bias_variance_decomposition, P, f, f"{R} repetitions at {m} test points")


@test_case(points=1, hidden=True)
def test_identity(bias_variance_decomposition):
    gen = np.random.default_rng(602)
    for R, m in [(2, 9), (30, 30)]:
        f = gen.uniform(-3, 3, size=m)
        P = gen.standard_t(3, size=(R, m)) * 2 + 1
        bias2, variance = _check(bias_variance_decomposition, P, f, f"{R} x {m} table")
        assert_close(
            bias2 + variance,
            np.mean((P - f) ** 2),
            rtol=1e-9,
            what="bias2 + variance compared with the mean squared error",
            hint="with the variance divided by R, bias2 + variance = mean((P - f)**2).",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unmodified(bias_variance_decomposition):
    gen = np.random.default_rng(603)
    f = gen.normal(size=6)
    P = f + 0.3 + gen.normal(size=(40, 6))
    _check(bias_variance_decomposition, P, f, "40 x 6 table", check_inputs=True)
