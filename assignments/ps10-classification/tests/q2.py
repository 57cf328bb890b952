OK_FORMAT = False

# Clauses of Question 2, each with its case and the wrong variant that breaks it alone:
# - the gradient of the MEAN cross-entropy (1/n), with the sign of p - y:
#     test_gradient_random; variants "y - p in place of p - y" and "missing 1/n".
# - the penalty is lam/2 ||w||^2, so its gradient is lam * w:
#     test_gradient_random; variant "2 * lam * w".
# - the bias is not regularized: test_bias_not_regularized; variant "adds lam * b to grad_b".
# - finite and accurate at logits of several hundred: test_large_logits; variant
#     "sigmoid as exp(z) / (1 + exp(z))" (nan).
# - returns (grad_w of shape (d,), grad_b a number): every case (assert_shape, to_number).

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, rel_error, to_number

name = "q2"
points = 5


def _objective(w, b, X, y, lam):
    z = X @ w + b
    return np.mean(np.logaddexp(0.0, z) - y * z) + lam / 2 * np.dot(w, w)


def _oracle(w, b, X, y, lam):
    from scipy.special import expit

    r = expit(X @ w + b) - y
    return X.T @ r / len(y) + lam * w, float(np.mean(r))


def _numerical(w, b, X, y, lam, h=1e-6):
    theta = np.append(w, b)
    g = np.zeros_like(theta)
    for i in range(theta.size):
        e = np.zeros_like(theta)
        e[i] = h
        up, down = theta + e, theta - e
        g[i] = (
            _objective(up[:-1], up[-1], X, y, lam) - _objective(down[:-1], down[-1], X, y, lam)
        ) / (2 * h)
    return g[:-1], g[-1]


def _student(logistic_grad, w, b, X, y, lam, what):
    result = call(logistic_grad, w.copy(), float(b), X.copy(), y.copy(), lam, what=what)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"logistic_grad should return a pair (grad_w, grad_b), found {type(result).__name__}."
        )
    grad_w = assert_shape(result[0], w.shape, what="grad_w", hint="grad_w has the shape of w.")
    grad_b = to_number(result[1], what="grad_b")
    return grad_w, grad_b


def _diagnose(grad_w, grad_b, w, b, X, y, lam):
    """A hint naming the mistake the evidence points to (or the formula, if none fits)."""
    from scipy.special import expit

    n = len(y)
    r = expit(X @ w + b) - y
    data_w, data_b = X.T @ r / n, float(np.mean(r))
    found = np.append(grad_w, grad_b)

    def matches(gw, gb):
        return np.allclose(found, np.append(gw, gb), rtol=1e-6, atol=1e-10)

    if not np.all(np.isfinite(found)):
        return (
            "your gradient contains NaN or inf at large logits: compute p with your stable "
            "sigmoid from Question 1 (exp(z) / (1 + exp(z)) gives inf / inf = NaN)."
        )
    if matches(-data_w + lam * w, -data_b) or matches(-data_w - lam * w, -data_b):
        return "your gradient has the wrong sign: the data term is X.T @ (p - y) / n, p minus y."
    if n > 1 and (matches(n * data_w + lam * w, n * data_b) or matches(n * data_w, n * data_b)):
        return f"the data part is {n} times too large: divide by n (the loss is a mean)."
    if lam > 0 and matches(data_w + 2 * lam * w, data_b):
        return "the penalty lam/2 ||w||^2 has gradient lam * w, not 2 * lam * w."
    if lam > 0 and matches(data_w, data_b):
        return "the penalty lam/2 ||w||^2 is missing from the gradient: add lam * w."
    if lam > 0 and matches(data_w + lam * w, data_b + lam * b):
        return (
            "you added lam * b to grad_b, but the penalty is lam/2 ||w||^2 only: the bias "
            "is not penalized, grad_b = mean(p - y)."
        )
    return (
        "grad_w = X.T @ (sigmoid(X @ w + b) - y) / n + lam * w and "
        "grad_b = mean(sigmoid(X @ w + b) - y)."
    )


def _compare(grad_w, grad_b, w, b, X, y, lam, label):
    expected_w, expected_b = _oracle(w, b, X, y, lam)
    hint = _diagnose(grad_w, grad_b, w, b, X, y, lam)
    assert_close(grad_w, expected_w, rtol=1e-7, atol=1e-12, what=f"grad_w ({label})", hint=hint)
    assert_close(grad_b, expected_b, rtol=1e-7, atol=1e-12, what=f"grad_b ({label})", hint=hint)


@test_case(points=1, hidden=False)
def test_gradient_at_zero(logistic_grad):
    # at w = 0, b = 0 every p is 1/2: grad_w = X.T @ (1/2 - y) / n, grad_b = mean(1/2 - y)
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 1.0], [-2.0, 0.0]])
    y = np.array([1.0, 0.0, 1.0, 1.0])
    grad_w, grad_b = _student(logistic_grad, np.zeros(2), 0.0, X, y, 0.0, what="w = 0, b = 0")
    assert_close(
        grad_w,
        X.T @ (0.5 - y) / 4,
        rtol=1e-10,
        what="grad_w at w = 0, b = 0",
        hint="grad_w = X.T @ (p - y) / n, with p = 1/2 here.",
        reveal=True,
    )
    assert_close(
        grad_b,
        -0.25,
        rtol=1e-10,
        what="grad_b at w = 0, b = 0",
        hint="grad_b = mean(p - y).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_gradient_random(logistic_grad):
    gen = np.random.default_rng(201)
    for n, d, lam in [(5, 1, 0.0), (20, 3, 0.3), (60, 6, 2.0)]:
        X = gen.normal(size=(n, d))
        y = gen.integers(0, 2, size=n).astype(float)
        w, b = gen.normal(size=d), float(gen.normal())
        expected_w, expected_b = _oracle(w, b, X, y, lam)
        numerical_w, numerical_b = _numerical(w, b, X, y, lam)
        assert rel_error(expected_w, numerical_w) < 1e-6  # the oracle is the derivative
        grad_w, grad_b = _student(
            logistic_grad, w, b, X, y, lam, what=f"random n={n}, d={d}, lam={lam}"
        )
        _compare(grad_w, grad_b, w, b, X, y, lam, f"n={n}, d={d}, lam={lam}")


@test_case(points=1, hidden=True)
def test_bias_not_regularized(logistic_grad):
    gen = np.random.default_rng(202)
    X = gen.normal(size=(30, 2))
    y = gen.integers(0, 2, size=30).astype(float)
    w, b, lam = np.array([0.5, -1.0]), 3.0, 5.0
    grad_w, grad_b = _student(logistic_grad, w, b, X, y, lam, what="b = 3 and lam = 5")
    _compare(grad_w, grad_b, w, b, X, y, lam, "b = 3 and a large lam = 5")


@test_case(points=1, hidden=True)
def test_large_logits(logistic_grad):
    gen = np.random.default_rng(203)
    X = gen.normal(size=(25, 3)) * 300  # logits of several hundred, some beyond 709
    y = gen.integers(0, 2, size=25).astype(float)
    w, b, lam = np.array([1.0, -2.0, 0.5]), 1.0, 0.1
    with np.errstate(all="ignore"):
        grad_w, grad_b = _student(logistic_grad, w, b, X, y, lam, what="logits of several hundred")
    _compare(grad_w, grad_b, w, b, X, y, lam, "logits of several hundred")
