"""Question 10: welch_t_test(x, y) -> (t, df, p) and welch_confidence_interval(x, y, level).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- t = (mean x - mean y) / sqrt(s_x^2/n_x + s_y^2/n_y), Welch's unpooled standard error
  (the sign is x minus y): test_welch_t / "pooled-variance t (Student's test)" and
  "mean(y) - mean(x)"
- df is the Welch-Satterthwaite value: test_welch_df / "Welch's t with n_x + n_y - 2
  degrees of freedom" and "df = min(n_x, n_y) - 1"
- p is two-sided: test_two_sided_p / "one-sided p-value"
- the interval is (mean x - mean y) +- t.ppf((1 + level)/2, df) * se, level honoured:
  test_welch_interval / "normal quantile instead of t" and "ignores level"
- the real A/B test: orange juice (OJ) versus ascorbic acid (VC) in ToothGrowth at each
  dose, no scipy test shortcut: test_toothgrowth (test and interval)
"""

OK_FORMAT = False

import numpy as np
import pandas as pd
import scipy.stats
from otter.test_files import test_case
from ps08_checks import SCIPY_TESTS, pair

from mlmath_checks import assert_close, call, data_file, forbid_calls, to_number

name = "q10"
points = 8

FORBIDDEN = SCIPY_TESTS


def _triple(welch_t_test, x, y, what, forbid=False):
    if forbid:
        result = forbid_calls(FORBIDDEN, welch_t_test, x.copy(), y.copy())
    else:
        result = call(welch_t_test, x.copy(), y.copy(), what=what)
    try:
        items = list(result)
    except TypeError:
        raise AssertionError(f"welch_t_test on {what} should return (t, df, p).") from None
    if len(items) != 3:
        raise AssertionError(
            f"welch_t_test on {what} should return three numbers (t, df, p), found {len(items)}."
        )
    return [to_number(v, what=f"welch_t_test on {what}") for v in items]


def _groups(gen, nx, ny, sx, sy, shift):
    return gen.normal(shift, sx, size=nx), gen.normal(0.0, sy, size=ny)


CASES = [(5, 20, 1.0, 4.0, 1.5), (30, 8, 3.0, 0.5, -1.0), (12, 12, 1.0, 2.0, 0.8)]


def _check_t(welch_t_test, x, y, what, forbid=False):
    expected = scipy.stats.ttest_ind(x, y, equal_var=False)
    t, df, p = _triple(welch_t_test, x, y, what, forbid)
    hint = "t = (mean(x) - mean(y)) / sqrt(var(x)/n_x + var(y)/n_y), variances with ddof=1."
    if abs(t + expected.statistic) < 1e-9 * abs(expected.statistic):
        hint = "the sign is flipped: the difference is mean(x) - mean(y)."
    elif abs(t - scipy.stats.ttest_ind(x, y).statistic) < 1e-9 * abs(t):
        hint = (
            "that is the pooled-variance (Student) t: Welch's test does not pool, its "
            "standard error is sqrt(s_x**2 / n_x + s_y**2 / n_y)."
        )
    assert_close(t, expected.statistic, rtol=1e-9, what=f"t from welch_t_test on {what}", hint=hint)
    return expected, df, p


@test_case(points=2, hidden=False)
def test_by_hand(welch_t_test, welch_confidence_interval):
    x = np.array([1.0, 2.0, 3.0, 4.0])
    y = np.array([2.0, 4.0, 6.0, 8.0, 10.0])
    expected = scipy.stats.ttest_ind(x, y, equal_var=False)
    found = _triple(welch_t_test, x, y, "x = [1, 2, 3, 4], y = [2, 4, 6, 8, 10]")
    assert_close(
        found,
        [expected.statistic, expected.df, expected.pvalue],
        rtol=1e-9,
        what="(t, df, p) for x = [1, 2, 3, 4], y = [2, 4, 6, 8, 10]",
        hint="mean difference -3.5; s_x**2/n_x = 0.4167, s_y**2/n_y = 2.",
        reveal=True,
    )
    interval = expected.confidence_interval(0.95)
    found = pair(welch_confidence_interval, x, y, what="the same x and y")
    assert_close(
        found,
        [interval.low, interval.high],
        rtol=1e-9,
        what="welch_confidence_interval for the same x and y",
        hint="-3.5 +- t.ppf(0.975, df) * sqrt(0.4167 + 2).",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_welch_t(welch_t_test):
    gen = np.random.default_rng(1001)
    for nx, ny, sx, sy, shift in CASES:
        x, y = _groups(gen, nx, ny, sx, sy, shift)
        _check_t(welch_t_test, x, y, f"groups of {nx} and {ny}", forbid=True)


@test_case(points=1, hidden=True)
def test_welch_df(welch_t_test):
    gen = np.random.default_rng(1002)
    for nx, ny, sx, sy, shift in CASES:
        x, y = _groups(gen, nx, ny, sx, sy, shift)
        expected, df, _ = _check_t(welch_t_test, x, y, f"groups of {nx} and {ny}")
        hint = "df = (a + b)**2 / (a**2 / (n_x - 1) + b**2 / (n_y - 1)), a = s_x**2 / n_x."
        if abs(df - (nx + ny - 2)) < 1e-9:
            hint = "n_x + n_y - 2 is the pooled test's df; Welch's df is Welch-Satterthwaite."
        assert_close(
            df,
            expected.df,
            rtol=1e-9,
            what=f"df from welch_t_test on groups of {nx} and {ny}",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_two_sided_p(welch_t_test):
    gen = np.random.default_rng(1003)
    for nx, ny, sx, sy, shift in CASES:
        x, y = _groups(gen, nx, ny, sx, sy, shift)
        expected, _, p = _check_t(welch_t_test, x, y, f"groups of {nx} and {ny}")
        hint = "p = 2 * t.sf(abs(t), df), both tails."
        if abs(p - expected.pvalue / 2) < 1e-9:
            hint = "that is a one-sided p-value: a two-sided test doubles it."
        assert_close(
            p,
            expected.pvalue,
            rtol=1e-8,
            atol=1e-14,
            what=f"p from welch_t_test on groups of {nx} and {ny}",
            hint=hint,
        )


@test_case(points=2, hidden=True)
def test_welch_interval(welch_confidence_interval):
    gen = np.random.default_rng(1004)
    for (nx, ny, sx, sy, shift), level in zip(CASES, [0.95, 0.9, 0.99], strict=True):
        x, y = _groups(gen, nx, ny, sx, sy, shift)
        result = scipy.stats.ttest_ind(x, y, equal_var=False).confidence_interval(level)
        args = (x.copy(), y.copy()) if level == 0.95 else (x.copy(), y.copy(), level)
        found = pair(
            welch_confidence_interval, *args, what=f"groups of {nx} and {ny}", forbid=FORBIDDEN
        )
        assert_close(
            found,
            [result.low, result.high],
            rtol=1e-9,
            what=f"welch_confidence_interval at level {level} for groups of {nx} and {ny}",
            hint="(mean x - mean y) +- t.ppf((1 + level) / 2, df) * se, with Welch's se and "
            "df (the t quantile, not the normal one; use the level argument).",
        )


@test_case(points=1, hidden=True)
def test_toothgrowth(welch_t_test, welch_confidence_interval):
    table = pd.read_csv(data_file("toothgrowth.csv"))
    for dose in [0.5, 1.0, 2.0]:
        oj = table[(table.supp == "OJ") & (table.dose == dose)].len.to_numpy()
        vc = table[(table.supp == "VC") & (table.dose == dose)].len.to_numpy()
        what = f"ToothGrowth OJ versus VC at dose {dose}"
        expected, df, p = _check_t(welch_t_test, oj, vc, what, forbid=True)
        assert_close(
            [df, p],
            [expected.df, expected.pvalue],
            rtol=1e-8,
            what=f"(df, p) from welch_t_test on {what}",
            hint="use the Welch-Satterthwaite df and a two-sided p-value.",
        )
        result = expected.confidence_interval(0.95)
        found = pair(welch_confidence_interval, oj.copy(), vc.copy(), what=what)
        assert_close(
            found,
            [result.low, result.high],
            rtol=1e-9,
            what=f"welch_confidence_interval on {what}",
            hint="(mean x - mean y) +- t.ppf(0.975, df) * se, with Welch's se and df.",
        )
