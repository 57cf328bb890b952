OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q9"
points = 6


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _shaped(value, shape, what, hint):
    """assert_shape with a hint appended to its message."""
    try:
        return assert_shape(value, shape, what)
    except AssertionError as error:
        raise AssertionError(f"{error} {hint}") from None


def _quadratic(rng, n, cond=8.0):
    """A random SPD matrix with eigenvalues in [1, cond] and a right-hand side b."""
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    eigenvalues = np.linspace(1.0, cond, n) if n > 1 else np.array([cond])
    return Q @ np.diag(eigenvalues) @ Q.T, rng.normal(size=n), float(eigenvalues.max())


def _recurrence(grad_f, x0, lr, n_steps):
    path = [np.atleast_1d(np.asarray(x0, dtype=float))]
    for _ in range(n_steps):
        path.append(path[-1] - lr * np.asarray(grad_f(path[-1]), dtype=float))
    return np.array(path)


@test_case(points=2, hidden=False)
def test_by_hand(gradient_descent):
    got = _shaped(
        call(gradient_descent, lambda x: 2 * (x - 3), 0.0, 0.25, 2),
        (3, 1),
        "gradient_descent(2(x-3), x0=0.0, lr=0.25, n_steps=2)",
        "the path holds x0 and then one row per step: shape "
        "(n_steps + 1, d), with d = 1 for a scalar x0.",
    )
    assert_close(
        got,
        [[0.0], [1.5], [2.25]],
        rtol=1e-12,
        reveal=True,
        what="the path on f(x) = (x - 3)**2",
        hint="x_{k+1} = x_k - lr * grad f(x_k): a minus sign, to go downhill.",
    )


@test_case(points=2, hidden=True)
def test_converges_on_convex_quadratics(gradient_descent):
    rng = np.random.default_rng(591)
    for n in [2, 5]:
        A, b, L = _quadratic(rng, n)
        x0 = rng.normal(size=n) * 3
        minimizer = np.linalg.solve(A, b)  # before the call: A and b are in the defaults
        path = _shaped(
            call(gradient_descent, lambda x, A=A, b=b: A @ x - b, x0.copy(), 1 / L, 400),
            (401, n),
            f"the path of 400 steps in R^{n}",
            "include x0 as row 0: shape (n_steps + 1, d).",
        )
        assert_close(
            path[0],
            x0,
            rtol=0,
            atol=0,
            what="row 0 of the path",
            hint="the first row is the starting point x0 itself.",
        )
        assert_close(
            path[-1],
            minimizer,
            rtol=0,
            atol=1e-6,
            what=f"the last point on a convex quadratic in R^{n} (tolerance 1e-6)",
            hint="with lr = 1/L gradient descent must reach the minimizer A^{-1} b; "
            "if it runs away, check the sign of the update.",
        )


@test_case(points=1, hidden=True)
def test_exact_iterates(gradient_descent):
    rng = np.random.default_rng(592)
    n = 3
    A, b, L = _quadratic(rng, n, cond=4.0)
    x0 = rng.normal(size=n)
    lr = float(rng.uniform(0.2, 0.9)) / L

    def grad(x):
        return A @ x - b

    path = assert_shape(
        call(gradient_descent, grad, x0.copy(), lr, 7), (8, n), what="the path of 7 steps"
    )
    assert_close(
        path,
        _recurrence(grad, x0, lr, 7),
        rtol=1e-10,
        atol=1e-12,
        what="the 8 points of the path",
        hint="store a copy of each iterate: if you update x in place (x -= ...), every "
        "row you stored points to the same array.",
    )


@test_case(points=1, hidden=True)
def test_one_dimensional_and_untouched(gradient_descent):
    rng = np.random.default_rng(593)
    c = float(rng.uniform(-2, 2))

    def grad(x):
        return (x - c) ** 3 + (x - c)

    x0 = float(rng.uniform(-1, 1))
    path = assert_shape(
        call(gradient_descent, grad, x0, 0.1, 25),
        (26, 1),
        what="the path of a 1-D descent from a float x0",
    )
    assert_close(
        path,
        _recurrence(grad, x0, 0.1, 25),
        rtol=1e-10,
        atol=1e-12,
        what="the 1-D path on f(x) = (x-c)**4/4 + (x-c)**2/2",
        hint="x_{k+1} = x_k - lr * f'(x_k), starting from x0.",
    )
    start = rng.normal(size=2)
    kept = start.copy()
    path = _shaped(
        call(gradient_descent, lambda x: 2 * x, start, 0.1, 0),
        (1, 2),
        "the path of 0 steps",
        "with n_steps = 0 the path is [x0].",
    )
    call(gradient_descent, lambda x: 2 * x, start, 0.1, 3)
    if not np.array_equal(start, kept):
        _fail(
            "gradient_descent changed the x0 array you were given: copy it "
            "first (np.array(x0, dtype=float))."
        )
