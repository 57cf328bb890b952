OK_FORMAT = False

# Clauses of Question 6, each with its case and the wrong variant that breaks it alone:
# - loss = mean over examples of the cross-entropy + lam/2 ||W||_F^2:
#     test_loss_random; variants "sums over the examples" and "leaves out the penalty".
# - grad_W = X.T (P - Y) / n + lam W and grad_b = sum of (P - Y) / n over the examples:
#     test_gradient_random (central differences of the oracle loss); variants "Y - P",
#     "missing 1/n".
# - the bias is not regularized: test_gradient_random and test_stationary_at_optimum;
#     variant "adds lam * b to grad_b".
# - the loss is finite and exact at logits of +-1000 (computed by log-sum-exp):
#     test_large_logits; variant "-log of the softmax probability" (log 0 = -inf).
# - returns (loss as a number, grad_W of shape (d, k), grad_b of shape (k,)): every case.
# - at the minimizer of the objective (scipy.optimize.minimize on iris) the gradient is 0:
#     test_stationary_at_optimum.

import numpy as np
import pandas as pd
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, data_file, rel_error, to_number

name = "q6"
points = 6


def _loss(W, b, X, y, lam):
    from scipy.special import logsumexp

    Z = X @ W + b
    return np.mean(logsumexp(Z, axis=1) - Z[np.arange(len(y)), y]) + lam / 2 * np.sum(W**2)


def _oracle_grad(W, b, X, y, lam):
    from scipy.special import softmax

    G = softmax(X @ W + b, axis=1)
    G[np.arange(len(y)), y] -= 1
    G /= len(y)
    return X.T @ G + lam * W, G.sum(axis=0)


def _student(softmax_loss_grad, W, b, X, y, lam, what):
    result = call(softmax_loss_grad, W.copy(), b.copy(), X.copy(), y.copy(), lam, what=what)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        raise AssertionError(
            "softmax_loss_grad should return a triple (loss, grad_W, grad_b), found "
            f"{type(result).__name__}."
        )
    loss = to_number(result[0], what="the loss")
    grad_W = assert_shape(result[1], W.shape, what="grad_W", hint="grad_W has the shape of W.")
    grad_b = assert_shape(result[2], b.shape, what="grad_b", hint="grad_b has the shape of b.")
    return loss, grad_W, grad_b


def _problem(gen, n, d, k, scale=1.0):
    X = gen.normal(size=(n, d)) * scale
    y = gen.integers(0, k, size=n)
    return gen.normal(size=(d, k)), gen.normal(size=k), X, y


def _grad_hint(grad_W, grad_b, W, b, X, y, lam):
    """Name the mistake the evidence points to."""
    n = len(y)
    gW, gb = _oracle_grad(W, b, X, y, 0.0)
    found = np.append(grad_W.ravel(), grad_b)

    def matches(a, c):
        return np.allclose(found, np.append(np.ravel(a), c), rtol=1e-6, atol=1e-9)

    if not np.all(np.isfinite(found)):
        return "your gradient has NaN or inf: P must come from a stable softmax (Question 5)."
    if matches(-gW + lam * W, -gb):
        return "your gradient has the wrong sign: it is X.T @ (P - Y) / n, P minus Y."
    if n > 1 and matches(n * gW + lam * W, n * gb):
        return f"the data part is {n} times too large: divide by n."
    if lam > 0 and matches(gW + lam * W, gb + lam * b):
        return "you added lam * b to grad_b: the penalty is lam/2 ||W||^2 only, not the bias."
    if lam > 0 and matches(gW, gb):
        return "the penalty's gradient lam * W is missing from grad_W."
    return (
        "grad_W = X.T @ (P - Y) / n + lam * W and grad_b = (P - Y).sum(axis=0) / n, with P "
        "the row-wise softmax of X @ W + b and Y the one-hot labels."
    )


def _loss_hint(loss, W, b, X, y, lam):
    expected = _loss(W, b, X, y, lam)
    n, penalty = len(y), lam / 2 * np.sum(W**2)
    if not np.isfinite(loss):
        return (
            "your loss is inf or NaN: compute -log softmax(z)[y] as logsumexp(z) - z[y], with "
            "the stable log-sum-exp (shift by the row maximum); the log of a probability "
            "that underflowed to 0 is -inf."
        )
    if lam > 0 and abs(loss - (expected - penalty)) < 1e-8 * max(1, abs(expected)):
        return "the penalty lam/2 * sum(W**2) is missing from the loss."
    if n > 1 and abs(loss - (n * (expected - penalty) + penalty)) < 1e-8 * n * max(1, expected):
        return f"the data part is {n} times too large: take the mean over the examples."
    return "loss = mean_i [logsumexp(z_i) - z_i[y_i]] + lam/2 * sum(W**2)."


@test_case(points=1, hidden=False)
def test_at_zero(softmax_loss_grad):
    # W = 0, b = 0: every class has probability 1/k, so the loss is log k
    X = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
    y = np.array([0, 2, 2])
    loss, grad_W, grad_b = _student(
        softmax_loss_grad, np.zeros((2, 3)), np.zeros(3), X, y, 0.0, what="W = 0, b = 0"
    )
    assert_close(
        loss,
        np.log(3),
        rtol=1e-10,
        what="the loss at W = 0, b = 0",
        reveal=True,
        hint="with all scores equal each class has probability 1/3: loss = log 3.",
    )
    P_minus_Y = np.full((3, 3), 1 / 3) - np.eye(3)[y]
    assert_close(
        grad_b,
        P_minus_Y.sum(axis=0) / 3,
        rtol=1e-10,
        atol=1e-15,
        what="grad_b at W = 0, b = 0",
        reveal=True,
        hint="grad_b = (P - Y).sum(axis=0) / n.",
    )
    assert_close(
        grad_W,
        X.T @ P_minus_Y / 3,
        rtol=1e-10,
        atol=1e-15,
        what="grad_W at W = 0, b = 0",
        reveal=True,
        hint="grad_W = X.T @ (P - Y) / n.",
    )


@test_case(points=1, hidden=True)
def test_loss_random(softmax_loss_grad):
    gen = np.random.default_rng(601)
    for n, d, k, lam in [(1, 2, 3, 0.0), (12, 3, 4, 0.5), (40, 5, 2, 1.5)]:
        W, b, X, y = _problem(gen, n, d, k)
        expected = _loss(W, b, X, y, lam)
        loss, _, _ = _student(softmax_loss_grad, W, b, X, y, lam, what=f"n={n}, k={k}, lam={lam}")
        assert_close(
            loss,
            expected,
            rtol=1e-9,
            what=f"the loss (n={n}, k={k}, lam={lam})",
            hint=_loss_hint(loss, W, b, X, y, lam),
        )


@test_case(points=2, hidden=True)
def test_gradient_random(softmax_loss_grad):
    gen = np.random.default_rng(602)
    for n, d, k, lam in [(3, 2, 3, 0.0), (15, 4, 3, 0.7), (30, 3, 5, 2.0)]:
        W, b, X, y = _problem(gen, n, d, k)
        b = b * 3  # a large bias, so regularizing it shows
        expected_W, expected_b = _oracle_grad(W, b, X, y, lam)
        # the oracle agrees with central differences of the loss
        h, theta = 1e-6, np.append(W.ravel(), b)

        def f(t, d=d, k=k, X=X, y=y, lam=lam):
            return _loss(t[: d * k].reshape(d, k), t[d * k :], X, y, lam)

        numeric = np.array(
            [(f(theta + h * e) - f(theta - h * e)) / (2 * h) for e in np.eye(theta.size)]
        )
        assert rel_error(numeric, np.append(expected_W.ravel(), expected_b)) < 1e-6
        _, grad_W, grad_b = _student(
            softmax_loss_grad, W, b, X, y, lam, what=f"n={n}, d={d}, k={k}, lam={lam}"
        )
        hint = _grad_hint(grad_W, grad_b, W, b, X, y, lam)
        assert_close(
            grad_W,
            expected_W,
            rtol=1e-7,
            atol=1e-12,
            what=f"grad_W (n={n}, k={k}, lam={lam})",
            hint=hint,
        )
        assert_close(
            grad_b,
            expected_b,
            rtol=1e-7,
            atol=1e-12,
            what=f"grad_b (n={n}, k={k}, lam={lam})",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_large_logits(softmax_loss_grad):
    gen = np.random.default_rng(603)
    W, b, X, y = _problem(gen, 20, 3, 4, scale=400.0)  # scores of several hundred
    expected = _loss(W, b, X, y, 0.1)
    expected_W, expected_b = _oracle_grad(W, b, X, y, 0.1)
    with np.errstate(all="ignore"):
        loss, grad_W, grad_b = _student(
            softmax_loss_grad, W, b, X, y, 0.1, what="scores of several hundred"
        )
    assert_close(
        loss,
        expected,
        rtol=1e-9,
        what="the loss at scores of several hundred",
        hint=_loss_hint(loss, W, b, X, y, 0.1),
    )
    hint = _grad_hint(grad_W, grad_b, W, b, X, y, 0.1)
    assert_close(
        grad_W,
        expected_W,
        rtol=1e-7,
        atol=1e-9,
        what="grad_W at scores of several hundred",
        hint=hint,
    )
    assert_close(
        grad_b,
        expected_b,
        rtol=1e-7,
        atol=1e-9,
        what="grad_b at scores of several hundred",
        hint=hint,
    )


@test_case(points=1, hidden=True)
def test_stationary_at_optimum(softmax_loss_grad):
    from scipy.optimize import minimize

    frame = pd.read_csv(data_file("iris.csv"))
    X = frame.iloc[::3, :4].to_numpy()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    y = pd.factorize(frame["species"].iloc[::3], sort=True)[0]
    d, k, lam = 4, 3, 0.05

    def objective(t):
        W, b = t[: d * k].reshape(d, k), t[d * k :]
        gW, gb = _oracle_grad(W, b, X, y, lam)
        return _loss(W, b, X, y, lam), np.append(gW.ravel(), gb)

    best = minimize(
        objective, np.zeros(d * k + k), jac=True, method="BFGS", options={"gtol": 1e-10}
    )
    W, b = best.x[: d * k].reshape(d, k), best.x[d * k :]
    loss, grad_W, grad_b = _student(
        softmax_loss_grad, W, b, X, y, lam, what="the minimizer on iris (from scipy)"
    )
    assert_close(
        loss,
        best.fun,
        rtol=1e-8,
        what="the loss at the iris minimizer",
        hint=_loss_hint(loss, W, b, X, y, lam),
    )
    assert_close(
        np.append(grad_W.ravel(), grad_b),
        np.zeros(d * k + k),
        atol=1e-6,
        what="your gradient at the minimizer of the objective (should be 0)",
        hint="a correct gradient vanishes at the minimum. "
        + _grad_hint(grad_W, grad_b, W, b, X, y, lam),
    )
