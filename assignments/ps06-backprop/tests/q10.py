OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q10"
points = 8

KEYS = ("W1", "b1", "W2", "b2")


def random_problem(rng, n, d, h, k):
    params = {
        "W1": rng.normal(scale=1 / np.sqrt(d), size=(d, h)),
        "b1": rng.normal(scale=0.5, size=h),
        "W2": rng.normal(scale=1 / np.sqrt(h), size=(h, k)),
        "b2": rng.normal(scale=0.5, size=k),
    }
    return params, rng.normal(size=(n, d)), rng.normal(size=(n, k))


def gradients(mlp_gradients, params, X, Y):
    grads = call(mlp_gradients, copy.deepcopy(params), copy.deepcopy(X), copy.deepcopy(Y))
    if not isinstance(grads, dict) or any(key not in grads for key in KEYS):
        found = sorted(grads) if isinstance(grads, dict) else type(grads).__name__
        raise AssertionError(
            f"mlp_gradients should return a dict with keys {list(KEYS)}, found {found}."
        )
    return {
        key: assert_shape(grads[key], np.shape(params[key]), what=f'the gradient for "{key}"')
        for key in KEYS
    }


def relative_error(a, b):
    return float(np.linalg.norm(a - b) / max(1e-12, np.linalg.norm(a) + np.linalg.norm(b)))


HINTS = {
    "W2": "dW2 = H.T @ dY_hat with dY_hat = (Y_hat - Y) / n: check the sign and the 1/n.",
    "b2": "db2 sums dY_hat = (Y_hat - Y) / n over the batch (axis 0).",
    "W1": "dW1 = X.T @ dZ1 with dZ1 = (dY_hat @ W2.T) * (1 - H**2): the tanh derivative, "
    "then X transposed on the left, giving shape (d, h).",
    "b1": "db1 sums dZ1 = (dY_hat @ W2.T) * (1 - H**2) over the batch (axis 0).",
}


@test_case(points=2, hidden=False)
def test_zero_weights(mlp_gradients):
    # With W1 = 0 and W2 = 0, H = 0 and every prediction is b2: only b2 has a gradient.
    params = {
        "W1": np.zeros((3, 4)),
        "b1": np.zeros(4),
        "W2": np.zeros((4, 2)),
        "b2": np.array([1.0, -1.0]),
    }
    X = np.array([[1.0, 2.0, 3.0], [-1.0, 0.0, 2.0]])
    Y = np.array([[0.0, 0.0], [3.0, 1.0]])
    grads = gradients(mlp_gradients, params, X, Y)
    for key in ("W1", "b1", "W2"):
        assert_close(
            grads[key],
            np.zeros(np.shape(params[key])),
            atol=1e-12,
            what=f'the gradient for "{key}" at zero weights',
            reveal=True,
        )
    assert_close(
        grads["b2"],
        [-0.5, -1.5],
        what='the gradient for "b2"',
        reveal=True,
        hint="db2 = sum over the batch of (Y_hat - Y) / n.",
    )


def check_against_finite_differences(mlp_gradients, keys, sizes, seed):
    rng = np.random.default_rng(seed)
    for n, d, h, k in sizes:
        params, X, Y = random_problem(rng, n, d, h, k)

        def loss(p, X=X, Y=Y, n=n):
            Y_hat = np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
            return 0.5 * np.sum((Y_hat - Y) ** 2) / n

        grads = gradients(mlp_gradients, params, X, Y)
        for key in keys:
            numeric = np.zeros_like(params[key])
            for index in np.ndindex(numeric.shape):
                up = {name: value.copy() for name, value in params.items()}
                down = {name: value.copy() for name, value in params.items()}
                up[key][index] += 1e-6
                down[key][index] -= 1e-6
                numeric[index] = (loss(up) - loss(down)) / 2e-6
            error = relative_error(grads[key], numeric)
            if error > 1e-6:
                raise AssertionError(
                    f'the gradient for "{key}" (batch n = {n}, d = {d}, h = {h}, k = {k}) '
                    f"disagrees with finite differences: relative error {error:.2g}, "
                    f"expected below 1e-6. Hint: {HINTS[key]}"
                )


@test_case(points=2, hidden=True)
def test_output_layer(mlp_gradients):
    sizes = [(4, 3, 5, 2), (13, 2, 3, 1), (1, 4, 2, 3)]
    check_against_finite_differences(mlp_gradients, ("W2", "b2"), sizes, seed=101)


@test_case(points=3, hidden=True)
def test_hidden_layer(mlp_gradients):
    sizes = [(4, 3, 5, 2), (13, 6, 3, 1), (7, 4, 4, 3), (1, 2, 6, 1)]
    check_against_finite_differences(mlp_gradients, ("W1", "b1"), sizes, seed=102)


@test_case(points=1, hidden=True)
def test_batch_average(mlp_gradients):
    rng = np.random.default_rng(103)
    params, X, Y = random_problem(rng, 5, 3, 4, 2)
    once = gradients(mlp_gradients, params, X, Y)
    twice = gradients(mlp_gradients, params, np.vstack([X, X]), np.vstack([Y, Y]))
    for key in KEYS:
        assert_close(
            twice[key],
            once[key],
            rtol=1e-9,
            atol=1e-12,
            what=f'the gradient for "{key}" on a batch repeated twice',
            hint="the loss averages over the batch, so every gradient carries the "
            "factor 1/n, with n = X.shape[0].",
        )
