"""Question 2: median(x), mode(x), quantile(x, q).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- median: the middle value of the sorted data, the average of the two middle ones when n
  is even: test_median_even_and_odd / "median takes the upper middle value for even n"
- median leaves its input unmodified and calls no library median:
  test_median_unmodified_no_shortcut / "median sorts the caller's array in place"
- mode: the most frequent value; on a tie, the smallest of the tied values; works for
  negative and non-integer values: test_mode_ties / "mode returns the first most frequent
  value met in x" and "mode by np.bincount (fails on negative values)"
- quantile: numpy's default method (linear interpolation at h = (n - 1) q between sorted
  values): test_quantile_linear / "quantile takes the nearest rank s[floor(q n)]"
- quantile: q = 0 and q = 1 give min and max; an array q gives an array of q's shape:
  test_quantile_endpoints_and_shape / "quantile reads s[lo + 1] past the end at q = 1"
- quantile raises ValueError when some q lies outside [0, 1]: test_quantile_rejects_q /
  "quantile accepts q outside [0, 1]"
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from ps08_checks import SCIPY_TESTS, number, raises_value_error

from mlmath_checks import assert_close, call, to_array

name = "q2"
points = 8

FORBIDDEN = [
    "numpy.median",
    "numpy.quantile",
    "numpy.percentile",
    "numpy.nanmedian",
    "numpy.nanquantile",
    "numpy.nanpercentile",
    "statistics.median",
    "statistics.mode",
    "statistics.multimode",
    "statistics.quantiles",
    "pandas.Series.median",
    "pandas.Series.mode",
    "pandas.Series.quantile",
    *SCIPY_TESTS,
]


@test_case(points=2, hidden=False)
def test_by_hand(median, mode, quantile):
    for x, expected, hint in [
        ([3.0, 1.0, 2.0], 2.0, "sort first: [1, 2, 3] has middle value 2."),
        ([4.0, 1.0, 3.0, 2.0], 2.5, "for even n average the two middle values: (2 + 3) / 2."),
    ]:
        assert_close(
            number(median, np.array(x), what=f"median({x})"),
            expected,
            rtol=1e-12,
            what=f"median({x})",
            hint=hint,
            reveal=True,
        )
    assert_close(
        number(mode, np.array([1, 2, 2, 3]), what="mode([1, 2, 2, 3])"),
        2,
        what="mode([1, 2, 2, 3])",
        hint="2 appears twice, the others once.",
        reveal=True,
    )
    assert_close(
        number(quantile, np.array([10.0, 20.0, 30.0, 40.0, 50.0]), 0.25, what="quantile"),
        20.0,
        rtol=1e-12,
        what="quantile([10, 20, 30, 40, 50], 0.25)",
        hint="h = (n - 1) q = 1, so the answer is the sorted value at index 1.",
        reveal=True,
    )
    assert_close(
        number(quantile, np.array([10.0, 20.0, 30.0, 40.0]), 0.5, what="quantile"),
        25.0,
        rtol=1e-12,
        what="quantile([10, 20, 30, 40], 0.5)",
        hint="h = (n - 1) q = 1.5: halfway between the sorted values at index 1 and 2.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_median_even_and_odd(median):
    gen = np.random.default_rng(201)
    for n in [1, 2, 6, 9, 50, 51]:
        x = gen.normal(size=n) * 10
        expected = np.median(x)
        s = np.sort(x)
        hint = "for even n, average the two middle values s[n//2 - 1] and s[n//2]."
        if n % 2 == 1:
            hint = "for odd n, the median is the sorted value at index n // 2."
        found = number(median, x.copy(), what=f"{n} unsorted values")
        if n % 2 == 0 and found in (s[n // 2], s[n // 2 - 1]) and s[n // 2] != s[n // 2 - 1]:
            hint = "you returned one of the two middle values: for even n average both."
        assert_close(found, expected, rtol=1e-12, what=f"median of {n} unsorted values", hint=hint)


@test_case(points=1, hidden=True)
def test_median_unmodified_no_shortcut(median):
    gen = np.random.default_rng(202)
    x = gen.normal(size=11)
    original = x.copy()
    found = number(median, x, what="11 values", forbid=FORBIDDEN)
    assert_close(found, np.median(original), rtol=1e-12, what="median of 11 values")
    if not np.array_equal(x, original):
        raise AssertionError(
            "median reordered the array it was given: x.sort() sorts in place; use "
            "np.sort(x), which returns a sorted copy."
        )


@test_case(points=1, hidden=True)
def test_mode_ties(mode):
    cases = [
        (np.array([5, 5, 2, 2, 9]), 2, "5 and 2 tie: return the smaller, 2"),
        (np.array([7, 3, 7, 3, 1, 3, 7]), 3, "3 and 7 tie three times each"),
        (np.array([-4, 6, -4, 6, 0]), -4, "negative values: -4 and 6 tie"),
        (np.array([2.5, -1.5, 2.5, 0.5, -1.5]), -1.5, "non-integer values that tie"),
        (np.array([4, 1, 4, 1, 1, 4, 4]), 4, "4 appears four times"),
    ]
    for x, expected, label in cases:
        found = number(mode, x.copy(), what=label, forbid=FORBIDDEN)
        assert_close(
            found,
            expected,
            rtol=1e-12,
            what=f"mode on a case where {label}",
            hint="count each distinct value (np.unique(x, return_counts=True)); on a tie "
            "return the smallest of the tied values, whatever their order in x.",
        )


@test_case(points=1, hidden=True)
def test_quantile_linear(quantile):
    gen = np.random.default_rng(203)
    for n in [2, 5, 13, 100]:
        x = gen.exponential(3.0, size=n)
        for q in [0.1, 0.25, 0.5, 0.9, gen.uniform()]:
            expected = np.quantile(x, q)
            found = number(quantile, x.copy(), q, what=f"{n} values, q={q:.3g}", forbid=FORBIDDEN)
            assert_close(
                found,
                expected,
                rtol=1e-10,
                atol=1e-12,
                what=f"quantile(x, {q:.3g}) for {n} values",
                hint="sort, then h = (n - 1) * q; interpolate linearly between the sorted "
                "values at floor(h) and floor(h) + 1.",
            )


@test_case(points=1, hidden=True)
def test_quantile_endpoints_and_shape(quantile):
    gen = np.random.default_rng(204)
    x = gen.normal(size=17)
    for q, expected in [(0.0, x.min()), (1.0, x.max())]:
        found = number(quantile, x.copy(), q, what=f"q = {q:g}")
        assert_close(
            found,
            expected,
            rtol=1e-12,
            what=f"quantile(x, {q:g})",
            hint="q = 0 is the minimum and q = 1 the maximum; at q = 1 the index floor(h) "
            "+ 1 is past the end: clip it to n - 1.",
        )
    qs = np.array([[0.0, 0.3, 1.0], [0.5, 0.75, 0.05]])
    expected = np.quantile(x, qs)
    found = to_array(call(quantile, x.copy(), qs.copy(), what="q of shape (2, 3)"))
    assert_close(
        found,
        expected,
        rtol=1e-10,
        what="quantile(x, q) for an array q of shape (2, 3)",
        hint="return one quantile per entry of q, in an array of q's shape.",
    )


@test_case(points=1, hidden=True)
def test_quantile_rejects_q(quantile):
    x = np.arange(10.0)
    for q in [-0.1, 1.5, np.array([0.5, 1.01])]:
        raises_value_error(
            quantile,
            x.copy(),
            q,
            what=f"quantile(x, {q!r})",
            hint="check that every q lies in [0, 1] and raise ValueError otherwise.",
        )
