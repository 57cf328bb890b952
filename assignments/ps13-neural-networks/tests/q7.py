OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - returns (Zs, As), two lists with one entry per layer: every case (forward_of).
# - As[0] is X and As[l] is the INPUT of layer l: test_cache; variant "As holds each
#   layer's output (As[0] = activation(Zs[0]))".
# - Zs[l] = As[l] @ W_l + b_l: test_random_networks; variant "forgets the bias of the
#   hidden layers".
# - hidden layers apply `activation`, the argument: test_random_networks (tanh and
#   softplus); variant "always uses ReLU".
# - the last layer applies no activation (the logits are Zs[-1]): test_random_networks,
#   test_single_layer; variant "applies the activation to the last layer as well" (then
#   returns it as the logits).
# - any depth, including a single layer (no hidden layer at all): test_single_layer.
# - X and params are left unchanged: test_cache (compares them with copies).

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q7"
points = 5


def softplus(z):
    return np.logaddexp(0.0, z)


def relu(z):
    return np.maximum(z, 0.0)


def network(rng, sizes):
    return [
        {"W": rng.normal(scale=1 / np.sqrt(a), size=(a, b)), "b": rng.normal(scale=0.5, size=b)}
        for a, b in zip(sizes[:-1], sizes[1:], strict=True)
    ]


def reference(params, X, activation):
    Zs, As, A = [], [], X
    for l, layer in enumerate(params):
        As.append(A)
        Zs.append(A @ layer["W"] + layer["b"])
        if l < len(params) - 1:
            A = activation(Zs[-1])
    return Zs, As


def forward_of(mlp_forward, params, X, activation, what):
    result = call(mlp_forward, copy.deepcopy(params), X.copy(), activation, what=what)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"mlp_forward should return a pair (Zs, As), found {type(result).__name__}."
        )
    Zs, As = result
    L = len(params)
    for label, value in (("Zs", Zs), ("As", As)):
        if not isinstance(value, (list, tuple)) or len(value) != L:
            found = (
                f"length {len(value)}" if isinstance(value, (list, tuple)) else type(value).__name__
            )
            raise AssertionError(
                f"{label} should be a list with one array per layer ({L} for {what}), "
                f"found {found}."
            )
    return list(Zs), list(As)


def check_network(found, expected, what):
    Zs, As = found
    Zs_ok, As_ok = expected
    for l in range(len(Zs_ok)):
        assert_shape(
            As[l],
            As_ok[l].shape,
            what=f"As[{l}] for {what}",
            hint="As[l] is the input of layer l: As[0] = X.",
        )
        assert_close(
            As[l],
            As_ok[l],
            rtol=1e-10,
            atol=1e-12,
            what=f"As[{l}] for {what}",
            hint="As[0] = X, and As[l + 1] = activation(Zs[l]) for the hidden layers.",
        )
        last = l == len(Zs_ok) - 1
        assert_shape(Zs[l], Zs_ok[l].shape, what=f"Zs[{l}] for {what}")
        hint = "Zs[l] = As[l] @ W + b."
        if last:
            hint = (
                "the logits Zs[-1] = As[-1] @ W + b, with no activation after the last layer: "
                "the softmax of the loss plays that role."
            )
        assert_close(Zs[l], Zs_ok[l], rtol=1e-10, atol=1e-12, what=f"Zs[{l}] for {what}", hint=hint)


@test_case(points=1, hidden=False)
def test_hand_example(mlp_forward):
    params = [
        {"W": np.array([[1.0, -1.0], [2.0, 0.0]]), "b": np.array([0.0, 1.0])},
        {"W": np.array([[1.0], [-2.0]]), "b": np.array([0.5])},
    ]
    X = np.array([[1.0, 1.0]])
    Zs, As = forward_of(mlp_forward, params, X, relu, "the hand example with ReLU")
    assert_close(As[0], X, what="As[0]", reveal=True, hint="As[0] is the input X itself.")
    assert_close(Zs[0], [[3.0, 0.0]], what="Zs[0] = X @ W0 + b0", reveal=True)
    assert_close(As[1], [[3.0, 0.0]], what="As[1] = relu(Zs[0])", reveal=True)
    assert_close(
        Zs[1],
        [[3.5]],
        what="the logits Zs[1] = As[1] @ W1 + b1",
        reveal=True,
        hint="no activation after the last layer.",
    )


@test_case(points=2, hidden=True)
def test_random_networks(mlp_forward):
    rng = np.random.default_rng(71)
    for sizes, n, activation, label in [
        ([4, 6, 3], 5, np.tanh, "tanh"),
        ([3, 5, 4, 2], 1, softplus, "softplus"),
        ([6, 3, 7, 5, 4], 8, np.tanh, "tanh"),
    ]:
        params = network(rng, sizes)
        X = rng.normal(size=(n, sizes[0]))
        what = f"layer sizes {sizes}, a batch of {n}, activation {label}"
        expected = reference(params, X, activation)
        found = forward_of(mlp_forward, params, X, activation, what)
        check_network(found, expected, what)


@test_case(points=1, hidden=True)
def test_single_layer(mlp_forward):
    rng = np.random.default_rng(72)
    params = network(rng, [5, 3])
    X = rng.normal(size=(4, 5))
    what = "a single layer (no hidden layer), activation tanh"
    expected = reference(params, X, np.tanh)
    found = forward_of(mlp_forward, params, X, np.tanh, what)
    check_network(found, expected, what)


@test_case(points=1, hidden=True)
def test_cache(mlp_forward):
    rng = np.random.default_rng(73)
    sizes = [3, 4, 4, 2]
    params = network(rng, sizes)
    X = rng.normal(size=(6, 3))
    keep_params, keep_X = copy.deepcopy(params), X.copy()
    expected = reference(params, X, softplus)
    result = call(mlp_forward, params, X, softplus, what="layer sizes [3, 4, 4, 2]")
    assert np.array_equal(X, keep_X) and all(
        np.array_equal(params[l][key], keep_params[l][key]) for l in range(3) for key in "Wb"
    ), "mlp_forward changed X or the parameters it was given: it must only read them."
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError("mlp_forward should return a pair (Zs, As).")
    As = list(result[1])
    if len(As) == 3 and np.shape(As[0]) == (6, 4):
        raise AssertionError(
            "As[0] should be the input X (shape (6, 3)), found shape (6, 4): As[l] holds the "
            "INPUT of layer l, which the backward pass needs to form dW_l = As[l].T @ dZ_l."
        )
    check_network(
        forward_of(mlp_forward, keep_params, keep_X, softplus, "layer sizes [3, 4, 4, 2]"),
        expected,
        "layer sizes [3, 4, 4, 2], activation softplus",
    )
