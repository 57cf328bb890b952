"""Clauses of question 7, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- m_t = beta1 m_{t-1} + (1 - beta1) g_t, v_t = beta2 v_{t-1} + (1 - beta2) g_t^2,
  m_hat = m_t / (1 - beta1^t), v_hat = v_t / (1 - beta2^t) with t = 1, 2, ...,
  x_t = x_{t-1} - lr m_hat / (sqrt(v_hat) + eps), graded update by update against the
  test's own recurrence: test_update_by_update; variants "no bias correction", "bias
  correction with t counted from 2 (off by one)".
- beta1 is honoured: test_honours_beta1 (beta1 = 0.5 and 0); variant "always 0.9".
- beta2 is honoured: test_honours_beta2 (beta2 = 0.9 and 0.5); variant "always 0.999".
- eps is honoured, outside the square root: test_honours_eps (eps = 0.3 and 1); variants
  "sqrt(v_hat + eps)", "ignores eps".
- where it ends: 300 steps on an ill-conditioned quadratic match the recurrence's last
  point; the path has shape (n_steps + 1, d) with row 0 = x0, x0 is never modified:
  test_where_it_ends; variant "np.asarray(x0) and x -= ..." (updates the caller's x0).
- x0 may be a float (d = 1) or a list of ints: test_where_it_ends; variant "for a float x0,
  iterates on a 0-d array" (q7).
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from paths import GradientLog, assert_path, matching_hint, path_shape, spd_matrix

from mlmath_checks import assert_close, call

name = "q7"
points = 6


def _fail(message):
    raise AssertionError(message)


def _adam(grad, x0, lr, n_steps, beta1, beta2, eps, mistake=None):
    x = np.array(x0, dtype=float).reshape(-1)
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    rows = [x]
    for t in range(1, n_steps + 1):
        g = grad(x)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        if mistake == "no correction":
            m_hat, v_hat = m, v
        elif mistake == "t + 1":
            m_hat, v_hat = m / (1 - beta1 ** (t + 1)), v / (1 - beta2 ** (t + 1))
        else:
            m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
        if mistake == "eps inside":
            x = x - lr * m_hat / np.sqrt(v_hat + eps)
        elif mistake == "no eps":
            x = x - lr * m_hat / np.sqrt(v_hat)
        else:
            x = x - lr * m_hat / (np.sqrt(v_hat) + eps)
        rows.append(x)
    return np.array(rows)


def _evidence(grad, x0, lr, n_steps, beta1, beta2, eps, default):
    args = (grad, x0, lr, n_steps)
    with np.errstate(all="ignore"):
        candidates = [
            (
                _adam(*args, beta1, beta2, eps, "no correction"),
                "your steps are those of Adam WITHOUT bias correction: divide m by 1 - beta1**t "
                "and v by 1 - beta2**t, with t = 1 at the first step.",
            ),
            (
                _adam(*args, beta1, beta2, eps, "t + 1"),
                "your bias correction is off by one step: the first update uses t = 1, so "
                "m_hat = m / (1 - beta1) at the first step.",
            ),
            (
                _adam(*args, beta1, beta2, eps, "eps inside"),
                "eps goes outside the square root: sqrt(v_hat) + eps.",
            ),
            (
                _adam(*args, beta1, beta2, eps, "no eps"),
                "add the eps you are given to sqrt(v_hat).",
            ),
            (
                _adam(*args, 0.9, beta2, eps),
                "your path is the one for beta1 = 0.9: use the beta1 argument.",
            ),
            (
                _adam(*args, beta1, 0.999, eps),
                "your path is the one for beta2 = 0.999: use the beta2 argument.",
            ),
            (
                _adam(*args, beta2, beta1, eps),
                "beta1 and beta2 are swapped: beta1 averages g, beta2 averages g**2.",
            ),
        ]

    def hint(path):
        if np.any(~np.isfinite(path)):
            return (
                "your path has inf or NaN: with t = 0 the bias correction divides by "
                "1 - beta**0 = 0. Count steps from t = 1."
            )
        return matching_hint(path, candidates, default)

    return hint


def _run(adam, grad, x0, lr, n_steps, d, what, **kwargs):
    log = GradientLog(d)
    with np.errstate(all="ignore"):
        found = call(adam, log.wrap(grad), x0, lr, n_steps, what=what, **kwargs)
    path = path_shape(found, n_steps + 1, d, f"the path of {what}")
    if log.problem is not None:
        _fail(
            f"adam called grad_f with {log.problem}: call it with the current point as a "
            "1-D float array."
        )
    return path


@test_case(points=1, hidden=False)
def test_by_hand(adam):
    path = _run(adam, lambda x: x, np.array([1.0, -2.0]), 0.1, 1, 2, "grad f(x) = x, x0 = [1, -2]")
    assert_close(
        path,
        [[1.0, -2.0], [0.9, -1.9]],
        rtol=1e-7,
        what="adam(grad f(x) = x, x0=[1, -2], lr=0.1, n_steps=1)",
        hint="with bias correction the first step is m_hat = g, v_hat = g**2, so each "
        "coordinate moves by lr * g / (|g| + eps), almost exactly lr = 0.1, against the sign of g. "
        "Without the correction the step would be about 3.2 times larger.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_update_by_update(adam):
    rng = np.random.default_rng(701)
    A = spd_matrix(rng, [0.3, 2.0, 20.0])
    b = rng.normal(size=3)

    def grad(x):
        return A @ x - b

    x0 = rng.normal(size=3) * 2
    expected = _adam(grad, x0, 0.05, 15, 0.9, 0.999, 1e-8)
    path = _run(adam, grad, x0.copy(), 0.05, 15, 3, "a quadratic in R^3, 15 steps")
    assert_path(
        path,
        expected,
        "adam on a quadratic in R^3",
        _evidence(
            grad,
            x0,
            0.05,
            15,
            0.9,
            0.999,
            1e-8,
            "follow the five formulas of the task, with t = 1 at the first update.",
        ),
    )


def _honours(adam, seed, option, values, defaults, hint):
    rng = np.random.default_rng(seed)
    A = spd_matrix(rng, [1.0, 5.0])

    def grad(x):
        return A @ x + np.sin(2 * x)

    for value in values:
        settings = dict(defaults, **{option: value})
        x0 = rng.normal(size=2) * 2
        expected = _adam(grad, x0, 0.05, 12, settings["beta1"], settings["beta2"], settings["eps"])
        path = _run(
            adam,
            grad,
            x0.copy(),
            0.05,
            12,
            2,
            f"12 steps with {option} = {value}",
            **{option: value},
        )
        assert_path(
            path,
            expected,
            f"adam with {option} = {value}",
            _evidence(
                grad, x0, 0.05, 12, settings["beta1"], settings["beta2"], settings["eps"], hint
            ),
        )


DEFAULTS = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}


@test_case(points=1, hidden=True)
def test_honours_beta1(adam):
    _honours(adam, 702, "beta1", [0.5, 0.0], DEFAULTS, "use the beta1 you are given.")


@test_case(points=1, hidden=True)
def test_honours_beta2(adam):
    _honours(adam, 703, "beta2", [0.9, 0.5], DEFAULTS, "use the beta2 you are given.")


@test_case(points=1, hidden=True)
def test_honours_eps(adam):
    _honours(
        adam,
        704,
        "eps",
        [0.3, 1.0],
        DEFAULTS,
        "use the eps you are given, outside the square root.",
    )


@test_case(points=1, hidden=True)
def test_where_it_ends(adam):
    rng = np.random.default_rng(705)
    A = spd_matrix(rng, [1.0, 10.0, 100.0])
    b = rng.normal(size=3)

    def grad(x):
        return A @ x - b

    x0 = rng.normal(size=3) * 3
    kept = x0.copy()
    expected = _adam(grad, x0, 0.02, 300, 0.9, 0.999, 1e-8)
    path = _run(adam, grad, x0, 0.02, 300, 3, "300 steps on a quadratic with condition number 100")
    if not np.array_equal(x0, kept):
        _fail("adam changed the caller's x0: work on a float copy, np.array(x0, dtype=float).")
    assert_close(
        path[0], kept, rtol=0, atol=0, what="row 0 of the path", hint="row 0 is x0 itself."
    )
    assert_close(
        path[-1],
        expected[-1],
        rtol=1e-6,
        atol=1e-8,
        what="the last point after 300 steps of adam (condition number 100)",
        hint=_evidence(grad, x0, 0.02, 300, 0.9, 0.999, 1e-8, "check the update rule.")(path),
    )
    for start, label in [(1.5, "the float x0 = 1.5"), ([2, -1], "the int list x0 = [2, -1]")]:
        expected = _adam(np.sin, start, 0.1, 5, 0.9, 0.999, 1e-8)
        what = f"5 steps on sum(-cos x) from {label}"
        path = _run(adam, np.sin, start, 0.1, 5, expected.shape[1], what)
        default = "a float x0 is the point [x0] of R^1; a list of ints becomes a float array."
        assert_path(
            path,
            expected,
            f"adam from {label}",
            _evidence(np.sin, start, 0.1, 5, 0.9, 0.999, 1e-8, default),
        )
