"""Clauses of question 3 (case -> the wrong variant that breaks that clause alone):

- normal_pdf(x, mu, sigma) = exp(-z^2 / 2) / (sigma sqrt(2 pi)), z = (x - mu) / sigma,
  elementwise, shape of x kept -> test_by_hand (public), test_pdf;
    variants "sigma**2 where sigma belongs", "forgets 1 / sigma in the normalization"
- normal_cdf(x, mu, sigma) = P(X <= x) -> test_by_hand (public), test_cdf_middle;
    variant "erf(z) without the sqrt(2)"
- relative accuracy 1e-9 down to x = mu - 37 sigma (erfc, not 1 + erf)
    -> test_cdf_left_tail; variant "0.5 * (1 + erf(z / sqrt 2))"
- scipy.stats is not used -> test_no_scipy_stats; variant "norm.cdf under another name"
"""

OK_FORMAT = False

import math

import numpy as np
import scipy.stats
from otter.test_files import test_case
from prob_checks import SCIPY_STATS

from mlmath_checks import assert_close, assert_shape, call, forbid_calls

name = "q3"
points = 6


@test_case(points=1, hidden=False)
def test_by_hand(normal_pdf, normal_cdf):
    assert_close(
        call(normal_pdf, 0.0, name="normal_pdf"),
        1 / math.sqrt(2 * math.pi),
        rtol=1e-12,
        what="normal_pdf(0.0)",
        reveal=True,
        hint="the standard normal density at 0 is 1 / sqrt(2 pi).",
    )
    assert_close(
        call(normal_cdf, 0.0, name="normal_cdf"),
        0.5,
        rtol=1e-12,
        what="normal_cdf(0.0)",
        reveal=True,
        hint="half the mass lies below the mean.",
    )
    assert_close(
        call(normal_cdf, 1.959963984540054, name="normal_cdf"),
        0.975,
        rtol=1e-9,
        what="normal_cdf(1.96)",
        reveal=True,
        hint="Phi(z) = (1 + erf(z / sqrt(2))) / 2: did you forget the sqrt(2)?",
    )


@test_case(points=2, hidden=True)
def test_pdf(normal_pdf):
    gen = np.random.default_rng(731)
    for mu, sigma, shape in [(0.0, 1.0, (9,)), (3.0, 2.5, (4, 3)), (-40.0, 0.2, (6,))]:
        x = mu + sigma * gen.normal(scale=2.0, size=shape)
        expected = scipy.stats.norm.pdf(x, mu, sigma)
        what = f"normal_pdf on x of shape {shape} with mu={mu}, sigma={sigma}"
        found = assert_shape(
            call(normal_pdf, x.copy(), mu, sigma, name="normal_pdf", what=what),
            shape,
            what=what,
            hint="work elementwise on x.",
        )
        assert_close(
            found,
            expected,
            rtol=1e-10,
            what=what,
            hint="sigma is the standard deviation: z = (x - mu) / sigma, and the "
            "normalization is 1 / (sigma sqrt(2 pi)) so the area stays 1.",
        )


@test_case(points=1, hidden=True)
def test_cdf_middle(normal_cdf):
    gen = np.random.default_rng(732)
    for mu, sigma in [(0.0, 1.0), (10.0, 3.0), (-2.0, 0.01)]:
        x = mu + sigma * gen.uniform(-6, 6, size=(3, 7))
        expected = scipy.stats.norm.cdf(x, mu, sigma)
        what = f"normal_cdf on x of shape (3, 7) with mu={mu}, sigma={sigma}"
        found = call(normal_cdf, x.copy(), mu, sigma, name="normal_cdf", what=what)
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-15,
            what=what,
            hint="Phi(x) = (1 + erf((x - mu) / (sigma sqrt 2))) / 2, elementwise.",
        )


@test_case(points=1, hidden=True)
def test_cdf_left_tail(normal_cdf):
    x = np.array([-36.0, -30.0, -20.0, -12.5, -9.0, -6.0])
    expected = scipy.stats.norm.cdf(x, 1.0, 1.0)
    what = "normal_cdf far in the left tail (x from mu - 37 sigma to mu - 7 sigma)"
    found = call(normal_cdf, x.copy(), 1.0, 1.0, name="normal_cdf", what=what)
    array = np.asarray(found, dtype=float)
    if array.shape == x.shape and np.any(array == 0):
        raise AssertionError(
            f"{what} returns 0 where the probability is tiny but positive (about 6e-300 "
            "at 37 sigma): 1 + erf(z) cancels to 0. Use erfc: Phi(z) = erfc(-z / sqrt 2) / 2."
        )
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what=what,
        hint="1 + erf(z) loses its digits for very negative z: use erfc.",
    )


@test_case(points=1, hidden=True)
def test_no_scipy_stats(normal_pdf, normal_cdf):
    forbid_calls(SCIPY_STATS, normal_pdf, np.linspace(-3, 3, 5), 1.0, 2.0)
    forbid_calls(SCIPY_STATS, normal_cdf, np.linspace(-3, 3, 5), 1.0, 2.0)
