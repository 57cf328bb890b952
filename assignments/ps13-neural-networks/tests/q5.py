OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - returns the pair (loss, dZ), loss a float, dZ of Z's shape: every case.
# - loss = -(1/n) sum_i log softmax(Z)_{i, y_i}, the MEAN over the batch: test_loss_values;
#   variants "sums over the batch", "np.mean(onehot * log_p) (divides by n*k)".
# - finite and correct at logits of 1000, also when the true class is 1000 below the
#   largest logit (loss about 1000): test_huge_logits; variants "naive exp(Z)" (overflow),
#   "log of a stable softmax" (log 0 = -inf).
# - dZ = (softmax(Z) - onehot(y)) / n: test_gradient, checked by central differences of
#   the loss; variants "no 1/n", "onehot - softmax (sign)", "forgets the onehot".
# - the gradient is right at logits of 1000 too: test_huge_logits.
# - Z is not modified: test_input_unchanged; variant "shifts Z in place (Z -= max)".

import numpy as np
from grads import norm_relative_error, ratio_hint
from otter.test_files import test_case
from scipy.special import logsumexp

from mlmath_checks import assert_close, assert_finite, assert_shape, call, to_number

name = "q5"
points = 6


def oracle_loss(Z, y):
    return float(np.mean(logsumexp(Z, axis=1) - Z[np.arange(len(y)), y]))


def finite_differences(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + h
        up = f(x)
        x[index] = old - h
        down = f(x)
        x[index] = old
        grad[index] = (up - down) / (2 * h)
    return grad


def evaluate(softmax_cross_entropy, Z, y, what, hint=""):
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        result = call(softmax_cross_entropy, Z.copy(), y.copy(), what=what, hint=hint)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"softmax_cross_entropy should return a pair (loss, dZ), found {type(result).__name__}."
        )
    loss = to_number(result[0], what=f"the loss on {what}")
    dZ = assert_shape(result[1], Z.shape, what=f"dZ on {what}", hint="dZ has the shape of Z.")
    return loss, dZ


def random_batch(rng, n, k, scale=3.0):
    return rng.normal(scale=scale, size=(n, k)), rng.integers(0, k, size=n)


GRAD_HINTS = {
    "n": "dZ is n times too large: the loss is a mean over the batch, so dZ = (P - Y) / n.",
    "-1": "dZ has the wrong sign: dZ = (softmax(Z) - onehot(y)) / n, probabilities minus targets.",
}


def check_gradient(dZ, expected, Z, y, what):
    error = norm_relative_error(dZ, expected)
    if error > 1e-6:
        n = Z.shape[0]
        hint = ratio_hint(dZ, expected, n, GRAD_HINTS)
        if hint is None and np.allclose(dZ, np.exp(Z - logsumexp(Z, axis=1, keepdims=True)) / n):
            hint = (
                "you returned softmax(Z) / n: subtract 1 at each example's true class, (P - Y) / n."
            )
        raise AssertionError(
            f"dZ on {what} is off: relative error {error:.2g} against central differences of the "
            f"loss (expected below 1e-6). {hint or 'dZ = (softmax(Z) - onehot(y)) / n.'}"
        )


@test_case(points=2, hidden=False)
def test_uniform_logits(softmax_cross_entropy):
    Z = np.zeros((2, 3))
    y = np.array([0, 2])
    loss, dZ = evaluate(softmax_cross_entropy, Z, y, "Z = zeros((2, 3)), y = [0, 2]")
    assert_close(
        loss,
        np.log(3.0),
        rtol=1e-12,
        what="the loss at equal logits (3 classes)",
        reveal=True,
        hint="every class has probability 1/3, so the loss is -log(1/3) = log 3.",
    )
    expected = np.array([[-2.0, 1.0, 1.0], [1.0, 1.0, -2.0]]) / 6
    assert_close(
        dZ,
        expected,
        rtol=1e-12,
        what="dZ at equal logits",
        reveal=True,
        hint="dZ = (softmax(Z) - onehot(y)) / n with n = 2.",
    )


@test_case(points=1, hidden=True)
def test_loss_values(softmax_cross_entropy):
    rng = np.random.default_rng(51)
    for n, k in [(1, 3), (6, 4), (20, 10), (5, 2)]:
        Z, y = random_batch(rng, n, k)
        expected = oracle_loss(Z, y)
        what = f"a batch of {n} examples and {k} classes"
        loss, _ = evaluate(softmax_cross_entropy, Z, y, what)
        hint = "loss = mean over the batch of logsumexp(Z_i) - Z_{i, y_i}."
        if n > 1 and abs(loss - n * expected) < 1e-9 * n * abs(expected):
            hint = "your loss is n times too large: average over the batch (a mean, not a sum)."
        elif abs(loss * k - expected) < 1e-9 * abs(expected):
            hint = (
                "your loss is k times too small: np.mean over the (n, k) matrix divides by "
                "n*k; sum over the classes, average over the n examples."
            )
        assert_close(loss, expected, rtol=1e-10, what=f"the loss on {what}", hint=hint)


@test_case(points=1, hidden=True)
def test_huge_logits(softmax_cross_entropy):
    rng = np.random.default_rng(52)
    Z = 1000.0 + rng.normal(size=(5, 4))
    y = np.array([0, 1, 2, 3, 1])
    Z[2, 2] = 0.0  # the true class 1000 below the others: probability about exp(-1000)
    Z[4] = -1000.0 + rng.normal(size=4)
    expected = oracle_loss(Z, y)
    grad = finite_differences(lambda v: oracle_loss(v, y), Z)
    hint = (
        "work in log space: log softmax(Z)_i = Z_i - m - log sum exp(Z - m) with m the row's "
        "maximum; exp(1000) overflows, and the log of a probability that underflowed to 0 is "
        "-inf."
    )
    loss, dZ = evaluate(
        softmax_cross_entropy, Z, y, "logits near 1000, one true class 1000 lower", hint
    )
    assert_finite(loss, what="the loss at logits near 1000", hint=hint)
    assert_close(loss, expected, rtol=1e-10, what="the loss at logits near 1000", hint=hint)
    check_gradient(
        assert_finite(dZ, what="dZ at logits near 1000", hint=hint), grad, Z, y, "logits near 1000"
    )


@test_case(points=1, hidden=True)
def test_gradient(softmax_cross_entropy):
    rng = np.random.default_rng(53)
    for n, k in [(1, 3), (4, 5), (9, 2), (12, 10)]:
        Z, y = random_batch(rng, n, k)
        expected = finite_differences(lambda v, y=y: oracle_loss(v, y), Z)
        what = f"a batch of {n} examples and {k} classes"
        _, dZ = evaluate(softmax_cross_entropy, Z, y, what)
        check_gradient(dZ, expected, Z, y, what)


@test_case(points=1, hidden=True)
def test_input_unchanged(softmax_cross_entropy):
    rng = np.random.default_rng(54)
    Z, y = random_batch(rng, 7, 4)
    Z[3] += 50.0
    keep_Z, keep_y = Z.copy(), y.copy()
    expected = finite_differences(lambda v: oracle_loss(v, keep_y), keep_Z)
    result = call(softmax_cross_entropy, Z, y, what="a batch of 7 examples and 4 classes")
    assert np.array_equal(Z, keep_Z) and np.array_equal(y, keep_y), (
        "softmax_cross_entropy changed the logits (or labels) it was given: the caller still "
        "needs them. Compute Z - Z.max(axis=1, keepdims=True) into a new array instead of "
        "Z -= ..."
    )
    if isinstance(result, (tuple, list)) and len(result) == 2:
        check_gradient(
            assert_shape(result[1], Z.shape, what="dZ"),
            expected,
            keep_Z,
            keep_y,
            "a batch of 7 examples and 4 classes",
        )
