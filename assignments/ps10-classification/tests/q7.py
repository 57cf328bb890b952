OK_FORMAT = False

# Clauses of Question 7, each with its case and the wrong variant that breaks it alone:
# - loss = lam/2 ||w||^2 + MEAN of max(0, 1 - y (X w + b)): test_loss_random;
#     variants "sum of hinges" and "max(0, -y z) (the perceptron loss, no margin)".
# - subgradient lam w - sum over points with margin < 1 of y_i x_i / n (and for b):
#     test_subgradient_random; variants "+ y x (wrong sign)" and "forgets lam * w".
# - the bias is not regularized: test_subgradient_random; variant "adds lam * b".
# - a point at margin exactly 1 contributes 0 (strict < 1): test_kink_rule;
#     variant "counts margins <= 1".
# - returns (loss, grad_w of shape (d,), grad_b a number): every case.

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_number

name = "q7"
points = 5


def _oracle(w, b, X, y, lam):
    m = y * (X @ w + b)
    loss = lam / 2 * w @ w + np.mean(np.maximum(0.0, 1 - m))
    active = (m < 1).astype(float)
    return loss, lam * w - (active * y) @ X / len(y), -float(np.sum(active * y)) / len(y)


def _student(hinge_loss_subgrad, w, b, X, y, lam, what):
    result = call(hinge_loss_subgrad, w.copy(), float(b), X.copy(), y.copy(), lam, what=what)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        raise AssertionError(
            "hinge_loss_subgrad should return a triple (loss, grad_w, grad_b), found "
            f"{type(result).__name__}."
        )
    return (
        to_number(result[0], what="the loss"),
        assert_shape(result[1], w.shape, what="grad_w"),
        to_number(result[2], what="grad_b"),
    )


def _problem(gen, n, d):
    X = gen.normal(size=(n, d))
    y = np.where(X @ gen.normal(size=d) + 0.5 * gen.normal(size=n) > 0, 1.0, -1.0)
    w, b = gen.normal(size=d), float(gen.normal())
    # keep every margin away from the kink, so the subgradient is the gradient
    m = y * (X @ w + b)
    keep = np.abs(m - 1) > 1e-3
    return w, b, X[keep], y[keep]


@test_case(points=1, hidden=False)
def test_by_hand(hinge_loss_subgrad):
    # w = (1, 0), b = 0: margins y * x1 are 2 (safe), 0.5 (inside the margin), -1 (wrong side)
    X = np.array([[2.0, 1.0], [0.5, -1.0], [1.0, 3.0]])
    y = np.array([1.0, 1.0, -1.0])
    loss, grad_w, grad_b = _student(
        hinge_loss_subgrad, np.array([1.0, 0.0]), 0.0, X, y, 0.0, what="three points, lam = 0"
    )
    assert_close(
        loss,
        (0 + 0.5 + 2) / 3,
        rtol=1e-10,
        what="the hinge loss",
        reveal=True,
        hint="hinges max(0, 1 - margin) are 0, 0.5 and 2; the loss is their mean.",
    )
    # active points: 2 and 3; grad_w = -(y2 x2 + y3 x3) / 3
    assert_close(
        grad_w,
        -(X[1] - X[2]) / 3,
        rtol=1e-10,
        what="grad_w",
        reveal=True,
        hint="only points with margin < 1 contribute, each -y_i x_i / n.",
    )
    assert_close(
        grad_b,
        0.0,
        atol=1e-12,
        what="grad_b",
        reveal=True,
        hint="grad_b = -(sum of y_i over points with margin < 1) / n.",
    )


@test_case(points=1, hidden=True)
def test_loss_random(hinge_loss_subgrad):
    gen = np.random.default_rng(701)
    for n, d, lam in [(1, 2, 0.0), (15, 3, 0.2), (50, 4, 1.0)]:
        w, b, X, y = _problem(gen, n + 3, d)
        expected, _, _ = _oracle(w, b, X, y, lam)
        loss, _, _ = _student(hinge_loss_subgrad, w, b, X, y, lam, what=f"n={len(y)}, lam={lam}")
        assert_close(
            loss,
            expected,
            rtol=1e-9,
            what=f"the loss (n={len(y)}, lam={lam})",
            hint="loss = lam/2 * w @ w + mean(max(0, 1 - y * (X @ w + b))): the hinge is "
            "positive already for correct points with margin below 1, and the data term is "
            "a mean.",
        )


@test_case(points=2, hidden=True)
def test_subgradient_random(hinge_loss_subgrad):
    gen = np.random.default_rng(702)
    for n, d, lam in [(8, 2, 0.0), (25, 3, 0.5), (60, 5, 2.0)]:
        w, b, X, y = _problem(gen, n, d)
        b = 2.0 * b + 1.0
        _, expected_w, expected_b = _oracle(w, b, X, y, lam)
        _, grad_w, grad_b = _student(
            hinge_loss_subgrad, w, b, X, y, lam, what=f"n={len(y)}, d={d}, lam={lam}"
        )
        hint = "grad_w = lam * w - sum over points with margin < 1 of y_i x_i, divided by n."
        if np.allclose(grad_w - lam * w, -(expected_w - lam * w), rtol=1e-6):
            hint = "the data part has the wrong sign: each active point contributes -y_i x_i / n."
        elif lam > 0 and np.allclose(grad_w, expected_w - lam * w, rtol=1e-6):
            hint = "the penalty's gradient lam * w is missing."
        assert_close(
            grad_w,
            expected_w,
            rtol=1e-9,
            atol=1e-12,
            what=f"grad_w (n={len(y)}, lam={lam})",
            hint=hint,
        )
        hint_b = "grad_b = -(sum of y_i over points with margin < 1) / n; b is not penalized."
        if lam > 0 and abs(grad_b - (expected_b + lam * b)) < 1e-9:
            hint_b = "you added lam * b: the bias is not penalized. " + hint_b
        assert_close(
            grad_b,
            expected_b,
            rtol=1e-9,
            atol=1e-12,
            what=f"grad_b (n={len(y)}, lam={lam})",
            hint=hint_b,
        )


@test_case(points=1, hidden=True)
def test_kink_rule(hinge_loss_subgrad):
    # integer data: margins exactly 1 on rows 0 and 2 (the kink), 0 on row 1, 3 on row 3
    X = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 2.0], [3.0, 5.0]])
    y = np.array([1.0, -1.0, -1.0, 1.0])
    w, b = np.array([1.0, 0.0]), 0.0
    expected_loss, expected_w, expected_b = _oracle(w, b, X, y, 0.0)
    loss, grad_w, grad_b = _student(
        hinge_loss_subgrad, w, b, X, y, 0.0, what="points exactly at margin 1"
    )
    assert_close(
        loss,
        expected_loss,
        rtol=1e-12,
        what="the loss with points at margin 1",
        hint="the hinge max(0, 1 - margin), averaged: 0 at margin 1 and above.",
    )
    m = y * (X @ w + b)
    at_most = (m <= 1).astype(float)
    hint = "grad_w = lam * w - (sum of y_i x_i over points with margin < 1) / n."
    if np.allclose(grad_w, -(at_most * y) @ X / len(y), atol=1e-12):
        hint = (
            "points with margin exactly 1 must contribute 0 (the rule is margin < 1, "
            "strictly): with <= they contribute -y_i x_i / n."
        )
    assert_close(grad_w, expected_w, atol=1e-12, what="grad_w with points at margin 1", hint=hint)
    assert_close(grad_b, expected_b, atol=1e-12, what="grad_b with points at margin 1", hint=hint)
