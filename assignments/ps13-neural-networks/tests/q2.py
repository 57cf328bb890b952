OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - sigmoid(z) = 1 / (1 + exp(-z)) elementwise, any shape, to a relative 1e-12 even where
#   it is tiny (z down to -700): test_sigmoid_values; variants "0.5 (1 + tanh(z/2))" and
#   "1 - 1/(1 + exp(z))" (both lose every digit for very negative z).
# - no overflow for |z| up to 1000 (the tests turn overflow warnings into errors):
#   test_sigmoid_no_overflow; variant "the naive formula 1/(1 + exp(-z))".
# - sigmoid_grad(z) = sigmoid(z) (1 - sigmoid(z)), to an absolute 1e-12, no overflow:
#   test_sigmoid_grad; variants "sigmoid_grad = z (1 - z) (the formula in terms of the
#   output, applied to the input)", "exp(-z) / (1 + exp(-z))**2 (overflows at z = -1000)".
# - tanh_grad(z) = 1 - tanh(z)**2, no overflow at |z| = 1000: test_tanh_grad; variants
#   "1 - z**2", "1 - tanh(z) (no square)", "1 / cosh(z)**2 (overflows)".

import numpy as np
from otter.test_files import test_case
from scipy.special import expit

from mlmath_checks import assert_close, assert_shape, call

name = "q2"
points = 5

HUGE = np.array([-1000.0, -750.0, -710.0, 0.0, 710.0, 750.0, 1000.0])


def no_overflow(func, label, z, what, hint):
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        found = call(func, z.copy(), name=label, what=what, hint=hint)
    return assert_shape(found, z.shape, what=f"{label} on {what}")


@test_case(points=1, hidden=False)
def test_small_example(sigmoid, sigmoid_grad, tanh_grad):
    z = np.array([-1.0, 0.0, 2.0])
    assert_close(
        call(sigmoid, z.copy()),
        [0.2689414213699951, 0.5, 0.8807970779778823],
        rtol=1e-12,
        what="sigmoid([-1, 0, 2])",
        reveal=True,
    )
    assert_close(
        call(sigmoid_grad, z.copy()),
        [0.19661193324148185, 0.25, 0.1049935854035065],
        rtol=1e-12,
        what="sigmoid_grad([-1, 0, 2])",
        reveal=True,
        hint="sigmoid'(z) = sigmoid(z) * (1 - sigmoid(z)), with sigmoid evaluated at z.",
    )
    assert_close(
        call(tanh_grad, z.copy()),
        [0.41997434161402614, 1.0, 0.07065082485316443],
        rtol=1e-12,
        what="tanh_grad([-1, 0, 2])",
        reveal=True,
        hint="tanh'(z) = 1 - tanh(z)**2.",
    )


@test_case(points=1, hidden=True)
def test_sigmoid_values(sigmoid):
    rng = np.random.default_rng(21)
    for shape in [(5,), (3, 4)]:
        z = rng.normal(scale=8.0, size=shape)
        found = assert_shape(
            call(sigmoid, z.copy(), what=f"an array of shape {shape}"),
            shape,
            what=f"sigmoid on an array of shape {shape}",
        )
        assert_close(
            found,
            expit(z),
            rtol=1e-12,
            what=f"sigmoid on an array of shape {shape}",
            hint=(
                "your values are right to an absolute 1e-15 but lose their relative precision "
                "where sigmoid(z) is small: a formula of the kind 1 - (something close to 1) "
                "cancels; for z < 0 use exp(z) / (1 + exp(z))."
                if np.allclose(found, expit(z), rtol=0, atol=1e-15)
                else "sigmoid(z) = 1 / (1 + exp(-z)), elementwise."
            ),
        )
    z = np.array([-700.0, -300.0, -80.0, -37.5, -20.0])
    found = call(sigmoid, z.copy(), what="very negative z (down to -700)")
    tiny = np.asarray(found, dtype=float)
    assert_close(
        found,
        expit(z),
        rtol=1e-12,
        what="sigmoid at very negative z (down to -700)",
        hint="a formula of the kind 1 - (something close to 1) loses every digit when "
        "sigmoid(z) is tiny"
        + (" (yours returns exactly 0 there)." if np.any(tiny == 0) else ".")
        + " For z < 0 use exp(z) / (1 + exp(z)).",
    )


@test_case(points=1, hidden=True)
def test_sigmoid_no_overflow(sigmoid):
    hint = (
        "exp(-z) overflows for z < -709: for negative z use the equal form "
        "exp(z) / (1 + exp(z)), whose exp(z) is at most 1 (np.where on the sign of z, or "
        "np.exp(-np.abs(z)))."
    )
    found = no_overflow(
        sigmoid, "sigmoid", HUGE, "z = [-1000, -750, -710, 0, 710, 750, 1000]", hint
    )
    assert_close(
        found, expit(HUGE), rtol=1e-12, atol=1e-300, what="sigmoid at |z| up to 1000", hint=hint
    )


@test_case(points=1, hidden=True)
def test_sigmoid_grad(sigmoid_grad):
    rng = np.random.default_rng(22)
    z = rng.normal(scale=5.0, size=(4, 5))
    found = assert_shape(
        call(sigmoid_grad, z.copy(), what="an array of shape (4, 5)"),
        (4, 5),
        what="sigmoid_grad on an array of shape (4, 5)",
    )
    expected = expit(z) * expit(-z)
    hint = "sigmoid'(z) = s * (1 - s) with s = sigmoid(z): evaluate the sigmoid first."
    if np.allclose(found, z * (1 - z), rtol=1e-9):
        hint = (
            "you computed z * (1 - z): the formula s * (1 - s) is in terms of the sigmoid's "
            "OUTPUT s = sigmoid(z), not of z."
        )
    assert_close(
        found,
        expected,
        rtol=1e-9,
        atol=1e-12,
        what="sigmoid_grad on an array of shape (4, 5)",
        hint=hint,
    )
    found = no_overflow(
        sigmoid_grad,
        "sigmoid_grad",
        HUGE,
        "z = [-1000, ..., 1000]",
        "exp(-z) overflows for z < -709: build sigmoid_grad from a sigmoid that "
        "never overflows (Question 2's sigmoid).",
    )
    assert_close(
        found, expit(HUGE) * expit(-HUGE), atol=1e-12, what="sigmoid_grad at |z| up to 1000"
    )


@test_case(points=1, hidden=True)
def test_tanh_grad(tanh_grad):
    rng = np.random.default_rng(23)
    z = rng.normal(scale=2.0, size=(3, 7))
    found = assert_shape(
        call(tanh_grad, z.copy(), what="an array of shape (3, 7)"),
        (3, 7),
        what="tanh_grad on an array of shape (3, 7)",
    )
    t = np.tanh(z)
    hint = "tanh'(z) = 1 - tanh(z)**2."
    if np.allclose(found, 1 - z**2, rtol=1e-9):
        hint = (
            "you computed 1 - z**2: the formula 1 - t**2 is in terms of the OUTPUT "
            "t = tanh(z), so take np.tanh(z) first."
        )
    elif np.allclose(found, 1 - t, rtol=1e-9):
        hint = "square the tanh: 1 - tanh(z)**2, not 1 - tanh(z)."
    assert_close(
        found,
        1 - t**2,
        rtol=1e-9,
        atol=1e-14,
        what="tanh_grad on an array of shape (3, 7)",
        hint=hint,
    )
    found = no_overflow(
        tanh_grad,
        "tanh_grad",
        HUGE,
        "z = [-1000, ..., 1000]",
        "cosh(z) overflows for |z| > 710: use 1 - np.tanh(z)**2, where tanh stays in [-1, 1].",
    )
    assert_close(found, 1 - np.tanh(HUGE) ** 2, atol=1e-12, what="tanh_grad at |z| up to 1000")
