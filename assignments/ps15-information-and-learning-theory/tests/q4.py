"""Question 4: log_loss(Q, y) and best_constant_prediction(y, K).

Q is an (n, K) array whose row i is the model's distribution over the K classes for
example i; y holds the n true labels in 0..K-1.

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- log_loss = -(1/n) sum_i ln Q[i, y_i], the MEAN over examples: test_log_loss_random /
  "sum instead of mean"
- the probability of each example's OWN label: test_log_loss_random / "Q[:, y] (an n x n
  block)", "log of the largest probability in each row"
- zero probabilities of the other classes are ignored (no NaN): test_log_loss_zeros /
  "sum of one-hot * log Q over all entries (0 * log 0 = NaN)"
- inf (not a clipped finite value) when some Q[i, y_i] = 0: test_log_loss_zeros /
  "clips Q at 1e-15"
- best_constant_prediction(y, K) is the vector of class frequencies, length K, classes
  that never occur get 0: test_best_constant / "np.unique counts (drops absent classes)",
  "Laplace smoothing (counts + 1) / (n + K)"
- the log loss of a constant prediction q is H(p_hat) + KL(p_hat || q), so the best
  constant is p_hat: test_decomposition (checks log_loss on constant predictions against
  the decomposition, and best_constant_prediction against a grid of other constants)
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from ps15_checks import number

from mlmath_checks import assert_close, assert_shape, call, to_array

name = "q4"
points = 6


def _oracle(Q, y):
    picked = np.take_along_axis(Q, y[:, None], axis=1)[:, 0]
    with np.errstate(divide="ignore"):
        return float(-np.log(picked).mean())


def _hint(found, Q, y):
    n = y.size
    expected = _oracle(Q, y)
    if np.isnan(found):
        return (
            "your log loss is NaN: only the probability of each example's own label enters, "
            "Q[np.arange(n), y]; multiplying a one-hot matrix by log Q gives 0 * log 0 = NaN."
        )
    if np.isfinite(expected) and np.isclose(found, n * expected, rtol=1e-9, atol=0):
        return "that is the sum over the examples: the log loss is their mean."
    if np.isclose(found, -np.log(Q.max(axis=1)).mean(), rtol=1e-9, atol=0):
        return "use the probability of the TRUE label, Q[i, y[i]], not the largest one."
    return "log loss = -mean over i of ln Q[i, y[i]] (pick with Q[np.arange(n), y])."


def _check(log_loss, Q, y, what):
    found = number(log_loss, Q.copy(), y.copy(), what=what)
    assert_close(
        found, _oracle(Q, y), rtol=1e-10, what=f"log_loss on {what}", hint=_hint(found, Q, y)
    )


@test_case(points=2, hidden=False)
def test_by_hand(log_loss, best_constant_prediction):
    Q = np.array([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5]])
    y = np.array([0, 1, 1])
    found = number(log_loss, Q.copy(), y.copy(), what="3 examples, 2 classes")
    assert_close(
        found,
        -(np.log(0.9) + np.log(0.8) + np.log(0.5)) / 3,
        rtol=1e-10,
        what="log_loss([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5]], [0, 1, 1])",
        hint=_hint(found, Q, y),
        reveal=True,
    )
    found = call(best_constant_prediction, np.array([0, 2, 2, 0, 2]), 3, what="y = [0, 2, 2, 0, 2]")
    assert_close(
        found,
        [0.4, 0.0, 0.6],
        rtol=1e-12,
        what="best_constant_prediction([0, 2, 2, 0, 2], 3)",
        hint="the class frequencies, one entry per class 0..K-1.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_log_loss_random(log_loss):
    gen = np.random.default_rng(401)
    for n, K in [(1, 3), (7, 2), (200, 10)]:
        Q = gen.dirichlet(np.ones(K), size=n)
        y = gen.integers(0, K, size=n)
        _check(log_loss, Q, y, f"{n} examples and {K} classes")


@test_case(points=1, hidden=True)
def test_log_loss_zeros(log_loss):
    gen = np.random.default_rng(402)
    n, K = 30, 4
    Q = gen.dirichlet(np.ones(K), size=n)
    y = gen.integers(0, K, size=n)
    wrong = (y + 1) % K
    Q[np.arange(n), wrong] = 0.0
    Q /= Q.sum(axis=1, keepdims=True)
    _check(log_loss, Q, y, "30 examples where one wrong class per row has probability 0")
    Q[5, y[5]] = 0.0
    Q[5] /= Q[5].sum()
    found = number(log_loss, Q.copy(), y.copy(), what="a row giving its true label probability 0")
    if not (np.isinf(found) and found > 0):
        raise AssertionError(
            "log_loss should be inf when the model gives some example's true label "
            f"probability 0 (ln 0 = -inf), found {found:.6g}. "
            + ("Do not clip the probabilities: return np.inf." if np.isfinite(found) else "")
        )


@test_case(points=1, hidden=True)
def test_best_constant(best_constant_prediction):
    gen = np.random.default_rng(403)
    for n, K, absent in [(50, 3, None), (40, 6, 4), (9, 5, 0)]:
        y = gen.integers(0, K, size=n)
        if absent is not None:
            y[y == absent] = (absent + 1) % K
        expected = np.bincount(y, minlength=K) / n
        found = assert_shape(
            call(best_constant_prediction, y.copy(), K, what=f"{n} labels in {K} classes"),
            (K,),
            what=f"best_constant_prediction on {n} labels in {K} classes",
            hint="one probability per class 0..K-1, including classes that never occur "
            "(np.bincount(y, minlength=K)).",
        )
        hint = "the class frequencies count / n: the empirical distribution of the labels."
        if np.allclose(found, (np.bincount(y, minlength=K) + 1) / (n + K), rtol=1e-9, atol=0):
            hint = "no smoothing: the best constant is exactly count / n."
        assert_close(
            found,
            expected,
            rtol=1e-12,
            atol=1e-15,
            what=f"best_constant_prediction on {n} labels in {K} classes",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_decomposition(log_loss, best_constant_prediction):
    gen = np.random.default_rng(404)
    n, K = 60, 4
    y = gen.integers(0, K, size=n)
    p_hat = np.bincount(y, minlength=K) / n
    for alpha in [0.5, 3.0]:
        q = gen.dirichlet(np.full(K, alpha))
        Q = np.tile(q, (n, 1))
        expected = scipy.stats.entropy(p_hat) + scipy.stats.entropy(p_hat, q)
        found = number(log_loss, Q.copy(), y.copy(), what="the same prediction q for all 60")
        assert_close(
            found,
            expected,
            rtol=1e-10,
            what="log_loss of a constant prediction q",
            hint="for a constant q the log loss is H(p_hat) + KL(p_hat || q); "
            "compute -mean ln Q[i, y[i]].",
        )
    best = to_array(call(best_constant_prediction, y.copy(), K, what="60 labels in 4 classes"))
    loss_best = _oracle(np.tile(best, (n, 1)), y)
    for _ in range(20):
        other = gen.dirichlet(np.ones(K))
        if _oracle(np.tile(other, (n, 1)), y) < loss_best - 1e-12:
            raise AssertionError(
                "another constant prediction has a lower log loss than "
                "best_constant_prediction's: the minimizer is the empirical distribution."
            )
