OK_FORMAT = False

# Clauses of Question 3, each with its case and the wrong variant that breaks it alone:
# - exactly n_iter steps, and the path holds n_iter + 1 points starting at (w0, b0):
#     test_quadratic_by_hand, test_replay; variant "n_iter - 1 steps (range(1, n_iter))".
# - the step is w <- w - lr * grad_w, b <- b - lr * grad_b, with the lr given:
#     test_replay (lr varied); variants "ignores lr (uses 0.1)" and "ascends: + lr".
# - the gradient is evaluated at the current point, w and b updated together:
#     test_replay; variant "updates b with the gradient taken after w has moved".
# - the path holds snapshots and w0 is not modified: test_snapshots; variant "updates w
#     in place with -= and appends the same array every time".
# - works for parameters of any shape (a matrix W and a vector b):
#     test_matrix_parameters; variant "flattens w to 1-D".
# - with a good step it reaches the minimizer of regularized logistic regression:
#     test_converges_to_oracle (scipy.optimize.minimize on the same objective).

import numpy as np
import pandas as pd
from otter.test_files import test_case

from mlmath_checks import assert_close, call, data_file

name = "q3"
points = 6


def _run(gradient_descent, grad, w0, b0, lr, n_iter, what):
    result = call(
        gradient_descent,
        grad,
        np.array(w0, copy=True),
        np.array(b0, copy=True),
        lr,
        n_iter,
        what=what,
    )
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            "gradient_descent should return a pair of lists (ws, bs), found "
            f"{type(result).__name__}."
        )
    ws, bs = result
    try:
        ws = [np.asarray(v, dtype=float) for v in ws]
        bs = [np.asarray(v, dtype=float) for v in bs]
    except (TypeError, ValueError):
        raise AssertionError("ws and bs should be lists of arrays (or numbers).") from None
    if len(ws) != n_iter + 1 or len(bs) != n_iter + 1:
        raise AssertionError(
            f"with n_iter={n_iter}, ws and bs should hold n_iter + 1 = {n_iter + 1} points "
            f"(the start, then one after each step), found {len(ws)} and {len(bs)}."
        )
    return ws, bs


def _logistic_problem(gen, n, d):
    X = gen.normal(size=(n, d))
    y = (X @ gen.normal(size=d) + gen.normal(size=n) > 0).astype(float)
    return X, y


def _logistic_grad(X, y, lam):
    from scipy.special import expit

    def grad(w, b):
        w = np.asarray(w, dtype=float)
        r = expit(X @ w + float(b)) - y
        return X.T @ r / len(y) + lam * w, float(np.mean(r))

    return grad


def _replay(grad, w0, b0, lr, n_iter):
    w, b = np.array(w0, dtype=float), np.array(b0, dtype=float)
    ws, bs = [w], [b]
    for _ in range(n_iter):
        gw, gb = grad(w, b)
        w, b = w - lr * np.asarray(gw), b - lr * np.asarray(gb)
        ws.append(w)
        bs.append(b)
    return ws, bs


@test_case(points=2, hidden=False)
def test_quadratic_by_hand(gradient_descent):
    # f(w, b) = (||w - (1, 2)||^2 + (b - 3)^2) / 2 has gradient (w - (1, 2), b - 3):
    # with lr = 0.5 each step halves the distance to the minimum (1, 2, 3).
    def grad(w, b):
        return np.asarray(w) - np.array([1.0, 2.0]), float(b) - 3.0

    ws, bs = _run(gradient_descent, grad, np.zeros(2), 0.0, 0.5, 2, what="a quadratic, lr=0.5")
    assert_close(
        np.array(ws),
        [[0.0, 0.0], [0.5, 1.0], [0.75, 1.5]],
        what="ws for the quadratic (start, after step 1, after step 2)",
        hint="w_{t+1} = w_t - lr * grad_w(w_t, b_t); ws[0] is w0 itself.",
        reveal=True,
    )
    assert_close(
        np.array(bs),
        [0.0, 1.5, 2.25],
        what="bs for the quadratic",
        hint="b_{t+1} = b_t - lr * grad_b(w_t, b_t).",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_replay(gradient_descent):
    gen = np.random.default_rng(301)
    for n_iter, lr, d in [(0, 0.3, 2), (1, 0.7, 3), (6, 2.5, 2), (25, 0.05, 4)]:
        X, y = _logistic_problem(gen, 30, d)
        grad = _logistic_grad(X, y, 0.1)
        w0, b0 = gen.normal(size=d), float(gen.normal())
        expected_w, expected_b = _replay(grad, w0, b0, lr, n_iter)
        ws, bs = _run(
            gradient_descent, grad, w0, b0, lr, n_iter, what=f"logistic, lr={lr}, n_iter={n_iter}"
        )
        for t in range(n_iter + 1):
            hint = (
                "w_{t+1} = w_t - lr * grad_w and b_{t+1} = b_t - lr * grad_b, both from "
                "the gradient at (w_t, b_t), with the lr passed in."
            )
            assert_close(
                ws[t],
                expected_w[t],
                rtol=1e-9,
                atol=1e-12,
                what=f"ws[{t}] (lr={lr}, n_iter={n_iter})",
                hint=hint,
            )
            assert_close(
                bs[t],
                expected_b[t],
                rtol=1e-9,
                atol=1e-12,
                what=f"bs[{t}] (lr={lr}, n_iter={n_iter})",
                hint=hint,
            )


@test_case(points=1, hidden=True)
def test_snapshots(gradient_descent):
    gen = np.random.default_rng(302)
    X, y = _logistic_problem(gen, 20, 3)
    grad = _logistic_grad(X, y, 0.0)
    w0 = gen.normal(size=3)
    original = w0.copy()
    expected_w, _ = _replay(grad, original, 0.0, 1.0, 4)
    ws, _ = call(gradient_descent, grad, w0, np.array(0.0), 1.0, 4, what="lr=1, n_iter=4")
    if not np.array_equal(w0, original):
        raise AssertionError(
            "gradient_descent changed the w0 it was given: copy it first "
            "(w = np.array(w0, dtype=float)), then update the copy."
        )
    if len(ws) != 5:
        raise AssertionError(f"with n_iter=4, ws should hold 5 points, found {len(ws)}.")
    ws = [np.asarray(v, dtype=float) for v in ws]
    hint = "w_{t+1} = w_t - lr * grad_w(w_t, b_t), starting from a copy of w0."
    if all(np.array_equal(v, ws[-1]) for v in ws):
        hint = (
            "every entry of ws is the same: with w -= lr * g and ws.append(w), the list "
            "holds one array five times and shows only the final w. Append w.copy(), or "
            "build a new array with w = w - lr * g."
        )
    for t in range(5):
        assert_close(ws[t], expected_w[t], rtol=1e-9, atol=1e-12, what=f"ws[{t}]", hint=hint)


@test_case(points=1, hidden=True)
def test_matrix_parameters(gradient_descent):
    gen = np.random.default_rng(303)
    A = gen.normal(size=(3, 4))
    c = gen.normal(size=4)

    def grad(W, b):  # of ||W - A||^2 / 2 + ||b - c||^2 / 2
        return np.asarray(W) - A, np.asarray(b) - c

    W0, b0 = gen.normal(size=(3, 4)), np.zeros(4)
    expected_w, expected_b = _replay(grad, W0, b0, 0.3, 3)
    ws, bs = _run(
        gradient_descent, grad, W0, b0, 0.3, 3, what="a (3, 4) matrix W and b of shape (4,)"
    )
    for t in range(4):
        assert_close(
            ws[t],
            expected_w[t],
            rtol=1e-9,
            atol=1e-12,
            what=f"ws[{t}] for a matrix W",
            hint="keep the shape of w0: no flattening, the update is elementwise.",
        )
        assert_close(bs[t], expected_b[t], rtol=1e-9, atol=1e-12, what=f"bs[{t}] for a vector b")


@test_case(points=1, hidden=True)
def test_converges_to_oracle(gradient_descent):
    from scipy.optimize import minimize

    frame = pd.read_csv(data_file("breast_cancer.csv"))
    features = ["worst radius", "worst concave points", "mean texture"]
    X = frame[features].to_numpy()[::4]
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    y = (frame["diagnosis"] == "malignant").to_numpy(dtype=float)[::4]
    lam = 0.1
    grad = _logistic_grad(X, y, lam)

    def objective(theta):
        z = X @ theta[:-1] + theta[-1]
        value = np.mean(np.logaddexp(0.0, z) - y * z) + lam / 2 * theta[:-1] @ theta[:-1]
        gw, gb = grad(theta[:-1], theta[-1])
        return value, np.append(gw, gb)

    best = minimize(objective, np.zeros(4), jac=True, method="BFGS", options={"gtol": 1e-12})
    # L <= ||[X, 1]||_2^2 / (4n) + lam: lr = 1 / L is a safe constant step
    X1 = np.column_stack([X, np.ones(len(y))])
    lr = 1 / (np.linalg.norm(X1, 2) ** 2 / (4 * len(y)) + lam)
    ws, bs = _run(
        gradient_descent, grad, np.zeros(3), 0.0, lr, 150, what="breast cancer, 150 steps"
    )
    assert_close(
        np.append(ws[-1], bs[-1]),
        best.x,
        rtol=1e-5,
        atol=1e-6,
        what="(w, b) after 150 steps of lr = 1/L on regularized logistic regression",
        hint="the minimizer was computed by scipy.optimize.minimize on the same objective: "
        "check the sign of the step and that every step uses the current gradient.",
    )
