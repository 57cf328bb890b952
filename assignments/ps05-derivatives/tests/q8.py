OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - order 1 is f(x0) + grad_f(x0) . dx with dx = x - x0: test_quadratics_are_exact,
#   test_random_functions; variant "displacement reversed, dx = x0 - x".
# - order 2 adds 0.5 dx^T H(x0) dx, cross terms included: test_quadratics_are_exact;
#   variants "without the 1/2", "only the diagonal of H".
# - the derivatives are those of the functions passed in, evaluated at x0: test_uses_the_
#   given_derivatives; variants "evaluates the gradient at x instead of x0", "ignores
#   grad_f and hess_f and calls numerical_gradient and hessian from the notebook".
# - order 1 never calls hess_f (a Hessian costs n**2 evaluations): test_order_one_cost;
#   variant "always computes the Hessian".
# - the error orders |dx|**2 and |dx|**3: test_error_order.
# - returns a float: every case (to_number).
# The tests pass exact derivatives, so mistakes in Questions 3 and 7 cost nothing here.

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, call, to_number

name = "q8"
points = 5


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _value(taylor_approx, f, grad, hess, x0, x, order, what):
    return to_number(
        call(
            taylor_approx,
            f,
            grad,
            hess,
            np.array(x0, dtype=float),
            np.array(x, dtype=float),
            order,
            what=what,
        ),
        what=f"taylor_approx on {what}",
    )


def _hint(found, f, grad, hess, x0, x, order):
    dx = x - x0
    g, H = grad(x0), hess(x0)
    candidates = [
        (
            f(x0) - g @ dx + (0.5 * dx @ H @ dx if order == 2 else 0.0),
            "the displacement is reversed: dx = x - x0, the point minus the centre.",
        ),
        (
            f(x0) + grad(x) @ dx + (0.5 * dx @ hess(x) @ dx if order == 2 else 0.0),
            "the derivatives are evaluated at x; Taylor's formula uses them at the centre x0.",
        ),
    ]
    if order == 2:
        candidates += [
            (
                f(x0) + g @ dx + dx @ H @ dx,
                "the second-order term is missing its 1/2: T2 = T1 + 0.5 dx^T H dx.",
            ),
            (
                f(x0) + g @ dx + 0.5 * np.diag(H) @ dx**2,
                "you kept only the diagonal of H; "
                "dx^T H dx = sum_ij H_ij dx_i dx_j includes the cross terms (dx @ H @ dx).",
            ),
        ]
    return matching_hint(
        found,
        candidates,
        "T1 = f(x0) + grad_f(x0) . dx and T2 = T1 + 0.5 dx^T hess_f(x0) dx, with dx = x - x0.",
        rtol=1e-9,
    )


def _exp_example():
    def f(x):
        return np.exp(x[0]) + x[1] ** 2

    def grad(x):
        return np.array([np.exp(x[0]), 2 * x[1]])

    def hess(x):
        return np.array([[np.exp(x[0]), 0.0], [0.0, 2.0]])

    return f, grad, hess


@test_case(points=1, hidden=False)
def test_by_hand(taylor_approx):
    f, grad, hess = _exp_example()
    x0, x = np.zeros(2), np.array([0.1, 0.2])
    for order, expected in [(1, 1.1), (2, 1.145)]:
        got = _value(taylor_approx, f, grad, hess, x0, x, order, f"the order-{order} example")
        assert_close(
            got,
            expected,
            rtol=1e-9,
            reveal=True,
            what=f"taylor_approx(exp(x0) + x1**2, grad, hess, 0, (0.1, 0.2), order={order})",
            hint="order 1: f(x0) + grad_f(x0) . dx; order 2 adds 0.5 * dx^T hess_f(x0) dx, "
            "with dx = x - x0.",
        )


@test_case(points=1, hidden=True)
def test_quadratics_are_exact(taylor_approx):
    rng = np.random.default_rng(581)
    for n in [1, 3]:
        G = rng.normal(size=(n, n))
        S = G + G.T
        b = rng.normal(size=n)

        def f(y, S=S, b=b):
            return float(0.5 * y @ S @ y + b @ y)

        def grad(y, S=S, b=b):
            return S @ y + b

        def hess(y, S=S):
            return S.copy()

        x0, x = rng.normal(size=n), rng.normal(size=n)
        exact, first = f(x), f(x0) + grad(x0) @ (x - x0)  # before the calls
        for order, expected in [(2, exact), (1, first)]:
            got = _value(
                taylor_approx, f, grad, hess, x0, x, order, f"a quadratic in R^{n}, order {order}"
            )
            assert_close(
                got,
                expected,
                rtol=1e-9,
                atol=1e-12,
                what=f"the order-{order} Taylor approximation of a quadratic in R^{n}",
                hint=_hint(got, f, grad, hess, x0, x, order),
            )


@test_case(points=1, hidden=True)
def test_random_functions(taylor_approx):
    rng = np.random.default_rng(582)
    n = 3
    f, grad, hess = _family(rng, n)
    x0 = rng.normal(size=n)
    x = x0 + 0.3 * rng.normal(size=n)
    # Derivatives that are not those of f (the test's own): the answer must use them.
    g_fixed = np.array([1.0, -2.0, 0.5])
    H_fixed = np.array([[2.0, 1.0, 0.0], [1.0, 3.0, -1.0], [0.0, -1.0, 1.0]])
    dx = x - x0
    for order in [1, 2]:
        expected = f(x0) + g_fixed @ dx + (0.5 * dx @ H_fixed @ dx if order == 2 else 0.0)
        given_grad, given_hess = (lambda y: g_fixed.copy()), (lambda y: H_fixed.copy())
        got = _value(
            taylor_approx,
            f,
            given_grad,
            given_hess,
            x0,
            x,
            order,
            f"derivatives passed by the test, order {order}",
        )
        own = f(x0) + grad(x0) @ dx + (0.5 * dx @ hess(x0) @ dx if order == 2 else 0.0)
        hint = matching_hint(
            got,
            [
                (
                    own,
                    "you used derivatives of your own (the true ones of f): use the grad_f and "
                    "hess_f arguments, grad_f(x0) and hess_f(x0), not numerical_gradient and "
                    "hessian from the notebook.",
                )
            ],
            _hint(got, f, given_grad, given_hess, x0, x, order),
            rtol=1e-5,
        )
        assert_close(
            got,
            expected,
            rtol=1e-9,
            atol=1e-12,
            what=f"the order-{order} value built from the grad_f and hess_f passed in",
            hint=hint,
        )
    for order in [1, 2]:
        dx = x - x0
        expected = f(x0) + grad(x0) @ dx + (0.5 * dx @ hess(x0) @ dx if order == 2 else 0.0)
        got = _value(
            taylor_approx, f, grad, hess, x0, x, order, f"a random function in R^3, order {order}"
        )
        assert_close(
            got,
            expected,
            rtol=1e-9,
            atol=1e-12,
            what=f"the order-{order} Taylor approximation of a random function",
            hint=_hint(got, f, grad, hess, x0, x, order),
        )


@test_case(points=1, hidden=True)
def test_order_one_cost(taylor_approx):
    rng = np.random.default_rng(584)
    f, grad, hess = _family(rng, 4)
    calls = []

    def counted_hess(y):
        calls.append(1)
        return hess(y)

    x0 = rng.normal(size=4)
    x = x0 + 0.1 * rng.normal(size=4)
    expected = f(x0) + grad(x0) @ (x - x0)
    got = _value(taylor_approx, f, grad, counted_hess, x0, x, 1, "order 1 in R^4")
    if calls:
        _fail(
            "taylor_approx called hess_f for order 1: the first-order approximation needs no "
            "Hessian (which costs n**2 evaluations of f numerically); compute it only when "
            "order == 2."
        )
    assert_close(
        got,
        expected,
        rtol=1e-9,
        atol=1e-12,
        what="the order-1 value in R^4",
        hint=_hint(got, f, grad, hess, x0, x, 1),
    )


@test_case(points=1, hidden=True)
def test_error_order(taylor_approx):
    rng = np.random.default_rng(583)
    n = 2
    f, grad, hess = _family(rng, n, k=4)
    x0 = rng.normal(size=n)
    d = rng.normal(size=n)
    d /= np.linalg.norm(d)
    ts = [0.02, 0.01, 0.005]
    exact = [f(x0 + t * d) for t in ts]  # before the calls
    for order, power in [(1, 2), (2, 3)]:
        errors = []
        for t, value in zip(ts, exact, strict=True):
            got = _value(
                taylor_approx,
                f,
                grad,
                hess,
                x0,
                x0 + t * d,
                order,
                f"order {order} at distance {t}",
            )
            errors.append(abs(value - got))
        ratios = [errors[0] / max(errors[1], 1e-300), errors[1] / max(errors[2], 1e-300)]
        target = 2**power
        if not all(0.7 * target < r < 1.3 * target for r in ratios):
            if order == 2 and all(2.8 < r < 5.2 for r in ratios):
                hint = (
                    "Your order-2 error falls only like |dx|**2: the second-order term "
                    "does not match the curvature (check its 1/2 and the cross terms)."
                )
            elif all(r < 2.5 for r in ratios):
                hint = (
                    "The error barely falls: the approximation does not even match "
                    "f to first order (check f(x0), the gradient at x0 and dx = x - x0)."
                )
            else:
                hint = ""
            _fail(
                f"taylor_approx: halving the distance |x - x0| should divide the order-{order} "
                f"error by about 2**{power} = {target} (error ~ |dx|**{power}); your ratios "
                f"are {ratios[0]:.2f} and {ratios[1]:.2f}. {hint}".strip()
            )
