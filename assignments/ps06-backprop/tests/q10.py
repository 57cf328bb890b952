OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - a dict with keys W1, b1, W2, b2, each of the parameter's shape: every case (gradients);
#   variant "bias gradients with keepdims=True, shape (1, h)".
# - the output layer dW2 = H^T dY, db2 = sum of dY: test_output_layer; variant "sign
#   error".
# - the hidden layer through tanh' = 1 - H**2: test_hidden_layer; variants "forgets the
#   derivative of tanh", "transposed dW1".
# - the 1/n of the batch average, once: test_batch_average, test_output_layer; variants
#   "missing 1/n", "bias gradients as a mean (divides by n twice)".
# - batches of any size including n = 1, with d, h, k all different: test_output_layer,
#   test_hidden_layer.
# - no finite differences: test_large_targets (targets of size 1e8, where a finite
#   difference of the loss loses its digits to cancellation); variant "gradients by
#   central differences of mlp_loss".
# - expected values come from copies taken before the call: variant "zeroes X and W2 in
#   place".

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


def gradients(mlp_gradients, params, X, Y, what=None):
    grads = call(
        mlp_gradients, copy.deepcopy(params), copy.deepcopy(X), copy.deepcopy(Y), what=what
    )
    if not isinstance(grads, dict) or any(key not in grads for key in KEYS):
        found = sorted(grads) if isinstance(grads, dict) else type(grads).__name__
        raise AssertionError(
            f"mlp_gradients should return a dict with keys {list(KEYS)}, found {found}."
        )
    out = {}
    for key in KEYS:
        shape = np.shape(params[key])
        found = np.shape(np.asarray(grads[key], dtype=float))
        hint = ""
        if found == (1,) + shape:
            hint = "sum over the batch with .sum(axis=0), without keepdims=True."
        elif found == shape[::-1]:
            hint = "this is the transpose: the gradient has the shape of the parameter."
        out[key] = assert_shape(grads[key], shape, what=f'the gradient for "{key}"', hint=hint)
    return out


def complex_step(loss, params, key, step=1e-30):
    """d loss / d params[key] by the complex step: Im L(p + i t e) / t, exact to rounding.

    No subtraction, so no cancellation (unlike a finite difference): it is accurate at any
    scale of the targets, and it shares no formula with the backward pass.
    """
    grad = np.zeros(np.shape(params[key]))
    for index in np.ndindex(grad.shape):
        shifted = {name: np.array(value, dtype=complex) for name, value in params.items()}
        shifted[key][index] += 1j * step
        grad[index] = loss(shifted).imag / step
    return grad


def compare(found, expected, key, where, n):
    error = relative_error(found, expected)
    if error > 1e-6:
        hint = HINTS[key]
        for factor, text in [
            (
                float(n),
                "your gradient is n times too large: the loss averages over the "
                "batch, so dY_hat = (Y_hat - Y) / n carries the 1/n.",
            ),
            (
                1.0 / n,
                "your gradient is n times too small: the 1/n of the average appears "
                "once (in dY_hat), a sum over the batch adds the rest (no mean).",
            ),
            (
                -1.0,
                "your gradient has the wrong sign: dY_hat = (Y_hat - Y) / n, prediction "
                "minus target.",
            ),
        ]:
            if factor != 1.0 and relative_error(found, factor * expected) < 1e-6:
                hint = text
                break
        raise AssertionError(
            f'mlp_gradients: the gradient for "{key}" ({where}) is off: relative error '
            f"{error:.2g} against an exact derivative (expected below 1e-6). Hint: {hint}"
        )


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


def check_against_exact_derivatives(mlp_gradients, keys, sizes, seed):
    rng = np.random.default_rng(seed)
    for n, d, h, k in sizes:
        params, X, Y = random_problem(rng, n, d, h, k)

        def loss(p, X=X, Y=Y, n=n):
            Y_hat = np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
            return 0.5 * np.sum((Y_hat - Y) ** 2) / n

        expected = {key: complex_step(loss, params, key) for key in keys}  # before the call
        grads = gradients(
            mlp_gradients, params, X, Y, what=f"a batch n = {n}, d = {d}, h = {h}, k = {k}"
        )
        for key in keys:
            compare(grads[key], expected[key], key, f"batch n = {n}, d = {d}, h = {h}, k = {k}", n)


@test_case(points=2, hidden=True)
def test_output_layer(mlp_gradients):
    sizes = [(4, 3, 5, 2), (13, 2, 3, 1), (1, 4, 2, 3)]
    check_against_exact_derivatives(mlp_gradients, ("W2", "b2"), sizes, seed=101)


@test_case(points=2, hidden=True)
def test_hidden_layer(mlp_gradients):
    sizes = [(4, 3, 5, 2), (13, 6, 3, 1), (7, 4, 4, 3), (1, 2, 6, 1)]
    check_against_exact_derivatives(mlp_gradients, ("W1", "b1"), sizes, seed=102)


@test_case(points=1, hidden=True)
def test_large_targets(mlp_gradients):
    # Targets of size 1e8 make the loss about 1e16: a finite difference with step 1e-6
    # subtracts two such numbers and keeps only noise; backprop is exact at any scale.
    rng = np.random.default_rng(104)
    n, d, h, k = 6, 3, 4, 2
    params, X, Y = random_problem(rng, n, d, h, k)
    Y = Y * 1e8

    def loss(p):
        Y_hat = np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
        return 0.5 * np.sum((Y_hat - Y) ** 2) / n

    expected = {key: complex_step(loss, params, key) for key in KEYS}
    grads = gradients(mlp_gradients, params, X, Y, what="targets of size 1e8")
    for key in KEYS:
        compare(grads[key], expected[key], key, "targets of size 1e8", n)


@test_case(points=1, hidden=True)
def test_batch_average(mlp_gradients):
    rng = np.random.default_rng(103)
    params, X, Y = random_problem(rng, 5, 3, 4, 2)
    once = gradients(mlp_gradients, params, X, Y)
    twice = gradients(mlp_gradients, params, np.vstack([X, X]), np.vstack([Y, Y]))
    for key in KEYS:
        doubled = relative_error(twice[key], 2 * once[key]) < 1e-9
        assert_close(
            twice[key],
            once[key],
            rtol=1e-9,
            atol=1e-12,
            what=f'the gradient for "{key}" on a batch repeated twice',
            hint="it doubled with the batch: the loss averages over the batch, so every "
            "gradient carries the factor 1/n, with n = X.shape[0]."
            if doubled
            else "repeating the batch leaves the average loss, and so its gradient, unchanged.",
        )
