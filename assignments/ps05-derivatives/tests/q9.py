OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - the update x_{k+1} = x_k - lr grad_f(x_k): test_exact_iterates; variant "gradient ascent".
# - the path has shape (n_steps + 1, d), row 0 is x0: test_converges_on_convex_quadratics;
#   variant "the path misses x0".
# - every row is its own iterate (copies stored): test_exact_iterates; variant "updates x in
#   place and appends the same array".
# - lr and n_steps honoured: test_exact_iterates (a random lr, 7 steps), test_converges (400).
# - reaches A^{-1} b within 1e-6 with lr = 1/lambda_max: test_converges_on_convex_quadratics.
# - a float x0 means d = 1, and grad_f is always called with a 1-D float array:
#   test_one_dimensional; variant "for a float x0, iterates on a 0-d array".
# - never modify x0: test_start_untouched; variant "updates the caller's x0 in place".
# - n_steps = 0 gives [x0]: test_start_untouched.
# - an int x0 is allowed and the path is float: test_start_untouched; variant "updates
#   np.array(x0) in place", which cannot hold floats when x0 holds ints.

import numpy as np
from evidence import ArgumentLog
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


def _path_hint(path, expected, grad, x0, lr):
    path = np.asarray(path, dtype=float)
    if path.shape == expected.shape and np.allclose(path, path[-1]):
        return (
            "every row is the same point: you appended one array and updated it in place "
            "(x -= ...). Append a copy, or write x = x - lr * g."
        )
    ascent = _recurrence(lambda y: -np.asarray(grad(y)), x0, lr, len(expected) - 1)
    if path.shape == ascent.shape and np.allclose(path, ascent, rtol=1e-8):
        return "the path climbs: x_{k+1} = x_k - lr * grad f(x_k), with a minus sign."
    return "x_{k+1} = x_k - lr * grad f(x_k), starting from row 0 = x0."


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


@test_case(points=1, hidden=True)
def test_converges_on_convex_quadratics(gradient_descent):
    rng = np.random.default_rng(591)
    for n in [2, 5]:
        A, b, L = _quadratic(rng, n)
        x0 = rng.normal(size=n) * 3
        minimizer = np.linalg.solve(A, b)  # before the call: A and b are in the defaults
        what = f"a convex quadratic in R^{n}, 400 steps"
        got = call(
            gradient_descent, lambda x, A=A, b=b: A @ x - b, x0.copy(), 1 / L, 400, what=what
        )
        hint = "include x0 as row 0: shape (n_steps + 1, d)."
        if np.shape(got) == (400, n):
            hint = "your path has n_steps rows: row 0 must be x0 itself, then one row per step."
        path = _shaped(got, (401, n), f"the path of 400 steps in R^{n}", hint)
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

    expected = _recurrence(grad, x0, lr, 7)  # before the call
    path = assert_shape(
        call(gradient_descent, grad, x0.copy(), lr, 7, what="a quadratic in R^3, 7 steps"),
        (8, n),
        what="the path of 7 steps",
    )
    assert_close(
        path,
        expected,
        rtol=1e-10,
        atol=1e-12,
        what="the 8 points of the path",
        hint=_path_hint(path, expected, grad, x0, lr),
    )


@test_case(points=1, hidden=True)
def test_one_dimensional(gradient_descent):
    rng = np.random.default_rng(593)
    c = float(rng.uniform(-2, 2))
    log = ArgumentLog(1)

    def grad(x):
        x = np.asarray(x, dtype=float)
        return (x - c) ** 3 + (x - c)

    x0 = float(rng.uniform(-1, 1))
    expected = _recurrence(grad, x0, 0.1, 25)
    path = _shaped(
        call(gradient_descent, log.strict(grad), x0, 0.1, 25, what="a float x0"),
        (26, 1),
        "the path of a 1-D descent from a float x0",
        "for a float x0, d = 1: the path has one column.",
    )
    if log.problem is not None:
        _fail(
            f"gradient_descent called grad_f with {log.problem}; the prompt promises grad_f "
            "a 1-D float array, of length 1 for a float x0 (np.atleast_1d(np.asarray(x0, "
            "dtype=float)))."
        )
    assert_close(
        path,
        expected,
        rtol=1e-10,
        atol=1e-12,
        what="the 1-D path on f(x) = (x-c)**4/4 + (x-c)**2/2",
        hint="x_{k+1} = x_k - lr * f'(x_k), starting from x0.",
    )


@test_case(points=1, hidden=True)
def test_start_untouched(gradient_descent):
    rng = np.random.default_rng(594)
    start = rng.normal(size=2)
    kept = start.copy()
    _shaped(
        call(gradient_descent, lambda x: 2 * x, start, 0.1, 0, what="n_steps = 0"),
        (1, 2),
        "the path of 0 steps",
        "with n_steps = 0 the path is [x0], shape (1, d).",
    )
    call(gradient_descent, lambda x: 2 * x, start, 0.1, 3, what="a float array x0")
    if not np.array_equal(start, kept):
        _fail(
            "gradient_descent changed the x0 array you were given: copy it "
            "first (np.array(x0, dtype=float))."
        )
    x0 = np.array([3, -1])
    expected = _recurrence(lambda x: 2 * x, x0, 0.3, 4)
    hint = (
        "x0 may hold ints: start from a float copy, x = np.array(x0, dtype=float) (an int "
        "array updated in place cannot hold the new iterates)."
    )
    path = call(
        gradient_descent, lambda x: 2 * x, x0, 0.3, 4, what="the int array x0 = [3, -1]", hint=hint
    )
    if not np.array_equal(x0, [3, -1]):
        _fail("gradient_descent changed the int array x0 you were given. " + hint)
    assert_close(
        path,
        expected,
        rtol=1e-12,
        what="the path from the int array x0 = [3, -1]",
        hint=_path_hint(path, expected, lambda x: 2 * x, x0, 0.3),
    )
