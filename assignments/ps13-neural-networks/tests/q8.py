OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - returns a list of dicts {"W", "b"} in LAYER order (layer 0 first), each gradient of its
#   parameter's shape: every case (grads_of); variant "appends while walking backwards
#   (the list comes out reversed)".
# - last layer: dW = As[-1].T @ dlogits, db = dlogits summed over the batch, with no
#   extra 1/n (dlogits already holds it): test_output_layer; variant "divides by n again".
# - no activation derivative at the output (the logits have none): test_output_layer;
#   variant "multiplies dlogits by activation_grad(Zs[-1])".
# - through a hidden layer: dA = dZ @ W.T, dZ_prev = dA * activation_grad(Zs[l - 1]), the
#   derivative at the PRE-activation: test_hidden_layers; variants "activation_grad of
#   the activation As[l] instead of Zs[l - 1]", "forgets the activation derivative".
# - activation_grad is the argument: test_other_activation (softplus, whose derivative is
#   the sigmoid); variant "always uses the derivative of tanh".
# - any depth, a single layer included, batches of any size including 1: sizes below.
# - nothing it is given is modified: test_inputs_unchanged; variant "stores each dZ into
#   the caller's Zs list".
# Oracle: central differences of L(params) = sum(G * logits(params)) with the tests' own
# forward pass, so dL/dlogits = G exactly; the tests pass Zs and As they computed
# themselves (a mistake in Question 7 costs nothing here).

import copy

import numpy as np
from grads import norm_relative_error, ratio_hint
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q8"
points = 8


def tanh_grad(z):
    return 1.0 - np.tanh(z) ** 2


def softplus(z):
    return np.logaddexp(0.0, z)


def softplus_grad(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # the sigmoid


def network(rng, sizes):
    return [
        {"W": rng.normal(scale=1 / np.sqrt(a), size=(a, b)), "b": rng.normal(scale=0.5, size=b)}
        for a, b in zip(sizes[:-1], sizes[1:], strict=True)
    ]


def forward(params, X, activation):
    Zs, As, A = [], [], X
    for l, layer in enumerate(params):
        As.append(A)
        Zs.append(A @ layer["W"] + layer["b"])
        if l < len(params) - 1:
            A = activation(Zs[-1])
    return Zs, As


def finite_differences(params, X, G, activation, h=1e-5):
    grads = []
    for l, layer in enumerate(params):
        grads.append({})
        for key in ("W", "b"):
            grad = np.zeros(layer[key].shape)
            for index in np.ndindex(grad.shape):
                values = []
                for step in (h, -h):
                    shifted = copy.deepcopy(params)
                    shifted[l][key][index] += step
                    values.append(np.sum(G * forward(shifted, X, activation)[0][-1]))
                grad[index] = (values[0] - values[1]) / (2 * h)
            grads[l][key] = grad
    return grads


def grads_of(mlp_backward, params, Zs, As, G, activation_grad, what):
    result = call(
        mlp_backward,
        copy.deepcopy(params),
        [z.copy() for z in Zs],
        [a.copy() for a in As],
        G.copy(),
        activation_grad,
        what=what,
    )
    L = len(params)
    if not isinstance(result, (list, tuple)) or len(result) != L:
        found = (
            f"length {len(result)}" if isinstance(result, (list, tuple)) else type(result).__name__
        )
        raise AssertionError(
            f"mlp_backward should return a list of {L} dicts (one per layer) "
            f"for {what}, found {found}."
        )
    shapes = [(layer["W"].shape, layer["b"].shape) for layer in params]
    out = []
    for l, grad in enumerate(result):
        if not isinstance(grad, dict) or "W" not in grad or "b" not in grad:
            raise AssertionError(
                f'the gradient of layer {l} should be a dict with keys "W" and "b".'
            )
        found = (
            np.shape(np.asarray(grad["W"], dtype=float)),
            np.shape(np.asarray(grad["b"], dtype=float)),
        )
        hint = ""
        if found != shapes[l] and found == shapes[L - 1 - l]:
            hint = (
                "your list looks reversed: return the layers in order, layer 0 first "
                "(fill grads[l], or reverse the list you appended to while walking back)."
            )
        W = assert_shape(
            grad["W"], shapes[l][0], what=f'the "W" gradient of layer {l} for {what}', hint=hint
        )
        b = assert_shape(
            grad["b"],
            shapes[l][1],
            what=f'the "b" gradient of layer {l} for {what}',
            hint=hint or "sum over the batch (axis 0), without keepdims.",
        )
        out.append({"W": W, "b": b})
    return out


def compare(found, expected, layers, n, what, hint):
    for l in layers:
        for key in ("W", "b"):
            error = norm_relative_error(found[l][key], expected[l][key])
            if error > 1e-6:
                better = ratio_hint(
                    found[l][key],
                    expected[l][key],
                    n,
                    {
                        "1/n": "your gradient is n times too small: dlogits already holds "
                        "the 1/n of "
                        "the loss, so sum over the batch without dividing again.",
                        "-1": "your gradient has the wrong sign.",
                    },
                )
                raise AssertionError(
                    f'mlp_backward: the "{key}" gradient of layer {l} of {len(found)} for {what} '
                    f"is off: relative error {error:.2g} against central differences (expected "
                    f"below 1e-6). Hint: {better or hint}"
                )


def check(mlp_backward, seed, cases, layers_of, hint):
    rng = np.random.default_rng(seed)
    for sizes, n, activation, activation_grad, label in cases:
        params = network(rng, sizes)
        X = rng.normal(size=(n, sizes[0]))
        G = rng.normal(size=(n, sizes[-1])) / n
        Zs, As = forward(params, X, activation)
        expected = finite_differences(params, X, G, activation)  # before the call
        what = f"layer sizes {sizes}, a batch of {n}, activation {label}"
        found = grads_of(mlp_backward, params, Zs, As, G, activation_grad, what)
        compare(found, expected, layers_of(len(sizes) - 1), n, what, hint)


@test_case(points=2, hidden=False)
def test_one_layer_by_hand(mlp_backward):
    # One layer, no hidden layer: the logits are X @ W + b, so Zs = [X @ W + b], As = [X].
    params = [{"W": np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]]), "b": np.array([0.0, 1.0])}]
    X = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]])
    G = np.array([[0.5, 0.0], [0.0, -0.5]])
    Zs = [np.array([[7.0, 5.0], [-3.0, -1.0]])]
    grads = grads_of(mlp_backward, params, Zs, [X], G, tanh_grad, "a single layer")
    assert_close(
        grads[0]["W"],
        [[0.5, 0.0], [0.0, -0.5], [1.0, 0.5]],
        what='the "W" gradient of a single layer',
        reveal=True,
        hint="dW = As[0].T @ dlogits, with As[0] = X; no activation after the last layer.",
    )
    assert_close(
        grads[0]["b"],
        [0.5, -0.5],
        what='the "b" gradient of a single layer',
        reveal=True,
        hint="db = dlogits.sum(axis=0).",
    )


@test_case(points=2, hidden=True)
def test_output_layer(mlp_backward):
    cases = [
        ([4, 5, 3], 6, np.tanh, tanh_grad, "tanh"),
        ([3, 6, 2], 1, np.tanh, tanh_grad, "tanh"),
        ([2, 4, 3, 5], 9, np.tanh, tanh_grad, "tanh"),
    ]
    check(
        mlp_backward,
        81,
        cases,
        lambda L: [L - 1],
        "the last layer: dW = As[-1].T @ dlogits and db = dlogits.sum(axis=0).",
    )


@test_case(points=2, hidden=True)
def test_hidden_layers(mlp_backward):
    cases = [
        ([4, 5, 3], 6, np.tanh, tanh_grad, "tanh"),
        ([3, 4, 6, 2], 1, np.tanh, tanh_grad, "tanh"),
        ([5, 3, 4, 6, 3], 7, np.tanh, tanh_grad, "tanh"),
    ]
    check(
        mlp_backward,
        82,
        cases,
        lambda L: range(L - 1),
        "walking back from layer l to layer l - 1: dA = dZ @ W_l.T, then "
        "dZ = dA * activation_grad(Zs[l - 1]), the derivative at the PRE-activation of layer "
        "l - 1, never at an As; and no activation derivative at the logits.",
    )


@test_case(points=1, hidden=True)
def test_other_activation(mlp_backward):
    cases = [([3, 5, 4, 2], 5, softplus, softplus_grad, "softplus")]
    check(
        mlp_backward,
        83,
        cases,
        lambda L: range(L),
        "use the activation_grad you are given (here the derivative of softplus): the network's "
        "activation is an argument, not always the same function.",
    )


@test_case(points=1, hidden=True)
def test_inputs_unchanged(mlp_backward):
    rng = np.random.default_rng(84)
    sizes = [3, 4, 2]
    params = network(rng, sizes)
    X = rng.normal(size=(5, 3))
    G = rng.normal(size=(5, 2)) / 5
    Zs, As = forward(params, X, np.tanh)
    keep = copy.deepcopy((params, Zs, As, G))
    expected = finite_differences(params, X, G, np.tanh)
    call(mlp_backward, params, Zs, As, G, tanh_grad, what="layer sizes [3, 4, 2]")
    same = all(
        np.array_equal(a, b)
        for a, b in zip(Zs + As + [G], keep[1] + keep[2] + [keep[3]], strict=True)
    )
    same = same and all(np.array_equal(params[l][k], keep[0][l][k]) for l in range(2) for k in "Wb")
    assert same, (
        "mlp_backward changed an array it was given (params, Zs, As or dlogits): build "
        "new arrays (dZ = dA * g, not dZ *= g on the caller's dlogits) and keep your dZ's in "
        "variables of your own, not in the lists Zs and As."
    )
    compare(
        grads_of(
            mlp_backward, keep[0], keep[1], keep[2], keep[3], tanh_grad, "layer sizes [3, 4, 2]"
        ),
        expected,
        range(2),
        5,
        "layer sizes [3, 4, 2]",
        "dW = As[l].T @ dZ, db = dZ.sum(axis=0).",
    )
