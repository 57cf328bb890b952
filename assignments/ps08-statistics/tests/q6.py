"""Question 6: normal_log_likelihood, poisson_log_likelihood, mle_bernoulli, mle_poisson,
mle_normal.

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- normal_log_likelihood(mu, sigma2, x) is sum log N(x_i | mu, sigma2), sigma2 a variance:
  test_normal_log_likelihood / "treats sigma2 as the standard deviation" and "counts the
  normalizing constant once instead of n times"; no scipy logpdf (same case)
- poisson_log_likelihood(lam, x) = sum(x log lam - lam - log x!), the log x! term
  included: test_poisson_log_likelihood / "drops the log x! term"
- stays finite for counts in the hundreds (log x! by gammaln, not log(factorial)):
  test_poisson_large_counts / "log(factorial(x)) overflows above 170"
- mle_bernoulli is the fraction of ones, mle_poisson the sample mean (lists, bool and int
  arrays work): test_mle_bernoulli_poisson / "mle_poisson returns the sample variance"
  and "mle_bernoulli returns the fraction of zeros"
- mle_normal returns (mean, variance with ddof=0), the maximum-likelihood estimate, not
  the unbiased one: test_mle_normal / "mle_normal uses ddof=1" and "returns the standard
  deviation"
- each MLE maximizes its log-likelihood: test_mle_maximizes (checked with the oracle
  log-likelihoods, on data far from 0)
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from ps08_checks import number, pair

from mlmath_checks import assert_close

name = "q6"
points = 8

FORBIDDEN = [
    "scipy.stats.norm.logpdf",
    "scipy.stats.norm.pdf",
    "scipy.stats.poisson.logpmf",
    "scipy.stats.poisson.pmf",
    "scipy.stats.norm.fit",
]


@test_case(points=2, hidden=False)
def test_by_hand(normal_log_likelihood, poisson_log_likelihood, mle_bernoulli, mle_normal):
    assert_close(
        number(normal_log_likelihood, 0.0, 1.0, np.array([0.0]), what="x = [0]"),
        -0.5 * np.log(2 * np.pi),
        rtol=1e-12,
        what="normal_log_likelihood(0, 1, [0])",
        hint="log N(0 | 0, 1) = -log(2 pi) / 2.",
        reveal=True,
    )
    assert_close(
        number(poisson_log_likelihood, 1.0, np.array([0, 1]), what="x = [0, 1]"),
        -2.0,
        rtol=1e-12,
        what="poisson_log_likelihood(1, [0, 1])",
        hint="each term is x log(1) - 1 - log(x!) = -1 for x = 0 and x = 1.",
        reveal=True,
    )
    assert_close(
        number(mle_bernoulli, np.array([1, 0, 1, 1]), what="[1, 0, 1, 1]"),
        0.75,
        rtol=1e-12,
        what="mle_bernoulli([1, 0, 1, 1])",
        hint="three successes in four trials.",
        reveal=True,
    )
    mu, sigma2 = pair(mle_normal, np.array([1.0, 3.0]), what="mle_normal([1, 3])")
    assert_close(
        [mu, sigma2],
        [2.0, 1.0],
        rtol=1e-12,
        what="mle_normal([1, 3]) as (mu, sigma2)",
        hint="mean 2; squared deviations 1 and 1, averaged over n = 2.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_normal_log_likelihood(normal_log_likelihood):
    gen = np.random.default_rng(601)
    for n, mu, sigma2 in [(1, 0.5, 4.0), (10, -2.0, 0.25), (100, 3.0, 9.0)]:
        x = gen.normal(mu + 0.3, np.sqrt(sigma2), size=n)
        expected = np.sum(scipy.stats.norm.logpdf(x, mu, np.sqrt(sigma2)))
        found = number(
            normal_log_likelihood, mu, sigma2, x.copy(), what=f"{n} values", forbid=FORBIDDEN
        )
        assert_close(
            found,
            expected,
            rtol=1e-10,
            what=f"normal_log_likelihood({mu:g}, {sigma2:g}, x) for {n} values",
            hint="sum over i of -log(2 pi sigma2) / 2 - (x_i - mu)**2 / (2 sigma2): sigma2 "
            "is the variance, and the constant appears once per data point.",
        )


@test_case(points=1, hidden=True)
def test_poisson_log_likelihood(poisson_log_likelihood):
    gen = np.random.default_rng(602)
    for n, lam in [(1, 0.7), (12, 3.5), (60, 11.0)]:
        x = gen.poisson(lam, size=n)
        expected = np.sum(scipy.stats.poisson.logpmf(x, lam))
        found = number(poisson_log_likelihood, lam, x.copy(), what=f"{n} counts", forbid=FORBIDDEN)
        assert_close(
            found,
            expected,
            rtol=1e-10,
            what=f"poisson_log_likelihood({lam:g}, x) for {n} counts",
            hint="sum of x log(lam) - lam - log(x!): keep the log(x!) term (gammaln(x + 1)).",
        )


@test_case(points=1, hidden=True)
def test_poisson_large_counts(poisson_log_likelihood):
    x = np.array([180, 250, 420, 600, 333])
    lam = 350.0
    expected = np.sum(scipy.stats.poisson.logpmf(x, lam))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        found = number(poisson_log_likelihood, lam, x.copy(), what="counts up to 600")
    assert_close(
        found,
        expected,
        rtol=1e-10,
        what="poisson_log_likelihood(350, [180, 250, 420, 600, 333])",
        hint="x! overflows float64 above 170: compute log(x!) directly with "
        "scipy.special.gammaln(x + 1).",
    )


@test_case(points=1, hidden=True)
def test_mle_bernoulli_poisson(mle_bernoulli, mle_poisson):
    gen = np.random.default_rng(603)
    flips = gen.random(37) < 0.3
    for value, label in [
        (flips, "a bool array"),
        (flips.astype(int), "an int array"),
        ([1, 1, 0, 1, 0, 0, 0, 1, 1], "a list"),
    ]:
        expected = np.mean(np.asarray(value, dtype=float))
        found = number(mle_bernoulli, value, what=label)
        assert_close(
            found,
            expected,
            rtol=1e-12,
            what=f"mle_bernoulli on {label}",
            hint="the MLE of p is the fraction of ones (successes).",
        )
    for lam in [0.8, 6.0]:
        counts = gen.poisson(lam, size=25)
        found = number(mle_poisson, counts.copy(), what="25 counts", forbid=FORBIDDEN)
        assert_close(
            found,
            np.mean(counts),
            rtol=1e-12,
            what="mle_poisson on 25 counts",
            hint="setting the derivative of the log-likelihood to 0 gives the mean.",
        )


@test_case(points=1, hidden=True)
def test_mle_normal(mle_normal):
    gen = np.random.default_rng(604)
    for n in [3, 10, 50]:
        x = gen.normal(1.0, 2.0, size=n)
        mu, sigma2 = pair(mle_normal, x.copy(), what=f"{n} values", forbid=FORBIDDEN)
        assert_close(mu, np.mean(x), rtol=1e-12, what=f"mu from mle_normal on {n} values")
        hint = "the MLE of sigma2 is the mean squared deviation (ddof=0)."
        if abs(sigma2 - np.var(x, ddof=1)) < 1e-9 * np.var(x):
            hint = "that is the unbiased estimate (ddof=1); the MLE divides by n (ddof=0)."
        elif abs(sigma2 - np.std(x)) < 1e-9:
            hint = "that is the standard deviation: return the variance sigma2."
        assert_close(
            sigma2, np.var(x), rtol=1e-10, what=f"sigma2 from mle_normal on {n} values", hint=hint
        )


@test_case(points=1, hidden=True)
def test_mle_maximizes(mle_normal, mle_poisson):
    gen = np.random.default_rng(605)
    x = 1e6 + gen.normal(0.0, 0.5, size=40)
    mu, sigma2 = pair(mle_normal, x.copy(), what="40 values near 1e6")

    def loglik(m, s2):
        return np.sum(scipy.stats.norm.logpdf(x, m, np.sqrt(s2)))

    best = loglik(np.mean(x), np.var(x))
    if not np.isfinite(sigma2) or sigma2 <= 0 or loglik(mu, sigma2) < best - 1e-6:
        raise AssertionError(
            "mle_normal on 40 values near 1e6 (spread 0.5) does not maximize the normal "
            "log-likelihood: subtract the mean before squaring, or the digits are lost."
        )
    counts = gen.poisson(2.5, size=30)
    lam = number(mle_poisson, counts.copy(), what="30 counts")
    for other in [lam * 0.99, lam * 1.01]:
        if np.sum(scipy.stats.poisson.logpmf(counts, lam)) < np.sum(
            scipy.stats.poisson.logpmf(counts, other)
        ):
            raise AssertionError(
                "mle_poisson on 30 counts is not the maximum of the Poisson log-likelihood."
            )
