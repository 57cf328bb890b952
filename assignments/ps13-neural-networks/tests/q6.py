OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - a list of len(layer_sizes) - 1 dicts {"W", "b"}, W of shape (fan_in, fan_out), b of
#   shape (fan_out,): test_shapes_and_biases; variant "W of shape (fan_out, fan_in)".
# - biases exactly zero: test_shapes_and_biases; variant "biases drawn like the weights".
# - W entries iid Normal(0, gain / fan_in), i.e. standard deviation sqrt(gain / fan_in):
#   test_distribution (each large layer and all layers pooled, standardized, against the
#   N(0, 1) CDF); variants "standard deviation gain / fan_in (variance and standard
#   deviation confused)", "divides by fan_out", "uniform with the right variance"
#   (the prompt asks for a normal), "sqrt(gain / (fan_in + fan_out))" (Glorot's average).
# - the gain argument is honoured: test_gain (gain = 1 and 0.5); variant "ignores gain
#   (always 2)".
# - all randomness comes from rng: test_reproducible (two calls with generators of the
#   same seed give identical parameters); variant "np.random.default_rng() inside".
# Bounds: assert_matches_cdf uses the DKW bound, which a correct answer exceeds with
# probability at most 1e-9 per check (a handful of checks per file: below 1e-8 in all).
# The smallest sample checked has 12,000 draws, bound 0.042; the wrong variants above are
# at a Kolmogorov distance of at least 0.057 (uniform with the right variance: checked only
# on the 40,000-draw layer, bound 0.016) or 0.083 (a standard deviation off by sqrt 2).

import numpy as np
import scipy.stats
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_matches_cdf, assert_shape, call, rng

name = "q6"
points = 5


def layers_of(init_params, sizes, seed, gain=None, what=None):
    args = (list(sizes), rng(seed)) if gain is None else (list(sizes), rng(seed), gain)
    what = what or f"layer_sizes = {list(sizes)}" + ("" if gain is None else f", gain = {gain}")
    params = call(init_params, *args, what=what)
    if not isinstance(params, (list, tuple)) or len(params) != len(sizes) - 1:
        found = (
            f"length {len(params)}" if isinstance(params, (list, tuple)) else type(params).__name__
        )
        raise AssertionError(
            f"init_params({list(sizes)}, ...) should return a list of {len(sizes) - 1} layers "
            f"(one per pair of consecutive sizes), found {found}."
        )
    out = []
    for l, layer in enumerate(params):
        if not isinstance(layer, dict) or "W" not in layer or "b" not in layer:
            raise AssertionError(f'layer {l} should be a dict with keys "W" and "b".')
        fan_in, fan_out = sizes[l], sizes[l + 1]
        W = np.asarray(layer["W"], dtype=float)
        hint = "W maps fan_in inputs to fan_out units: shape (fan_in, fan_out), so X @ W works."
        W = assert_shape(W, (fan_in, fan_out), what=f'layer {l}\'s "W" for {what}', hint=hint)
        b = assert_shape(layer["b"], (fan_out,), what=f'layer {l}\'s "b" for {what}')
        out.append((W, b))
    return out


def standardized_check(W, fan_in, gain, what):
    std = np.sqrt(gain / fan_in)
    spread = float(np.std(W) / std)
    hint = "draw W with rng.normal(0, np.sqrt(gain / fan_in), size=(fan_in, fan_out))."
    if abs(spread - 1) > 0.05:
        hint = (
            f"the spread of your weights is {spread:.3g} times the expected standard "
            f"deviation sqrt(gain / fan_in): the VARIANCE is gain / fan_in, with fan_in the "
            "number of inputs of the layer, and the standard deviation its square root."
        )
    assert_matches_cdf(W.ravel() / std, scipy.stats.norm.cdf, what=what, hint=hint)


@test_case(points=1, hidden=False)
def test_small_network(init_params):
    layers = layers_of(init_params, [3, 4, 2], 60)
    for l, (W, b) in enumerate(layers):
        assert_close(
            b,
            np.zeros(b.shape),
            rtol=0,
            what=f"layer {l}'s bias",
            reveal=True,
            hint="biases start at exactly 0.",
        )
        assert np.all(W != 0) and np.std(W) > 0, f"layer {l}'s weights should be random, not zeros."


@test_case(points=1, hidden=True)
def test_shapes_and_biases(init_params):
    for sizes in [[5, 1], [7, 3, 8, 2], [64, 32, 16, 10]]:
        for l, (_, b) in enumerate(layers_of(init_params, sizes, 61)):
            assert np.all(b == 0), (
                f"layer {l}'s bias should start at exactly 0 (found values up to "
                f"{float(np.max(np.abs(b))):.3g}): the weights alone break the symmetry."
            )


@test_case(points=1, hidden=True)
def test_distribution(init_params):
    sizes = [400, 100, 120, 10]
    layers = layers_of(init_params, sizes, 62)
    # Each layer with at least 12,000 weights, then all weights, standardized, pooled.
    for l, (W, _) in enumerate(layers):
        if W.size >= 12000:
            standardized_check(
                W,
                sizes[l],
                2.0,
                f"the weights of layer {l} (fan_in {sizes[l]}), divided by sqrt(2 / fan_in)",
            )
    pooled = np.concatenate(
        [W.ravel() / np.sqrt(2.0 / sizes[l]) for l, (W, _) in enumerate(layers)]
    )
    standardized_check(pooled, 1.0, 1.0, "all weights, each divided by sqrt(2 / fan_in)")


@test_case(points=1, hidden=True)
def test_gain(init_params):
    for gain, sizes in [(1.0, [300, 200]), (0.5, [150, 120, 100])]:
        layers = layers_of(init_params, sizes, 63, gain=gain)
        W = layers[0][0]
        if abs(np.std(W) / np.sqrt(2.0 / sizes[0]) - 1) < 0.05:
            raise AssertionError(
                f"with gain = {gain} your weights have the spread of gain = 2: use the gain "
                "argument, W ~ Normal(0, gain / fan_in)."
            )
        standardized_check(
            W,
            sizes[0],
            gain,
            f"the weights of layer 0 for gain = {gain}, divided by sqrt(gain / fan_in)",
        )


@test_case(points=1, hidden=True)
def test_reproducible(init_params):
    sizes = [6, 5, 4]
    first = layers_of(init_params, sizes, 64)
    second = layers_of(init_params, sizes, 64)
    for l in range(len(first)):
        assert np.array_equal(first[l][0], second[l][0]), (
            "two calls with generators of the same seed gave different weights: draw every "
            "random number from the rng argument (rng.normal(...)), never from np.random or "
            "a generator of your own."
        )
