OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, assert_shape, call

name = "q7"
points = 6


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


@test_case(points=2, hidden=False)
def test_by_hand(hessian):
    def f(x):
        return x[0] ** 2 * x[1] + x[1] ** 3

    got = assert_shape(
        call(hessian, f, np.array([1.0, 2.0])),
        (2, 2),
        what="the Hessian of a function of 2 variables",
    )
    assert_close(
        got,
        [[4.0, 2.0], [2.0, 12.0]],
        rtol=1e-5,
        atol=1e-5,
        reveal=True,
        what="the Hessian of x0**2 x1 + x1**3 at (1, 2)",
        hint="H[i, j] = d2f / dx_i dx_j. The mixed formula is [f(x+h e_i+h e_j) - "
        "f(x+h e_i-h e_j) - f(x-h e_i+h e_j) + f(x-h e_i-h e_j)] / (4 h**2).",
    )


@test_case(points=1, hidden=True)
def test_quadratic_forms(hessian):
    rng = np.random.default_rng(571)
    for n in [1, 3, 5]:
        A = rng.normal(size=(n, n))
        b = rng.normal(size=n)
        x = rng.normal(size=n)
        expected = (A + A.T) / 2  # the student's hessian can reach A through f's defaults
        got = assert_shape(
            call(hessian, lambda y, A=A, b=b: 0.5 * y @ A @ y + b @ y, x),
            (n, n),
            what=f"the Hessian of a quadratic form in R^{n}",
        )
        assert_close(
            got,
            expected,
            rtol=1e-5,
            atol=1e-5,
            what=f"the Hessian of 0.5 x^T A x + b.x in R^{n} (A not symmetric)",
            hint="the Hessian of 0.5 x^T A x is (A + A^T) / 2; check the 4 h**2 "
            "divisor of the mixed partials.",
        )


@test_case(points=2, hidden=True)
def test_random_functions(hessian):
    rng = np.random.default_rng(572)
    for n in [2, 4]:
        f, _, hess = _family(rng, n)
        x = rng.normal(size=n)
        got = assert_shape(call(hessian, f, x.copy()), (n, n), what=f"the Hessian in R^{n}")
        assert_close(
            got,
            hess(x),
            rtol=1e-5,
            atol=1e-5,
            what=f"the Hessian of a random smooth function in R^{n}",
            hint="both the diagonal and the mixed partials must be central "
            "differences (error O(h**2)); a forward formula is O(h).",
        )


@test_case(points=1, hidden=True)
def test_symmetric(hessian):
    rng = np.random.default_rng(573)
    f, _, _ = _family(rng, 5, k=5)
    got = assert_shape(call(hessian, f, rng.normal(size=5)), (5, 5), what="the Hessian in R^5")
    gap = float(np.max(np.abs(got - got.T)))
    if not gap <= 1e-10 * max(1.0, float(np.max(np.abs(got)))):
        _fail(
            f"your Hessian is not symmetric: max |H - H^T| = {gap:.2e}. For a smooth f the "
            "mixed partials are equal; compute H[i, j] once and copy it to H[j, i], or "
            "return (H + H.T) / 2."
        )
