"""Question 1: variance(x, ddof=1, axis=0) and std(x, ddof=1, axis=0).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- divides the sum of squared deviations by n - ddof, ddof=1 by default:
  test_variance_by_hand (public) / "divides by n whatever ddof is"
- ddof is honoured (ddof=0, 1, 2): test_ddof_is_honoured / "ignores ddof: always n - 1"
- axis is honoured (axis=0 by default, axis=1, a 3-D array): test_axis_is_honoured /
  "averages over the whole array, ignoring axis"
- subtracts the mean first (two passes), so data far from 0 keep their digits:
  test_far_from_origin / "one pass: mean of squares minus square of the mean"
- integer inputs work and results are float; the input is left unmodified; np.var and
  np.std are not called: test_input_unmodified_and_no_shortcut / "subtracts the mean in
  place, modifying the caller's array"
- std is the square root of variance with the same ddof and axis: test_std /
  "std ignores ddof (always divides by n)"
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, forbid_calls

name = "q1"
points = 6

FORBIDDEN = [
    "numpy.var",
    "numpy.std",
    "numpy.nanvar",
    "numpy.nanstd",
    "statistics.variance",
    "statistics.pvariance",
    "statistics.stdev",
    "statistics.pstdev",
]


@test_case(points=1, hidden=False)
def test_variance_by_hand(variance, std):
    x = np.array([1.0, 2.0, 3.0, 4.0])
    assert_close(
        call(variance, x),
        5 / 3,
        rtol=1e-12,
        what="variance([1, 2, 3, 4])",
        hint="the squared deviations are 2.25, 0.25, 0.25, 2.25: their sum 5 divided by "
        "n - 1 = 3 (ddof=1 is the default).",
        reveal=True,
    )
    assert_close(
        call(variance, x, ddof=0),
        1.25,
        rtol=1e-12,
        what="variance([1, 2, 3, 4], ddof=0)",
        hint="with ddof=0 divide by n = 4.",
        reveal=True,
    )
    assert_close(
        call(std, x),
        np.sqrt(5 / 3),
        rtol=1e-12,
        what="std([1, 2, 3, 4])",
        hint="std is the square root of variance.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_ddof_is_honoured(variance):
    gen = np.random.default_rng(101)
    for n in [3, 7, 40]:
        x = gen.normal(2.0, 3.0, size=n)
        for ddof in [0, 1, 2]:
            expected = np.var(x, ddof=ddof)
            found = call(variance, x.copy(), ddof=ddof, what=f"{n} values with ddof={ddof}")
            ratio = float(np.asarray(found, dtype=float).reshape(-1)[0]) / expected
            hint = "divide by n - ddof."
            if abs(ratio - (n - ddof) / (n - 1)) < 1e-9 and ddof != 1:
                hint = "the result is what ddof=1 gives: use the ddof argument."
            elif abs(ratio - (n - ddof) / n) < 1e-9 and ddof != 0:
                hint = "the result is what ddof=0 gives (dividing by n): use n - ddof."
            assert_close(
                found, expected, rtol=1e-10, what=f"variance(x, ddof={ddof}) with n={n}", hint=hint
            )


@test_case(points=1, hidden=True)
def test_axis_is_honoured(variance):
    gen = np.random.default_rng(102)
    X = gen.normal(size=(6, 4)) * np.array([1.0, 10.0, 0.1, 3.0])
    for axis in [0, 1]:
        expected = np.var(X, axis=axis, ddof=1)
        assert_close(
            call(variance, X.copy(), axis=axis, what=f"a (6, 4) array with axis={axis}"),
            expected,
            rtol=1e-10,
            what=f"variance(X, axis={axis}) for X of shape (6, 4)",
            hint=f"reduce along axis {axis} only: the result has shape {expected.shape}; "
            "take the mean with keepdims=True so it broadcasts against x.",
        )
    assert_close(
        call(variance, X.copy(), what="a (6, 4) array with the default axis"),
        np.var(X, axis=0, ddof=1),
        rtol=1e-10,
        what="variance(X) for X of shape (6, 4) (default axis=0)",
        hint="the default axis is 0: one variance per column.",
    )
    T = gen.normal(size=(3, 5, 4))
    expected = np.var(T, axis=1, ddof=2)
    assert_close(
        call(variance, T.copy(), ddof=2, axis=1, what="a (3, 5, 4) array"),
        expected,
        rtol=1e-10,
        what="variance(T, ddof=2, axis=1) for T of shape (3, 5, 4)",
        hint="reduce along axis 1: the result has shape (3, 4), and n is T.shape[1] = 5.",
    )


@test_case(points=1, hidden=True)
def test_far_from_origin(variance):
    gen = np.random.default_rng(103)
    for offset in [1e8, 1e9]:
        x = offset + gen.normal(0.0, 1.0, size=50)
        expected = np.var(x - offset, ddof=1)  # shifting by a constant never changes it
        assert_close(
            call(variance, x.copy(), what=f"50 values near {offset:.0e} with spread 1"),
            expected,
            rtol=1e-5,
            what=f"variance of 50 values near {offset:.0e} whose spread is 1",
            hint="mean(x**2) - mean(x)**2 subtracts two numbers near 1e16 to 1e18 and loses "
            "every digit: subtract the mean first, then square the deviations.",
        )


@test_case(points=1, hidden=True)
def test_input_unmodified_and_no_shortcut(variance):
    gen = np.random.default_rng(104)
    X = gen.normal(5.0, 2.0, size=(8, 3))
    original = X.copy()
    expected = np.var(original, axis=0, ddof=1)
    found = forbid_calls(FORBIDDEN, variance, X)
    assert_close(found, expected, rtol=1e-10, what="variance(X) for X of shape (8, 3)")
    if not np.array_equal(X, original):
        raise AssertionError(
            "variance changed the array it was given: write `x - mean` into a new array "
            "instead of subtracting in place (x -= ...)."
        )
    counts = gen.integers(-50, 50, size=12)
    assert_close(
        call(variance, counts, ddof=0, what="an int64 array"),
        np.var(counts.astype(float)),
        rtol=1e-10,
        what="variance of an int64 array with ddof=0",
        hint="convert to float: np.asarray(x, dtype=float).",
    )


@test_case(points=1, hidden=True)
def test_std(std):
    gen = np.random.default_rng(105)
    X = gen.normal(0.0, 4.0, size=(9, 5))
    for ddof, axis in [(1, 0), (0, 0), (0, 1), (2, 1)]:
        expected = np.std(X, ddof=ddof, axis=axis)
        found = forbid_calls(FORBIDDEN, std, X.copy(), ddof=ddof, axis=axis)
        assert_close(
            found,
            expected,
            rtol=1e-10,
            what=f"std(X, ddof={ddof}, axis={axis}) for X of shape (9, 5)",
            hint="std is np.sqrt(variance(x, ddof=ddof, axis=axis)): pass both arguments on.",
        )
