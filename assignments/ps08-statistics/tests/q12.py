"""Question 12: xy_summary(x, y) -> dict (Anscombe's quartet).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- the dict has the keys mean_x, mean_y, var_x, var_y, r, slope, intercept:
  test_by_hand (public) and every case
- var_x and var_y use ddof=1: test_matches_numpy / "variances with ddof=0"
- slope = cov(x, y) / var(x) (y regressed on x): test_matches_numpy / "slope = cov / var(y)
  (x regressed on y)"
- intercept = mean(y) - slope * mean(x): test_intercept / "intercept = mean(y) - slope"
- subtract the means first, so x far from 0 keeps its digits: test_far_from_origin /
  "one-pass sums for the slope"
- on the real quartet all four sets give the same summary to 2 decimals, with no
  np.polyfit, np.linalg.lstsq, np.cov, np.corrcoef or scipy.stats.linregress:
  test_anscombe
"""

OK_FORMAT = False

import numpy as np
import pandas as pd
from otter.test_files import test_case
from ps08_checks import SCIPY_TESTS

from mlmath_checks import assert_close, call, data_file, forbid_calls, to_number

name = "q12"
points = 5

FORBIDDEN = [
    "numpy.polyfit",
    "numpy.polynomial.polynomial.polyfit",
    "numpy.linalg.lstsq",
    "numpy.cov",
    "numpy.corrcoef",
    "statistics.linear_regression",
    *SCIPY_TESTS,
]
KEYS = ["mean_x", "mean_y", "var_x", "var_y", "r", "slope", "intercept"]
HINTS = {
    "mean_x": "the mean of x.",
    "mean_y": "the mean of y.",
    "var_x": "the variance of x with ddof=1 (divide by n - 1).",
    "var_y": "the variance of y with ddof=1 (divide by n - 1).",
    "r": "the Pearson correlation of x and y.",
    "slope": "the least-squares slope of y on x: cov(x, y) / var(x).",
    "intercept": "the line passes through (mean x, mean y): intercept = mean(y) - slope * mean(x).",
}


def _oracle(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    slope, intercept = np.polyfit(x, y, 1)
    return {
        "mean_x": x.mean(),
        "mean_y": y.mean(),
        "var_x": x.var(ddof=1),
        "var_y": y.var(ddof=1),
        "r": np.corrcoef(x, y)[0, 1],
        "slope": slope,
        "intercept": intercept,
    }


def _summary(xy_summary, x, y, what, forbid=False):
    if forbid:
        result = forbid_calls(FORBIDDEN, xy_summary, x, y)
    else:
        result = call(xy_summary, x, y, what=what)
    if not isinstance(result, dict):
        raise AssertionError(f"xy_summary on {what} should return a dict, found {result!r:.60}.")
    missing = [k for k in KEYS if k not in result]
    if missing:
        raise AssertionError(f"the dict from xy_summary on {what} lacks the keys {missing}.")
    return {k: to_number(result[k], what=f"{k} from xy_summary on {what}") for k in KEYS}


def _check(xy_summary, x, y, what, keys=KEYS, rtol=1e-9, forbid=False, reveal=False):
    expected = _oracle(x, y)
    found = _summary(xy_summary, x.copy(), y.copy(), what, forbid)
    for key in keys:
        assert_close(
            found[key],
            expected[key],
            rtol=rtol,
            atol=1e-9,
            what=f"{key} from xy_summary on {what}",
            hint=HINTS[key],
            reveal=reveal,
        )


@test_case(points=1, hidden=False)
def test_by_hand(xy_summary):
    x, y = np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0])
    _check(xy_summary, x, y, "x = [0, 1, 2], y = [1, 3, 5] (the line y = 2x + 1)", reveal=True)


@test_case(points=1, hidden=True)
def test_matches_numpy(xy_summary):
    gen = np.random.default_rng(1201)
    for n in [4, 15, 60]:
        x = gen.normal(2.0, 3.0, size=n)
        y = -0.7 * x + gen.normal(size=n)
        _check(
            xy_summary,
            x,
            y,
            f"{n} random points",
            keys=["mean_x", "mean_y", "var_x", "var_y", "r", "slope"],
        )


@test_case(points=1, hidden=True)
def test_intercept(xy_summary):
    gen = np.random.default_rng(1202)
    for n, center in [(8, 5.0), (30, -12.0)]:
        x = gen.normal(center, 2.0, size=n)
        y = 1.5 * x + 4.0 + gen.normal(size=n)
        _check(xy_summary, x, y, f"{n} points around x = {center:g}", keys=["intercept"])


@test_case(points=1, hidden=True)
def test_far_from_origin(xy_summary):
    gen = np.random.default_rng(1203)
    t = gen.normal(size=40)
    y = 2.0 * t + gen.normal(size=40)
    expected = _oracle(t, y)["slope"]
    for shift in [1e7, -5e8]:
        found = _summary(xy_summary, t + shift, y.copy(), f"x near {shift:.0e}")
        assert_close(
            found["slope"],
            expected,
            rtol=1e-6,
            what=f"the slope for x near {shift:.0e} (shifting x never changes the slope)",
            hint="sum(x*y) - n*mean(x)*mean(y) loses every digit far from 0: "
            "subtract the means first, then multiply the deviations.",
        )


@test_case(points=1, hidden=True)
def test_anscombe(xy_summary):
    quartet = pd.read_csv(data_file("anscombe.csv"))
    summaries = []
    for i in range(1, 5):
        x = quartet[f"x{i}"].to_numpy(dtype=float)
        y = quartet[f"y{i}"].to_numpy(dtype=float)
        _check(xy_summary, x, y, f"Anscombe's set {i}", forbid=True)
        summaries.append(_summary(xy_summary, x.copy(), y.copy(), f"Anscombe's set {i}"))
    for key in KEYS:
        values = [s[key] for s in summaries]
        if max(values) - min(values) > 0.01:
            raise AssertionError(f"the four Anscombe sets should agree on {key} to 2 decimals.")
