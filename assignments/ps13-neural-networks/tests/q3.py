OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - dense_forward: Z = X @ W + b, b added to every row, shape (n, q), any n >= 1:
#   test_forward; variants "forgets the bias", "W @ X.T transposed (shape (q, n))".
# - dense_backward returns the tuple (dX, dW, db) in that order: every backward case.
# - dX = dZ @ W.T of shape (n, p): test_backward_input; variant "dX = dZ @ W (works only
#   for square W)" (the case uses p != q, and p == q with a non-symmetric W).
# - dW = X.T @ dZ, shape (p, q), with no 1/n (dZ already holds it): test_backward_weights;
#   variants "dW divided by n", "dW = dZ.T @ X (transposed)".
# - db = dZ summed over the batch, shape (q,): test_backward_bias; variants "db as the mean
#   over the batch", "db with keepdims=True (shape (1, q))".
# - oracle: central differences of L = sum(G * Z) for a random G, through the tests' own
#   forward pass (linear in each argument, so exact up to rounding).

import numpy as np
from grads import norm_relative_error, ratio_hint
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q3"
points = 6

SIZES = [(1, 3, 2), (5, 4, 3), (8, 2, 6), (6, 3, 3)]


def finite_differences(f, x, h=1e-3):
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


def problem(rng, n, p, q):
    return (
        rng.normal(size=(n, p)),
        rng.normal(size=(p, q)),
        rng.normal(size=q),
        rng.normal(size=(n, q)),
    )


def backward_of(dense_backward, G, X, W, what):
    result = call(
        dense_backward,
        G.copy(),
        X.copy(),
        W.copy(),
        what=what,
        hint="let the shapes guide you: dX = dZ @ W.T is (n, p), dW = X.T @ dZ is (p, q), "
        "db = dZ.sum(axis=0) is (q,).",
    )
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        raise AssertionError(
            "dense_backward should return a tuple (dX, dW, db) of three arrays, found "
            f"{type(result).__name__}"
            + (f" of length {len(result)}." if isinstance(result, (tuple, list)) else ".")
        )
    return result


def check_gradient(found, expected, label, shape, n, what, hint):
    shape_hint = ""
    found_shape = np.shape(np.asarray(found, dtype=float))
    if found_shape == (1,) + shape:
        shape_hint = "sum over the batch with .sum(axis=0), without keepdims=True."
    elif found_shape == shape[::-1]:
        shape_hint = "this is the transpose: a gradient has the shape of its variable."
    found = assert_shape(found, shape, what=f"{label} for {what}", hint=shape_hint or hint)
    if norm_relative_error(found, expected) > 1e-8:
        hint = (
            ratio_hint(
                found,
                expected,
                n,
                {
                    "n": f"{label} is n times too large: it sums over the "
                    "batch, it does not average.",
                    "1/n": f"{label} is n times too small: dZ already "
                    "carries the 1/n of the loss, so "
                    "sum over the batch (no mean, no extra division).",
                },
            )
            or hint
        )
        raise AssertionError(
            f"{label} for {what} is off: relative error {norm_relative_error(found, expected):.2g} "
            f"against finite differences. {hint}"
        )


@test_case(points=2, hidden=False)
def test_hand_example(dense_forward, dense_backward):
    X = np.array([[1.0, 2.0], [0.0, -1.0]])
    W = np.array([[1.0, 0.0, 2.0], [-1.0, 1.0, 0.5]])
    b = np.array([0.5, 0.0, -1.0])
    assert_close(
        call(dense_forward, X.copy(), W.copy(), b.copy()),
        [[-0.5, 2.0, 2.0], [1.5, -1.0, -1.5]],
        what="dense_forward(X, W, b)",
        reveal=True,
        hint="Z = X @ W + b, with b added to every row.",
    )
    dZ = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    dX, dW, db = backward_of(dense_backward, dZ, X, W, "the hand example")
    assert_close(dX, [[1.0, -1.0], [2.0, 0.5]], what="dX", reveal=True, hint="dX = dZ @ W.T.")
    assert_close(
        dW, [[1.0, 0.0, 0.0], [2.0, 0.0, -1.0]], what="dW", reveal=True, hint="dW = X.T @ dZ."
    )
    assert_close(db, [1.0, 0.0, 1.0], what="db", reveal=True, hint="db = dZ.sum(axis=0).")


@test_case(points=1, hidden=True)
def test_forward(dense_forward):
    rng = np.random.default_rng(31)
    for n, p, q in SIZES:
        X, W, b, _ = problem(rng, n, p, q)
        what = f"X of shape {(n, p)}, W {(p, q)}, b {(q,)}"
        found = call(dense_forward, X.copy(), W.copy(), b.copy(), what=what)
        found = assert_shape(
            found,
            (n, q),
            what=f"dense_forward on {what}",
            hint="Z = X @ W + b has one row per example and one column per unit.",
        )
        hint = "Z = X @ W + b."
        if np.allclose(found, X @ W, rtol=1e-12):
            hint = "add the bias b to every row: Z = X @ W + b."
        assert_close(
            found, X @ W + b, rtol=1e-12, atol=1e-14, what=f"dense_forward on {what}", hint=hint
        )


def backward_case(dense_backward, seed, which):
    rng = np.random.default_rng(seed)
    for n, p, q in SIZES:
        X, W, b, G = problem(rng, n, p, q)

        def loss(X=X, W=W, b=b, G=G):
            return float(np.sum(G * (X @ W + b)))

        expected = {  # before the call
            "dX": finite_differences(lambda v: loss(X=v), X),
            "dW": finite_differences(lambda v: loss(W=v), W),
            "db": finite_differences(lambda v: loss(b=v), b),
        }
        what = f"X of shape {(n, p)}, W {(p, q)}"
        dX, dW, db = backward_of(dense_backward, G, X, W, what)
        found = {"dX": dX, "dW": dW, "db": db}[which]
        shape = {"dX": (n, p), "dW": (p, q), "db": (q,)}[which]
        hint = {
            "dX": "dX = dZ @ W.T: each input feeds every unit through W.",
            "dW": "dW = X.T @ dZ (shape (p, q), like W).",
            "db": "db = dZ.sum(axis=0): the bias is added to every row.",
        }[which]
        check_gradient(found, expected[which], which, shape, n, what, hint)


@test_case(points=1, hidden=True)
def test_backward_input(dense_backward):
    backward_case(dense_backward, 32, "dX")


@test_case(points=1, hidden=True)
def test_backward_weights(dense_backward):
    backward_case(dense_backward, 33, "dW")


@test_case(points=1, hidden=True)
def test_backward_bias(dense_backward):
    backward_case(dense_backward, 34, "db")
