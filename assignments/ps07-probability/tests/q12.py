"""Clauses of question 12 (case -> the wrong variant that breaks that clause alone):

- returns `reps` values, shape (reps,) -> test_shape_and_centre (public), test_exact_small_n,
    test_other_shapes (n and reps honoured, reps = 1, n = 1); variant "means over the wrong axis"
- each value is sqrt(n) (mean of n draws - mu) / sigma
    -> test_exact_small_n, test_exact_scaled (exact CDFs, Gamma and triangular);
    variants "forgets sqrt(n)", "multiplies by n", "divides by sigma**2"
- draws come from sampler(rng, size) -> all cases use test samplers
Alternative correct: draws an (n, reps) array and averages axis 0; draws in chunks of reps.
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from prob_checks import assert_all_match_cdf

from mlmath_checks import assert_mean_close, assert_shape, call, rng

name = "q12"
points = 6

HINT = (
    "Z_n = sqrt(n) (mean of the n draws - mu) / sigma, where sigma is the standard deviation "
    "of ONE draw (not its variance) and the mean is over the n draws of each repetition."
)


def _exponential(scale):
    def sampler(generator, size):
        return generator.exponential(scale, size)

    return sampler


def _values(standardized_means, sampler, mu, sigma, n, reps, seed, what):
    found = call(
        standardized_means,
        sampler,
        mu,
        sigma,
        n,
        reps,
        rng(seed),
        name="standardized_means",
        what=what,
    )
    return assert_shape(
        found,
        (reps,),
        what=what,
        hint="one standardized mean per repetition: average each row of n draws.",
    )


def _gamma_cdf(n, scale):
    """Exact CDF of Z_n for Exponential(scale) draws: the sum S of n draws is Gamma(n, scale),
    and Z_n = (S / n - scale) sqrt(n) / scale, so P(Z_n <= t) = Gamma(n).cdf(n + t sqrt(n))."""
    return lambda t: scipy.stats.gamma.cdf(n + np.asarray(t) * np.sqrt(n), a=n)


@test_case(points=1, hidden=False)
def test_shape_and_centre(standardized_means):
    what = "standardized_means(Exponential(1) sampler, mu=1, sigma=1, n=30, reps=2000, rng)"
    z = _values(standardized_means, _exponential(1.0), 1.0, 1.0, 30, 2000, 1201, what)
    # Z_n has mean 0 and sd 1 exactly; a 6.109-standard-error CLT bound on its average.
    assert_mean_close(z, 0.0, 1.0, what=f"the average of {what}", hint=HINT)


@test_case(points=2, hidden=True)
def test_exact_small_n(standardized_means):
    # 20,000 repetitions for each of three n; DKW (Massart) at level 1e-9 / 3 per check
    # (union bound), eps = 0.0237. Against the exact CDFs: forgetting sqrt(n) shrinks Z by
    # sqrt(n) (2.2 for n=5), multiplying by n widens it as much: CDF distance above 0.2.
    checks = []
    for seed, n in [(1202, 1), (1203, 5), (1204, 40)]:
        what = f"standardized_means for Exponential(1) draws, n={n}, reps=20000"
        z = _values(standardized_means, _exponential(1.0), 1.0, 1.0, n, 20000, seed, what)
        checks.append((z, _gamma_cdf(n, 1.0), f"the values of {what}"))
    assert_all_match_cdf(checks, hint=HINT)


@test_case(points=2, hidden=True)
def test_exact_scaled(standardized_means):
    # Exponential with scale 3 (mu = sigma = 3, variance 9): dividing by sigma**2 shrinks Z by
    # 3. Uniform(0, 1) with n = 2: the mean of two uniforms is triangular on [0, 1] with
    # CDF 2 m^2 (m <= 1/2), 1 - 2 (1 - m)^2 (m > 1/2); sigma = sqrt(1/12). Two DKW checks at
    # level 1e-9 / 2.
    what = "standardized_means for Exponential(scale=3) draws, n=8, reps=20000"
    z = _values(standardized_means, _exponential(3.0), 3.0, 3.0, 8, 20000, 1205, what)
    checks = [(z, _gamma_cdf(8, 3.0), f"the values of {what}")]
    sigma = np.sqrt(1 / 12)

    def triangular(t):
        m = np.clip(0.5 + np.asarray(t) * sigma / np.sqrt(2), 0, 1)
        return np.where(m <= 0.5, 2 * m**2, 1 - 2 * (1 - m) ** 2)

    def uniform(generator, size):
        return generator.random(size)

    what = "standardized_means for Uniform(0, 1) draws, n=2, reps=20000"
    z = _values(standardized_means, uniform, 0.5, sigma, 2, 20000, 1206, what)
    checks.append((z, triangular, f"the values of {what}"))
    assert_all_match_cdf(checks, hint=HINT)


@test_case(points=1, hidden=True)
def test_other_shapes(standardized_means):
    for n, reps in [(3, 7), (50, 1), (1, 4)]:
        what = f"standardized_means with n={n}, reps={reps}"
        z = _values(standardized_means, _exponential(1.0), 1.0, 1.0, n, reps, 1207, what)
        if not np.all(np.isfinite(z)):
            raise AssertionError(f"{what} contains inf or NaN.")
