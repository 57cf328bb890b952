"""Clauses of question 6, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- s_{k+1} = beta s_k + (1 - beta) g_k^2 (elementwise), x_{k+1} = x_k - lr g_k /
  (sqrt(s_{k+1}) + eps), s_0 = 0, graded update by update against the test's own
  recurrence: test_update_by_update; variants "divides by the old s_k (the first step
  divides by eps)", "forgets the (1 - beta) factor".
- beta is honoured: test_honours_beta (beta = 0.5 and 0.99); variant "always beta = 0.9".
- eps is honoured, added OUTSIDE the square root: test_honours_eps (eps = 0.5 and 2, with
  gradients of size about 1); variants "sqrt(s + eps)", "ignores eps".
- the path has shape (n_steps + 1, d), row 0 is x0; where it ends after 200 steps matches the
  recurrence; x0 is never modified: test_where_it_ends; variant "np.asarray(x0) and x -= ...".
- x0 may be a float (d = 1) or a list of ints: test_where_it_ends.
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from paths import GradientLog, assert_path, matching_hint, path_shape, spd_matrix

from mlmath_checks import assert_close, call

name = "q6"
points = 5


def _fail(message):
    raise AssertionError(message)


def _rms(grad, x0, lr, n_steps, beta, eps, mistake=None):
    x = np.array(x0, dtype=float).reshape(-1)
    s = np.zeros_like(x)
    rows = [x]
    for _ in range(n_steps):
        g = grad(x)
        old = s
        s = beta * s + (g**2 if mistake == "no 1 - beta" else (1 - beta) * g**2)
        if mistake == "old s":
            scale = np.sqrt(old) + eps
        elif mistake == "eps inside":
            scale = np.sqrt(s + eps)
        elif mistake == "no eps":
            scale = np.sqrt(s)
        else:
            scale = np.sqrt(s) + eps
        x = x - lr * g / scale
        rows.append(x)
    return np.array(rows)


def _evidence(grad, x0, lr, n_steps, beta, eps, default):
    with np.errstate(all="ignore"):
        candidates = [
            (
                _rms(grad, x0, lr, n_steps, beta, eps, "old s"),
                "you divide by the square root of the OLD average s_k: update s first, then "
                "divide by sqrt(s_{k+1}) + eps.",
            ),
            (
                _rms(grad, x0, lr, n_steps, beta, eps, "no 1 - beta"),
                "s is an average: s = beta s + (1 - beta) g**2, with the (1 - beta) factor.",
            ),
            (
                _rms(grad, x0, lr, n_steps, beta, eps, "eps inside"),
                "eps goes outside the square root: sqrt(s) + eps, not sqrt(s + eps).",
            ),
            (
                _rms(grad, x0, lr, n_steps, beta, eps, "no eps"),
                "add eps to the denominator: lr * g / (sqrt(s) + eps) with the eps you are given.",
            ),
            (
                _rms(grad, x0, lr, n_steps, 0.9, eps),
                "your path is the one for beta = 0.9: use the beta argument.",
            ),
        ]

    def hint(path):
        return matching_hint(path, candidates, default)

    return hint


def _run(rmsprop, grad, x0, lr, n_steps, d, what, **kwargs):
    log = GradientLog(d)
    found = call(rmsprop, log.wrap(grad), x0, lr, n_steps, what=what, **kwargs)
    path = path_shape(found, n_steps + 1, d, f"the path of {what}")
    if log.problem is not None:
        _fail(
            f"rmsprop called grad_f with {log.problem}: call it with the current point as a "
            "1-D float array."
        )
    return path


@test_case(points=1, hidden=False)
def test_by_hand(rmsprop):
    path = _run(
        rmsprop,
        lambda x: np.array([4.0, -1.0]),
        np.array([0.0, 0.0]),
        0.1,
        1,
        2,
        "a constant gradient [4, -1]",
        beta=0.75,
    )
    assert_close(
        path,
        [[0.0, 0.0], [-0.2, 0.2]],
        rtol=1e-7,
        atol=1e-12,
        what="rmsprop(constant gradient [4, -1], x0=[0, 0], lr=0.1, n_steps=1, beta=0.75)",
        hint="s1 = 0.25 * [16, 1] = [4, 0.25], sqrt(s1) = [2, 0.5], "
        "x1 = -0.1 * [4 / 2, -1 / 0.5] (up to eps = 1e-8).",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_update_by_update(rmsprop):
    rng = np.random.default_rng(601)
    A = spd_matrix(rng, [0.2, 3.0, 25.0])
    b = rng.normal(size=3)

    def grad(x):
        return A @ x - b

    x0 = rng.normal(size=3) * 2
    expected = _rms(grad, x0, 0.01, 15, 0.9, 1e-8)
    path = _run(rmsprop, grad, x0.copy(), 0.01, 15, 3, "a quadratic in R^3, 15 steps")
    assert_path(
        path,
        expected,
        "rmsprop on a quadratic in R^3",
        _evidence(
            grad,
            x0,
            0.01,
            15,
            0.9,
            1e-8,
            "s_{k+1} = beta s_k + (1 - beta) g**2, "
            "x_{k+1} = x_k - lr g / (sqrt(s_{k+1}) + eps), from s_0 = 0.",
        ),
    )


@test_case(points=1, hidden=True)
def test_honours_beta(rmsprop):
    rng = np.random.default_rng(602)
    A = spd_matrix(rng, [1.0, 6.0])

    def grad(x):
        return A @ x + np.cos(x)

    for beta in [0.5, 0.99]:
        x0 = rng.normal(size=2) * 3
        expected = _rms(grad, x0, 0.05, 12, beta, 1e-8)
        path = _run(
            rmsprop, grad, x0.copy(), 0.05, 12, 2, f"12 steps with beta = {beta}", beta=beta
        )
        assert_path(
            path,
            expected,
            f"rmsprop with beta = {beta}",
            _evidence(grad, x0, 0.05, 12, beta, 1e-8, "use the beta you are given."),
        )


@test_case(points=1, hidden=True)
def test_honours_eps(rmsprop):
    rng = np.random.default_rng(603)
    A = spd_matrix(rng, [0.5, 2.0, 4.0])

    def grad(x):
        return A @ x

    for eps in [0.5, 2.0]:
        x0 = rng.normal(size=3)
        expected = _rms(grad, x0, 0.1, 10, 0.9, eps)
        path = _run(rmsprop, grad, x0.copy(), 0.1, 10, 3, f"10 steps with eps = {eps}", eps=eps)
        assert_path(
            path,
            expected,
            f"rmsprop with eps = {eps}",
            _evidence(
                grad,
                x0,
                0.1,
                10,
                0.9,
                eps,
                "use the eps you are given, added outside the square root.",
            ),
        )


@test_case(points=1, hidden=True)
def test_where_it_ends(rmsprop):
    rng = np.random.default_rng(604)
    A = spd_matrix(rng, [1.0, 10.0, 50.0, 100.0])
    b = rng.normal(size=4)

    def grad(x):
        return A @ x - b

    x0 = rng.normal(size=4) * 3
    kept = x0.copy()
    expected = _rms(grad, x0, 0.003, 200, 0.9, 1e-8)
    path = _run(rmsprop, grad, x0, 0.003, 200, 4, "200 steps on a quadratic in R^4")
    if not np.array_equal(x0, kept):
        _fail("rmsprop changed the caller's x0: work on a float copy, np.array(x0, dtype=float).")
    assert_close(
        path[0], kept, rtol=0, atol=0, what="row 0 of the path", hint="row 0 is x0 itself."
    )
    assert_close(
        path[-1],
        expected[-1],
        rtol=1e-6,
        atol=1e-8,
        what="the last point after 200 steps on a quadratic in R^4",
        hint=_evidence(grad, x0, 0.003, 200, 0.9, 1e-8, "check the update rule.")(path),
    )
    for start, label in [(1.5, "the float x0 = 1.5"), ([2, -1], "the int list x0 = [2, -1]")]:
        expected = _rms(np.sin, start, 0.1, 5, 0.9, 1e-8)
        what = f"5 steps on sum(-cos x) from {label}"
        path = _run(rmsprop, np.sin, start, 0.1, 5, expected.shape[1], what)
        default = "a float x0 is the point [x0] of R^1; a list of ints becomes a float array."
        assert_path(
            path,
            expected,
            f"rmsprop from {label}",
            _evidence(np.sin, start, 0.1, 5, 0.9, 1e-8, default),
        )
