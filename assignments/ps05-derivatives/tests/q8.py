OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, call, to_number

name = "q8"
points = 5


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _oracle(f, grad, hess, x0, x, order):
    dx = x - x0
    value = f(x0) + grad(x0) @ dx
    return value + 0.5 * dx @ hess(x0) @ dx if order == 2 else value


@test_case(points=1, hidden=False)
def test_by_hand(taylor_approx):
    def f(x):
        return np.exp(x[0]) + x[1] ** 2

    x0, x = np.zeros(2), np.array([0.1, 0.2])
    for order, expected in [(1, 1.1), (2, 1.145)]:
        got = to_number(
            call(taylor_approx, f, x0.copy(), x.copy(), order), what=f"the order-{order} value"
        )
        assert_close(
            got,
            expected,
            rtol=1e-6,
            reveal=True,
            what=f"taylor_approx(exp(x0) + x1**2, 0, (0.1, 0.2), order={order})",
            hint="order 1: f(x0) + grad.dx; order 2 adds 0.5 * dx^T H dx, with dx = x - x0.",
        )


@test_case(points=1, hidden=True)
def test_quadratics_are_exact(taylor_approx):
    rng = np.random.default_rng(581)
    for n in [1, 3]:
        G = rng.normal(size=(n, n))
        S = G + G.T
        b = rng.normal(size=n)

        def f(y, S=S, b=b):
            return 0.5 * y @ S @ y + b @ y

        x0, x = rng.normal(size=n), rng.normal(size=n)
        # both expected values before the calls: f's defaults S and b are reachable too
        exact = f(x)
        expected = f(x0) + (S @ x0 + b) @ (x - x0)
        got = to_number(call(taylor_approx, f, x0.copy(), x.copy(), 2), what="the order-2 value")
        assert_close(
            got,
            exact,
            rtol=1e-6,
            atol=1e-6,
            what=f"the order-2 Taylor approximation of a quadratic in R^{n}",
            hint="for a quadratic the second-order Taylor polynomial is exact, far "
            "from x0 too; check the 1/2 in front of dx^T H dx and the cross terms.",
        )
        got = to_number(call(taylor_approx, f, x0.copy(), x.copy(), 1), what="the order-1 value")
        assert_close(
            got,
            expected,
            rtol=1e-6,
            atol=1e-6,
            what=f"the order-1 Taylor approximation of a quadratic in R^{n}",
            hint="order 1 is the tangent plane f(x0) + grad f(x0).(x - x0).",
        )


@test_case(points=1, hidden=True)
def test_random_functions(taylor_approx):
    rng = np.random.default_rng(582)
    n = 3
    f, grad, hess = _family(rng, n)
    x0 = rng.normal(size=n)
    x = x0 + 0.3 * rng.normal(size=n)
    for order in [1, 2]:
        got = to_number(
            call(taylor_approx, f, x0.copy(), x.copy(), order), what=f"the order-{order} value"
        )
        assert_close(
            got,
            _oracle(f, grad, hess, x0, x, order),
            rtol=1e-6,
            atol=1e-6,
            what=f"the order-{order} Taylor approximation of a random function",
            hint="expand around x0 and evaluate at x: dx = x - x0, not x0 - x.",
        )


@test_case(points=2, hidden=True)
def test_error_order(taylor_approx):
    rng = np.random.default_rng(583)
    n = 2
    f, _, _ = _family(rng, n, k=4)
    x0 = rng.normal(size=n)
    d = rng.normal(size=n)
    d /= np.linalg.norm(d)
    ts = [0.02, 0.01, 0.005]
    for order, power in [(1, 2), (2, 3)]:
        errors = []
        for t in ts:
            value = to_number(
                call(taylor_approx, f, x0.copy(), x0 + t * d, order),
                what=f"the order-{order} value",
            )
            errors.append(abs(f(x0 + t * d) - value))
        ratios = [errors[0] / max(errors[1], 1e-300), errors[1] / max(errors[2], 1e-300)]
        target = 2**power
        if not all(0.7 * target < r < 1.3 * target for r in ratios):
            _fail(
                f"halving the distance |x - x0| should divide the order-{order} error by about "
                f"2**{power} = {target} (error ~ |dx|**{power}); your ratios are "
                f"{ratios[0]:.2f} and {ratios[1]:.2f}. Check the 1/2 factor and dx = x - x0."
            )
