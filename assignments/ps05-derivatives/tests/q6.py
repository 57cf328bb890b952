OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, assert_shape, call

name = "q6"
points = 5


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _shaped(value, shape, what, hint):
    """assert_shape with a hint appended to its message."""
    try:
        return assert_shape(value, shape, what)
    except AssertionError as error:
        raise AssertionError(f"{error} {hint}") from None


@test_case(points=1, hidden=False)
def test_by_hand(jacobian):
    def F(x):
        return np.array([x[0] * x[1], x[0] + 2 * x[1], x[1] ** 2])

    got = _shaped(
        call(jacobian, F, np.array([1.0, 2.0])),
        (3, 2),
        "the Jacobian of F: R^2 -> R^3",
        "convention: J has one row per output and one column per input, "
        "shape (m, n); a transposed J has shape (n, m).",
    )
    assert_close(
        got,
        [[2.0, 1.0], [1.0, 2.0], [0.0, 4.0]],
        rtol=1e-6,
        atol=1e-8,
        reveal=True,
        what="the Jacobian of (x0 x1, x0 + 2 x1, x1**2) at (1, 2)",
        hint="J[i, j] = dF_i / dx_j: column j is (F(x + h e_j) - F(x - h e_j)) / (2h).",
    )


@test_case(points=2, hidden=True)
def test_linear_maps(jacobian):
    rng = np.random.default_rng(561)
    for m, n in [(3, 5), (1, 4), (4, 1), (3, 3)]:
        A = rng.normal(size=(m, n))
        c = rng.normal(size=m)
        x = rng.normal(size=n)
        expected = A.copy()  # the student's jacobian can reach A through F's defaults
        got = _shaped(
            call(jacobian, lambda y, A=A, c=c: A @ y + c, x),
            (m, n),
            f"the Jacobian of a linear map R^{n} -> R^{m}",
            "J has shape (m, n): one row per output F_i.",
        )
        assert_close(
            got,
            expected,
            rtol=1e-6,
            atol=1e-8,
            what=f"the Jacobian of x -> A x + c (A of shape {(m, n)})",
            hint="the Jacobian of A x + c is A itself; J[i, j] = dF_i / dx_j, not dF_j / dx_i.",
        )


@test_case(points=1, hidden=True)
def test_nonlinear_maps(jacobian):
    rng = np.random.default_rng(562)
    for m, n in [(4, 3), (2, 6)]:
        parts = [_family(rng, n) for _ in range(m)]
        x = rng.normal(size=n)
        expected = np.array([g(x) for _, g, _ in parts])
        got = assert_shape(
            call(jacobian, lambda y, parts=parts: [p(y) for p, _, _ in parts], x),
            (m, n),
            what=f"the Jacobian of a nonlinear map R^{n} -> R^{m}",
        )
        assert_close(
            got,
            expected,
            rtol=1e-6,
            atol=1e-7,
            what=f"the Jacobian of a nonlinear map R^{n} -> R^{m} (F returns a list)",
            hint="row i is the gradient of F_i; use central differences with 2h.",
        )


@test_case(points=1, hidden=True)
def test_uses_the_given_step(jacobian):
    rng = np.random.default_rng(563)
    parts = [_family(rng, 3) for _ in range(2)]

    def F(y):
        return np.array([p(y) for p, _, _ in parts])

    x = np.array([1, 0, -1])
    h = 0.05
    expected = np.column_stack([(F(x + h * e) - F(x - h * e)) / (2 * h) for e in np.eye(3)])
    got = call(jacobian, F, x, h)
    if not np.array_equal(x, [1, 0, -1]):
        _fail("jacobian changed the array x you were given: step a float copy.")
    assert_close(
        got,
        expected,
        rtol=1e-8,
        atol=1e-12,
        what=f"jacobian(F, x, h={h}) at an integer point",
        hint="step x_j by exactly +h and -h, divide by 2h, and convert x to float first.",
    )
