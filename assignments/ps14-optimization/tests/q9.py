"""Clauses of question 9, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- x_{k+1} = x_k - H(x_k)^{-1} grad f(x_k), graded step by step against the test's own
  recurrence on a non-quadratic convex function and on Rosenbrock: test_iterates; variants
  "x + H^{-1} g (the sign)", "x - H g (multiplies by H)".
- stop as soon as ||grad f(x_k)|| <= tol (Euclidean norm, checked before each step), so the
  path has k + 1 rows: test_stopping_rule (a start at the minimizer gives one row; tol =
  1e-3 stops early); variant "ignores tol, always max_iter steps".
- at most max_iter steps: test_max_iter (Rosenbrock, max_iter = 3); variant "a fixed 50".
- solve the linear system, never form the inverse: test_no_inverse (forbid_calls);
  variant "np.linalg.inv".
- a quadratic is minimized in one step: test_by_hand (public).
- x0 may be a list of ints (copied as floats): test_iterates (Rosenbrock from [2, 3]);
  variant "np.asarray(x0) and x -= step in place".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from paths import GradientLog, assert_path, matching_hint, spd_matrix

from mlmath_checks import assert_close, call, forbid_calls, to_array

name = "q9"
points = 5


def _fail(message):
    raise AssertionError(message)


def _newton(grad, hess, x0, tol, max_iter, sign=-1.0, multiply=False):
    x = np.array(x0, dtype=float).reshape(-1)
    rows = [x]
    with np.errstate(all="ignore"):  # the mistaken recurrences may blow up
        for _ in range(max_iter):
            g = grad(x)
            if np.linalg.norm(g) <= tol:
                break
            H = hess(x)
            if not (np.all(np.isfinite(H)) and np.all(np.isfinite(g))):
                break
            try:
                step = H @ g if multiply else np.linalg.solve(H, g)
            except np.linalg.LinAlgError:
                break
            x = x + sign * step
            rows.append(x)
    return np.array(rows)


def _rosen_grad(x):
    return np.array([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)])


def _rosen_hess(x):
    return np.array([[2 - 400 * x[1] + 1200 * x[0] ** 2, -400 * x[0]], [-400 * x[0], 200.0]])


def _convex(rng, n):
    A = spd_matrix(rng, rng.uniform(0.5, 5.0, size=n))

    def grad(x):
        return A @ x + np.exp(x) - 1.5

    def hess(x):
        return A + np.diag(np.exp(x))

    return grad, hess


def _path(newton, grad, hess, x0, d, what, hint="", **kwargs):
    log = GradientLog(d)
    with np.errstate(all="ignore"):
        found = call(newton, log.wrap(grad), hess, x0, what=what, hint=hint, **kwargs)
    path = to_array(found, what=f"the path of {what}")
    if path.ndim != 2 or path.shape[1] != d:
        _fail(f"newton on {what} should return a path of shape (k + 1, {d}), found {path.shape}.")
    if log.problem is not None:
        _fail(
            f"newton called grad_f with {log.problem}: use the current point as a 1-D float array."
        )
    return path


@test_case(points=1, hidden=False)
def test_by_hand(newton):
    path = _path(
        newton,
        lambda x: 2 * (x - 3),
        lambda x: np.array([[2.0]]),
        np.array([0.0]),
        1,
        "f(x) = (x - 3)^2 from x0 = [0]",
    )
    assert_close(
        path,
        [[0.0], [3.0]],
        rtol=1e-12,
        atol=1e-12,
        what="newton on f(x) = (x - 3)^2 from x0 = [0]",
        hint="one Newton step x - f'(x) / f''(x) = 0 - (-6) / 2 = 3 reaches the minimum of a "
        "quadratic; there the gradient is 0 <= tol, so the path stops: rows [0] and [3].",
        reveal=True,
    )


def _compare(path, expected, what, hint, rtol=1e-9):
    """Same number of steps first (with a hint from the evidence), then step by step."""
    if path.shape != expected.shape:
        text = hint(path)
        if text.startswith("x_{k+1}"):
            text = "check the step, and stop before a step when ||grad f(x)|| <= tol. " + text
        _fail(
            f"{what} took {path.shape[0] - 1} steps where {expected.shape[0] - 1} were expected "
            f"(path of shape {path.shape}, expected {expected.shape}). {text}"
        )
    assert_path(path, expected, what, hint, rtol=rtol)


def _hint(grad, hess, x0, tol, max_iter):
    candidates = [
        (
            _newton(grad, hess, x0, tol, max_iter, sign=1.0),
            "your steps go uphill: x - H^{-1} grad f, with a minus sign.",
        ),
        (
            _newton(grad, hess, x0, tol, max_iter, multiply=True),
            "you multiply the gradient by H: solve H d = grad f for d instead.",
        ),
    ]

    def hint(path):
        return matching_hint(path, candidates, "x_{k+1} = x_k - d with H(x_k) d = grad f(x_k).")

    return hint


@test_case(points=1, hidden=True)
def test_iterates(newton):
    rng = np.random.default_rng(901)
    for n in [2, 4]:
        grad, hess = _convex(rng, n)
        x0 = rng.normal(size=n)
        expected = _newton(grad, hess, x0, 1e-10, 50)
        path = _path(newton, grad, hess, x0.copy(), n, f"a convex function in R^{n}")
        _compare(
            path,
            expected,
            f"newton on a convex function in R^{n}",
            _hint(grad, hess, x0, 1e-10, 50),
        )
    x0 = np.array([-1.2, 1.0])
    expected = _newton(_rosen_grad, _rosen_hess, x0, 1e-10, 50)
    path = _path(newton, _rosen_grad, _rosen_hess, x0.copy(), 2, "Rosenbrock from (-1.2, 1)")
    _compare(
        path,
        expected,
        "newton on Rosenbrock",
        _hint(_rosen_grad, _rosen_hess, x0, 1e-10, 50),
        rtol=1e-8,
    )
    expected = _newton(_rosen_grad, _rosen_hess, [2.0, 3.0], 1e-10, 50)
    path = _path(
        newton,
        _rosen_grad,
        _rosen_hess,
        [2, 3],
        2,
        "Rosenbrock from the int list [2, 3]",
        hint="copy x0 as a float array: an int array cannot hold the iterates.",
    )
    _compare(
        path,
        expected,
        "newton on Rosenbrock from x0 = [2, 3] (ints)",
        lambda found: "copy x0 as a float array: an int array cannot hold the iterates.",
        rtol=1e-8,
    )


@test_case(points=1, hidden=True)
def test_stopping_rule(newton):
    rng = np.random.default_rng(902)
    grad, hess = _convex(rng, 3)
    x0 = rng.normal(size=3) * 2
    expected = _newton(grad, hess, x0, 1e-3, 50)
    path = _path(newton, grad, hess, x0.copy(), 3, "a convex function with tol = 1e-3", tol=1e-3)
    if path.shape != expected.shape:
        _fail(
            f"newton(..., tol=1e-3) returned {path.shape[0]} rows where {expected.shape[0]} were "
            "expected: before each step, stop if ||grad f(x)|| (np.linalg.norm) <= tol, and "
            "return the points so far."
        )
    assert_close(path, expected, rtol=1e-9, atol=1e-12, what="newton(..., tol=1e-3)")
    x_star = expected[-1]
    for _ in range(3):  # polish a minimizer, then start there
        x_star = x_star - np.linalg.solve(hess(x_star), grad(x_star))
    found = _path(newton, grad, hess, x_star.copy(), 3, "a start at the minimizer", tol=1e-8)
    if found.shape != (1, 3):
        _fail(
            f"newton started at the minimizer (gradient about 1e-16 <= tol) should return only "
            f"[x0], shape (1, 3), found shape {found.shape}: check the gradient before each step."
        )


@test_case(points=1, hidden=True)
def test_max_iter(newton):
    x0 = np.array([-1.2, 1.0])
    for max_iter in [3, 1]:
        expected = _newton(_rosen_grad, _rosen_hess, x0, 1e-10, max_iter)
        path = _path(
            newton,
            _rosen_grad,
            _rosen_hess,
            x0.copy(),
            2,
            f"Rosenbrock with max_iter = {max_iter}",
            max_iter=max_iter,
        )
        if path.shape != expected.shape:
            _fail(
                f"newton(..., max_iter={max_iter}) on Rosenbrock from (-1.2, 1) returned "
                f"{path.shape[0]} "
                f"rows: it should stop after max_iter steps, returning max_iter + 1 rows."
            )
        assert_path(
            path,
            expected,
            f"newton with max_iter = {max_iter}",
            _hint(_rosen_grad, _rosen_hess, x0, 1e-10, max_iter),
        )


@test_case(points=1, hidden=True)
def test_no_inverse(newton):
    rng = np.random.default_rng(904)
    grad, hess = _convex(rng, 3)
    forbid_calls(
        ["numpy.linalg.inv", "numpy.linalg.pinv", "scipy.linalg.inv", "scipy.optimize.minimize"],
        newton,
        grad,
        hess,
        rng.normal(size=3),
        what="a convex function in R^3",
    )
