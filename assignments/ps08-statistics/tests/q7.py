"""Question 7: t_confidence_interval(x, level=0.95) -> (low, high).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- mean +- t* s / sqrt(n), with t* the t quantile on n - 1 degrees of freedom:
  test_matches_scipy / "uses the normal quantile 1.96 instead of t" and "t quantile with
  n degrees of freedom"
- level is honoured, two-sided: t* = t.ppf((1 + level) / 2): test_level_is_honoured /
  "t.ppf(level): puts all of 1 - level in one tail" and "ignores level (always 95%)"
- s is the ddof=1 standard deviation: test_small_samples_ddof / "standard error with
  ddof=0"
- integer data work, x is left unmodified, no scipy interval or test shortcut:
  test_integers_unmodified_no_shortcut
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from ps08_checks import SCIPY_TESTS, pair

from mlmath_checks import assert_close

name = "q7"
points = 5

FORBIDDEN = [*SCIPY_TESTS, "scipy.stats.t.interval"]


def _oracle(x, level):
    values = np.asarray(x, dtype=float)
    return scipy.stats.t.interval(
        level, values.size - 1, loc=values.mean(), scale=values.std(ddof=1) / np.sqrt(values.size)
    )


def _diagnose(x, level, found):
    x = np.asarray(x, dtype=float)
    n, half = x.size, (found[1] - found[0]) / 2
    se = x.std(ddof=1) / np.sqrt(n)
    ratio = half / se
    guesses = [
        (
            scipy.stats.norm.ppf((1 + level) / 2),
            "that is the normal quantile: use the t "
            "distribution, scipy.stats.t.ppf((1 + level) / 2, n - 1).",
        ),
        (
            scipy.stats.t.ppf((1 + level) / 2, n),
            "the t quantile needs n - 1 degrees of freedom, not n.",
        ),
        (
            scipy.stats.t.ppf(level, n - 1),
            "t.ppf(level) puts all of 1 - level in one tail: "
            "a two-sided interval uses t.ppf((1 + level) / 2, n - 1).",
        ),
        (scipy.stats.t.ppf(0.975, n - 1), "that is a 95% interval: use the level argument."),
        (
            scipy.stats.t.ppf((1 + level) / 2, n - 1) * np.sqrt((n - 1) / n),
            "the standard error uses the ddof=1 standard deviation s / sqrt(n).",
        ),
    ]
    for value, hint in guesses:
        if abs(ratio - value) <= 1e-6 * abs(value) + 1e-12:
            return hint
    if half <= 0:
        return "low must be below high: the interval is mean - t* se to mean + t* se."
    return "the interval is mean +- t* s / sqrt(n) with t* = t.ppf((1 + level) / 2, n - 1)."


def _check(t_confidence_interval, x, level, what, forbid=None):
    expected = _oracle(x, level)
    args = (x.copy(),) if level == 0.95 else (x.copy(), level)
    found = pair(t_confidence_interval, *args, what=what, forbid=forbid)
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what=f"t_confidence_interval on {what}",
        hint=_diagnose(x, level, found),
    )


@test_case(points=1, hidden=False)
def test_by_hand(t_confidence_interval):
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    expected = _oracle(x, 0.95)
    found = pair(t_confidence_interval, x, what="[1, 2, 3, 4, 5]")
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what="t_confidence_interval([1, 2, 3, 4, 5])",
        hint="mean 3, s = sqrt(2.5), t* = t.ppf(0.975, 4) = 2.776.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_matches_scipy(t_confidence_interval):
    gen = np.random.default_rng(701)
    for n in [4, 15, 80]:
        x = gen.normal(10.0, 3.0, size=n)
        _check(t_confidence_interval, x, 0.95, f"{n} values", forbid=FORBIDDEN)


@test_case(points=1, hidden=True)
def test_level_is_honoured(t_confidence_interval):
    gen = np.random.default_rng(702)
    x = gen.normal(-1.0, 0.5, size=12)
    for level in [0.5, 0.9, 0.99]:
        _check(t_confidence_interval, x, level, f"12 values at level {level}")


@test_case(points=1, hidden=True)
def test_small_samples_ddof(t_confidence_interval):
    gen = np.random.default_rng(703)
    for n in [2, 3, 6]:
        x = gen.exponential(2.0, size=n)
        _check(t_confidence_interval, x, 0.9, f"{n} values at level 0.9")


@test_case(points=1, hidden=True)
def test_integers_unmodified_no_shortcut(t_confidence_interval):
    gen = np.random.default_rng(704)
    x = gen.integers(0, 20, size=9)
    original = x.copy()
    expected = _oracle(original, 0.8)
    found = pair(t_confidence_interval, x, 0.8, what="9 integers at level 0.8", forbid=FORBIDDEN)
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what="t_confidence_interval on 9 integers",
        hint=_diagnose(original, 0.8, found),
    )
    if not np.array_equal(x, original):
        raise AssertionError("t_confidence_interval changed the array it was given.")
