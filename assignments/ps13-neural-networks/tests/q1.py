OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - relu(z) = max(z, 0) elementwise, any shape: test_relu_values; variants "clips at 1
#   as well", "returns abs(z)".
# - relu returns a float array even for integer input (integers below 2**53 exactly):
#   test_input_unchanged; variant "np.maximum(z, 0) keeps the integer dtype".
# - relu_grad returns floats: test_grad_values; variant "relu_grad returns booleans".
# - relu_grad(z) = 1.0 where z > 0 and 0.0 where z <= 0, so 0.0 exactly at z = 0:
#   test_grad_values; variant "z >= 0 (gives 1 at 0)".
# - relu_grad is the derivative of relu, not relu itself: test_grad_values; variant
#   "relu_grad returns relu(z)".
# - the input is not modified: test_input_unchanged; variant "relu clips z in place".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q1"
points = 4


@test_case(points=1, hidden=False)
def test_small_example(relu, relu_grad):
    z = np.array([-2.0, -0.5, 0.0, 0.5, 3.0])
    assert_close(
        call(relu, z.copy()),
        [0.0, 0.0, 0.0, 0.5, 3.0],
        what="relu([-2, -0.5, 0, 0.5, 3])",
        reveal=True,
        hint="relu(z) = max(z, 0): np.maximum(z, 0).",
    )
    assert_close(
        call(relu_grad, z.copy()),
        [0.0, 0.0, 0.0, 1.0, 1.0],
        what="relu_grad([-2, -0.5, 0, 0.5, 3])",
        reveal=True,
        hint="the slope of relu: 1 where z > 0, 0 where z <= 0 (0 at z = 0).",
    )


@test_case(points=1, hidden=True)
def test_relu_values(relu):
    rng = np.random.default_rng(11)
    for shape in [(1,), (9,), (4, 6), (2, 3, 5)]:
        z = rng.normal(scale=4.0, size=shape)
        expected = np.where(z > 0, z, 0.0)
        found = assert_shape(
            call(relu, z.copy(), what=f"an array of shape {shape}"),
            shape,
            what=f"relu on an array of shape {shape}",
            hint="apply max(z, 0) elementwise: the shape must not change.",
        )
        negative = z < 0
        if np.any(found[negative] != 0):
            hint = "relu is 0 for every negative z: max(z, 0), not |z| or z."
        elif np.any(found[~negative] != z[~negative]):
            hint = "relu(z) = z for every positive z, however large: nothing is clipped above."
        else:
            hint = ""
        assert_close(found, expected, rtol=0, what=f"relu on an array of shape {shape}", hint=hint)


@test_case(points=1, hidden=True)
def test_grad_values(relu_grad):
    rng = np.random.default_rng(12)
    for shape in [(7,), (5, 4)]:
        z = rng.normal(scale=3.0, size=shape)
        z.flat[0] = 0.0
        raw = call(relu_grad, z.copy(), what=f"an array of shape {shape} with a 0")
        found = assert_shape(raw, shape, what=f"relu_grad on an array of shape {shape}")
        at_zero = float(np.asarray(found, dtype=float).flat[0])
        if at_zero != 0.0:
            hint = (
                f"at z = 0 relu_grad must be 0.0 (the convention this set uses), found "
                f"{at_zero:g}: use z > 0, not z >= 0."
            )
        elif np.any(np.asarray(found, dtype=float)[z > 0] != 1.0):
            hint = "the slope of relu is exactly 1 wherever z > 0 (not z itself)."
        else:
            hint = "the slope of relu is 0 wherever z < 0."
        assert_close(
            found,
            (z > 0).astype(float),
            rtol=0,
            what=f"relu_grad on an array of shape {shape} (one entry exactly 0)",
            hint=hint,
        )
        assert np.asarray(raw).dtype.kind == "f", (
            f"relu_grad should return a float array, found dtype {np.asarray(raw).dtype}: "
            "convert the comparison with .astype(float)."
        )


@test_case(points=1, hidden=True)
def test_input_unchanged(relu, relu_grad):
    rng = np.random.default_rng(13)
    z = rng.normal(size=(6, 3))
    keep = z.copy()
    call(relu, z, what="an array of shape (6, 3)")
    call(relu_grad, z, what="an array of shape (6, 3)")
    assert np.array_equal(z, keep), (
        "relu or relu_grad changed the array it was given: a layer's pre-activations are still "
        "needed in the backward pass. Return a new array (np.maximum(z, 0)), never z[z < 0] = 0."
    )
    ints = np.array([-3, 0, 5, 2**40])
    found = call(relu, ints.copy(), what="an integer array")
    assert np.asarray(found).dtype.kind == "f", (
        f"relu should return a float array, found dtype {np.asarray(found).dtype} for integer "
        "input: convert with np.asarray(z, dtype=float)."
    )
    assert_close(
        found, [0.0, 0.0, 5.0, 2.0**40], rtol=0, what="relu on the integers [-3, 0, 5, 2**40]"
    )
