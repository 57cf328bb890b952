"""Clauses of question 5, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- v_{k+1} = beta v_k + grad f(x_k), x_{k+1} = x_k - lr v_{k+1}, v_0 = 0, graded update by
  update against the test's own recurrence: test_update_by_update; variants "EMA form
  v = beta v + (1 - beta) g", "Nesterov: gradient at the look-ahead point".
- beta is honoured (beta = 0.5, and beta = 0 is plain gradient descent): test_honours_beta;
  variant "always uses beta = 0.9".
- the path has shape (n_steps + 1, d), row 0 is x0, each row its own copy:
  test_update_by_update; variants "appends x and then updates it in place", "the path
  misses x0".
- where it ends: 300 steps on an ill-conditioned quadratic end where the recurrence ends,
  at the minimizer: test_where_it_ends.
- x0 may be a float (d = 1) or a list of ints, and is never modified; grad_f gets 1-D float
  arrays: test_start_point; variants "updates the caller's x0 in place", "for a float x0,
  iterates on a 0-d array".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from paths import GradientLog, assert_path, matching_hint, path_shape, spd_matrix

from mlmath_checks import assert_close, call

name = "q5"
points = 5


def _fail(message):
    raise AssertionError(message)


def _heavy_ball(grad, x0, lr, n_steps, beta, ema=False, nesterov=False):
    x = np.array(x0, dtype=float).reshape(-1)
    v = np.zeros_like(x)
    rows = [x]
    for _ in range(n_steps):
        g = grad(x - lr * beta * v) if nesterov else grad(x)
        v = beta * v + ((1 - beta) * g if ema else g)
        x = x - lr * v
        rows.append(x)
    return np.array(rows)


def _evidence(grad, x0, lr, n_steps, beta, default):
    candidates = [
        (
            _heavy_ball(grad, x0, lr, n_steps, beta, ema=True),
            "you average the gradients, v = beta v + (1 - beta) g: in this question v = beta v + g "
            "(no 1 - beta factor).",
        ),
        (
            _heavy_ball(grad, x0, lr, n_steps, beta, nesterov=True),
            "you evaluate the gradient at a look-ahead point (Nesterov): heavy-ball momentum uses "
            "grad f(x_k) at the current point.",
        ),
        (
            _heavy_ball(grad, x0, lr, n_steps, 0.9),
            "your path is the one for beta = 0.9: use the beta argument.",
        ),
    ]

    def hint(path):
        if path.shape[0] > 2 and np.allclose(path, path[-1]):
            return (
                "every row is the same point: you appended x and then updated it in place; "
                "append a copy, or write x = x - lr * v."
            )
        return matching_hint(path, candidates, default)

    return hint


def _run(momentum, grad, x0, lr, n_steps, d, what, **kwargs):
    log = GradientLog(d)
    found = call(momentum, log.wrap(grad), x0, lr, n_steps, what=what, **kwargs)
    path = path_shape(found, n_steps + 1, d, f"the path of {what}")
    if log.problem is not None:
        _fail(
            f"momentum called grad_f with {log.problem}: call it with the current point as a "
            "1-D float array."
        )
    return path


@test_case(points=1, hidden=False)
def test_by_hand(momentum):
    path = _run(
        momentum, lambda x: x, np.array([1.0]), 0.5, 2, 1, "grad f(x) = x, x0 = [1]", beta=0.5
    )
    assert_close(
        path,
        [[1.0], [0.5], [0.0]],
        rtol=1e-12,
        atol=1e-12,
        what="momentum(grad f(x) = x, x0=[1], lr=0.5, n_steps=2, beta=0.5)",
        hint="v1 = 0.5 * 0 + 1 = 1, x1 = 1 - 0.5 * 1 = 0.5; v2 = 0.5 * 1 + 0.5 = 1, x2 = 0.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_update_by_update(momentum):
    rng = np.random.default_rng(501)
    A = spd_matrix(rng, [1.0, 4.0, 12.0])
    b = rng.normal(size=3)

    def grad(x):
        return A @ x - b

    x0 = rng.normal(size=3) * 2
    expected = _heavy_ball(grad, x0, 0.05, 12, 0.9)  # before the call
    path = _run(momentum, grad, x0.copy(), 0.05, 12, 3, "a quadratic in R^3, 12 steps")
    assert_path(
        path,
        expected,
        "momentum on a quadratic in R^3",
        _evidence(
            grad,
            x0,
            0.05,
            12,
            0.9,
            "v_{k+1} = beta v_k + grad f(x_k), then "
            "x_{k+1} = x_k - lr v_{k+1}, starting from v_0 = 0.",
        ),
    )


@test_case(points=1, hidden=True)
def test_honours_beta(momentum):
    rng = np.random.default_rng(502)
    A = spd_matrix(rng, [0.5, 3.0])

    def grad(x):
        return A @ x + np.sin(x)

    for beta in [0.5, 0.0, 0.99]:
        x0 = rng.normal(size=2) * 3
        expected = _heavy_ball(grad, x0, 0.1, 15, beta)
        path = _run(
            momentum, grad, x0.copy(), 0.1, 15, 2, f"15 steps with beta = {beta}", beta=beta
        )
        assert_path(
            path,
            expected,
            f"momentum with beta = {beta}",
            _evidence(
                grad,
                x0,
                0.1,
                15,
                beta,
                "use the beta you are given; beta = 0 is plain gradient descent.",
            ),
        )


@test_case(points=1, hidden=True)
def test_where_it_ends(momentum):
    rng = np.random.default_rng(503)
    A = spd_matrix(rng, [1.0, 30.0, 100.0])
    b = rng.normal(size=3)
    x_star = np.linalg.solve(A, b)

    def grad(x):
        return A @ x - b

    # the tuned heavy ball: lr = 4 / (sqrt(L) + sqrt(mu))^2,
    # beta = ((sqrt(kappa) - 1) / (sqrt(kappa) + 1))^2
    lr, beta = 4 / (10 + 1) ** 2, (9 / 11) ** 2
    x0 = rng.normal(size=3) * 4
    expected = _heavy_ball(grad, x0, lr, 300, beta)
    path = _run(
        momentum,
        grad,
        x0.copy(),
        lr,
        300,
        3,
        "300 steps on a quadratic with condition number 100",
        beta=beta,
    )
    assert_close(
        path[-1],
        expected[-1],
        rtol=1e-6,
        atol=1e-8,
        what="the last point after 300 steps of tuned momentum (condition number 100)",
        hint=_evidence(
            grad, x0, lr, 300, beta, "tuned momentum reaches the minimizer: check the update."
        )(path),
    )
    assert np.linalg.norm(expected[-1] - x_star) < 1e-8  # the test's own sanity check


@test_case(points=1, hidden=True)
def test_start_point(momentum):
    x0 = np.array([2.0, -1.0, 0.5])
    kept = x0.copy()
    _run(momentum, lambda x: 2 * x, x0, 0.1, 5, 3, "5 steps on ||x||^2")
    if not np.array_equal(x0, kept):
        _fail("momentum changed the caller's x0: work on a float copy, np.array(x0, dtype=float).")

    def shifted(x):
        return 2 * (x - 3)

    path = _run(momentum, shifted, 0.0, 0.1, 4, 1, "a float x0 = 0.0 on (x - 3)^2", beta=0.5)
    assert_path(
        path,
        _heavy_ball(shifted, [0.0], 0.1, 4, 0.5),
        "momentum from the float x0 = 0.0",
        _evidence(shifted, [0.0], 0.1, 4, 0.5, "a float x0 is the point [x0] of R^1."),
    )

    def double(x):
        return 2 * x

    path = _run(momentum, double, [3, -2], 0.25, 3, 2, "x0 = [3, -2], a list of ints")
    assert_path(
        path,
        _heavy_ball(double, [3.0, -2.0], 0.25, 3, 0.9),
        "momentum from x0 = [3, -2] (ints)",
        _evidence(
            double,
            [3.0, -2.0],
            0.25,
            3,
            0.9,
            "convert x0 to a float array first: an int array cannot hold the fractional iterates.",
        ),
    )
