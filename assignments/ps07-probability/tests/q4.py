"""Clauses of question 4 (case -> the wrong variant that breaks that clause alone):

lognormal_pdf
- f_Y(y) = f_X(log y) / y for y > 0 (the Jacobian 1/y), elementwise
    -> test_pdf_by_hand (public), test_pdf_against_scipy; variant "forgets the 1 / y"
- 0 for y <= 0, with no NaN -> test_pdf_nonpositive; variant "log of y <= 0 gives NaN"
- scipy.stats not used -> test_pdf_against_scipy (forbid_calls); variant "scipy lognorm.pdf"
sample_lognormal
- returns an array of shape `size` (int or tuple) -> test_sampler_shape (public);
    variant "ignores a tuple size"
- the draws follow exp(Normal(mu, sigma^2)) -> test_sampler_distribution (DKW, two settings);
    variants "sigma**2 as the scale", "forgets the exp"
- all randomness comes from rng -> test_sampler_uses_rng; variant "np.random.default_rng()"
Alternative correct: rng.lognormal; inverse CDF from uniforms; draws in another shape.
"""

OK_FORMAT = False

import math

import numpy as np
import scipy.stats
from otter.test_files import test_case
from prob_checks import SCIPY_STATS, assert_all_match_cdf

from mlmath_checks import assert_close, assert_shape, call, forbid_calls, rng

name = "q4"
points = 7


@test_case(points=1, hidden=False)
def test_pdf_by_hand(lognormal_pdf):
    found = call(lognormal_pdf, 1.0, 0.0, 1.0, name="lognormal_pdf")
    assert_close(
        found,
        1 / math.sqrt(2 * math.pi),
        rtol=1e-10,
        what="lognormal_pdf(1.0, 0, 1)",
        hint="at y = 1, log y = 0 and 1/y = 1, so f_Y(1) = f_X(0) = 1/sqrt(2 pi).",
        reveal=True,
    )
    found = call(lognormal_pdf, math.e, 0.0, 1.0, name="lognormal_pdf")
    expected = math.exp(-0.5) / math.sqrt(2 * math.pi) / math.e
    if abs(float(np.asarray(found)) - expected * math.e) < 1e-12:
        raise AssertionError(
            "lognormal_pdf(e, 0, 1) equals f_X(1) = 0.242: the factor 1/y "
            "from the change of variables is missing."
        )
    assert_close(
        found,
        expected,
        rtol=1e-10,
        what="lognormal_pdf(e, 0, 1)",
        hint="f_Y(y) = f_X(log y) * |d log y / dy| = f_X(log y) / y.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_pdf_against_scipy(lognormal_pdf):
    gen = np.random.default_rng(741)
    for mu, sigma, shape in [(0.5, 1.5, (20,)), (-1.0, 0.4, (3, 4)), (3.0, 0.05, (8,))]:
        y = np.exp(mu + sigma * gen.normal(scale=1.5, size=shape))
        expected = scipy.stats.lognorm.pdf(y, s=sigma, scale=math.exp(mu))
        what = f"lognormal_pdf on y of shape {shape} with mu={mu}, sigma={sigma}"
        found = forbid_calls(SCIPY_STATS, lognormal_pdf, y.copy(), mu, sigma)
        found = assert_shape(found, shape, what=what, hint="work elementwise on y.")
        ratio = np.asarray(found) / expected
        if np.allclose(ratio, y, rtol=1e-8):
            raise AssertionError(
                f"{what} is f_X(log y), without the factor 1/y from the change of variables."
            )
        assert_close(
            found,
            expected,
            rtol=1e-9,
            what=what,
            hint="f_Y(y) = exp(-(log y - mu)**2 / (2 sigma**2)) / (y sigma sqrt(2 pi)).",
        )


@test_case(points=1, hidden=True)
def test_pdf_nonpositive(lognormal_pdf):
    y = np.array([-3.0, -1e-12, 0.0, 0.5, 2.0])
    expected = scipy.stats.lognorm.pdf(y, s=0.8, scale=math.exp(0.2))
    what = "lognormal_pdf at y = (-3, -1e-12, 0, 0.5, 2) with mu=0.2, sigma=0.8"
    with np.errstate(all="ignore"):
        found = call(lognormal_pdf, y.copy(), 0.2, 0.8, name="lognormal_pdf", what=what)
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what=what,
        hint="Y = exp(X) is never <= 0: its density there is 0 (not NaN; avoid taking "
        "log of y <= 0, e.g. with np.where on a safe copy).",
    )


@test_case(points=1, hidden=False)
def test_sampler_shape(sample_lognormal):
    for size in [5, (3, 4)]:
        draws = call(sample_lognormal, 0.0, 1.0, size, rng(742), name="sample_lognormal")
        expected = (size,) if isinstance(size, int) else size
        array = assert_shape(
            draws,
            expected,
            what=f"sample_lognormal(0, 1, {size}, rng)",
            hint="return an array of shape `size`, like rng.normal(size=size).",
        )
        if not np.all(array > 0):
            raise AssertionError(
                "sample_lognormal returned values <= 0: exp(X) is always "
                "positive. Did you forget the exp?"
            )


@test_case(points=2, hidden=True)
def test_sampler_distribution(sample_lognormal):
    # 20,000 draws per setting. Bound: DKW (Massart), P(sup|F_n - F| > eps) <= 2 exp(-2n eps^2)
    # for every n, each of the two checks at level 5e-10 (union bound: 1e-9 in all), so
    # eps = 0.0235. Wrong answers are far beyond it: sigma**2 as the scale (1.5 -> 2.25,
    # 0.4 -> 0.16) moves the CDF by about 0.1 and 0.3; forgetting exp by about 0.5.
    checks = []
    for seed, (mu, sigma) in [(743, (0.5, 1.5)), (744, (-1.0, 0.4))]:
        what = f"sample_lognormal({mu}, {sigma}, 20000, rng)"
        draws = call(
            sample_lognormal, mu, sigma, 20000, rng(seed), name="sample_lognormal", what=what
        )
        draws = assert_shape(draws, (20000,), what=what)
        cdf = scipy.stats.lognorm(s=sigma, scale=math.exp(mu)).cdf
        checks.append((draws, cdf, f"the draws of {what}"))
    assert_all_match_cdf(
        checks,
        hint="Y = exp(mu + sigma Z) with Z standard normal: sigma is "
        "the standard deviation of log Y, not its variance.",
    )


@test_case(points=1, hidden=True)
def test_sampler_uses_rng(sample_lognormal):
    first = call(sample_lognormal, 0.3, 0.7, 50, rng(745), name="sample_lognormal")
    second = call(sample_lognormal, 0.3, 0.7, 50, rng(745), name="sample_lognormal")
    if not np.array_equal(np.asarray(first), np.asarray(second)):
        raise AssertionError(
            "two calls of sample_lognormal with identically seeded Generators "
            "gave different draws: take all randomness from the `rng` argument "
            "(rng.standard_normal, rng.normal, ...), never from np.random."
        )
