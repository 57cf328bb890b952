"""Clauses of question 8 (case -> the wrong variant that breaks that clause alone):

beta_pdf
- theta^(a-1) (1-theta)^(b-1) / B(a, b), elementwise -> test_pdf_by_hand (public),
    test_pdf_against_scipy; variant "theta^a (1-theta)^b"
- accurate for large a, b (thousands) -> test_pdf_large_parameters; variant "math.gamma"
- 0 for theta <= 0 or theta >= 1 -> test_pdf_outside; variant "NaN outside (0, 1)"
- scipy.stats not used -> test_pdf_against_scipy (forbid_calls); variant "scipy beta.pdf"
beta_update
- (a + number of ones, b + number of zeros) -> test_update_by_hand (public),
    test_update; variants "swaps ones and zeros", "adds n to both"
- accepts lists, bool arrays and no observations -> test_update
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from prob_checks import SCIPY_STATS

from mlmath_checks import assert_close, assert_shape, call, forbid_calls, to_number

name = "q8"
points = 7


@test_case(points=1, hidden=False)
def test_pdf_by_hand(beta_pdf):
    assert_close(
        call(beta_pdf, 0.5, 2.0, 2.0, name="beta_pdf"),
        1.5,
        rtol=1e-10,
        reveal=True,
        what="beta_pdf(0.5, 2, 2)",
        hint="Beta(2, 2) has density 6 theta (1 - theta); B(2, 2) = 1/6.",
    )


@test_case(points=1, hidden=False)
def test_update_by_hand(beta_update):
    found = call(beta_update, 1.0, 1.0, [1, 0, 1], name="beta_update")
    if not isinstance(found, (tuple, list)) or len(found) != 2:
        raise AssertionError("beta_update should return a pair (a_new, b_new).")
    assert_close(
        [to_number(found[0]), to_number(found[1])],
        [3.0, 2.0],
        rtol=1e-12,
        what="beta_update(1, 1, [1, 0, 1])",
        reveal=True,
        hint="a counts the ones (successes), b the zeros (failures).",
    )


@test_case(points=1, hidden=True)
def test_pdf_against_scipy(beta_pdf):
    gen = np.random.default_rng(781)
    for a, b, shape in [(0.5, 0.5, (7,)), (3.0, 9.0, (2, 5)), (1.0, 1.0, (4,)), (40.0, 2.5, (9,))]:
        theta = gen.uniform(0.001, 0.999, size=shape)
        expected = scipy.stats.beta.pdf(theta, a, b)
        what = f"beta_pdf on theta of shape {shape} with a={a}, b={b}"
        found = forbid_calls(SCIPY_STATS, beta_pdf, theta.copy(), a, b)
        assert_close(
            assert_shape(found, shape, what=what, hint="work elementwise on theta."),
            expected,
            rtol=1e-9,
            what=what,
            hint="the exponents are a - 1 and b - 1, and "
            "1 / B(a, b) = Gamma(a + b) / (Gamma(a) Gamma(b)).",
        )


@test_case(points=1, hidden=True)
def test_pdf_large_parameters(beta_pdf):
    theta = np.linspace(0.55, 0.65, 11)
    expected = scipy.stats.beta.pdf(theta, 3001.0, 2001.0)
    what = "beta_pdf near its peak with a=3001, b=2001 (after 5000 observations)"
    hint = (
        "Gamma(3001) overflows a float: add the logs (math.lgamma) and exponentiate once at "
        "the end."
    )
    with np.errstate(all="ignore"):
        found = call(beta_pdf, theta.copy(), 3001.0, 2001.0, name="beta_pdf", what=what, hint=hint)
    assert_close(found, expected, rtol=1e-8, atol=1e-300, what=what, hint=hint)


@test_case(points=1, hidden=True)
def test_pdf_outside(beta_pdf):
    theta = np.array([-0.5, 0.0, 0.3, 1.0, 1.5])
    expected = np.array([0.0, 0.0, scipy.stats.beta.pdf(0.3, 2.5, 4.0), 0.0, 0.0])
    what = "beta_pdf at theta = (-0.5, 0, 0.3, 1, 1.5) with a=2.5, b=4"
    with np.errstate(all="ignore"):
        found = call(beta_pdf, theta.copy(), 2.5, 4.0, name="beta_pdf", what=what)
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what=what,
        hint="return 0 where theta <= 0 or theta >= 1 (no NaN from log 0 or the log of "
        "a negative number).",
    )


@test_case(points=2, hidden=True)
def test_update(beta_update):
    gen = np.random.default_rng(782)
    flips = gen.random(137) < 0.3
    ones = int(flips.sum())
    cases = [
        ((2.0, 5.0, flips.copy()), (2.0 + ones, 5.0 + 137 - ones), "137 boolean observations"),
        (
            (0.5, 0.5, flips.astype(int).tolist()),
            (0.5 + ones, 0.5 + 137 - ones),
            "a list of 137 zeros and ones",
        ),
        ((3.0, 4.0, []), (3.0, 4.0), "no observations (the prior is unchanged)"),
        ((1.0, 1.0, np.zeros(10)), (1.0, 11.0), "ten zeros"),
    ]
    for args, expected, what in cases:
        found = call(beta_update, *args, name="beta_update", what=what)
        if not isinstance(found, (tuple, list)) or len(found) != 2:
            raise AssertionError("beta_update should return a pair (a_new, b_new).")
        assert_close(
            [to_number(found[0]), to_number(found[1])],
            expected,
            rtol=1e-12,
            what=f"beta_update on {what}",
            hint="a_new = a + (number of ones), b_new = b + (number of zeros).",
        )
    # sequential updating equals one batch update
    a, b = 1.0, 1.0
    for chunk in np.array_split(flips, 4):
        a, b = (to_number(v) for v in call(beta_update, a, b, chunk.copy(), name="beta_update"))
    assert_close(
        [a, b],
        [1.0 + ones, 1.0 + 137 - ones],
        rtol=1e-12,
        what="four sequential updates",
        hint="updating in chunks must equal one update.",
    )
