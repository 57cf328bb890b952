OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - shape (h, d), row i the gradient of a_i: test_matches_finite_differences; variant
#   "returns the transposed Jacobian".
# - diag(1 - tanh(z)**2) W^T with z = x W + b: test_matches_finite_differences; variants
#   "forgets the derivative of tanh", "uses 1 - z**2", "leaves b out of z".
# - d and h may differ: test_matches_finite_differences (five shapes); variant "scales the
#   columns instead of the rows" (fails to broadcast when d != h).
# - any finite input, saturated units included (|z| in the hundreds): test_saturated;
#   variant "tanh written with exp", which overflows to NaN.

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q2"
points = 5


def numerical_jacobian(x, W, b, step=1e-6):
    """Central differences, column j = (layer(x + h e_j) - layer(x - h e_j)) / 2h."""
    columns = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = step
        columns.append((np.tanh((x + e) @ W + b) - np.tanh((x - e) @ W + b)) / (2 * step))
    return np.stack(columns, axis=1)


@test_case(points=1, hidden=False)
def test_shape_and_zero_point(tanh_layer_jacobian):
    W = np.array([[1.0, -2.0], [0.5, 3.0], [4.0, 0.0]])  # d = 3, h = 2
    J = assert_shape(
        call(tanh_layer_jacobian, np.zeros(3), W.copy(), np.zeros(2)),
        (2, 3),
        what="the Jacobian for d = 3, h = 2 (row i is the gradient of a_i)",
    )
    assert_close(
        J,
        W.T,
        what="the Jacobian at x = 0, b = 0 (where tanh'(0) = 1)",
        reveal=True,
        hint="at z = 0 the layer is locally linear with matrix W.T.",
    )


def _hint(J, x, W, b):
    a = np.tanh(x @ W + b)
    z = x @ W + b
    return matching_hint(
        J,
        [
            (W.T, "you returned W.T: the derivative of tanh, 1 - tanh(z)**2, is missing."),
            (W, "you returned the transpose, shape (d, h): row i must be the gradient of a_i."),
            (
                (1 - z**2)[:, None] * W.T,
                "you used 1 - z**2; the derivative of tanh at z is 1 - tanh(z)**2 = 1 - a**2.",
            ),
            (
                (1 - np.tanh(x @ W) ** 2)[:, None] * W.T,
                "the bias is missing: tanh' is evaluated at z = x @ W + b.",
            ),
            (
                W.T * (1 - a**2)[None, :] if W.shape[0] == W.shape[1] else None,
                "you scaled the columns; diag(1 - a**2) @ W.T scales row i by 1 - a_i**2.",
            ),
        ],
        "da/dx = diag(1 - tanh(z)**2) @ W.T with z = x @ W + b: the derivative of tanh "
        "is taken at z, and W is transposed.",
    )


@test_case(points=3, hidden=True)
def test_matches_finite_differences(tanh_layer_jacobian):
    rng = np.random.default_rng(2)
    for d, h in [(3, 2), (1, 4), (5, 5), (6, 3), (2, 1)]:
        for scale in [0.5, 2.0]:
            x = rng.normal(size=d)
            W = rng.normal(scale=scale, size=(d, h))
            b = rng.normal(size=h)
            expected = numerical_jacobian(x, W, b)
            what = f"the Jacobian for d = {d}, h = {h} (row i is the gradient of a_i)"
            J = call(
                tanh_layer_jacobian,
                x.copy(),
                W.copy(),
                b.copy(),
                what=what,
                hint="with d != h, diag(1 - a**2) (h x h) multiplies W.T (h x d) on "
                "the left: (1 - a**2)[:, None] * W.T.",
            )
            hint = _hint(J, x, W, b)
            J = assert_shape(J, (h, d), what=what, hint=hint)
            assert_close(
                J,
                expected,
                rtol=1e-6,
                atol=1e-8,
                what=f"the Jacobian for d = {d}, h = {h}",
                hint=hint,
            )


@test_case(points=1, hidden=True)
def test_saturated(tanh_layer_jacobian):
    # Units with |z| of several hundred (z = 601.5 and -360.2): tanh(z) = +-1 to double
    # precision, so their rows are 0; e^(2z) overflows for z > 355. The middle unit is ordinary.
    x = np.array([1.0, -2.0, 0.5])
    W = np.array([[800.0, 0.3, -300.0], [100.0, -0.2, 50.0], [2.0, 0.1, 80.0]])
    b = np.array([0.5, 0.1, -0.2])
    a = np.tanh(x @ W + b)
    expected = (1 - a**2)[:, None] * W.T
    what = "a layer with saturated units (|z| of several hundred)"
    with np.errstate(over="ignore", invalid="ignore"):
        J = call(
            tanh_layer_jacobian,
            x.copy(),
            W.copy(),
            b.copy(),
            what=what,
            hint="use np.tanh: a tanh written with exp overflows for |z| > 355.",
        )
    J = assert_shape(J, (3, 3), what=what)
    if not np.all(np.isfinite(J)):
        raise AssertionError(
            f"tanh_layer_jacobian returned inf or NaN for {what}. Use np.tanh and "
            "1 - np.tanh(z)**2: a tanh written as (e^{2z} - 1) / (e^{2z} + 1) overflows to "
            "inf / inf for z > 355, while tanh itself is just 1 there."
        )
    assert_close(
        J, expected, rtol=1e-9, atol=1e-12, what=f"the Jacobian of {what}", hint=_hint(J, x, W, b)
    )
