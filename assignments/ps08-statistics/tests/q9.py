"""Question 9: t_test_one_sample(x, mu0=0.0) -> (t, p).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- t = (mean - mu0) / (s / sqrt(n)) with s the ddof=1 standard deviation:
  test_matches_scipy / "standard error with ddof=0"
- p is two-sided: P(|T| >= |t|) for T ~ t(n - 1): test_matches_scipy / "one-sided
  p-value, t.sf(|t|)"
- a negative t (mean below mu0) keeps its sign and still gets a two-sided p <= 1:
  test_negative_t / "p = 2 t.sf(t) without the absolute value"
- mu0 is honoured: test_mu0_is_honoured / "ignores mu0 (tests mean 0)"
- n - 1 degrees of freedom, visible on small samples: test_small_samples_df / "n degrees
  of freedom"
- no scipy test shortcut; works on the real sleep data (paired differences):
  test_matches_scipy
"""

OK_FORMAT = False

import numpy as np
import pandas as pd
import scipy.stats
from otter.test_files import test_case
from ps08_checks import SCIPY_TESTS, pair

from mlmath_checks import assert_close, data_file

name = "q9"
points = 5

FORBIDDEN = SCIPY_TESTS


def _check(t_test_one_sample, x, mu0, what, forbid=None):
    expected = scipy.stats.ttest_1samp(x, mu0)
    args = (x.copy(),) if mu0 == 0.0 else (x.copy(), mu0)
    t, p = pair(t_test_one_sample, *args, what=what, forbid=forbid)
    n = x.size
    se = np.std(x, ddof=1) / np.sqrt(n)
    hint_t = "t = (mean(x) - mu0) / (s / sqrt(n)), s with ddof=1."
    if abs(t - (x.mean() - mu0) / (np.std(x) / np.sqrt(n))) < 1e-9 * abs(expected.statistic):
        hint_t = "the standard error uses the ddof=1 standard deviation s / sqrt(n)."
    elif mu0 != 0 and abs(t - x.mean() / se) < 1e-9 * abs(x.mean() / se):
        hint_t = "subtract mu0 from the mean: the test is about mean = mu0."
    assert_close(
        t, expected.statistic, rtol=1e-9, what=f"t from t_test_one_sample on {what}", hint=hint_t
    )
    hint_p = "p is two-sided: 2 * scipy.stats.t.sf(abs(t), n - 1)."
    if abs(p - expected.pvalue / 2) < 1e-9:
        hint_p = "that is a one-sided p-value: double it (two-sided, both tails)."
    elif abs(p - 2 * scipy.stats.t.sf(abs(t), n)) < 1e-12:
        hint_p = "use n - 1 degrees of freedom, not n."
    elif p > 1:
        hint_p = "a p-value is at most 1: use abs(t) in the tail probability."
    assert_close(
        p,
        expected.pvalue,
        rtol=1e-8,
        atol=1e-14,
        what=f"p from t_test_one_sample on {what}",
        hint=hint_p,
    )


@test_case(points=1, hidden=False)
def test_by_hand(t_test_one_sample):
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    expected = scipy.stats.ttest_1samp(x, 2.0)
    t, p = pair(t_test_one_sample, x, 2.0, what="[1, 2, 3, 4, 5] with mu0 = 2")
    assert_close(
        [t, p],
        [expected.statistic, expected.pvalue],
        rtol=1e-9,
        what="(t, p) for [1, 2, 3, 4, 5] and mu0 = 2",
        hint="mean 3, s / sqrt(n) = sqrt(0.5), so t = sqrt(2); p = 2 t.sf(t, 4).",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_matches_scipy(t_test_one_sample):
    gen = np.random.default_rng(901)
    for n, shift in [(8, 0.8), (30, 0.3), (100, -0.1)]:
        x = gen.normal(shift, 1.0, size=n)
        _check(t_test_one_sample, x, 0.0, f"{n} values", forbid=FORBIDDEN)
    sleep = pd.read_csv(data_file("sleep.csv")).sort_values(["group", "ID"])
    drug1 = sleep[sleep.group == 1].extra.to_numpy()
    drug2 = sleep[sleep.group == 2].extra.to_numpy()
    _check(t_test_one_sample, drug2 - drug1, 0.0, "the sleep data's paired differences")


@test_case(points=1, hidden=True)
def test_negative_t(t_test_one_sample):
    gen = np.random.default_rng(902)
    for n in [6, 25]:
        x = gen.normal(-0.7, 1.0, size=n)
        _check(t_test_one_sample, x, 0.0, f"{n} values with a negative mean")


@test_case(points=1, hidden=True)
def test_mu0_is_honoured(t_test_one_sample):
    gen = np.random.default_rng(903)
    x = gen.normal(5.0, 2.0, size=20)
    for mu0 in [5.5, 3.0]:
        _check(t_test_one_sample, x, mu0, f"20 values with mu0 = {mu0}")


@test_case(points=1, hidden=True)
def test_small_samples_df(t_test_one_sample):
    gen = np.random.default_rng(904)
    for n in [2, 3, 4]:
        x = gen.normal(1.0, 1.0, size=n)
        _check(t_test_one_sample, x, 0.0, f"only {n} values")
