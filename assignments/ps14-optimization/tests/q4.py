"""Clauses of question 4, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- rosenbrock(x, a, b) = (a - x0)^2 + b (x1 - x0^2)^2 with a and b honoured:
  test_values_and_grid (scipy.optimize.rosen for a = 1, b = 100; the formula elsewhere);
  variants "ignores a", "b multiplies the wrong term".
- x may be a grid of shape (2, ...) and the result has shape (...): test_values_and_grid;
  variant "flattens x first".
- rosenbrock_grad is the exact gradient, a and b honoured: test_gradient (scipy.optimize.rosen_der,
  rescaled for other a and b); variants "forgets the chain-rule
  factor 2 in d/dx1", "wrong sign of the 4 b x0 (x1 - x0^2) term".
- rosenbrock_hess is the exact Hessian, symmetric: test_hessian (scipy.optimize.rosen_hess,
  rescaled for other b); variants "off-diagonal +4 b x0", "the
  Hessian of b (x1 - x0^2)^2 only (forgets the 2 from (a - x0)^2)".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from scipy.optimize import rosen, rosen_der, rosen_hess

from mlmath_checks import assert_close, assert_shape, call

name = "q4"
points = 4


def _f(x, a, b):
    return (a - x[0]) ** 2 + b * (x[1] - x[0] ** 2) ** 2


def _grad(x, a, b):
    """The exact gradient for any a and b from scipy's (a = 1, b = 100): the b-term scales
    linearly in b, and only the first square involves a."""
    first = np.array([-2 * (1 - x[0]), 0.0])
    return np.array([-2 * (a - x[0]), 0.0]) + b * (rosen_der(x) - first) / 100


def _hess(x, b):
    """The exact Hessian for any a and b: it does not depend on a, and is linear in b."""
    constant = np.diag([2.0, 0.0])
    return constant + b * (rosen_hess(x) - constant) / 100


@test_case(points=1, hidden=False)
def test_by_hand(rosenbrock, rosenbrock_grad, rosenbrock_hess):
    assert_close(
        call(rosenbrock, np.array([-1.2, 1.0])),
        24.2,
        rtol=1e-12,
        what="rosenbrock([-1.2, 1.0])",
        hint="(1 - (-1.2))^2 + 100 (1 - 1.44)^2 = 4.84 + 19.36.",
        reveal=True,
    )
    assert_close(
        call(rosenbrock_grad, np.array([1.0, 1.0])),
        [0.0, 0.0],
        atol=1e-12,
        what="rosenbrock_grad([1, 1]) at the minimum",
        hint="the gradient vanishes at the minimizer (a, a^2) = (1, 1).",
        reveal=True,
    )
    assert_close(
        call(rosenbrock_hess, np.array([0.0, 0.0])),
        [[2.0, 0.0], [0.0, 200.0]],
        rtol=1e-12,
        what="rosenbrock_hess([0, 0])",
        hint="at the origin only the constant parts remain: d2f/dx0^2 = 2, d2f/dx1^2 = 2 b.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_values_and_grid(rosenbrock):
    rng = np.random.default_rng(401)
    for _ in range(4):
        x = rng.uniform(-2, 2, size=2)
        assert_close(
            call(rosenbrock, x.copy(), what="a random point"),
            rosen(x),
            rtol=1e-12,
            what="rosenbrock(x) with the default a = 1, b = 100",
            hint="(a - x0)^2 + b (x1 - x0^2)^2: b multiplies the second square.",
        )
    for a, b in [(2.0, 10.0), (-0.5, 3.0)]:
        x = rng.uniform(-2, 2, size=2)
        assert_close(
            call(rosenbrock, x.copy(), a=a, b=b, what=f"a = {a}, b = {b}"),
            _f(x, a, b),
            rtol=1e-12,
            what=f"rosenbrock(x, a={a}, b={b})",
            hint="use the a and b you are given.",
        )
    grid = np.stack(np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-1, 3, 5)))
    found = assert_shape(
        call(rosenbrock, grid.copy(), what="a grid of shape (2, 5, 7)"),
        (5, 7),
        what="rosenbrock on a grid of shape (2, 5, 7)",
        hint="x[0] and x[1] are the two coordinate arrays: use them as they are, without "
        "flattening x.",
    )
    assert_close(found, _f(grid, 1.0, 100.0), rtol=1e-12, what="rosenbrock on a grid")


@test_case(points=1, hidden=True)
def test_gradient(rosenbrock_grad):
    rng = np.random.default_rng(402)
    for a, b in [(1.0, 100.0), (1.0, 100.0), (2.0, 10.0), (-0.5, 3.0)]:
        x = rng.uniform(-2, 2, size=2)
        expected = _grad(x, a, b)
        found = assert_shape(
            call(rosenbrock_grad, x.copy(), a=a, b=b, what="a random point"),
            (2,),
            what="rosenbrock_grad(x)",
        )
        if not np.isclose(found[1], expected[1], rtol=1e-6):
            hint = "d/dx1 of b (x1 - x0^2)^2 is 2 b (x1 - x0^2): the chain rule brings down the 2."
        else:
            hint = (
                "d/dx0 = -2 (a - x0) - 4 b x0 (x1 - x0^2): the inner derivative of x1 - x0^2 "
                "with respect to x0 is -2 x0."
            )
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-9,
            what=f"rosenbrock_grad(x, a={a}, b={b})",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_hessian(rosenbrock_hess):
    rng = np.random.default_rng(403)
    for a, b in [(1.0, 100.0), (1.0, 100.0), (2.0, 10.0), (-0.5, 3.0)]:
        x = rng.uniform(-2, 2, size=2)
        expected = _hess(x, b)
        found = assert_shape(
            call(rosenbrock_hess, x.copy(), a=a, b=b, what="a random point"),
            (2, 2),
            what="rosenbrock_hess(x)",
        )
        if not np.isclose(found[0, 1], expected[0, 1], rtol=1e-4):
            hint = "the mixed partial d2f/dx0dx1 = -4 b x0 (differentiate 2 b (x1 - x0^2) in x0)."
        else:
            hint = "d2f/dx0^2 = 2 - 4 b (x1 - x0^2) + 8 b x0^2: the 2 comes from (a - x0)^2."
        assert_close(
            found,
            expected,
            rtol=1e-9,
            atol=1e-9,
            what=f"rosenbrock_hess(x, a={a}, b={b})",
            hint=hint,
        )
